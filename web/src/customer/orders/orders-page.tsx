import './orders.css';
import { Badge, Button, DotLoading, ErrorBlock, Tabs } from 'antd-mobile';
import { useNavigate, useSearchParams } from 'react-router';
import { api, errorText } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { OrderTab } from '../../shared/order-types';
import { useLoad } from '../../shared/use-load';
import { OrderCard } from './order-card';
import { BADGE_TABS, ORDER_TABS } from './order-status';
import { useOrders } from './use-orders';
import { loadToReview, ToReviewList } from '../reviews/to-review-list';

/** 待评价 sits after 待验收: not an order state but the completed orders still to review (GET /api/reviews/to-review). */
type Tab = OrderTab | 'to_review' | null;
const TABS: Tab[] = [...ORDER_TABS.slice(0, 6), 'to_review', ...ORDER_TABS.slice(6)];

function tabFrom(value: string | null): Tab {
  return TABS.find((tab) => tab === value) ?? null;
}

/** 我的订单 (bottom tab `orders`): status tabs with counts, newest first; the tab is kept in `?tab=`. */
export function OrdersPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = tabFrom(params.get('tab'));
  const counts = useLoad(async (signal) => {
    const [byTab, toReview] = await Promise.all([api<Partial<Record<OrderTab, number>>>('/api/orders/counts', { signal }), loadToReview(signal)]);
    return { ...byTab, to_review: toReview.count } as Partial<Record<OrderTab | 'to_review', number>>;
  }, [tab]);

  return (
    <div className="m-orders" data-testid="orders">
      <header className="m-orders-header">
        <div className="m-orders-title">{t('orders.title')}</div>
      </header>
      <Tabs
        activeKey={tab ?? 'all'}
        onChange={(key) => setParams(key === 'all' ? {} : { tab: key }, { replace: true })}
        className="m-orders-tabs"
        data-testid="orders-tabs"
      >
        {TABS.map((key) => {
          const count = key && (key === 'to_review' || BADGE_TABS.includes(key)) ? counts.data?.[key] ?? 0 : 0;
          return (
            <Tabs.Tab
              key={key ?? 'all'}
              title={
                <span data-testid={`orders-tab-${key ?? 'all'}`} data-count={count}>
                  <Badge content={count > 0 ? String(count) : null} className="m-orders-badge">
                    <span className="m-orders-tab-title">{t(`orders.tab.${key ?? 'all'}`)}</span>
                  </Badge>
                </span>
              }
            />
          );
        })}
      </Tabs>
      {tab === 'to_review' ? (
        <div className="m-orders-list" data-testid="orders-list">
          <ToReviewList />
        </div>
      ) : (
        <OrderList tab={tab} />
      )}
    </div>
  );
}

/** One status tab's orders, newest first, page by page. */
function OrderList({ tab }: { tab: OrderTab | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const orders = useOrders(tab);
  return (
      <div className="m-orders-list" data-testid="orders-list">
        {orders.error && !orders.items ? (
          <ErrorBlock status="default" title={t('common.loadFailed')} description={errorText(orders.error, '')}>
            <Button color="primary" size="small" onClick={orders.retry}>
              {t('common.retry')}
            </Button>
          </ErrorBlock>
        ) : !orders.items ? (
          <div className="m-center">
            <DotLoading color="primary" />
          </div>
        ) : orders.items.length === 0 ? (
          <div className="m-empty" data-testid="orders-empty">
            <p>{t('orders.empty')}</p>
            <Button color="primary" fill="outline" onClick={() => navigate('/')}>
              {t('orders.browse')}
            </Button>
          </div>
        ) : (
          <>
            {orders.items.map((order) => (
              <OrderCard key={order.id} order={order} onOpen={() => navigate(`/orders/${order.id}`, { state: { from: `/orders${tab ? `?tab=${tab}` : ''}` } })} />
            ))}
            {orders.hasMore ? (
              <Button block fill="none" loading={orders.loading} onClick={orders.more} data-testid="orders-more">
                {t('orders.loadMore')}
              </Button>
            ) : (
              <p className="m-note">{t('orders.noMore', { count: orders.total })}</p>
            )}
          </>
        )}
      </div>
  );
}
