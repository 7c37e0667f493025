import './orders.css';
import { Button, NavBar, NoticeBar, PullToRefresh, Segmented } from 'antd-mobile';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../../mobile/layout/load-state';
import { useApplication } from '../use-application';
import { workerOrders, type WorkerOrderView } from './order-api';
import { OrderCard } from './order-card';
import { OrderHall } from './order-hall';
import { RequestHall } from '../requests/request-hall';

/** 需求 sits beside the hall: custom requests I was invited to quote for (not orders yet). */
type View = WorkerOrderView | 'requests';
const VIEWS: View[] = ['offers', 'requests', 'upcoming', 'history'];

function viewOf(value: string | null): View {
  return VIEWS.includes(value as View) ? (value as View) : 'offers';
}

/** 接单: the 抢单大厅 (offers, best fit first, polled), upcoming work and history. */
export function OrdersTab() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const view = viewOf(params.get('view'));

  return (
    <div className="m-orders-tab">
      <NavBar className="m-navbar" backIcon={false}>
        {t('tab.orders')}
      </NavBar>
      <OnlineNotice />
      <div className="m-orders-views">
        <Segmented
          block
          value={view}
          onChange={(next) => setParams(next === 'offers' ? {} : { view: String(next) }, { replace: true })}
          options={VIEWS.map((value) => ({ value, label: <span data-testid={`orders-view-${value}`}>{t(`orders.view.${value}`)}</span> }))}
        />
      </div>
      {view === 'offers' ? <OrderHall /> : view === 'requests' ? <RequestHall /> : <MyOrders view={view} />}
    </div>
  );
}

/** 待服务 / 历史: my accepted work. */
function MyOrders({ view }: { view: Exclude<WorkerOrderView, 'offers'> }) {
  const { t } = useI18n();
  const loaded = useLoad((signal) => workerOrders.list(view, signal), [view]);
  return (
    <PullToRefresh onRefresh={async () => loaded.reload(true)}>
      <LoadState loaded={loaded}>
        {({ items }) => (
          <div className="m-order-list" data-testid={`orders-${view}`}>
            {items.length === 0 && <p className="m-empty">{t(`orders.empty.${view}`)}</p>}
            {items.map((order) => (
              <OrderCard key={order.id} order={order} from={`/orders?view=${view}`} />
            ))}
          </div>
        )}
      </LoadState>
    </PullToRefresh>
  );
}

/** Offers only reach approved workers who are online: say so, with the way to the switch on the home tab. */
function OnlineNotice() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data: app } = useApplication();
  if (!app || (app.status === 'approved' && app.online && !app.suspendedUntil)) return null;
  const key = app.status !== 'approved' ? 'orders.notApproved' : app.suspendedUntil ? 'orders.suspended' : 'orders.offline';
  return (
    <NoticeBar
      className="m-notice"
      color="alert"
      wrap
      content={t(key)}
      data-testid="orders-online-notice"
      extra={
        app.status === 'approved' && !app.suspendedUntil ? (
          <Button size="mini" color="primary" fill="none" onClick={() => navigate('/')}>
            {t('orders.goOnline')}
          </Button>
        ) : undefined
      }
    />
  );
}
