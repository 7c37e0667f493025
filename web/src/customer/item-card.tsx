import { Tag } from 'antd-mobile';
import { StarFill } from 'antd-mobile-icons';
import type { ItemSummary } from '../shared/catalog-types';
import { localName, useI18n } from '../shared/i18n';
import { certificateLabel, priceText, referenceText } from './catalog-text';
import { useDuration } from './use-duration';

/** One service in a list: name, certificate, duration, rating, starting price and reference range. */
export function ItemCard({ item, onOpen }: { item: ItemSummary; onOpen: (item: ItemSummary) => void }) {
  const { t, lang } = useI18n();
  const duration = useDuration();
  return (
    <button type="button" className="m-item-card" onClick={() => onOpen(item)} data-testid={`item-${item.code}`}>
      {item.photoUrls[0] && <img className="m-item-photo" src={item.photoUrls[0]} alt="" loading="lazy" />}
      <span className="m-item-body">
        <span className="m-item-name">
          {localName(lang, item)}
          {item.requiredCertificate && (
            <Tag color="primary" fill="outline" className="m-item-cert">
              {certificateLabel(t, item.requiredCertificate)}
            </Tag>
          )}
        </span>
        <span className="m-item-meta">
          {t('item.duration', { duration: duration(item.durationMinutes) })}
          <span className="m-item-rating">
            {item.ratingCount > 0 ? (
              <>
                <StarFill /> {t('item.rating', { avg: item.ratingAvg.toFixed(1), count: item.ratingCount })}
              </>
            ) : (
              t('item.noRating')
            )}
          </span>
        </span>
        <span className="m-price" data-testid="item-price">
          {priceText(t, item)}
        </span>
        <span className="m-item-reference">{referenceText(t, item)}</span>
      </span>
    </button>
  );
}
