/**
 * A worker's route for one local day: their accepted jobs in time order with the ETA chain from their
 * home base (leave, travel, arrive, wait, start, end), whether or not the day was planned.
 */
import type { AppContext } from '../../../platform/app-context.js';
import { AppError } from '../../../platform/errors.js';
import { workerDayOrders } from '../../booking/index.js';
import { cityTimeZone } from '../../geo/index.js';
import { workerCard } from '../../workers/index.js';
import { dayWindow } from './build-problem.js';
import { planDay } from './plan-day.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const iso = (ms: number) => new Date(Math.round(ms)).toISOString();

export async function workerRoute(ctx: AppContext, workerId: string, date: string) {
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new AppError('VALIDATION_FAILED', {}, [{ field: 'date', code: 'format', message: { zh: '日期格式应为 YYYY-MM-DD', en: 'must be a date YYYY-MM-DD' } }]);
  }
  const timeZone = await cityTimeZone(ctx.db, ctx.config.cityCode);
  const day = dayWindow(date, timeZone);
  const [orders, card] = await Promise.all([workerDayOrders(ctx.db, workerId, day.from, day.to), workerCard(ctx.db, workerId)]);
  const empty = { date, timeZone, hasHome: !!card?.home, leaveHome: null, returnHome: null, travelKm: 0, travelMinutes: 0, workMinutes: 0, stops: [] };
  if (!orders.length) return empty;
  // Without a home base the chain starts at the first job.
  const home = card?.home ?? { lat: orders[0].lat, lng: orders[0].lng };
  // The planner's ETA chain over fixed stops only (no jobs to plan): the same travel model and lateness rule.
  const plan = planDay({
    workers: [{
      id: workerId, home, shift: { start: day.from.getTime(), end: day.to.getTime() }, skills: [],
      fixed: orders.map((o) => ({ id: o.id, location: { lat: o.lat, lng: o.lng }, start: o.start.getTime(), durationMinutes: o.durationMinutes, bufferMinutes: o.bufferMinutes })),
    }],
    jobs: [],
  }, { maxIterations: 0 });
  const route = plan.routes[0];
  const byId = new Map(orders.map((o) => [o.id, o]));
  return {
    date, timeZone, hasHome: !!card?.home,
    leaveHome: iso(route.leaveHome), returnHome: iso(route.returnHome), travelKm: Math.round(route.travelKm * 10) / 10, travelMinutes: Math.round(route.travelMinutes), workMinutes: Math.round(route.workMinutes),
    stops: route.stops.map((s) => {
      const o = byId.get(s.jobId)!;
      return {
        orderId: o.id, orderNo: o.orderNo, status: o.status, itemName: o.itemName, itemNameEn: o.itemNameEn, districtName: o.districtName, districtNameEn: o.districtNameEn,
        leave: iso(s.leave), travelKm: Math.round(s.travelKm * 10) / 10, travelMinutes: Math.round(s.travelMinutes), arrive: iso(s.arrive), waitMinutes: Math.round(s.waitMinutes),
        start: iso(s.start), end: iso(s.finish), lateMinutes: Math.round(s.lateMinutes),
      };
    }),
  };
}
