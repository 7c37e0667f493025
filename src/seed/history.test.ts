import { describe, expect, it } from 'vitest';
import type { ItemRow } from '../domains/catalog/queries.js';
import type { PricingModel } from '../domains/catalog/pricing/index.js';
import { HISTORY, planHistory, type HistoryCustomer, type HistoryWorker } from './history.js';
import { rng } from './random.js';

const MIN = 60_000;
const ZONE = 8 * 3_600_000;
const NOW = new Date('2026-12-07T06:00:00Z');

const everyDay = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 20 * 60 }));
const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 }));
const worker = (id: string, phone: string, hours: HistoryWorker['hours']): HistoryWorker => ({
  id, phone, name: '王建国', trade: 'cleaner', districtCode: '310104', homeLat: 31.19, homeLng: 121.437, radiusKm: 10, itemCodes: ['daily-cleaning'], hours, experienceYears: 5,
});
const workers = [worker('w-demo', '13900000001', everyDay), ...Array.from({ length: 40 }, (_, i) => worker(`w-${i}`, `1390000${String(i + 100).padStart(4, '0')}`, weekdays))];
const customers: HistoryCustomer[] = Array.from({ length: 8 }, (_, i) => ({
  id: `c-${i}`, name: '李秀英', phone: `138000000${String(i + 1).padStart(2, '0')}`, gender: 'female', districtCode: '310104', districtName: '徐汇区',
  lat: 31.19 + i * 0.004, lng: 121.437, detail: `漕溪北路 ${i + 1} 号`,
}));
// One hourly item priced flat: the plan's business is time and people, not prices (the engine has its own tests).
const model: PricingModel = { kind: 'hourly', pricePerHourFen: 5000, minHours: 2, maxHours: 8, stepHours: 0.5 };
const items = new Map([['daily-cleaning', {
  row: { code: 'daily-cleaning', duration_minutes: 120 } as ItemRow, model, pick: () => ({ quantity: 2, options: {} }),
  quoteAt: (_start: Date, _created: Date, quantity: number) => ({ quote: { quantity }, totalFen: quantity * 5000 }),
}]]);

describe('planHistory', () => {
  const orders = planHistory(rng(7), NOW, workers, customers, items, '13900000001', '13800000001');

  it('gives the demo worker a rich past and leaves some workers new', () => {
    const demo = orders.filter((o) => o.worker.id === 'w-demo');
    expect(demo.length).toBeGreaterThan(HISTORY.demoWorkerOrders * 0.9);
    const withHistory = new Set(orders.map((o) => o.worker.id));
    expect(withHistory.size).toBeLessThan(workers.length);
    expect(withHistory.size).toBeGreaterThan(workers.length / 3);
  });

  it('books every visit inside the worker\'s hours on a working day, in the last 90 days, never overlapping', () => {
    const byWorker = new Map<string, [number, number][]>();
    for (const o of orders) {
      const local = new Date(o.start.getTime() + ZONE);
      const hours = o.worker.hours.find((h) => h.weekday === local.getUTCDay());
      expect(hours, `${o.worker.id} works on ${local.getUTCDay()}`).toBeDefined();
      const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
      expect(minute % 30).toBe(0);
      expect(minute).toBeGreaterThanOrEqual(hours!.startMinute);
      expect(minute + o.durationMinutes).toBeLessThanOrEqual(hours!.endMinute);
      expect(NOW.getTime() - o.start.getTime()).toBeGreaterThan(2 * 86_400_000);
      expect(NOW.getTime() - o.start.getTime()).toBeLessThan((HISTORY.days + 1) * 86_400_000);
      const list = byWorker.get(o.worker.id) ?? [];
      list.push([o.start.getTime(), o.start.getTime() + o.durationMinutes * MIN]);
      byWorker.set(o.worker.id, list);
    }
    for (const list of byWorker.values()) {
      list.sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < list.length; i++) expect(list[i]![0]).toBeGreaterThanOrEqual(list[i - 1]![1]);
    }
  });

  it('runs each visit in order, late only past the 10-minute grace, and finishes everything before now', () => {
    for (const o of orders) {
      expect(o.createdAt < o.paidAt && o.paidAt < o.acceptedAt && o.acceptedAt < o.start).toBe(true);
      if (o.outcome === 'no_show') {
        expect(o.startedAt).toBeNull();
        expect(o.cancelledAt!.getTime()).toBe(o.start.getTime() + 30 * MIN);
        continue;
      }
      expect(o.departedAt! < o.startedAt!).toBe(true);
      expect(o.late).toBe(o.startedAt!.getTime() > o.start.getTime() + 10 * MIN);
      expect(o.startedAt! < o.finishedAt! && o.finishedAt! < o.completedAt! && o.completedAt! < NOW).toBe(true);
      if (o.closedAt) expect(o.closedAt.getTime()).toBe(o.completedAt!.getTime() + 72 * 3_600_000);
    }
    const done = orders.filter((o) => o.outcome === 'completed');
    const late = done.filter((o) => o.late).length;
    expect(late).toBeGreaterThan(0);
    expect(late / done.length).toBeLessThan(0.12);
    expect(orders.some((o) => o.outcome === 'no_show')).toBe(true);
    expect(orders.some((o) => o.gaveBackBy && o.gaveBackBy.id !== o.worker.id)).toBe(true);
  });

  it('sends regulars back: the demo worker sees the same customers again, the demo customer among them', () => {
    const demo = orders.filter((o) => o.worker.id === 'w-demo');
    const per = new Map<string, number>();
    for (const o of demo) per.set(o.customer.id, (per.get(o.customer.id) ?? 0) + 1);
    expect([...per.values()].filter((n) => n >= 2).length).toBeGreaterThanOrEqual(3);
    expect(per.get('c-0')).toBeGreaterThanOrEqual(3);
  });

  it('is the same plan for the same seed', () => {
    const again = planHistory(rng(7), NOW, workers, customers, items, '13900000001', '13800000001');
    expect(again.map((o) => [o.worker.id, o.customer.id, o.start.toISOString()])).toEqual(orders.map((o) => [o.worker.id, o.customer.id, o.start.toISOString()]));
  });
});
