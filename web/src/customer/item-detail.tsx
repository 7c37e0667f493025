import { List } from 'antd-mobile';
import { unitLabel } from '../shared/catalog-units';
import { formatFenRange } from '../shared/format';
import { localName, useI18n } from '../shared/i18n';
import type { CatalogCategory, CatalogItem } from '../shared/types';
import { useDuration } from './use-duration';

/** The facts of one service item, shown in a bottom sheet. */
export function ItemDetail({ item, category }: { item: CatalogItem; category: CatalogCategory }) {
  const { t, lang } = useI18n();
  const duration = useDuration();
  const price = t('item.perUnit', { price: formatFenRange(item.referenceMinFen, item.referenceMaxFen), unit: unitLabel(t, item.unit) });
  return (
    <div data-testid="item-detail">
      <h2 className="m-popup-title">{localName(lang, item)}</h2>
      <List>
        <List.Item extra={`${category.icon} ${localName(lang, category)}`.trim()}>{t('item.category')}</List.Item>
        <List.Item extra={<span className="m-price">{price}</span>}>{t('item.price')}</List.Item>
        <List.Item extra={duration(item.durationMinutes)}>{t('item.durationLabel')}</List.Item>
        {item.description && <List.Item description={item.description}>{t('item.description')}</List.Item>}
      </List>
    </div>
  );
}
