import './day-route.css';
import { useNavigate } from 'react-router';
import { formatTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { workerRoute, type RouteStop } from './route-api';

function Stop({ stop, from }: { stop: RouteStop; from: string }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const item = lang === 'en' && stop.itemNameEn ? stop.itemNameEn : stop.itemName;
  const district = lang === 'en' && stop.districtNameEn ? stop.districtNameEn : stop.districtName;
  return (
    <li className="m-route-stop" data-testid="route-stop" data-order-no={stop.orderNo}>
      <div className="m-route-leg" data-testid="route-leg">
        {t('route.travel', { minutes: stop.travelMinutes, km: stop.travelKm })}
      </div>
      <button type="button" className="m-route-visit" onClick={() => navigate(`/orders/${stop.orderId}`, { state: { from } })}>
        <span className="m-route-time">
          <span data-testid="route-arrive">{t('route.arrive', { time: formatTime(stop.arrive) })}</span>
          {stop.lateMinutes > 0 ? (
            <em className="m-route-late">{t('route.late', { minutes: stop.lateMinutes })}</em>
          ) : stop.waitMinutes > 0 ? (
            <span className="m-route-wait">{t('route.wait', { minutes: stop.waitMinutes })}</span>
          ) : null}
        </span>
        <strong>{item}</strong>
        <span className="m-route-meta" data-testid="route-service">
          {t('route.service', { from: formatTime(stop.start), to: formatTime(stop.end) })} · {district} · {t(`calendar.state.${stop.status}`)}
        </span>
      </button>
    </li>
  );
}

/** 路线: the selected day's jobs in order with the ETA chain from home (leave, travel, arrive, wait, service, home again). */
export function DayRoute({ day, from }: { day: string; from: string }) {
  const { t } = useI18n();
  const loaded = useLoad((signal) => workerRoute(day, signal), [day]);
  const route = loaded.data?.date === day ? loaded.data : undefined;
  if (loaded.error && !route) return <p className="m-route-failed">{t('route.failed')}</p>;
  if (!route || !route.stops.length) return null;
  return (
    <section className="m-route" data-testid="route-section" data-day={day}>
      <header>
        <strong>{t('route.title')}</strong>
        <span data-testid="route-summary">{t('route.summary', { count: route.stops.length, km: route.travelKm, minutes: route.travelMinutes })}</span>
      </header>
      {!route.hasHome && <p className="m-route-meta">{t('route.noHome')}</p>}
      <ol>
        <li className="m-route-home" data-testid="route-leave-home">
          {t('route.leaveHome', { time: formatTime(route.leaveHome!) })}
        </li>
        {route.stops.map((stop) => (
          <Stop key={stop.orderId} stop={stop} from={from} />
        ))}
        <li className="m-route-home" data-testid="route-back-home">
          {t('route.backHome', { time: formatTime(route.returnHome!) })}
        </li>
      </ol>
    </section>
  );
}
