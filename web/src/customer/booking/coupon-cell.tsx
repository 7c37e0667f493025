import '../coupons/coupons.css';
import { Popup } from 'antd-mobile';
import { CheckCircleFill, RightOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { api } from '../../shared/api';
import { pick, type Quote } from '../../shared/catalog-types';
import { formatFen } from '../../shared/format';
import { localName, useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import type { HeldCoupon } from '../coupons/coupon-types';
import { CouponTicket, cityDate } from '../coupons/coupon-ticket';
import { useItemNames } from '../use-item-names';

/** Usable ones first, the biggest saving first; then the others with why not. */
function ordered(coupons: HeldCoupon[]): HeldCoupon[] {
  const saving = (c: HeldCoupon) => (c.usable?.applicable ? c.usable.discountFen ?? 0 : -1);
  return coupons.filter((c) => c.status === 'available' || c.status === 'locked').sort((a, b) => saving(b) - saving(a));
}

/**
 * 优惠券 on the booking page: the chosen coupon and its saving, or how many of mine apply; tapping opens the
 * list of my coupons, each saying whether it applies to this quote (`GET /api/coupons?itemCode&subtotalFen`)
 * and how much it takes off. Not with a 次卡 (`blockedBy`).
 */
export function CouponCell({ quote, couponId, blockedBy, onChoose }: { quote: Quote; couponId: string | null; blockedBy: string | null; onChoose: (id: string | null) => void }) {
  const { t, lang } = useI18n();
  const itemName = useItemNames().name;
  const [open, setOpen] = useState(false);
  const coupons = useLoad(
    (signal) => api<{ items: HeldCoupon[] }>('/api/coupons', { query: { itemCode: quote.itemCode, subtotalFen: quote.subtotalFen }, signal }).then((answer) => ordered(answer.items)),
    [quote.itemCode, quote.subtotalFen],
  );
  const usable = coupons.data?.filter((c) => c.usable?.applicable).length ?? 0;
  const chosen = couponId ? coupons.data?.find((c) => c.id === couponId) : undefined;
  const deposit = quote.kind === 'deposit';

  const summary = blockedBy ? (
    <span className="m-book-coupon-off">{blockedBy}</span>
  ) : couponId ? (
    <span className="m-book-coupon-on" data-testid="book-coupon-chosen" data-coupon-id={couponId}>
      {chosen ? `${localName(lang, chosen)} ` : ''}
      {formatFen(-quote.discountFen)}
    </span>
  ) : (
    <span className={usable > 0 ? 'm-book-coupon-count' : 'm-book-coupon-off'} data-testid="book-coupon-count" data-count={usable}>
      {deposit ? t('book.couponDeposit') : usable > 0 ? t('book.couponsUsable', { count: usable }) : t('book.couponsNone')}
    </span>
  );

  return (
    <section className="m-section" data-testid="book-coupon">
      <button type="button" className="m-book-cell" disabled={Boolean(blockedBy) || deposit} onClick={() => setOpen(true)} data-testid="book-coupon-open">
        <span className="m-book-cell-title">{t('book.coupon')}</span>
        {summary}
        <RightOutline />
      </button>
      <Popup visible={open} onMaskClick={() => setOpen(false)} onClose={() => setOpen(false)} bodyStyle={{ maxHeight: '75vh', overflowY: 'auto' }}>
        <div className="m-book-popup-title">{t('book.couponPick')}</div>
        <div className="m-coupons-list" data-testid="book-coupon-list">
          <button type="button" className="m-book-cell m-book-coupon-none" onClick={() => { setOpen(false); if (couponId) onChoose(null); }} data-testid="book-coupon-none">
            <span className="m-book-cell-title">{t('book.couponNone')}</span>
            {!couponId && <CheckCircleFill className="m-book-check" />}
          </button>
          {(coupons.data ?? []).map((c) => {
            const applicable = Boolean(c.usable?.applicable);
            return (
              <CouponTicket
                key={c.id}
                coupon={c}
                itemName={itemName}
                validity={t('coupons.validUntil', { date: cityDate(c.validUntil) })}
                muted={!applicable}
                note={applicable ? undefined : c.usable?.reason ? pick(lang, c.usable.reason) : undefined}
                side={
                  applicable ? (
                    <>
                      <span className="m-coupon-saving" data-testid="book-coupon-saving">
                        {t('book.couponSaves', { amount: formatFen(c.usable?.discountFen ?? 0) })}
                      </span>
                      {c.id === couponId && <CheckCircleFill className="m-book-check" />}
                    </>
                  ) : undefined
                }
                testId="book-coupon-option"
                data={{ 'data-coupon-id': c.id, 'data-applicable': applicable ? 'yes' : 'no', 'data-saving': String(c.usable?.discountFen ?? 0) }}
                onClick={
                  applicable
                    ? () => {
                        setOpen(false);
                        if (c.id !== couponId) onChoose(c.id);
                      }
                    : undefined
                }
              />
            );
          })}
          {coupons.data && coupons.data.length === 0 && <p className="m-empty">{t('book.couponsEmpty')}</p>}
        </div>
      </Popup>
    </section>
  );
}
