/**
 * The authorization matrix (src/platform/access-matrix.ts) against the running app, generated from its OpenAPI document:
 * every route is in the matrix and every entry is a route; every route called as every actor answers as its policy
 * says (an actor it refuses gets exactly 401, 403 or 404, an actor it lets through never 401/403, nobody a 5xx); and
 * every route that takes the caller's own objects, called by a second customer or worker with the first one's ids,
 * answers 403/404 (or 4xx for ids in the body) without a word of the first one's data.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ACCESS_MATRIX, ACTORS, HIDDEN_ROUTES, allowedActors, denialFor, type Actor, type Policy } from '../../src/platform/access-matrix.js';
import { ADMIN_ROLES } from '../../src/platform/rbac.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { build, operationsOf, type Operation } from './access-samples.js';
import { buildWorlds, idsFor, SECRET, type Headers, type Worlds } from './access-world.js';

let t: TestApp;
let w: Worlds;
let ops: Operation[];
let calls = 0;

beforeAll(async () => {
  const started = Date.now();
  t = await createTestApp();
  w = await buildWorlds(t);
  ops = operationsOf(t.app.swagger() as never);
  console.info(`access matrix: app and two worlds in ${Date.now() - started} ms`);
}, 120_000);
afterAll(async () => t?.close());

const policyOf = (op: Operation) => ACCESS_MATRIX[op.key]!;

/** Calls a route; an event stream is read only up to its status line and then dropped. */
async function call(op: Operation, headers: Headers, ids: Record<string, string>): Promise<{ status: number; body: string; url: string }> {
  const req = build(op, ids);
  const stream = op.path.endsWith('/stream');
  const options: InjectOptions = {
    method: op.method as InjectOptions['method'], url: req.url, headers: { ...headers, ...req.headers },
    ...(req.payload !== undefined ? { payload: req.payload as InjectOptions['payload'] } : {}),
    ...(stream ? { payloadAsStream: true } : {}),
  };
  calls++;
  const res = (await t.app.inject(options)) as LightMyRequestResponse;
  if (stream) {
    const body = res.statusCode === 200 ? '' : await new Response(res.stream() as never).text();
    if (res.statusCode === 200) res.stream().destroy();
    return { status: res.statusCode, body, url: req.url };
  }
  return { status: res.statusCode, body: res.body, url: req.url };
}

function headersOf(actor: Actor): Headers {
  if (actor === 'anonymous') return {};
  if (actor === 'customer') return w.A.c.headers;
  if (actor === 'worker') return w.A.w.headers;
  return w.admins.headers[actor];
}

/** Everything of A's that B (or a refused actor) must never read: the marks in A's objects, A's phones and order numbers. */
function leaks(body: string): string[] {
  const secrets = [...Object.values(SECRET), w.A.c.phone, w.A.w.phone, w.A.ids.orderNo];
  return secrets.filter((s) => body.includes(s));
}

/** Sign-out and account-ending routes run after all the others (they end the sessions the others are called with), sign-out last. */
const LAST = /\/logout$|^DELETE \/api\/me\/sessions\/|\/api\/me\/delete|\/api\/me\/password$/;
const rank = (op: Operation) => (op.key.endsWith('/logout') ? 4 : op.key.startsWith('DELETE /api/me/sessions/') ? 3 : LAST.test(op.key) ? 2 : op.method === 'GET' ? 0 : 1);

/** GETs of an own object that do not answer 2xx to its owner in this world, and why. */
const OWNER_READS_NOT = new Map([
  ['GET /api/orders/{id}/cancellation', 'an order in service cannot be cancelled: 409'],
  ['GET /api/claims/{id}/documents/{fileId}', 'A has filed no claim (the id is made up): 404'],
]);

