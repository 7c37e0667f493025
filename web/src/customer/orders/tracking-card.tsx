import { api } from '../../shared/api';
import { formatTime } from '../../shared/format';
import { translate, useI18n, type Messages } from '../../shared/i18n';
import { useLiveEvent } from '../../shared/live-events';
import type { CustomerTracking } from '../../shared/tracking-types';
import { TrailMap } from '../../shared/trail-map';
import { useLoad } from '../../shared/use-load';

const TEXT: Messages = {
  title: ['师傅位置', "Worker's location"],
  waiting: ['师傅已出发，正在获取师傅的位置…', 'The worker has set off; waiting for their location…'],
  distance: ['距您约 {distance}', 'About {distance} away'],
  eta: ['预计 {minutes} 分钟后到达（{time}）', 'Arrives in about {minutes} min ({time})'],
  near: ['师傅即将到达', 'The worker is about to arrive'],
  updated: ['位置更新于 {time}', 'Location updated {time}'],
  stale: ['师傅的位置已有一段时间未更新，可能信号不佳', "The worker's location has not updated for a while (weak signal?)"],
  model: ['按直线距离 ×{factor}、市区平均 {speed} km/h 估算；师傅到达后不再显示位置', 'Estimated from straight-line distance × {factor} at {speed} km/h in town; hidden once the worker arrives'],
  me: ['我家', 'My place'],
  worker: ['师傅', 'Worker'],
};

function distanceText(km: number, lang: 'zh-CN' | 'en') {
  if (km < 1) return lang === 'en' ? `${Math.round(km * 1000)} m` : `${Math.round(km * 1000)} 米`;
  return lang === 'en' ? `${km.toFixed(1)} km` : `${km.toFixed(1)} 公里`;
}

/**
 * 师傅位置 while the worker is on the way: a small map (the worker and my address), the distance and an ETA.
 * Refreshed by the live `tracking` event each time the worker's phone reports; the order page stops showing it
 * once the worker has arrived (the order leaves 上门中), and the API returns no position after that either.
 */
export function TrackingCard({ orderId }: { orderId: string }) {
  const { lang } = useI18n();
  const tr = (key: string, vars?: Record<string, string | number>) => translate(TEXT, lang, key, vars);
  const loaded = useLoad((signal) => api<CustomerTracking>(`/api/orders/${encodeURIComponent(orderId)}/tracking`, { signal }), [orderId]);
  useLiveEvent('tracking', (data) => data.orderId === orderId && loaded.reload(true));
  useLiveEvent('reconnect', () => loaded.reload(true));
  const tracking = loaded.data;
  if (!tracking?.sharing) return null;
  const { position, destination, eta } = tracking;
  return (
    <section className="m-section" data-testid="order-tracking" data-stale={tracking.stale ? 'true' : 'false'} data-recorded-at={position?.recordedAt ?? ''} data-eta-minutes={eta?.minutes ?? ''}>
      <div className="m-section-title">{tr('title')}</div>
      {!position || !eta ? (
        <div className="m-order-muted" data-testid="tracking-waiting">{tr('waiting')}</div>
      ) : (
        <>
          <TrailMap
            points={[position]}
            address={destination}
            labels={{ address: tr('me'), checkIn: '', latest: tr('worker') }}
            box={{ width: 360, height: 220, pad: 34 }}
            testId="tracking-map"
            timeLabels={false}
          />
          <div className="m-tracking-eta" data-testid="tracking-eta" style={{ marginTop: 10, fontSize: 15, fontWeight: 600 }}>
            {eta.minutes === 0 ? tr('near') : `${tr('distance', { distance: distanceText(eta.distanceKm, lang) })} · ${tr('eta', { minutes: eta.minutes, time: formatTime(eta.at) })}`}
          </div>
          <div className="m-order-muted" data-testid="tracking-updated">{tr('updated', { time: formatTime(position.recordedAt) })}</div>
          {tracking.stale && <div className="m-order-muted" style={{ color: '#fa8c16' }}>{tr('stale')}</div>}
          <div className="m-order-muted" style={{ fontSize: 11 }}>{tr('model', { factor: tracking.travelModel.roadFactor, speed: tracking.travelModel.speedKmh })}</div>
        </>
      )}
    </section>
  );
}
