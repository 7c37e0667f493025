// 紧急求助 in the console: operations has the console open when the demo worker, on an accepted order, presses SOS
// (一键求助) — the banner above every page and the new, highlighted row appear live without a reload; the bell's
// `incident` notice opens the desk focused on it; its order opens in the order drawer; ops acknowledges (确认) and
// resolves it with what was done (处理完毕); the API, the worker and the audit log say resolved; the worker's
// emergency contact got the SMS (outbox); finance may read the desk but not act.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { randomPhone } from './api';
import { pageErrors, screenshot, signInConsole, useBrowser } from './browser';
import { adminCall, call, demoWorker, type DemoWorker } from './http';
import { deskIncidents, myIncidents, raiseSos, resolveLeftovers, setEmergencyContact, smsTo, type DeskIncident } from './sos-api';
import { waitForLive } from './steps/admin-messaging';
import { closeOrder } from './steps/admin-orders';
import { acknowledgeIncident, incidentRow, openIncidentDesk, sosBanner, startResolving, submitResolution } from './steps/admin-sos';
import { bookWithWorker, type Booking } from './worker-order-api';

const baseUrl = inject('baseUrl');
const contact = { name: '周太太', phone: randomPhone(), relation: '配偶' };
const note = `客户家中有人情绪激动，我先退到楼道·${Date.now().toString(36).slice(-4)}`;
const resolution = '已电话联系师傅，确认人身安全；已报警，民警到场调解，师傅安全离开';
let worker: DemoWorker;
let booking: Booking;
const browser = useBrowser(async () => {
  worker = await demoWorker(baseUrl);
  await setEmergencyContact(baseUrl, worker.token, contact);
  // A visit the worker is on: the SOS is raised from it.
  booking = await bookWithWorker(baseUrl, worker);
  await call(baseUrl, worker.token, 'POST', `/api/worker/orders/${booking.order.id}/accept`, {});
  // Another journey may have left one of the worker's incidents open: pressing would then return that one.
  await resolveLeftovers(baseUrl, worker.token);
});

/** `31.18860, 121.43650` as the desk shows coordinates. */
const coordinates = (lat: number, lng: number) => `${lat.toFixed(5)}, ${lng.toFixed(5)}`;
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

