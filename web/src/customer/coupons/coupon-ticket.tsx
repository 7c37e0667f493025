import type { ReactNode } from 'react';
import { pick } from '../../shared/catalog-types';
import { localName, useI18n } from '../../shared/i18n';
import type { CouponKind } from './coupon-types';

/** `2026-03-01` of an ISO time in the city's zone. */
export function cityDate(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

interface TicketProps {
  coupon: { name: string; nameEn: string; kind: CouponKind; rule: { zh: string; en: string }; itemCodes: string[] | null };
  /** The big text on the left: the amount or rate off, else the kind. */
  face?: ReactNode;
  /** Validity line. */
  validity: string;
  /** Greyed out (used, expired, not applicable). */
  muted?: boolean;
  /** Right-hand side: a button, a tag, the saving. */
  side?: ReactNode;
  /** A line under the validity (a reason, when it was used). */
  note?: ReactNode;
  /** Item names by code (one `useItemNames` per page). */
  itemName: (code: string) => string;
  testId: string;
  data?: Record<`data-${string}`, string>;
  onClick?: () => void;
}

/** One coupon as a ticket: face on the left; name, rule, services and validity; an action or state on the right. */
export function CouponTicket({ coupon, face, validity, muted, side, note, itemName, testId, data, onClick }: TicketProps) {
  const { t, lang } = useI18n();
  const items = coupon.itemCodes ? t('coupons.onlyItems', { items: coupon.itemCodes.map(itemName).join(lang === 'en' ? ', ' : '、') }) : t('coupons.allItems');
  return (
    <div className={muted ? 'm-coupon m-coupon-muted' : 'm-coupon'} data-testid={testId} {...data} onClick={onClick} role={onClick ? 'button' : undefined} tabIndex={onClick ? 0 : undefined}>
      <div className="m-coupon-face">{face ?? t(`coupons.kind.${coupon.kind}`)}</div>
      <div className="m-coupon-body">
        <div className="m-coupon-name">{localName(lang, coupon)}</div>
        <div className="m-coupon-rule" data-testid="coupon-rule">
          {pick(lang, coupon.rule)}
        </div>
        <div className="m-coupon-meta" data-testid="coupon-items">
          {items}
        </div>
        <div className="m-coupon-meta" data-testid="coupon-validity">
          {validity}
        </div>
        {note && <div className="m-coupon-note">{note}</div>}
      </div>
      {side && <div className="m-coupon-side">{side}</div>}
    </div>
  );
}
