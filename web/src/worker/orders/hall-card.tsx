import { Button, Card, ProgressBar, Tag } from 'antd-mobile';
import { ClockCircleOutline, EnvironmentOutline } from 'antd-mobile-icons';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { visitText } from '../../shared/city-days';
import type { HallItem, OfferMode } from './hall-api';
import { OrderTitle } from './order-status';

/** antd-mobile Tag colours of the offer modes. */
export const MODE_COLORS: Record<OfferMode, string> = { grab: 'warning', assign: 'primary', chosen: 'success' };

/** Seconds left until `iso` (0 once passed), ticking every second; null without a deadline. */
export function useSecondsLeft(iso: string | null): number | null {
  const deadline = iso ? Date.parse(iso) : null;
  const left = () => (deadline === null ? null : Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    setSeconds(left());
    if (deadline === null) return;
    const timer = setInterval(() => {
      const next = left();
      setSeconds(next);
      if (next === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return seconds;
}

/** `1:05` / `12:30` / `1:02:03`. */
export function clockText(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

interface Props {
  item: HallItem;
  from: string;
  /** Set while this card's grab is on its way. */
  grabbing: boolean;
  /** Another card is being grabbed: wait. */
  disabled: boolean;
  onGrab: (item: HallItem) => void;
  /** The window ran out on screen: the list looks again. */
  onExpired: (item: HallItem) => void;
}

/**
 * One offer in the 抢单大厅: fit, service, visit time, district and distance, pay, how it reached me, a countdown to
 * the end of the grab window (or the accept timeout) and the 抢单 / 接单 button. Never the address.
 */
export function HallCard({ item, from, grabbing, disabled, onGrab, onExpired }: Props) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const seconds = useSecondsLeft(item.expiresAt);
  const closed = seconds === 0;
  useEffect(() => {
    if (closed) onExpired(item);
    // onExpired is a fresh closure each render; fire once per card when it closes.
  }, [closed]);
  const fit = item.fit ?? null;

  return (
    <Card
      className="m-order-card m-hall-card"
      onClick={() => navigate(`/orders/${item.id}`, { state: { from } })}
      data-testid="worker-order-card"
      data-order-no={item.orderNo}
      data-status={item.status}
      data-mode={item.mode}
      data-fit={fit ?? ''}
      title={<OrderTitle order={item} />}
      extra={
        <Tag color={MODE_COLORS[item.mode]} data-testid="hall-mode">
          {t(`hall.mode.${item.mode}`)}
        </Tag>
      }
    >
      {fit !== null && (
        <div className="m-hall-fit" data-testid="hall-fit">
          <span className="m-hall-fit-label">{t('hall.fit')}</span>
          <ProgressBar percent={fit} className="m-hall-fit-bar" />
          <span className="m-hall-fit-value">{fit}%</span>
        </div>
      )}
      <div className="m-order-card-row">
        <ClockCircleOutline /> <span data-testid="worker-order-time">{visitText(item.scheduledStart, item.durationMinutes, lang)}</span>
      </div>
      <div className="m-order-card-row">
        <EnvironmentOutline /> <span>{item.districtName}</span>
        {item.distanceKm !== null && (
          <span className="m-order-distance" data-testid="hall-distance">
            {t('orders.distance', { km: item.distanceKm.toFixed(1) })}
          </span>
        )}
        {item.etaMinutes != null && (
          <span className="m-order-distance" data-testid="hall-eta">
            {t('orders.eta', { minutes: item.etaMinutes })}
          </span>
        )}
      </div>
      {item.customerRating && (
        <div className="m-hall-customer" data-testid="hall-customer-rating">
          {t('hall.customerRating', { p: item.customerRating.punctuality, c: item.customerRating.communication, e: item.customerRating.environment, a: item.customerRating.accuracy, n: item.customerRating.count })}
        </div>
      )}
      <div className="m-order-card-foot m-hall-foot">
        <div className="m-hall-pay">
          <span className="m-hall-take-home" data-testid="hall-take-home">
            <span className="m-hall-take-home-label">{t('hall.takeHome')}</span>
            <span className="m-order-price" data-testid="worker-order-price">{formatFen(item.takeHomeFen)}</span>
          </span>
          <span className="m-hall-total" data-testid="hall-total">
            {t('hall.orderTotal', { amount: formatFen(item.payFen) })}
          </span>
          {seconds !== null && (
            <span className={`m-hall-countdown${seconds <= 30 ? ' m-hall-countdown-urgent' : ''}`} data-testid="hall-countdown" data-seconds={seconds}>
              {closed ? t('hall.closed') : t(item.mode === 'grab' ? 'hall.grabLeft' : 'hall.acceptLeft', { time: clockText(seconds) })}
            </span>
          )}
        </div>
        <Button
          color="primary"
          size="small"
          shape="rounded"
          className="m-hall-grab"
          loading={grabbing}
          disabled={closed || (disabled && !grabbing)}
          onClick={(event) => {
            event.stopPropagation();
            onGrab(item);
          }}
          data-testid="hall-grab"
        >
          {t(item.mode === 'grab' ? 'hall.grab' : 'action.accept')}
        </Button>
      </div>
      <div className="m-order-no">{t('orders.no', { no: item.orderNo })}</div>
    </Card>
  );
}