describe('console: 紧急求助 (SOS)', () => {
  let ops: Page;
  let incident: DeskIncident;
  let before: { open: number; acknowledged: number };

  it('lists 紧急求助 after 订单管理 for operations; the desk is open and listening', async () => {
    ops = await signInConsole(browser(), baseUrl, 'ops');
    const labels = await ops.getByTestId('admin-menu').locator('.ant-menu-title-content').allInnerTexts();
    expect(labels.slice(0, 3)).toEqual(['概览', '订单管理', '紧急求助']);
    await openIncidentDesk(ops);
    await waitForLive(ops);
    expect(await ops.locator('.a-header-title').innerText()).toBe('紧急求助');
    expect(await ops.getByTestId('incidents-read-only').count()).toBe(0);

    // Whatever other journeys left unresolved is what the banner counts now.
    before = { open: (await deskIncidents(baseUrl, 'open')).length, acknowledged: (await deskIncidents(baseUrl, 'acknowledged')).length };
    await expect.poll(() => sosBanner(ops)).toEqual(before.open + before.acknowledged ? before : null);
    await ops.evaluate(() => Object.assign(window, { __sameDocument: true }));
  });

  it('a worker presses SOS: the banner and the new row appear live, highlighted, without a reload', async () => {
    const { lat, lng } = booking.address;
    const raised = await raiseSos(baseUrl, worker.token, 'worker', { orderId: booking.order.id, lat, lng, note });
    expect(raised).toMatchObject({ status: 'open', role: 'worker', orderId: booking.order.id, repeated: false });
    const listed = (await deskIncidents(baseUrl, 'open', 'ops')).find((item) => item.id === raised.id);
    expect(listed).toBeTruthy();
    incident = listed!;

    const row = incidentRow(ops, incident.incidentNo);
    await row.waitFor({ timeout: 15_000 });
    expect(await sameDocument(ops)).toBe(true);
    expect(await row.getAttribute('data-status')).toBe('open');
    expect(await row.getAttribute('data-fresh')).toBe('true');
    await ops.getByTestId(`incident-fresh-${incident.incidentNo}`).waitFor();
    const text = await row.innerText();
    expect(text).toContain(incident.incidentNo);
    if (incident.userName) expect(text).toContain(incident.userName);
    expect(incident.userPhone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(text).toContain(incident.userPhone!);
    expect(await row.getByTestId('incident-role').getAttribute('data-role')).toBe('worker');
    expect(await row.getByTestId('incident-role').innerText()).toBe('师傅');
    expect(await row.getByTestId('incident-location').innerText()).toBe(coordinates(lat, lng));
    expect(await row.getByTestId('incident-time').innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await row.getByTestId('incident-note').innerText()).toBe(note);
    expect(await row.getByTestId('incident-status').innerText()).toBe('待确认');
    expect(await row.getByTestId(`incident-order-${incident.incidentNo}`).innerText()).toBe('查看关联订单');

    await expect.poll(() => sosBanner(ops)).toEqual({ open: before.open + 1, acknowledged: before.acknowledged });
    const banner = await ops.getByTestId('sos-banner').innerText();
    expect(banner).toContain(`紧急求助：${before.open + 1} 起待确认`);
    expect(banner).toContain(coordinates(lat, lng)); // the newest waiting one
    await screenshot(ops, 'admin-sos.png');
  });

  it('the banner stays above other pages; the bell’s SOS notice opens the desk focused on the incident', async () => {
    await ops.getByTestId('admin-menu').getByText('订单管理', { exact: true }).click();
    await ops.getByTestId('incidents-page').waitFor({ state: 'detached' });
    await expect.poll(() => sosBanner(ops)).toEqual({ open: before.open + 1, acknowledged: before.acknowledged });
    await ops.getByTestId('sos-banner-link').click();
    await incidentRow(ops, incident.incidentNo).waitFor();
    await ops.getByTestId('admin-menu').getByText('订单管理', { exact: true }).click();
    await ops.getByTestId('incidents-page').waitFor({ state: 'detached' });

    const notices = await adminCall<{ items: { id: string; type: string; title: string; link: { kind: string; id: string } | null }[] }>(baseUrl, 'GET', '/api/admin/notifications', undefined, 'ops');
    const notice = notices.items.find((n) => n.type === 'sos_raised' && n.link?.id === incident.id);
    expect(notice).toMatchObject({ title: '紧急求助（SOS）', link: { kind: 'incident' } });
    await ops.getByTestId('notification-bell').click();
    await ops.getByTestId(`notification-${notice!.id}`).click();
    await ops.waitForURL((url) => url.pathname === '/admin/incidents' && url.searchParams.get('incident') === incident.id);
    const row = incidentRow(ops, incident.incidentNo);
    await expect.poll(() => row.getAttribute('data-focused')).toBe('true');
    expect(await row.getAttribute('data-fresh')).toBe('false'); // looked at
    expect(await ops.getByTestId('notification-detail').count()).toBe(0); // a page, not the detail dialog
    expect(await sameDocument(ops)).toBe(true);
  });

  it('the incident’s order opens in the order drawer', async () => {
    await ops.getByTestId(`incident-order-${incident.incidentNo}`).click();
    await ops.getByTestId('order-detail').waitFor();
    expect(await ops.getByTestId('order-detail').getAttribute('data-order-id')).toBe(booking.order.id);
    await closeOrder(ops);
    await openIncidentDesk(ops);
    await incidentRow(ops, incident.incidentNo).waitFor();
  });

  it('ops acknowledges (确认): 处理中 with who and when; the banner and the worker follow', async () => {
    await acknowledgeIncident(ops, incident.incidentNo);
    const row = incidentRow(ops, incident.incidentNo);
    expect(await row.getByTestId('incident-status').innerText()).toBe('处理中');
    expect(await row.innerText()).toContain('运营 小周 确认于');
    expect(await ops.getByTestId(`incident-ack-${incident.incidentNo}`).count()).toBe(0);
    await expect.poll(() => sosBanner(ops)).toEqual({ open: before.open, acknowledged: before.acknowledged + 1 });
    expect((await myIncidents(baseUrl, worker.token)).find((item) => item.id === incident.id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: '运营 小周' });
  });

  it('ops resolves (处理完毕) with a required text: it leaves the open list and shows under 已处理; the API says resolved', async () => {
    const dialog = await startResolving(ops, incident.incidentNo);
    expect(await dialog.innerText()).toContain(incident.incidentNo);
    await ops.locator('#incident-resolve-ok').click();
    await dialog.locator('.ant-form-item-explain-error', { hasText: '请填写处理结果' }).waitFor();
    await submitResolution(ops, resolution);

    await incidentRow(ops, incident.incidentNo).waitFor({ state: 'detached' });
    await expect.poll(() => sosBanner(ops)).toEqual(before.open + before.acknowledged ? before : null);
    await ops.getByTestId('incidents-filter-resolved').click();
    const row = incidentRow(ops, incident.incidentNo);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('resolved');
    expect(await row.getByTestId('incident-resolution').innerText()).toBe(resolution);
    expect(await row.innerText()).toContain('运营 小周 处理于');
    expect(await ops.getByTestId(`incident-resolve-${incident.incidentNo}`).count()).toBe(0);

    expect((await deskIncidents(baseUrl, 'resolved')).find((item) => item.id === incident.id)).toMatchObject({ status: 'resolved', resolution, resolvedBy: '运营 小周', acknowledgedBy: '运营 小周' });
    expect((await deskIncidents(baseUrl, 'open')).some((item) => item.id === incident.id)).toBe(false);
    expect((await myIncidents(baseUrl, worker.token)).find((item) => item.id === incident.id)?.status).toBe('resolved');
    const audit = await adminCall<{ items: { action: string; targetId: string; actorName: string }[] }>(baseUrl, 'GET', '/api/admin/audit?action=incident.resolve&pageSize=100');
    expect(audit.items.find((entry) => entry.targetId === incident.id)).toMatchObject({ actorName: '运营 小周' });
  });

  it('the emergency contact got the SMS with the location (outbox API and 消息外发)', async () => {
    const sms = await smsTo(baseUrl, contact.phone);
    expect(sms).toHaveLength(1);
    const { lat, lng } = booking.address;
    expect(sms[0]!.body).toMatch(/^【到家】.+发起紧急求助/);
    expect(sms[0]!.body).toContain(`${lat.toFixed(5)},${lng.toFixed(5)}`);

    await ops.getByTestId('admin-menu').getByText('消息外发', { exact: true }).click();
    // Staff see the recipient masked (138****1234), never the whole number.
    const masked = `${contact.phone.slice(0, 3)}****${contact.phone.slice(-4)}`;
    const line = ops.getByTestId('outbox-sms').locator('tbody tr').filter({ hasText: masked }).filter({ hasText: '发起紧急求助' });
    await line.first().waitFor();
    expect(await ops.getByTestId('outbox-sms').innerText()).not.toContain(contact.phone);
    await ops.context().close();
  });

  it('finance (orders:read) reads the desk but has neither 确认 nor 处理完毕', async () => {
    const finance = await signInConsole(browser(), baseUrl, 'finance');
    await openIncidentDesk(finance, 'resolved');
    await finance.getByTestId('incidents-read-only').waitFor();
    const row = incidentRow(finance, incident.incidentNo);
    await row.waitFor();
    expect(await row.getByTestId('incident-resolution').innerText()).toBe(resolution);
    expect(await finance.locator('[data-testid^="incident-ack-"], [data-testid^="incident-resolve-"]').count()).toBe(0);
    await finance.context().close();
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
