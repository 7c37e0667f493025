// SOS (一键求助) in the H5 portals: the demo worker, on an order they accepted, presses SOS on the order page with the
// device's location allowed; the confirmation says who is told, the banner says 已通知平台, and — without a reload —
// follows operations acknowledging (平台已确认，正在处理) and resolving (已处理) through the console API; the incident
// carries the order and the position, the emergency contact got the SMS. A new customer without an emergency contact
// is told so in the confirmation (with a link to set one) on 我的, and SOS still goes out, without a location when the
// browser does not share it.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { randomPhone } from './api';
import { newMobileContext, pageErrors, screenshot, useBrowser } from './browser';
import { adminCall, call, demoWorker, type DemoWorker } from './http';
import { signInBySms } from './mobile-steps';
import { myIncidents, resolveLeftovers, setEmergencyContact, smsTo, type Incident } from './sos-api';
import { waitForLive } from './steps/mobile-messaging';
import { confirmSos, openSos, sosBannerIn } from './steps/mobile-sos';
import { orderPage, signInDemoWorker } from './steps/worker-orders';
import { bookWithWorker, type Booking } from './worker-order-api';

const baseUrl = inject('baseUrl');
/** Live updates arrive well within this; nothing on these pages polls for SOS. */
const LIVE_MS = 8_000;
/** Where the worker's phone says it is (人民广场). */
const position = { latitude: 31.23136, longitude: 121.47004 };
const contact = { name: '李先生', phone: randomPhone(), relation: '兄弟' };
const resolution = '已电话联系师傅，确认安全；客户误会已解释清楚，服务继续';

let worker: DemoWorker;
let booking: Booking;
const customerTokens: string[] = [];
const browser = useBrowser(async () => {
  worker = await demoWorker(baseUrl);
  await setEmergencyContact(baseUrl, worker.token, contact);
  booking = await bookWithWorker(baseUrl, worker);
  await call(baseUrl, worker.token, 'POST', `/api/worker/orders/${booking.order.id}/accept`, {});
  // Another journey may have left one of the worker's incidents open: pressing would then return that one.
  await resolveLeftovers(baseUrl, worker.token);
});

// Whatever happens, no incident of this journey stays open for the others.
afterAll(async () => {
  if (worker) await resolveLeftovers(baseUrl, worker.token);
  for (const token of customerTokens) await resolveLeftovers(baseUrl, token);
});

declare global {
  interface Window {
    /** Set by the test on the open page: it survives only if the page was never reloaded. */
    sosMarker?: string;
  }
}

