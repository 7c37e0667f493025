import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Empty, Image, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { orderErrorText } from './order-format';

/** One message of an order's conversation as support reads it (`GET /api/admin/orders/:id/chat`). */
export interface ChatMessage {
  id: string;
  from: 'customer' | 'worker' | 'support' | 'system';
  kind: 'text' | 'quick' | 'image';
  /** Plain text, contacts already masked (shown as text, never as HTML). */
  body: string;
  /** A photo, served to admins with orders:read through their cookie. */
  imageUrl: string | null;
  /** How many contact details were masked. */
  masked: number;
  createdAt: string;
}

export interface AdminChat {
  orderId: string;
  orderNo: string;
  /** Whether the two sides may still write (from acceptance until the order closes). */
  open: boolean;
  /** not_started before the order has a worker (待支付 / 待接单), open while they may write, closed after. */
  phase: 'not_started' | 'open' | 'closed';
  /** 售前咨询 between the order's customer and its worker before the booking, shown above. */
  earlier: { consultationId: string; items: ChatMessage[] } | null;
  items: ChatMessage[];
}

/**
 * 聊天记录: the conversation between the order's customer and worker (read-only here, for support and disputes):
 * texts, quick replies and photos with who sent them; masked contact details are marked.
 */
export function OrderChatSection({ orderId }: { orderId: string }) {
  const { t, lang } = useI18n();
  const loaded = useLoad((signal) => api<AdminChat>(`/api/admin/orders/${orderId}/chat`, { signal }), [orderId]);
  const chat = loaded.data?.orderId === orderId ? loaded.data : undefined;
  const message = (m: ChatMessage) => (
    <div key={m.id} className={`a-chat-msg a-chat-${m.from}`} data-testid="order-chat-message" data-from={m.from} data-kind={m.kind}>
      <div className="a-chat-meta">
        <Tag color={SENDER_COLORS[m.from]} className="a-chat-sender">{t(`order.chat.from.${m.from}`)}</Tag>
        <span>{formatDateTime(m.createdAt, lang)}</span>
      </div>
      <div className="a-chat-bubble">
        {m.kind === 'image' && m.imageUrl ? (
          <Image src={m.imageUrl} width={120} height={120} className="a-order-photo" alt={t('order.chat.photo')} data-testid="order-chat-photo" />
        ) : (
          <span className="a-pre" data-testid="order-chat-body">{m.body}</span>
        )}
        {(m.kind === 'quick' || m.masked > 0) && (
          <Space size={4} className="a-chat-flags">
            {m.kind === 'quick' && <Tag>{t('order.chat.quick')}</Tag>}
            {m.masked > 0 && (
              <Tooltip title={t('order.chat.maskedHint')}>
                <Tag color="warning" data-testid="order-chat-masked">{t('order.chat.masked', { count: m.masked })}</Tag>
              </Tooltip>
            )}
          </Space>
        )}
      </div>
    </div>
  );
  return (
    <section data-testid="order-chat" data-count={chat?.items.length ?? ''}>
      <div className="a-toolbar" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('order.section.chat')}
        </Typography.Title>
        {chat && (
          <Tag color={chat.phase === 'open' ? 'green' : 'default'} data-testid="order-chat-open" data-open={chat.open} data-phase={chat.phase}>
            {t(`order.chat.${chat.phase === 'not_started' ? 'notStarted' : chat.phase}`)}
          </Tag>
        )}
        <span className="a-toolbar-spacer" />
        <Button type="link" size="small" icon={<ReloadOutlined />} onClick={() => loaded.reload()} data-testid="order-chat-refresh">
          {t('fin.refresh')}
        </Button>
      </div>
      {loaded.error !== undefined && (
        <Alert type="error" showIcon title={t('common.loadFailed')} description={orderErrorText(t, loaded.error)} action={<Button onClick={() => loaded.reload()}>{t('common.retry')}</Button>} />
      )}
      {!chat && loaded.error === undefined && <Skeleton active paragraph={{ rows: 2 }} />}
      {chat && chat.items.length === 0 && !chat.earlier && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('order.chat.empty')} />}
      {chat && (chat.items.length > 0 || chat.earlier) && (
        <Image.PreviewGroup>
          <div className="a-chat" data-testid="order-chat-messages">
            {chat.earlier && (
              <div data-testid="order-chat-earlier">
                <Divider plain>{t('order.chat.earlier', { count: chat.earlier.items.length })}</Divider>
                {chat.earlier.items.map((m) => message(m))}
                <Divider plain>{t('order.chat.orderStart')}</Divider>
              </div>
            )}
            {chat.items.map((m) => message(m))}
          </div>
        </Image.PreviewGroup>
      )}
    </section>
  );
}

const SENDER_COLORS: Record<ChatMessage['from'], string> = { customer: 'blue', worker: 'orange', support: 'purple', system: 'default' };
