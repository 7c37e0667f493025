// The demo city has supply: every catalogue item can be booked in every district with ≥ 5 qualified workers
// free at one start on a weekday, through the slot search the console's 代客下单 uses (district centre).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchSlots } from '../../../src/domains/booking/availability.js';
import { loadSettings } from '../../../src/domains/booking/settings.js';
import { visitDurationMinutes } from '../../../src/domains/booking/duration.js';
import { bookableItem } from '../../../src/domains/catalog/service.js';
import { getCity } from '../../../src/domains/geo/service.js';
import { seedDemo } from '../../../src/seed/demo.js';
import { DEMO_CATALOG } from '../../../src/seed/catalog-data.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

/** A fixed Wednesday, far enough ahead that the answer never depends on today's weekday or hour. */
const DAY = process.env.DEMO_SUPPLY_DAY ?? '2031-03-12';
const NOW = new Date(Date.parse(`${DAY}T00:00:00Z`) - 86_400_000);
const MIN_CANDIDATES = 5;

let t: TestApp;
let seedMs = 0;
beforeAll(async () => {
  t = await createTestApp();
  const t0 = Date.now();
  await seedDemo(t.ctx);
  seedMs = Date.now() - t0;
}, 180_000);
afterAll(async () => { await t?.close(); });

describe('demo city supply', () => {
  it(`every item × district has ≥ ${MIN_CANDIDATES} qualified, free candidates at one start on ${DAY} (a Wednesday)`, async () => {
    if (!process.env.DEMO_SUPPLY_DAY) expect(new Date(`${DAY}T00:00:00Z`).getUTCDay()).toBe(3);
    const city = (await getCity(t.ctx.db, t.ctx.config.cityCode))!;
    const settings = await loadSettings(t.ctx.db, t.ctx.config.cityCode);
    const codes = DEMO_CATALOG.flatMap((c) => c.items.map((i) => i.code));
    const short: string[] = [];
    let anyStart = 0;
    let pairs = 0;
    for (const code of codes) {
      const item = (await bookableItem(t.ctx.db, code))!;
      const p = item.pricing;
      const quantity = p?.kind === 'hourly' ? p.minHours : p?.kind === 'per_unit' ? p.minQuantity : 1;
      for (const d of city.districts) {
        pairs++;
        const answer = await searchSlots(t.ctx.db, {
          itemId: item.id, requiredCertificate: item.requiredCertificate, durationMinutes: visitDurationMinutes(item.pricing, quantity, item.durationMinutes),
          bufferMinutes: settings.bufferMinutes, lat: d.center[0], lng: d.center[1], timeZone: city.timeZone,
        }, NOW, { from: DAY, to: DAY }).catch(() => null);
        const best = Math.max(0, ...(answer?.days.flatMap((day) => day.slots.map((s) => s.workerCount)) ?? []));
        if (best > 0) anyStart++;
        if (best < MIN_CANDIDATES) short.push(`${code}@${d.name}:${best}`);
      }
    }
    console.log(`demo supply on ${DAY}: ${anyStart}/${pairs} item × district pairs find a start, ${pairs - short.length}/${pairs} have ≥ ${MIN_CANDIDATES} free candidates; seed ${seedMs} ms`);
    expect(short).toEqual([]);
  }, 180_000);
});
