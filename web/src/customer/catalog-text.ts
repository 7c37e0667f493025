import type { ItemSummary } from '../shared/catalog-types';
import { unitLabel } from '../shared/catalog-units';
import { formatFen, formatFenRange } from '../shared/format';
import type { Translate } from '../shared/i18n';

/** The name of a required certificate code (`electrician` → 电工证); unknown codes as sent. */
export function certificateLabel(t: Translate, code: string): string {
  const key = `cert.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

/** `¥50/小时 起`, or for on-site quotes `上门报价，订金 ¥60`. */
export function priceText(t: Translate, item: ItemSummary): string {
  if (item.pricingKind === 'on_site_quote') return t('item.deposit', { price: formatFen(item.priceFromFen) });
  return t('item.priceFrom', { price: formatFen(item.priceFromFen), unit: unitLabel(t, item.unit) });
}

/** `参考价 ¥40–¥60/小时`. */
export function referenceText(t: Translate, item: ItemSummary): string {
  return t('item.reference', { range: formatFenRange(item.referenceMinFen, item.referenceMaxFen), unit: unitLabel(t, item.unit) });
}
