import './coupons.css';
import { Button, Tabs, Tag } from 'antd-mobile';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { useItemNames } from '../use-item-names';
import type { CouponStatus, HeldCoupon } from './coupon-types';
import { CouponTicket, cityDate } from './coupon-ticket';

const TABS = ['available', 'used', 'expired'] as const;
type Tab = (typeof TABS)[number];

/** The tab a coupon is listed under: one held by an unpaid order is still mine to use, so 可用. */
const tabOf = (status: CouponStatus): Tab => (status === 'locked' ? 'available' : status);

/** `/me/coupons` 我的优惠券: 可用 / 已使用 / 已过期 (tab kept in `?tab=`), each with its rule, services and validity. */
export function MyCouponsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((key) => key === params.get('tab')) ?? 'available';
  const loaded = useLoad((signal) => api<{ items: HeldCoupon[] }>('/api/coupons', { signal }), []);
  const itemName = useItemNames().name;
  const counts = (key: Tab) => loaded.data?.items.filter((c) => tabOf(c.status) === key).length ?? 0;
  return (
    <SubPage title={t('coupons.title')}>
      <div className="m-coupons-header">
        <span />
        <Button size="small" color="primary" fill="outline" onClick={() => navigate('/me/coupon-center')} data-testid="coupons-to-center">
          {t('coupons.toCenter')}
        </Button>
      </div>
      <Tabs activeKey={tab} onChange={(key) => setParams(key === 'available' ? {} : { tab: key }, { replace: true })} data-testid="coupons-tabs">
        {TABS.map((key) => (
          <Tabs.Tab key={key} title={<span data-testid={`coupons-tab-${key}`} data-count={counts(key)}>{`${t(`coupons.tab.${key}`)} ${loaded.data ? counts(key) : ''}`.trim()}</span>} />
        ))}
      </Tabs>
      <LoadState loaded={loaded}>
        {({ items }) => {
          const shown = items.filter((c) => tabOf(c.status) === tab);
          return (
            <div className="m-coupons-list" data-testid="coupons-list" data-tab={tab}>
              {shown.length === 0 ? (
                <p className="m-empty" data-testid="coupons-empty">
                  {t(`coupons.empty.${tab}`)}
                </p>
              ) : (
                shown.map((coupon) => <HeldTicket key={coupon.id} coupon={coupon} itemName={itemName} />)
              )}
            </div>
          );
        }}
      </LoadState>
    </SubPage>
  );
}

function HeldTicket({ coupon, itemName }: { coupon: HeldCoupon; itemName: (code: string) => string }) {
  const { t, lang } = useI18n();
  const note =
    coupon.status === 'locked' ? t('coupons.locked')
    : coupon.status === 'used' && coupon.usedAt ? t('coupons.usedAt', { time: formatDateTime(coupon.usedAt, lang) })
    : undefined;
  const side =
    coupon.status === 'used' || coupon.status === 'expired' ? (
      <>
        <Tag color="default">{t(`coupons.statusTag.${coupon.status}`)}</Tag>
        {coupon.orderId && (
          <Link to={`/orders/${coupon.orderId}`} state={{ from: '/me/coupons?tab=used' }} data-testid="coupon-order">
            {t('coupons.order')}
          </Link>
        )}
      </>
    ) : coupon.status === 'locked' && coupon.orderId ? (
      <Link to={`/orders/${coupon.orderId}`} state={{ from: '/me/coupons' }} data-testid="coupon-order">
        {t('coupons.order')}
      </Link>
    ) : undefined;
  return (
    <CouponTicket
      coupon={coupon}
      itemName={itemName}
      validity={t('coupons.validUntil', { date: cityDate(coupon.validUntil) })}
      muted={coupon.status === 'used' || coupon.status === 'expired'}
      note={note}
      side={side}
      testId="coupon"
      data={{ 'data-coupon-id': coupon.id, 'data-status': coupon.status }}
    />
  );
}
