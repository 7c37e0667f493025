import './coupons.css';
import { Button, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { formatFen } from '../../shared/format';
import { useI18n, type Translate } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { useFailureToast } from '../../mobile/use-form-submit';
import { useItemNames } from '../use-item-names';
import type { CenterCampaign } from './coupon-types';
import { CouponTicket, cityDate } from './coupon-ticket';

type ClaimState = 'claimable' | 'claimed' | 'sold_out';

function claimState(c: CenterCampaign): ClaimState {
  if (c.claimed >= c.perCustomer) return 'claimed';
  return c.soldOut ? 'sold_out' : 'claimable';
}

/** The face of a campaign's coupon: the amount off, or the rate (9 折 / 10% off). */
function face(t: Translate, c: CenterCampaign) {
  if (c.kind === 'percent_off' && c.offBp) return t('coupons.percent', { n: (10_000 - c.offBp) / 1000, pct: c.offBp / 100 });
  return c.offFen ? formatFen(c.offFen) : t(`coupons.kind.${c.kind}`);
}

/** `/me/coupon-center` 领券中心: open campaigns to claim from; 已领取 once I hold my limit, 已抢光 when none are left. */
export function CouponCenterPage() {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const itemName = useItemNames().name;
  const loaded = useLoad((signal) => api<{ items: CenterCampaign[] }>('/api/coupons/center', { signal }), []);
  const [claiming, setClaiming] = useState<string | null>(null);

  async function claim(campaign: CenterCampaign) {
    setClaiming(campaign.id);
    try {
      await api(`/api/coupons/center/${campaign.id}/claim`, { method: 'POST' });
      Toast.show({ icon: 'success', content: t('center.done') });
    } catch (error) {
      // Sold out or my limit reached meanwhile: said in my language, and the list shows the new state.
      showFailure(error);
    } finally {
      setClaiming(null);
      loaded.reload(true);
    }
  }

  return (
    <SubPage title={t('coupons.center')}>
      <p className="m-intro">{t('center.intro')}</p>
      <LoadState loaded={loaded}>
        {({ items }) => (
          <div className="m-coupons-list" data-testid="coupon-center">
            {items.length === 0 && (
              <p className="m-empty" data-testid="center-empty">
                {t('center.empty')}
              </p>
            )}
            {items.map((c) => {
              const state = claimState(c);
              const left = c.totalQuantity === null ? null : Math.max(0, c.totalQuantity - c.issuedCount);
              return (
                <CouponTicket
                  key={c.id}
                  coupon={c}
                  itemName={itemName}
                  face={face(t, c)}
                  validity={c.validDays ? t('coupons.validDays', { days: c.validDays }) : t('coupons.validUntil', { date: cityDate(c.endsAt) })}
                  muted={state === 'sold_out'}
                  note={c.claimed > 0 ? t('center.heldCount', { count: c.claimed, limit: c.perCustomer }) : left !== null && state === 'claimable' ? t('center.left', { count: left }) : undefined}
                  testId="center-campaign"
                  data={{ 'data-campaign-id': c.id, 'data-state': state }}
                  side={
                    <Button
                      size="mini"
                      color="primary"
                      fill={state === 'claimable' ? 'solid' : 'outline'}
                      disabled={state !== 'claimable'}
                      loading={claiming === c.id}
                      onClick={() => claim(c)}
                      data-testid="center-claim"
                    >
                      {state === 'claimed' ? t('center.claimed') : state === 'sold_out' ? t('center.soldOut') : c.claimed > 0 ? t('center.claimMore') : t('center.claim')}
                    </Button>
                  }
                />
              );
            })}
          </div>
        )}
      </LoadState>
    </SubPage>
  );
}
