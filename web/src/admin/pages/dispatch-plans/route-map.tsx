import { polylinePoints, project } from '../../../shared/geo-map';
import type { PlanRoute, PlanUnassigned } from './plan-types';

export const ROUTE_COLOURS = ['#fa541c', '#1677ff', '#52c41a', '#722ed1', '#eb2f96', '#13c2c2', '#faad14', '#2f54eb', '#a0d911', '#f5222d', '#08979c', '#9254de'];
export const colourOf = (index: number) => ROUTE_COLOURS[index % ROUTE_COLOURS.length];

const WIDTH = 640;
const HEIGHT = 420;
const PAD = 24;

/** Every worker's route drawn home → stops → home in its own colour, with the unassigned orders as grey crosses. */
export function RouteMap({ routes, unassigned, highlight }: { routes: PlanRoute[]; unassigned: PlanUnassigned[]; highlight?: string | null }) {
  const points = [...routes.flatMap((r) => [r.home, ...r.stops.map((s) => s.location)]), ...unassigned.map((u) => u.location)];
  if (!points.length) return null;
  const { at } = project(points, { width: WIDTH, height: HEIGHT, pad: PAD });
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="a-plan-map" role="img" data-testid="plan-map">
      <rect x={0} y={0} width={WIDTH} height={HEIGHT} fill="#fafafa" rx={8} />
      {routes.map((route, i) => {
        const colour = colourOf(i);
        const dim = highlight && highlight !== route.workerId;
        const path = [route.home, ...route.stops.map((s) => s.location), route.home].map(at);
        const home = at(route.home);
        return (
          <g key={route.workerId} opacity={dim ? 0.2 : 1} data-testid={`plan-map-route-${route.workerId}`}>
            <polyline points={polylinePoints(path)} fill="none" stroke={colour} strokeWidth={2} strokeLinejoin="round" strokeDasharray={route.planned ? undefined : '4 3'} />
            <rect x={home.x - 5} y={home.y - 5} width={10} height={10} fill={colour} stroke="#fff" strokeWidth={1.5}>
              <title>{route.workerName}</title>
            </rect>
            {route.stops.map((stop, n) => {
              const p = at(stop.location);
              return (
                <g key={stop.orderId}>
                  <circle cx={p.x} cy={p.y} r={8} fill={stop.fixed ? '#fff' : colour} stroke={colour} strokeWidth={2}>
                    <title>{`${route.workerName} #${n + 1} ${stop.orderNo} ${stop.itemName}`}</title>
                  </circle>
                  <text x={p.x} y={p.y + 3.5} textAnchor="middle" fontSize={10} fontWeight={600} fill={stop.fixed ? colour : '#fff'}>
                    {n + 1}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
      {unassigned.map((u) => {
        const p = at(u.location);
        return (
          <g key={u.orderId} stroke="#8c8c8c" strokeWidth={2.5} data-testid="plan-map-unassigned">
            <line x1={p.x - 5} y1={p.y - 5} x2={p.x + 5} y2={p.y + 5} />
            <line x1={p.x - 5} y1={p.y + 5} x2={p.x + 5} y2={p.y - 5} />
            <title>{`${u.orderNo} ${u.itemName}`}</title>
          </g>
        );
      })}
    </svg>
  );
}
