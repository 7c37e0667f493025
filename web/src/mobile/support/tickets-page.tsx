import './support.css';
import { Button, PullToRefresh } from 'antd-mobile';
import { AddOutline } from 'antd-mobile-icons';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useLiveEvent } from '../../shared/live-events';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../layout/load-state';
import { SubPage } from '../layout/sub-page';
import { usePortal } from '../portal';
import type { TicketSummary } from './support-types';
import { TicketStatusTag } from './ticket-status';

/** `/me/support` 联系客服: my tickets (latest activity first, live) and 新建工单. */
export function TicketsPage() {
  const { t, lang } = useI18n();
  const { role } = usePortal();
  const navigate = useNavigate();
  const loaded = useLoad((signal) => api<{ items: TicketSummary[] }>('/api/support/tickets', { query: { audience: role }, signal }), [role]);
  useLiveEvent('support', () => loaded.reload(true));
  useLiveEvent('reconnect', () => loaded.reload(true));

  return (
    <SubPage title={t('support.title')}>
      <div className="m-padded">
        <Button block color="primary" onClick={() => navigate('/me/support/new')} data-testid="ticket-new">
          <AddOutline /> {t('support.new')}
        </Button>
      </div>
      <div className="m-support-caption">{t('support.mine')}</div>
      <PullToRefresh onRefresh={async () => loaded.reload(true)}>
        <LoadState loaded={loaded}>
          {({ items }) => (
            <div className="m-support-list" data-testid="tickets">
              {items.length === 0 && <p className="m-empty">{t('support.empty')}</p>}
              {items.map((ticket) => (
                <button
                  type="button"
                  key={ticket.id}
                  className="m-card-button m-ticket-card"
                  onClick={() => navigate(`/me/support/${ticket.id}`)}
                  data-testid="ticket-card"
                  data-id={ticket.id}
                  data-status={ticket.status}
                >
                  <div className="m-ticket-card-head">
                    <span className="m-ticket-subject">{ticket.subject}</span>
                    <TicketStatusTag status={ticket.status} />
                  </div>
                  <div className="m-ticket-meta">
                    {t('support.ticketNo', { no: ticket.ticketNo })} · {formatDateTime(ticket.updatedAt, lang)}
                  </div>
                </button>
              ))}
            </div>
          )}
        </LoadState>
      </PullToRefresh>
    </SubPage>
  );
}
