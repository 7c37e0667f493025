import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { consumeQuote, loadQuoteForBooking } from '../../../src/domains/catalog/quote-service.js';
import { createTestApp, smsSignIn, type TestApp } from '../../helpers/test-app.js';
import { shanghaiAt } from '../../helpers/time.js';

let t: TestApp;
let customer: Awaited<ReturnType<typeof smsSignIn>>;
beforeAll(async () => {
  t = await createTestApp();
  customer = await smsSignIn(t.app, t.ctx);
});
afterAll(async () => { await t?.close(); });

const get = (url: string) => t.app.inject({ method: 'GET', url });
const quote = (payload: Record<string, unknown>, headers = customer.headers) => t.app.inject({ method: 'POST', url: '/api/catalog/quotes', headers, payload });

describe('browsing and search', () => {
  it('lists at least 30 published items over 8 categories with city prices', async () => {
    const cats = (await get('/api/catalog/categories')).json();
    expect(cats.length).toBeGreaterThanOrEqual(8);
    const items = cats.flatMap((c: { items: unknown[] }) => c.items);
    expect(items.length).toBeGreaterThanOrEqual(30);
    const deep = items.find((i: { code: string }) => i.code === 'deep-cleaning');
    expect(deep).toMatchObject({ name: '深度保洁', pricingKind: 'per_unit', priceFromFen: 1000, referenceMinFen: 800, referenceMaxFen: 1500 });
  });

  it('finds 深度保洁 by Chinese, English, pinyin and initials', async () => {
    for (const q of ['深度', 'Deep', 'shendu', 'sdbj']) {
      const codes = (await get(`/api/catalog/items?q=${encodeURIComponent(q)}`)).json().map((i: { code: string }) => i.code);
      expect(codes, q).toContain('deep-cleaning');
    }
    expect((await get(`/api/catalog/items?q=${encodeURIComponent("%' or 1=1 --")}`)).json()).toEqual([]);
  });

  it('filters by category, price and duration, and sorts by price, popularity and rating', async () => {
    const cleaning = (await get('/api/catalog/items?category=cleaning')).json();
    expect(cleaning.every((i: { categoryCode: string }) => i.categoryCode === 'cleaning')).toBe(true);
    const cheap = (await get('/api/catalog/items?priceMaxFen=10000')).json();
    expect(cheap.length).toBeGreaterThan(0);
    expect(cheap.every((i: { priceFromFen: number }) => i.priceFromFen <= 10000)).toBe(true);
    const short = (await get('/api/catalog/items?durationMaxMinutes=60')).json();
    expect(short.every((i: { durationMinutes: number }) => i.durationMinutes <= 60)).toBe(true);
    const asc = (await get('/api/catalog/items?sort=price_asc')).json().map((i: { priceFromFen: number }) => i.priceFromFen);
    expect(asc).toEqual([...asc].sort((a: number, b: number) => a - b));
    const byRating = (await get('/api/catalog/items?sort=rating')).json().map((i: { ratingAvg: number }) => i.ratingAvg);
    expect(byRating).toEqual([...byRating].sort((a: number, b: number) => b - a));
    const popular = (await get('/api/catalog/items?sort=popularity')).json().map((i: { popularity: number }) => i.popularity);
    expect(popular).toEqual([...popular].sort((a: number, b: number) => b - a));
    expect((await get('/api/catalog/items?sort=random')).statusCode).toBe(400);
    expect((await get('/api/catalog/items?priceMinFen=-5')).statusCode).toBe(400);
  });

  it('shows an item with options and what is included; unknown items are 404', async () => {
    const item = (await get('/api/catalog/items/deep-cleaning')).json();
    expect(item.included).toContain('厨房去油污');
    expect(item.options.map((o: { key: string }) => o.key)).toEqual(expect.arrayContaining(['level', 'focusAreas', 'pets', 'notes']));
    expect(item.pricing).toMatchObject({ kind: 'per_unit', unit: 'sqm', minQuantity: 30 });
    expect((await get('/api/catalog/items/nope')).statusCode).toBe(404);
  });
});

