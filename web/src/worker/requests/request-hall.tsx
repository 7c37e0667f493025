import './requests.css';
import { PullToRefresh } from 'antd-mobile';
import { useI18n } from '../../shared/i18n';
import { useLiveEvent } from '../../shared/live-events';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../../mobile/layout/load-state';
import { usePolling } from '../orders/use-polling';
import { workerRequests } from './request-api';
import { RequestCard } from './request-card';

const POLL_MS = 30_000;

/** 抢单大厅 → 需求: the open requests I was invited to quote for (polled; a new invitation's notice reloads at once). */
export function RequestHall() {
  const { t } = useI18n();
  const loaded = useLoad((signal) => workerRequests.list(signal), []);
  usePolling(() => loaded.reload(true), POLL_MS, true);
  useLiveEvent('notification', (data) => data.linkKind === 'request' && loaded.reload(true));
  useLiveEvent('reconnect', () => loaded.reload(true));
  return (
    <PullToRefresh onRefresh={async () => loaded.reload(true)}>
      <LoadState loaded={loaded}>
        {({ items }) => (
          <div className="m-order-list" data-testid="orders-requests" data-count={items.length}>
            {items.length === 0 && <p className="m-empty">{t('wreq.empty')}</p>}
            {items.map((request) => (
              <RequestCard key={request.id} request={request} />
            ))}
            {items.length > 0 && <p className="m-note">{t('wreq.hint')}</p>}
          </div>
        )}
      </LoadState>
    </PullToRefresh>
  );
}
