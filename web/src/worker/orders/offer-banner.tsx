import './hall.css';
import { Tag } from 'antd-mobile';
import { useI18n } from '../../shared/i18n';
import type { HallItem } from './hall-api';
import { clockText, MODE_COLORS, useSecondsLeft } from './hall-card';

/** On the page of an order offered to me: how it reached me, my fit and the time left to grab / accept it. */
export function OfferBanner({ offer }: { offer: HallItem }) {
  const { t } = useI18n();
  const seconds = useSecondsLeft(offer.expiresAt);
  return (
    <div className="m-offer-banner" data-testid="offer-banner" data-mode={offer.mode}>
      <Tag color={MODE_COLORS[offer.mode]}>{t(`hall.mode.${offer.mode}`)}</Tag>
      {offer.fit !== null && <span data-testid="offer-fit">{t('hall.fitValue', { fit: offer.fit })}</span>}
      {seconds !== null && (
        <span className={`m-hall-countdown${seconds <= 30 ? ' m-hall-countdown-urgent' : ''}`} data-testid="offer-countdown">
          {seconds === 0 ? t('hall.closed') : t(offer.mode === 'grab' ? 'hall.grabLeft' : 'hall.acceptLeft', { time: clockText(seconds) })}
        </span>
      )}
    </div>
  );
}