describe('H5 SOS (一键求助)', () => {
  let page: Page;
  let incident: Incident;

  it('the worker’s accepted order page offers SOS; the confirmation says who is told', async () => {
    const context = await newMobileContext(browser(), baseUrl);
    await context.grantPermissions(['geolocation'], { origin: baseUrl });
    await context.setGeolocation(position);
    page = await context.newPage();
    await signInDemoWorker(page);
    await page.goto(`/worker/orders/${booking.order.id}`);
    await orderPage(page, 'assigned').waitFor();
    await waitForLive(page);
    await page.getByTestId('sos-button').waitFor();
    expect(await page.getByTestId('sos-button').innerText()).toContain('一键求助');
    // An incident resolved a moment ago by another journey may still show as 已处理; none is open.
    expect(await page.locator('[data-testid="sos-banner"]:not([data-status="resolved"])').count()).toBe(0);
    await page.evaluate(() => {
      window.sosMarker = 'still-here';
    });

    const dialog = await openSos(page);
    const text = await dialog.innerText();
    expect(text).toContain('确定发起一键求助？');
    expect(text).toContain('将通知平台安全专员并短信通知您的紧急联系人');
    expect(await dialog.getByTestId('sos-no-contact').count()).toBe(0); // the worker has one
  });

  it('立即求助: the banner says 已通知平台; the incident has the order and the device’s position', async () => {
    await confirmSos(page);
    const banner = await sosBannerIn(page, 'open');
    expect(await banner.getByTestId('sos-status').innerText()).toBe('已通知平台');

    const latest = (await myIncidents(baseUrl, worker.token))[0]!;
    expect(latest).toMatchObject({ status: 'open', role: 'worker', orderId: booking.order.id });
    expect(latest.location!.lat).toBeCloseTo(position.latitude, 5);
    expect(latest.location!.lng).toBeCloseTo(position.longitude, 5);
    incident = latest;
    expect(await banner.getAttribute('data-incident-id')).toBe(incident.id);
    const bannerText = await banner.innerText();
    expect(bannerText).toContain(`求助编号 ${incident.incidentNo}`);
    expect(bannerText).toContain('已附位置');
    // Operations see it on their desk.
    const desk = await adminCall<{ items: { id: string }[] }>(baseUrl, 'GET', '/api/admin/incidents?status=open', undefined, 'ops');
    expect(desk.items.some((item) => item.id === incident.id)).toBe(true);
    await screenshot(page, 'worker-sos.png');
  });

  it('the worker’s emergency contact got the SMS with the position', async () => {
    const sms = await smsTo(baseUrl, contact.phone);
    expect(sms.length).toBeGreaterThanOrEqual(1);
    const latest = sms.find((message) => message.body.includes('发起紧急求助'));
    expect(latest?.body).toContain(`${position.latitude.toFixed(5)},${position.longitude.toFixed(5)}`);
  });

  it('operations acknowledge (API): the banner changes live to 平台已确认，正在处理', async () => {
    await adminCall(baseUrl, 'POST', `/api/admin/incidents/${incident.id}/acknowledge`, {}, 'ops');
    const banner = await sosBannerIn(page, 'acknowledged', LIVE_MS);
    expect(await banner.getByTestId('sos-status').innerText()).toBe('平台已确认，正在处理');
    await expect.poll(() => banner.innerText()).toContain('运营 小周 已确认您的求助');
    expect(await page.evaluate(() => window.sosMarker)).toBe('still-here');
  });

  it('operations resolve (API): the banner shows 已处理 with the outcome, also after a reload', async () => {
    await adminCall(baseUrl, 'POST', `/api/admin/incidents/${incident.id}/resolve`, { resolution }, 'ops');
    const banner = await sosBannerIn(page, 'resolved', LIVE_MS);
    expect(await banner.getByTestId('sos-status').innerText()).toBe('已处理');
    await expect.poll(() => banner.innerText()).toContain(`处理结果：${resolution}`);
    expect(await page.evaluate(() => window.sosMarker)).toBe('still-here');
    expect((await myIncidents(baseUrl, worker.token)).filter((item) => item.status !== 'resolved')).toEqual([]);

    // Reopened, the page reads the state from GET /api/sos.
    await page.reload();
    await orderPage(page, 'assigned').waitFor();
    expect(await (await sosBannerIn(page, 'resolved')).getAttribute('data-incident-id')).toBe(incident.id);
    await page.context().close();
  });

  it('a customer without an emergency contact is told so on 我的, with a link to set one; SOS still goes out without a location', async () => {
    const context = await newMobileContext(browser(), baseUrl); // geolocation not granted
    const customer = await context.newPage();
    await customer.goto('/');
    await customer.waitForURL('**/login');
    await signInBySms(customer, baseUrl, randomPhone());
    await customer.getByTestId('catalog').waitFor();
    const token = (await context.cookies()).find((cookie) => cookie.name === 'dj_session')!.value;
    customerTokens.push(token);
    await customer.getByTestId('tab-me').click();
    await customer.getByTestId('sos-button').waitFor();
    expect(await customer.getByTestId('sos-banner').count()).toBe(0);

    let dialog = await openSos(customer);
    expect(await dialog.getByTestId('sos-no-contact').innerText()).toContain('您还没有设置紧急联系人');
    await dialog.getByTestId('sos-set-contact').click();
    await customer.waitForURL('**/me/emergency-contact');
    await customer.locator('#emergency-name').waitFor();
    await customer.locator('.adm-nav-bar-back').click();
    await customer.waitForURL((url) => url.pathname === '/me');

    dialog = await openSos(customer);
    expect(await dialog.getByTestId('sos-no-contact').count()).toBe(1);
    await waitForLive(customer);
    await confirmSos(customer);
    const banner = await sosBannerIn(customer, 'open', 15_000);
    expect(await banner.innerText()).toContain('未获取到位置');
    const [raised] = await myIncidents(baseUrl, token);
    expect(raised).toMatchObject({ status: 'open', role: 'customer', orderId: null, location: null });

    await adminCall(baseUrl, 'POST', `/api/admin/incidents/${raised!.id}/resolve`, { resolution: '已回电，客户误触' }, 'ops');
    expect(await (await sosBannerIn(customer, 'resolved', LIVE_MS)).getByTestId('sos-status').innerText()).toBe('已处理');
    await context.close();
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
