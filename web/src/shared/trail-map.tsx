import { CITY_TIME_ZONE, formatTime } from './format';
import { GeoCanvas, polylinePoints, project, ScaleBar, type Box, type LatLng } from './geo-map';

export interface TrailMapPoint extends LatLng {
  recordedAt: string;
  accuracyM?: number;
}

export interface TrailMapLabels {
  address: string;
  checkIn: string;
  latest: string;
  sos?: string;
}

const TRAIL = '#1677ff';
const ADDRESS = '#f5222d';
const CHECK_IN = '#52c41a';
const SOS = '#cf1322';
/** At most this many points carry a time label (first and last always), so a long trail stays readable. */
const MAX_TIME_LABELS = 6;

const withSeconds = new Intl.DateTimeFormat('en-GB', { timeZone: CITY_TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** `HH:mm` labels, or `HH:mm:ss` for all of them when two labelled fixes fall in the same minute. */
function timeLabeller(points: TrailMapPoint[], shown: Set<number>): (iso: string) => string {
  const minutes = [...shown].map((i) => formatTime(points[i].recordedAt));
  return new Set(minutes).size < minutes.length ? (iso) => withSeconds.format(new Date(iso)) : formatTime;
}

/** Which points get a time label: the first, the last and evenly spaced ones between. */
function labelled(count: number): Set<number> {
  if (count <= MAX_TIME_LABELS) return new Set([...Array(count).keys()]);
  const step = (count - 1) / (MAX_TIME_LABELS - 1);
  return new Set([...Array(MAX_TIME_LABELS).keys()].map((i) => Math.round(i * step)));
}

/**
 * A location trail drawn without map tiles: the polyline of fixes (each with its time), the service address, the
 * check-in point and the latest position. The customer's card passes one point (the worker now) and the address.
 */
export function TrailMap({ points, address, checkIn, sos, labels, box = { width: 640, height: 380, pad: 36 }, testId = 'trail-map', timeLabels = true }: {
  points: TrailMapPoint[];
  address: LatLng | null;
  checkIn?: LatLng | null;
  /** Where an SOS was raised (the SOS desk). */
  sos?: LatLng | null;
  labels: TrailMapLabels;
  box?: Box;
  testId?: string;
  timeLabels?: boolean;
}) {
  const all: LatLng[] = [...points, ...(address ? [address] : []), ...(checkIn ? [checkIn] : []), ...(sos ? [sos] : [])];
  if (!all.length) return null;
  const { at, metresPerUnit } = project(all, { ...box, minSpanDeg: box.minSpanDeg ?? 0.006 });
  const path = points.map(at);
  const shown = labelled(points.length);
  const latest = path.at(-1);
  const home = address ? at(address) : null;
  const checked = checkIn ? at(checkIn) : null;
  const alarm = sos ? at(sos) : null;
  const timeOf = timeLabeller(points, shown);
  // The check-in is usually at the door: its label goes below-left so it does not cover the address's.
  const checkInCrowded = Boolean(home && checked && Math.hypot(home.x - checked.x, home.y - checked.y) < 40);
  const sosCrowded = Boolean(home && alarm && Math.hypot(home.x - alarm.x, home.y - alarm.y) < 40);
  return (
    <GeoCanvas box={box} testId={testId}>
      {path.length > 1 && <polyline points={polylinePoints(path)} fill="none" stroke={TRAIL} strokeWidth={3} strokeLinejoin="round" strokeLinecap="round" opacity={0.85} data-testid={`${testId}-line`} />}
      {path.map((p, i) => (
        <g key={points[i].recordedAt} data-testid={`${testId}-point`}>
          <circle cx={p.x} cy={p.y} r={i === path.length - 1 ? 0 : 3.5} fill="#fff" stroke={TRAIL} strokeWidth={2}>
            <title>{withSeconds.format(new Date(points[i].recordedAt))}</title>
          </circle>
          {timeLabels && shown.has(i) && (
            <text x={p.x + 7} y={p.y - 6} fontSize={11} fill="#595959" stroke="#fafafa" strokeWidth={3} paintOrder="stroke">
              {timeOf(points[i].recordedAt)}
            </text>
          )}
        </g>
      ))}
      {alarm && (
        <g data-testid={`${testId}-sos`}>
          <circle cx={alarm.x} cy={alarm.y} r={9} fill="#fff" stroke={SOS} strokeWidth={3} />
          <text x={alarm.x} y={alarm.y + 4} textAnchor="middle" fontSize={11} fontWeight={700} fill={SOS}>
            !
          </text>
          {labels.sos && (
            <text x={alarm.x + 13} y={sosCrowded ? alarm.y + 24 : alarm.y - 8} fontSize={12} fontWeight={600} fill={SOS} stroke="#fafafa" strokeWidth={3} paintOrder="stroke">
              {labels.sos}
            </text>
          )}
        </g>
      )}
      {home && (
        <g data-testid={`${testId}-address`}>
          <path d={`M${home.x},${home.y} l-9,-14 a10.5,10.5 0 1,1 18,0 z`} fill={ADDRESS} stroke="#fff" strokeWidth={1.5} />
          <circle cx={home.x} cy={home.y - 18} r={3.5} fill="#fff" />
          <text x={home.x + 12} y={home.y - 14} fontSize={12} fontWeight={600} fill={ADDRESS} stroke="#fafafa" strokeWidth={3} paintOrder="stroke">
            {labels.address}
          </text>
        </g>
      )}
      {checked && (
        <g data-testid={`${testId}-check-in`}>
          <rect x={checked.x - 6} y={checked.y - 6} width={12} height={12} transform={`rotate(45 ${checked.x} ${checked.y})`} fill={CHECK_IN} stroke="#fff" strokeWidth={1.5} />
          <text x={checkInCrowded ? checked.x - 10 : checked.x + 10} y={checked.y + 18} textAnchor={checkInCrowded ? 'end' : 'start'} fontSize={12} fontWeight={600} fill={CHECK_IN} stroke="#fafafa" strokeWidth={3} paintOrder="stroke">
            {labels.checkIn}
          </text>
        </g>
      )}
      {latest && (
        <g data-testid={`${testId}-latest`}>
          <circle cx={latest.x} cy={latest.y} r={14} fill={TRAIL} opacity={0.18} />
          <circle cx={latest.x} cy={latest.y} r={7} fill={TRAIL} stroke="#fff" strokeWidth={2.5} />
          <text x={latest.x - 12} y={latest.y - 12} fontSize={12} fontWeight={600} fill={TRAIL} stroke="#fafafa" strokeWidth={3} paintOrder="stroke" textAnchor="end">
            {labels.latest}
          </text>
        </g>
      )}
      <ScaleBar box={box} metresPerUnit={metresPerUnit} />
    </GeoCanvas>
  );
}
