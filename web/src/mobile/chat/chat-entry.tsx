import './chat.css';
import { Badge, Button } from 'antd-mobile';
import { MessageOutline } from 'antd-mobile-icons';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useLiveEvent } from '../../shared/live-events';
import { useLoad } from '../../shared/use-load';
import { usePortal } from '../portal';
import { chatPath, type Chat } from './chat-types';

/** On an order page: 私信师傅 / 私信客户 with the number of unread messages, kept current by live `chat` events. */
export function ChatEntry({ orderId, from }: { orderId: string; from: string }) {
  const { t } = useI18n();
  const { role } = usePortal();
  const navigate = useNavigate();
  const loaded = useLoad((signal) => api<Chat>(chatPath(role, orderId), { signal }), [role, orderId]);
  useLiveEvent('chat', (data) => data.orderId === orderId && loaded.reload(true));
  useLiveEvent('reconnect', () => loaded.reload(true));
  const unread = loaded.data?.unread ?? 0;
  return (
    <section className="m-section m-chat-entry" data-testid="chat-entry" data-unread={unread}>
      <span className="m-chat-entry-hint">{t('chat.entryHint')}</span>
      <Badge content={unread > 0 ? unread : null}>
        <Button size="small" color="primary" fill="outline" onClick={() => navigate(`/orders/${orderId}/chat`, { state: { from } })} data-testid="chat-open">
          <MessageOutline /> {t(`chat.entry.${role}`)}
        </Button>
      </Badge>
    </section>
  );
}
