import type { CalendarEntry } from '../../shared/order-types';
import { useLoad } from '../../shared/use-load';
import { workerOrders } from '../orders/order-api';
import { addDays, cityDate } from '../../shared/city-days';

/** The accepted work of the week starting `monday` (`GET /api/worker/calendar`), by local day. */
export function useWeek(monday: string) {
  return useLoad(async (signal) => {
    const { items } = await workerOrders.calendar(monday, addDays(monday, 6), signal);
    const byDay = new Map<string, CalendarEntry[]>();
    for (const entry of [...items].sort((a, b) => a.start.localeCompare(b.start))) {
      const day = cityDate(new Date(entry.start));
      byDay.set(day, [...(byDay.get(day) ?? []), entry]);
    }
    return byDay;
  }, [monday]);
}