describe('quotes', () => {
  it('gives an exact itemised quote for 深度保洁 120 m² + 擦玻璃, every line in fen with its rule', async () => {
    const res = await quote({ itemCode: 'deep-cleaning', quantity: 120, options: { focusAreas: ['windows'] }, scheduledStart: shanghaiAt(3, 10) });
    expect(res.statusCode).toBe(201);
    const q = res.json();
    expect(q.lines.map((l: { code: string; amountFen: number }) => [l.code, l.amountFen])).toEqual([['BASE', 120_000], ['OPTION', 8_000]]);
    expect(q.totalFen).toBe(128_000);
    expect(q.lines.every((l: { rule: { id: string } }) => l.rule.id)).toBe(true);
    expect(new Date(q.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect((await t.app.inject({ method: 'GET', url: `/api/catalog/quotes/${q.id}`, headers: customer.headers })).json().totalFen).toBe(128_000);
  });

  it('gives each quote a short 报价单号 people can read out (Q + Shanghai date + 7 digits), unique, not the UUID', async () => {
    const start = shanghaiAt(3, 10);
    const shanghaiDate = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(2, 10).replace(/-/g, '');
    const before = shanghaiDate();
    const nos = await Promise.all(Array.from({ length: 20 }, async () => (await quote({ itemCode: 'daily-cleaning', quantity: 2, scheduledStart: start })).json()));
    const dates = `(${before}|${shanghaiDate()})`; // a run across midnight may see either day
    for (const q of nos) expect(q.quoteNo).toMatch(new RegExp(`^Q${dates}\\d{7}$`));
    expect(new Set(nos.map((q) => q.quoteNo)).size).toBe(20);
    const again = (await t.app.inject({ method: 'GET', url: `/api/catalog/quotes/${nos[0].id}`, headers: customer.headers })).json();
    expect(again.quoteNo).toBe(nos[0].quoteNo);
  });

  it('adds the night surcharge (20 %) and the urgent fee for a visit within 3 hours', async () => {
    const night = (await quote({ itemCode: 'daily-cleaning', quantity: 2, scheduledStart: shanghaiAt(2, 21) })).json();
    expect(night.lines.map((l: { code: string }) => l.code)).toEqual(['BASE', 'SURCHARGE_NIGHT']);
    expect(night.totalFen).toBe(10_000 + 2_000);
    const soon = new Date(Date.now() + 3600_000).toISOString();
    const urgent = (await quote({ itemCode: 'locksmith', scheduledStart: soon })).json();
    expect(urgent.lines.map((l: { code: string }) => l.code)).toContain('SURCHARGE_URGENT');
  });

  it('quotes a deposit for on-site pricing (上门报价)', async () => {
    const q = (await quote({ itemCode: 'appliance-repair', scheduledStart: shanghaiAt(2, 10) })).json();
    expect(q.kind).toBe('deposit');
    expect(q.lines.map((l: { code: string }) => l.code)).toEqual(['DEPOSIT']);
  });

  it('rejects bad requests with field errors and stores nothing', async () => {
    const before = await t.ctx.db.selectFrom('quotes').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', customer.user.id).executeTakeFirstOrThrow();
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [{ itemCode: 'nope', scheduledStart: shanghaiAt(2, 10) }, 404, 'ITEM_NOT_FOUND'],
      [{ itemCode: 'deep-cleaning', quantity: 0, scheduledStart: shanghaiAt(2, 10) }, 400, 'QUOTE_INVALID', 'quantity'],
      [{ itemCode: 'deep-cleaning', quantity: 1e9, scheduledStart: shanghaiAt(2, 10) }, 400, 'QUOTE_INVALID', 'quantity'],
      [{ itemCode: 'deep-cleaning', quantity: 100, options: { sauna: true }, scheduledStart: shanghaiAt(2, 10) }, 400, 'QUOTE_INVALID', 'options.sauna'],
      [{ itemCode: 'deep-cleaning', quantity: 100, options: { rooms: 99 }, scheduledStart: shanghaiAt(2, 10) }, 400, 'QUOTE_INVALID', 'options.rooms'],
      [{ itemCode: 'deep-cleaning', quantity: 100, scheduledStart: '2020-01-01T10:00:00+08:00' }, 400, 'QUOTE_INVALID', 'scheduledStart'],
      [{ itemCode: 'deep-cleaning', quantity: 100, scheduledStart: 'tomorrow' }, 400, 'QUOTE_INVALID', 'scheduledStart'],
    ];
    for (const [payload, status, code, field] of cases) {
      const res = await quote(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().code).toBe(code);
      if (field) expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const after = await t.ctx.db.selectFrom('quotes').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', customer.user.id).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await t.app.inject({ method: 'POST', url: '/api/catalog/quotes', payload: { itemCode: 'deep-cleaning', scheduledStart: shanghaiAt(2, 10) } })).statusCode).toBe(401);
  });

  it('booking gets only my intact, unexpired, unused quote', async () => {
    const id = (await quote({ itemCode: 'deep-cleaning', quantity: 80, scheduledStart: shanghaiAt(3, 10) })).json().id;
    const stranger = await smsSignIn(t.app, t.ctx);
    expect((await t.app.inject({ method: 'GET', url: `/api/catalog/quotes/${id}`, headers: stranger.headers })).statusCode).toBe(404);
    await expect(loadQuoteForBooking(t.ctx, stranger.user.id, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await loadQuoteForBooking(t.ctx, customer.user.id, id)).totalFen).toBe(80_000);

    const row = await t.ctx.db.selectFrom('quotes').select('quote').where('id', '=', id).executeTakeFirstOrThrow();
    const tampered = { ...(row.quote as object), totalFen: 1 };
    await t.ctx.db.updateTable('quotes').set({ quote: JSON.stringify(tampered) }).where('id', '=', id).execute();
    await expect(loadQuoteForBooking(t.ctx, customer.user.id, id)).rejects.toMatchObject({ code: 'QUOTE_TAMPERED' });
    await t.ctx.db.updateTable('quotes').set({ quote: JSON.stringify(row.quote) }).where('id', '=', id).execute();

    await consumeQuote(t.ctx, id);
    await expect(consumeQuote(t.ctx, id)).rejects.toMatchObject({ code: 'QUOTE_USED' });
    await expect(loadQuoteForBooking(t.ctx, customer.user.id, id)).rejects.toMatchObject({ code: 'QUOTE_USED' });

    const later = (await quote({ itemCode: 'deep-cleaning', quantity: 80, scheduledStart: shanghaiAt(3, 10) })).json();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 31 * 60_000); // quotes hold 30 minutes
      await expect(loadQuoteForBooking(t.ctx, customer.user.id, later.id)).rejects.toMatchObject({ code: 'QUOTE_EXPIRED' });
    } finally {
      vi.useRealTimers();
    }
  });
});
