import type { Adjustment, PricingModel, TimeRule } from '../../../shared/catalog-types';
import { formatFen } from '../../../shared/format';
import type { Translate } from '../../../shared/i18n';

/** The catalogue's own unit price of a model (per hour / unit / package; the deposit of on-site quotes). */
export function basePriceFen(model: PricingModel): number {
  switch (model.kind) {
    case 'fixed':
    case 'package':
      return model.priceFen;
    case 'hourly':
      return model.pricePerHourFen;
    case 'per_unit':
      return model.unitPriceFen;
    case 'on_site_quote':
      return model.depositFen;
  }
}

/** `+¥30` or `+20%`. */
export function adjustmentLabel(adjustment: Adjustment | undefined): string {
  if (!adjustment) return '—';
  return adjustment.type === 'fixed' ? `+${formatFen(adjustment.fen)}` : `+${adjustment.bp / 100}%`;
}

/** When a time rule applies, e.g. `20:00 至次日 08:00`, `每周 周六、周日`, `3 小时内上门`. */
export function ruleConfigText(t: Translate, rule: TimeRule): string {
  switch (rule.kind) {
    case 'night':
      return t('rule.nightText', { from: rule.from ?? '—', until: rule.until ?? '—' });
    case 'weekend':
      return t('rule.daysText', { days: (rule.days ?? [6, 0]).map((day) => t(`weekday.${day}`)).join('、') });
    case 'urgent':
      return t('rule.urgentText', { hours: rule.withinHours ?? '—' });
    case 'holiday':
      return t('rule.datesText', { dates: (rule.dates ?? []).join('、') || '—' });
  }
}