describe('authorization matrix', () => {
  test('every route of the OpenAPI document has a policy, and every policy is a route', () => {
    const routes = new Set(ops.map((op) => op.key));
    const missing = [...routes].filter((key) => !(key in ACCESS_MATRIX));
    const stale = Object.keys(ACCESS_MATRIX).filter((key) => !routes.has(key));
    expect(missing, `routes without a policy in src/platform/access-matrix.ts:\n${missing.join('\n')}`).toEqual([]);
    expect(stale, `policies for routes that do not exist:\n${stale.join('\n')}`).toEqual([]);
    expect(routes.size).toBeGreaterThan(250);
  });

  test('the routes kept out of the document that the matrix declares exist', () => {
    for (const key of Object.keys(HIDDEN_ROUTES)) {
      const [method, path] = key.split(' ') as [string, string];
      expect(t.app.hasRoute({ method: method as never, url: path.replace(/\{(\w+)\}/g, ':$1') }), key).toBe(true);
    }
  });

  test("a second customer and worker calling with the first one's ids get 403/404 and none of its data", async () => {
    const before = {
      order: (await t.app.inject({ method: 'GET', url: `/api/orders/${w.A.ids.orderId}`, headers: w.A.c.headers })).json().status,
    };
    const failures: string[] = [];
    let checked = 0;
    for (const op of ops.filter((o) => !LAST.test(o.key) || o.key.startsWith('DELETE /api/me/sessions/'))) {
      const policy = policyOf(op);
      const objects = ['own', 'assigned', 'party'].includes(policy.objects);
      if (!policy.users || (!objects && !policy.refs)) continue;
      for (const role of policy.users) {
        const b = role === 'customer' ? w.B.c : w.B.w;
        // The path names A's object; the rest (a second path id, photos, an address in the body) is B's own, so the
        // only thing wrong with the request is whose object the path names.
        const ids = idsFor(op.path, w, role, { main: 'A', other: objects ? 'B' : 'A' });
        if (op.key === 'DELETE /api/me/sessions/{id}') ids.id = role === 'customer' ? w.A.ids.customerSessionId : w.A.ids.workerSessionId;
        const res = await call(op, b.headers, ids);
        checked++;
        const refused = objects ? [403, 404].includes(res.status) : res.status >= 400 && res.status < 500 && res.status !== 401;
        if (!refused) failures.push(`${op.key} as ${role} B with A's ids → ${res.status} (expected ${objects ? '403/404' : '4xx'}) ${res.body.slice(0, 160)}`);
        const leaked = leaks(res.body);
        if (leaked.length) failures.push(`${op.key} as ${role} B leaks ${leaked.join(', ')}`);
      }
    }
    // Public objects of A's (A's worker profile, reviews, reputation …) are open to B, but carry nothing private of A's.
    const privateOnly = (body: string) => leaks(body).filter((x) => x !== SECRET.review);
    for (const op of ops.filter((o) => policyOf(o).users && policyOf(o).objects === 'any')) {
      for (const role of policyOf(op).users!) {
        const res = await call(op, (role === 'customer' ? w.B.c : w.B.w).headers, idsFor(op.path, w, role));
        checked++;
        if (res.status >= 500) failures.push(`${op.key} as ${role} B → ${res.status}`);
        const leaked = privateOnly(res.body);
        if (leaked.length) failures.push(`${op.key} as ${role} B (a public object of A's) leaks ${leaked.join(', ')}`);
      }
    }
    // An admin's own notification: the other console accounts may not open it.
    for (const op of ops.filter((o) => policyOf(o).admin !== undefined && !policyOf(o).users && policyOf(o).objects === 'own')) {
      const mine = await call(op, w.admins.headers.operations, idsFor(op.path, w, 'customer'));
      if (mine.status !== 200) failures.push(`${op.key} as operations, its owner → ${mine.status}`);
      for (const role of ADMIN_ROLES.filter((r) => r !== 'operations')) {
        const res = await call(op, w.admins.headers[role], idsFor(op.path, w, 'customer'));
        checked++;
        if (![403, 404].includes(res.status)) failures.push(`${op.key} as ${role} with the operations admin's id → ${res.status}`);
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(checked).toBeGreaterThan(100);

    // Marking notifications read names them in the body: B naming A's marks nothing.
    const marked = await t.app.inject({ method: 'POST', url: '/api/notifications/read?audience=customer', headers: w.B.c.headers, payload: { ids: [w.A.ids.customerNotificationId] } });
    expect(marked.statusCode).toBe(200);
    expect(marked.json().marked).toBe(0);
    const note = await t.ctx.db.selectFrom('notifications').select('read_at').where('id', '=', w.A.ids.customerNotificationId).executeTakeFirstOrThrow();
    expect(note.read_at).toBeNull();

    // Nothing of A's changed: still signed in, same order state, address, card, certificate and portfolio still there.
    const a = (url: string, who: Headers) => t.app.inject({ method: 'GET', url, headers: who });
    expect((await a('/api/me', w.A.c.headers)).statusCode).toBe(200);
    expect((await a('/api/me', w.A.w.headers)).statusCode).toBe(200);
    expect((await a(`/api/orders/${w.A.ids.orderId}`, w.A.c.headers)).json().status).toBe(before.order);
    expect(JSON.stringify((await a('/api/me/addresses', w.A.c.headers)).json())).toContain(w.A.ids.addressId);
    expect(JSON.stringify((await a('/api/worker/bank-cards', w.A.w.headers)).json())).toContain(w.A.ids.cardId);
    const application = JSON.stringify((await a('/api/worker/application', w.A.w.headers)).json());
    expect(application).toContain(w.A.ids.certificateId);
    expect(application).toContain(w.A.ids.portfolioId);
  }, 120_000);

  test("a second customer and worker naming their own object with the first one's photos, requests or addresses are refused", async () => {
    const failures: string[] = [];
    const seen: string[] = [];
    for (const op of ops) {
      const policy = policyOf(op);
      const params = (op.path.match(/\{\w+\}/g) ?? []).length;
      if (!policy.users || !['own', 'assigned', 'party'].includes(policy.objects) || (params < 2 && !policy.refs)) continue;
      for (const role of policy.users) {
        const b = role === 'customer' ? w.B.c : w.B.w;
        const res = await call(op, b.headers, idsFor(op.path, w, role, { main: 'B', other: 'A' }));
        seen.push(`${op.key} as ${role} B → ${res.status} ${res.body.slice(0, 80)}`);
        const refused = params >= 2 ? [403, 404].includes(res.status) : res.status >= 400 && res.status < 500 && res.status !== 401;
        if (!refused) failures.push(`${op.key} as ${role} B (own object, A's ids) → ${res.status} (expected ${params >= 2 ? '403/404' : '4xx'}) ${res.body.slice(0, 160)}`);
        const leaked = leaks(res.body);
        if (leaked.length) failures.push(`${op.key} as ${role} B (own object, A's ids) leaks ${leaked.join(', ')}`);
      }
    }
    if (process.env.ACCESS_MATRIX_VERBOSE) console.info(seen.join('\n'));
    expect(failures, failures.join('\n')).toEqual([]);
    expect(seen.length).toBeGreaterThan(15);
  }, 60_000);

  test("a reschedule request is answered or withdrawn only through its own order's URL (issue 16: the path's order was not checked)", async () => {
    // B's customer asked to move an order B's worker holds (access-world.ts): a request of B's own, waiting for the worker.
    const order = { id: w.B.ids.movingOrderId };
    const pending = () => t.ctx.db.selectFrom('reschedule_requests').select(['id', 'status']).where('order_id', '=', order.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const rid = (await pending()).id;
    expect((await pending()).status).toBe('pending_worker');

    // Through A's order's URL: refused, and nothing happens to B's request (it used to be decided, then answer 404).
    const aOrder = w.A.ids.laterOrderId;
    const viaA = await t.app.inject({ method: 'POST', url: `/api/worker/orders/${aOrder}/reschedule/${rid}/decision`, headers: w.B.w.headers, payload: { approve: false } });
    expect(viaA.statusCode).toBe(404);
    expect((await pending()).status).toBe('pending_worker');
    const withdrawViaA = await t.app.inject({ method: 'POST', url: `/api/orders/${aOrder}/reschedule/${rid}/withdraw`, headers: w.B.c.headers, payload: {} });
    expect(withdrawViaA.statusCode).toBe(404);
    expect((await pending()).status).toBe('pending_worker');

    // Through its own order's URL it works.
    const withdrawn = await t.app.inject({ method: 'POST', url: `/api/orders/${order.id}/reschedule/${rid}/withdraw`, headers: w.B.c.headers, payload: {} });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await pending()).status).toBe('withdrawn');
  }, 60_000);

  test('every route called as every actor answers as its policy says', async () => {
    const started = Date.now();
    const failures: string[] = [];
    const sorted = [...ops].sort((x, y) => rank(x) - rank(y));
    let n = 0;
    for (const op of sorted) {
      const policy: Policy = policyOf(op);
      const allowed = new Set(allowedActors(policy));
      for (const actor of ACTORS) {
        const res = await call(op, headersOf(actor), idsFor(op.path, w, actor === 'worker' ? 'worker' : 'customer'));
        n++;
        const what = `${op.key} as ${actor} → ${res.status}`;
        if (res.status >= 500) {
          failures.push(`${what}: server error ${res.body.slice(0, 160)}`);
        } else if (policy.provider) {
          if (![400, 401].includes(res.status)) failures.push(`${what}: an unsigned provider callback must be refused with 400/401`);
        } else if (allowed.has(actor)) {
          const refusedAsCredentials = policy.anyone === 'credentials' && res.status === 401;
          if ((res.status === 401 && !refusedAsCredentials) || res.status === 403) failures.push(`${what}: the policy lets ${actor} in ${res.body.slice(0, 160)}`);
          // The owner reads their own object (GETs run first, on A's objects as they were built).
          const owner = op.method === 'GET' && policy.users?.length === 1 && policy.users[0] === actor && ['own', 'assigned', 'party'].includes(policy.objects);
          if (owner && !OWNER_READS_NOT.has(op.key) && (res.status < 200 || res.status > 299)) failures.push(`${what}: A's own object, read by its owner ${res.body.slice(0, 160)}`);
        } else {
          const expected = denialFor(policy, actor);
          if (res.status !== expected) failures.push(`${what}: expected ${expected} ${res.body.slice(0, 120)}`);
          const leaked = leaks(res.body);
          if (leaked.length) failures.push(`${what}: refused, yet leaks ${leaked.join(', ')}`);
        }
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(n).toBe(ops.length * ACTORS.length);
    console.info(`access matrix: ${ops.length} routes × ${ACTORS.length} actors = ${n} calls in ${Date.now() - started} ms (${calls} calls in all)`);
  }, 120_000);
});
