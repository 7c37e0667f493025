// Real addresses: the gazetteer behind the map adapter answers suggestions and "use my location"; an address saved
// from a suggestion keeps that point, so a worker elsewhere is at a real (non-zero) distance and ETA in the hall and
// in the dispatch explanation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_DAY, bookOrder, caller, inHours, opsHeaders, signedInWorker } from '../../helpers/booking.js';
import { createTestApp, smsSignIn, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

interface PlaceView { id: string; name: string; kind: string; districtCode: string; districtName: string; lat: number; lng: number }
const get = async (url: string) => t.app.inject({ method: 'GET', url });

describe('address suggestions (GET /api/geo/places)', () => {
  it('finds places by 汉字 and by pinyin initials, with their district', async () => {
    const res = await get(`/api/geo/places?q=${encodeURIComponent('五角场')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ name: '五角场', districtCode: '310110', districtName: '杨浦区', kind: 'area' });
    const initials = (await get('/api/geo/places?q=wjc&districtCode=310110')).json().items as PlaceView[];
    expect(initials.map((p) => p.name)).toContain('五角场');
    const inDistrict = (await get(`/api/geo/places?q=${encodeURIComponent('新村')}&districtCode=310104&limit=20`)).json().items as PlaceView[];
    expect(inDistrict.length).toBeGreaterThan(2);
    expect(inDistrict.every((p) => p.districtCode === '310104' && p.name.includes('新村'))).toBe(true);
    expect((await get(`/api/geo/places?q=${encodeURIComponent('火星基地')}`)).json()).toEqual({ items: [] });
  });

  it('answers problem+json for bad input', async () => {
    for (const url of ['/api/geo/places', '/api/geo/places?q=', '/api/geo/places?q=abc&limit=100', `/api/geo/places?q=${'长'.repeat(41)}`, '/api/geo/places?q=a&districtCode=abc']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const unknown = await get('/api/geo/places?q=a&districtCode=999999');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'DISTRICT_UNKNOWN' });
  });
});

describe('use my location (GET /api/geo/reverse)', () => {
  it('the nearest place and its district; outside the city 404 OUTSIDE_CITY; bad input 400', async () => {
    const res = await get('/api/geo/reverse?lat=31.2995&lng=121.5150');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ place: { name: '五角场', districtCode: '310110', districtName: '杨浦区' }, distanceKm: expect.any(Number) });
    expect(res.json().distanceKm).toBeLessThan(0.3);
    const beijing = await get('/api/geo/reverse?lat=39.9042&lng=116.4074');
    expect(beijing.statusCode).toBe(404);
    expect(beijing.json().code).toBe('OUTSIDE_CITY');
    const bad = await get('/api/geo/reverse?lat=200&lng=121');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});

describe('an address from a suggestion', () => {
  it('keeps its point; a worker elsewhere is at a non-zero distance and ETA in the hall and in the dispatch explanation', async () => {
    const customer = await smsSignIn(t.app, t.ctx, 'customer');
    const asCustomer = caller(t, customer);
    const [pick] = (await get(`/api/geo/places?q=${encodeURIComponent('鞍山新村')}`)).json().items as PlaceView[];
    expect(pick).toMatchObject({ name: '鞍山新村', districtCode: '310110' });
    const saved = await asCustomer('POST', '/api/me/addresses', {
      label: '家', contactName: '王女士', contactPhone: customer.phone, districtCode: pick!.districtCode, detail: `${pick!.name} 8 号 302 室`, lat: pick!.lat, lng: pick!.lng,
    });
    expect(saved.statusCode).toBe(201);
    const listed = (await asCustomer('GET', '/api/me/addresses')).json() as { id: string; lat: number; lng: number }[];
    expect(listed.find((a) => a.id === saved.json().id)).toMatchObject({ lat: pick!.lat, lng: pick!.lng });

    // Typed without picking: the point is the place the text names, not the district centre.
    const typed = await asCustomer('POST', '/api/me/addresses', { label: '父母家', contactName: '王先生', contactPhone: customer.phone, districtCode: '310104', detail: '康健新村 12 号 501 室' });
    expect(typed.json()).toMatchObject({ lat: 31.162, lng: 121.421 });
    // Editing the text to another known place moves the point; a text naming none keeps it.
    const moved = await asCustomer('PATCH', `/api/me/addresses/${typed.json().id}`, { detail: '田林新村 3 号' });
    expect(moved.json()).toMatchObject({ lat: 31.172, lng: 121.42 });
    const kept = await asCustomer('PATCH', `/api/me/addresses/${typed.json().id}`, { detail: '3 号 5 楼' });
    expect(kept.json()).toMatchObject({ lat: 31.172, lng: 121.42 });

    // A worker at 复旦大学, about 1.9 km away, who covers the address.
    const worker = await signedInWorker(t, { name: '复旦师傅', districtCode: '310110', homeLat: 31.299, homeLng: 121.503, serviceRadiusKm: 8, hours: ALL_DAY, ratingCount: 30 });
    const order = await bookOrder(t, { ...customer, addressId: saved.json().id }, inHours(30));
    expect(order.status).toBe('paid');

    const hall = (await caller(t, worker)('GET', '/api/worker/hall')).json().items as { id: string; distanceKm: number; etaMinutes: number }[];
    const offer = hall.find((i) => i.id === order.id);
    expect(offer, 'the order reached the worker\'s hall').toBeTruthy();
    expect(offer!.distanceKm).toBeGreaterThan(1);
    expect(offer!.distanceKm).toBeLessThan(3);
    expect(offer!.etaMinutes).toBeGreaterThan(0);

    const decisions = (await t.app.inject({ method: 'GET', url: `/api/admin/orders/${order.id}/dispatch`, headers: await opsHeaders(t) })).json();
    const ranked = decisions[0].ranked.find((r: { workerId: string }) => r.workerId === worker.user.id);
    expect(ranked, JSON.stringify(decisions[0].ranked[0])).toBeTruthy();
    const zh = JSON.stringify(ranked.explanation.zh);
    const [, km, minutes] = zh.match(/(\d+\.\d) 公里（约 (\d+) 分钟/) ?? [];
    expect(Number(km), zh).toBeGreaterThan(1);
    expect(Number(minutes), zh).toBeGreaterThan(0);

    // Taken: the day's route from the worker's home has real kilometres and minutes too.
    expect((await caller(t, worker)('POST', `/api/worker/orders/${order.id}/accept`, {})).statusCode).toBe(200);
    const day = new Date(new Date(order.scheduledStart).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const route = (await caller(t, worker)('GET', `/api/worker/route?date=${day}`)).json();
    expect(route.stops.map((s: { orderId?: string; id?: string }) => s.orderId ?? s.id)).toContain(order.id);
    expect(route.travelKm).toBeGreaterThan(1);
    expect(route.stops[0].travelMinutes).toBeGreaterThan(0);
  });
});
