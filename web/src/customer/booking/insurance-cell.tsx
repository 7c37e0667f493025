import { Switch, Tag } from 'antd-mobile';
import { formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';

/** `GET /api/insurance?itemCode=`: the accident insurance offered for the item's category. */
export interface InsuranceOffer {
  mode: 'off' | 'optional' | 'mandatory';
  premiumFen: number;
  coverFen: number;
}

/** The premium the order adds: a mandatory plan always, an optional one when chosen; none on a 次卡 visit (its share covers it). */
export function premiumOf(offer: InsuranceOffer, chosen: boolean, byCard: boolean): number {
  if (byCard) return 0;
  return offer.mode === 'mandatory' || (offer.mode === 'optional' && chosen) ? offer.premiumFen : 0;
}

/**
 * 意外险: hidden when the category offers none; a switch (off by default) for an optional plan; shown as included
 * for a mandatory one. Premium and cover are shown; on a 次卡 visit the optional plan is not offered.
 */
export function InsuranceCell({ offer, chosen, byCard, onChange }: { offer: InsuranceOffer; chosen: boolean; byCard: boolean; onChange: (chosen: boolean) => void }) {
  const { t } = useI18n();
  if (offer.mode === 'off') return null;
  const terms = t('book.insuranceTerms', { premium: formatFen(offer.premiumFen), cover: formatFen(offer.coverFen) });
  return (
    <section className="m-section" data-testid="book-insurance" data-mode={offer.mode} data-premium={offer.premiumFen}>
      <div className="m-book-cell">
        <span className="m-book-cell-title">
          {t('book.insurance')}
          <span className="m-book-cell-sub" data-testid="book-insurance-terms">
            {byCard ? (offer.mode === 'mandatory' ? t('book.insuranceInCard') : t('book.insuranceNotWithCard')) : terms}
          </span>
        </span>
        {offer.mode === 'mandatory' ? (
          <Tag color="primary" fill="outline" data-testid="book-insurance-included">
            {t('book.insuranceMandatory')}
          </Tag>
        ) : (
          <Switch checked={chosen && !byCard} disabled={byCard} onChange={onChange} aria-label={t('book.insurance')} data-testid="book-insurance-switch" />
        )}
      </div>
    </section>
  );
}
