import './consult.css';
import { Badge, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { cityDate, dayText } from '../../shared/city-days';
import { formatTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useLiveEvent } from '../../shared/live-events';
import { useLoad } from '../../shared/use-load';
import { usePortal } from '../portal';
import { consultBase, type ConsultationList } from './consult-types';

/** 14:05 today, else the day: 12月5日 周六. */
function shortTime(iso: string, lang: 'zh-CN' | 'en'): string {
  const day = cityDate(new Date(iso));
  return day === cityDate(new Date()) ? formatTime(iso) : dayText(day, lang);
}

/** On the 消息 tab: my 售前咨询 conversations, latest first, each with its last message and unread count; live. Nothing when there are none. */
export function ConsultationListSection() {
  const { t, lang } = useI18n();
  const { role } = usePortal();
  const navigate = useNavigate();
  const loaded = useLoad((signal) => api<ConsultationList>(consultBase(role), { signal }), [role]);
  useLiveEvent('consultation', () => loaded.reload(true));
  useLiveEvent('reconnect', () => loaded.reload(true));
  const list = loaded.data;
  if (!list || list.items.length === 0) return null;
  return (
    <section className="m-consult-list" data-testid="consult-list" data-unread={list.unread}>
      <div className="m-consult-list-head">{t('consult.list')}</div>
      {list.items.map((c) => (
        <button type="button" key={c.id} className="m-consult-item" onClick={() => navigate(`/consultations/${encodeURIComponent(c.id)}`, { state: { from: '/messages' } })} data-testid="consult-item" data-id={c.id} data-unread={c.unread}>
          <div className="m-consult-item-main">
            <div className="m-consult-item-name">
              <span>{c.peer.name}</span>
              {c.status === 'declined' && <Tag color="default">{t('consult.declinedTag')}</Tag>}
            </div>
            <div className="m-consult-item-last">{c.lastMessage}</div>
          </div>
          <div className="m-consult-item-side">
            <span className="m-consult-item-time">{shortTime(c.lastMessageAt, lang)}</span>
            <Badge content={c.unread > 0 ? c.unread : null} />
          </div>
        </button>
      ))}
    </section>
  );
}
