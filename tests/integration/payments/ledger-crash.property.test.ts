/**
 * The payments acceptance property: random money operations with random crashes in between, and after every
 * batch (and at the end of every run) every fen is where the ledger, the tables and the provider say it is.
 *
 * Operations (fast-check generates lists of them; pickers index into what exists at the time):
 *   book (near → cancellation fee tiers, or far → free; some with the optional insurance),
 *   pay through the simulator's cashier (pay now / pay with a late callback / fail / abandon / leave the cashier
 *   open), pay a stale cashier the order no longer waits for (paid twice, cancelled or expired → refunded),
 *   replay an already-delivered signed notification, settle a late callback by the status query
 *   (GET /api/payments/:id), customer cancellation in created / paid / assigned / on-the-way, finance partial
 *   refund, one visit step (accept or manual assignment, set off, check in, finish, confirm), run due jobs a
 *   little later ("restart") or days later (T+N release, auto-acceptance, retries), bind a card (ending 0000 =
 *   payouts fail), withdraw, finance approve / reject / retry, and move the review threshold.
 * Customer, worker and finance actions go through HTTP (`app.inject`): real routes, guards and Idempotency-Keys.
 *
 * Crashes (tests/helpers/faults.ts): each operation carries a fault plan (seed, rate, budget). Under it any
 * transaction may abort just before COMMIT and any provider call (charge, query, refund, payout) may "kill the
 * process" after the provider did its part. Recovery is what a restart gives: the client retries with the same
 * Idempotency-Key after due jobs ran again, the job runner retries failed jobs, a pending payment settles by the
 * provider query, the provider resends its notifications. A 5xx answer is allowed only when a crash was injected.
 *
 * Checked after every CHECK_EVERY operations and after every run's final "recover everything":
 *  - trial balance zero, cached = derived, no non-clearing account negative, only known account kinds;
 *  - conservation: captured by providers (+ promotions) = escrow + refunds payable + worker pending + available +
 *    in flight + paid out + commission + fees + insurance + card prepaid + refunded; and the same figures from the
 *    tables (payments, refunds, withdrawals, settlements), globally and per worker;
 *  - per order, by status: unpaid → nothing held; paid … awaiting confirmation → escrow = paid − partial refunds;
 *    completed / closed → escrow 0 and one completion share that splits what was held; cancelled → escrow 0, the
 *    split stored on the order is the cancellation policy's, and refunds + compensation + platform fee take exactly
 *    what escrow held, the customer getting back in total what the policy refunds; every captured charge is the
 *    order's payment or was refunded as a late payment;
 *  - per charge: the simulator's refunded amount lies between our succeeded and our requested refunds;
 *  - after recovery: every refund succeeded and equals the simulator's, every decided charge is known as such,
 *    every withdrawal is paid, rejected or failed with its money back, every share released, reconciliation clean.
 *
 * Knobs: PAYMENTS_PROPERTY_OPS (total operations; default 1 500, which takes about 40–80 s per database on the 2-core
 * machine: the acceptance run is PAYMENTS_PROPERTY_OPS=10000, several minutes per database), PAYMENTS_PROPERTY_RUNS
 * (fast-check runs they are split into; default one per 500 operations, each with its own customers and its own final
 * recovery), PAYMENTS_PROPERTY_SEED (replays the same operations and fault plans; the clock and ids still differ),
 * PAYMENTS_PROPERTY_CHECK_EVERY (default 50), PAYMENTS_PROPERTY_SHRINK=1 (shrink a failing run; off by default, since
 * a shrink re-runs against the database the failure left behind), PAYMENTS_PROPERTY_STATS=1 (prints what the
 * operations did, the crashes injected and where the time went).
 * A failure prints fast-check's seed and path, the failing operation and the ones before it.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../src/db/types.js';
import { cancellationFee } from '../../../src/domains/booking/cancellation.js';
import { applyBasisPoints } from '../../../src/domains/catalog/pricing/money.js';
import type { OrderState } from '../../../src/domains/booking/order-states.js';
import { cancellationPolicyOf, loadSettings } from '../../../src/domains/booking/settings.js';
import { ACCOUNT_KINDS, accounts, isClearing, trialBalance } from '../../../src/domains/payments/ledger.js';
import { scheduleJob } from '../../../src/platform/jobs.js';
import type { PayProvider } from '../../../src/platform/providers/payments/types.js';
import { ALL_DAY, customerWithAddress, opsHeaders, signedInWorker, type Party } from '../../helpers/booking.js';
import { createCrashTestApp, type CrashTestApp, type FaultPlan } from '../../helpers/faults.js';

const TOTAL_OPS = Number(process.env.PAYMENTS_PROPERTY_OPS ?? 1_500);
const RUNS = Math.max(1, Math.min(TOTAL_OPS, Number(process.env.PAYMENTS_PROPERTY_RUNS ?? Math.ceil(TOTAL_OPS / 500))));
const OPS_PER_RUN = Math.max(1, Math.round(TOTAL_OPS / RUNS));
const CHECK_EVERY = Number(process.env.PAYMENTS_PROPERTY_CHECK_EVERY ?? 50);
const SEED = process.env.PAYMENTS_PROPERTY_SEED ? Number(process.env.PAYMENTS_PROPERTY_SEED) : undefined;
const SHRINK = process.env.PAYMENTS_PROPERTY_SHRINK === '1';
const STATS = process.env.PAYMENTS_PROPERTY_STATS === '1';

/** 松江: no other test books or places workers here, so on a shared PostgreSQL nothing of theirs gets our offers. */
const AT = { lat: 31.0322, lng: 121.2277, districtCode: '310117' };
const WORKERS = 30;
/** Customers per run (each run books for its own, so its per-order checks look at its own orders). */
const CUSTOMERS = 6;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** Retries of one client request after crashes (a plan's budget is smaller, so the last one always gets through). */
const MAX_RETRIES = 6;
const LIVE_PAID: readonly string[] = ['paid', 'assigned', 'on_the_way', 'in_service', 'awaiting_confirmation'];
const CANCELLABLE: readonly string[] = ['created', 'paid', 'assigned', 'on_the_way'];
const ITEMS = [{ code: 'mite-removal', quantity: 1 }, { code: 'daily-cleaning', quantity: 2 }] as const;
const METHODS: readonly PayProvider[] = ['wechat', 'alipay', 'card'];

type Res = LightMyRequestResponse;
type Headers = Record<string, string>;
/** A worker and where their next bookable starts are: `near` (< 23 h: cancellation fees) and `far` (free). */
interface Worker extends Party { id: string; name: string; near: number; far: number }
interface Customer extends Party { id: string; addressId: string }
interface Delivered { provider: PayProvider; url: string; headers: Record<string, string>; payload: string; at: Date; statusCode: number }

let t: CrashTestApp;
let db: Kysely<DB>;
let finance: Headers;
let ops: Headers;
let workers: Worker[] = [];
let customers: Customer[] = [];
let customerIds: string[] = [];
const allCustomers: Customer[] = [];
let workerIds: string[] = [];
/** Every notification the simulator delivered, with the answer it got (for replays). */
const delivered: Delivered[] = [];
let originalSettings: Record<string, unknown>;
const stats = new Map<string, number>();
const timing = new Map<string, { n: number; ms: number }>();
const timed = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  try { return await fn(); } finally {
    const x = timing.get(what) ?? { n: 0, ms: 0 };
    x.n += 1; x.ms += performance.now() - t0;
    timing.set(what, x);
  }
};
const count = (what: string) => stats.set(what, (stats.get(what) ?? 0) + 1);

// ---------------------------------------------------------------------------------------------- world

const grid = (ms: number) => Math.ceil(ms / (30 * MIN)) * 30 * MIN;
const nearStart = () => grid(Date.now() + 45 * MIN);
const farStart = () => grid(Date.now() + 26 * HOUR);

beforeAll(async () => {
  t = await createCrashTestApp({ poolSize: 4 });
  db = t.rawDb;
  finance = await opsHeaders(t, 'finance');
  ops = await opsHeaders(t, 'operations');
  for (let i = 0; i < WORKERS; i++) {
    const name = `松江师傅${i}`;
    const w = await signedInWorker(t, { name, hours: ALL_DAY, skills: ITEMS.map((x) => x.code), districtCode: AT.districtCode, homeLat: AT.lat, homeLng: AT.lng, serviceRadiusKm: 5 });
    workers.push({ ...w, id: w.user.id, name, near: nearStart() + (i % 4) * 30 * MIN, far: farStart() + (i % 6) * 30 * MIN });
  }
  workerIds = workers.map((w) => w.id);
  // The simulator delivers through our HTTP pipeline, as buildApp wires it; we also keep what it sent.
  t.ctx.paySim.setDeliver(async ({ url, headers, payload }) => {
    const res = await t.app.inject({ method: 'POST', url, headers, payload });
    delivered.push({ provider: url.split('/').pop() as PayProvider, url, headers, payload, at: new Date(), statusCode: res.statusCode });
    if (delivered.length > 400) delivered.splice(0, 100);
    return { statusCode: res.statusCode, body: res.body };
  });
  originalSettings = (await t.app.inject({ method: 'GET', url: '/api/admin/finance/settings', headers: finance })).json();
}, 180_000);

afterAll(async () => {
  if (t && originalSettings) await t.app.inject({ method: 'PUT', url: '/api/admin/finance/settings', headers: finance, payload: originalSettings });
  // Our workers stop taking orders, so later files on a shared database do not dispatch to them.
  if (t && workerIds.length) await db.updateTable('worker_profiles').set({ online: false }).where('user_id', 'in', workerIds).execute().catch(() => {});
  await t?.close();
});

// ---------------------------------------------------------------------------------------------- client

/** What a restart gives: the durable jobs due now run again (claimed, retried under their leases). */
async function restart() {
  await t.ctx.jobs.runDue(new Date());
}

/**
 * One client request, retried after a crash as a client does (same Idempotency-Key, after a restart). A 5xx is
 * only acceptable when a crash was injected while it ran.
 */
async function call(headers: Headers, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, key?: string): Promise<Res> {
  for (let attempt = 0; ; attempt++) {
    const before = t.faults.crashes;
    const res = await timed(`http ${method} ${url.replace(/[0-9a-f-]{36}/g, ':id').split('?')[0]}`, () => t.app.inject({
      method, url, headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    }));
    if (res.statusCode < 500) return res;
    if (t.faults.crashes === before) throw new Error(`${method} ${url} answered ${res.statusCode} with no crash injected: ${res.body}`);
    count('client retries after a crash');
    if (attempt >= MAX_RETRIES) throw new Error(`${method} ${url} still fails after ${attempt} retries: ${res.body}`);
    await restart();
  }
}

function expectStatus(res: Res, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what}: expected ${status}, got ${res.statusCode} ${res.body}`);
}

/** A 409 problem with one of these codes is an expected refusal. */
function refusedWith(res: Res, codes: readonly string[], what: string): boolean {
  if (res.statusCode >= 200 && res.statusCode < 300) return false;
  const code = (res.json() as { code?: string }).code ?? '';
  if (!codes.includes(code)) throw new Error(`${what}: unexpected ${res.statusCode} ${res.body}`);
  count(`${what} refused: ${code}`);
  return true;
}

// ---------------------------------------------------------------------------------------------- reads

async function myOrders(states: readonly string[]) {
  return db.selectFrom('orders').select(['id', 'status', 'customer_id', 'worker_id', 'preferred_worker_id', 'price_fen', 'paid_fen', 'service_code', 'early_visit_status'])
    .where('customer_id', 'in', customerIds).where('status', 'in', states as OrderState[]).orderBy('created_at').orderBy('id').execute();
}

async function balance(code: string): Promise<number> {
  const row = await db.selectFrom('ledger_accounts').select('balance_fen').where('code', '=', code).executeTakeFirst();
  return Number(row?.balance_fen ?? 0);
}

const customerOf = (id: string) => allCustomers.find((c) => c.id === id)!;

/** A run's own customers (the workers are shared by all runs). */
async function newCustomers() {
  customers = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const c = await customerWithAddress(t, AT);
    customers.push({ ...c, id: c.user.id });
  }
  allCustomers.push(...customers);
  customerIds = customers.map((c) => c.id);
}
const workerOf = (id: string) => workers.find((w) => w.id === id);
const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

// ---------------------------------------------------------------------------------------------- operations

type Outcome = 'pay' | 'fail' | 'abandon' | 'leave';
type Op =
  | { k: 'book'; c: number; w: number; near: boolean; item: number; insured: boolean }
  | { k: 'pay'; o: number; c: number; w: number; method: PayProvider; outcome: Outcome; late: boolean; back: boolean }
  | { k: 'payStale'; p: number }
  | { k: 'replay'; n: number }
  | { k: 'query'; p: number }
  | { k: 'cancel'; o: number }
  | { k: 'refund'; o: number; part: number }
  | { k: 'visit'; o: number; depart: boolean; w: number }
  | { k: 'jobs'; minutes: number }
  | { k: 'settle'; days: number }
  | { k: 'card'; w: number; failing: boolean }
  | { k: 'withdraw'; w: number; part: number; card: number }
  | { k: 'review'; n: number; approve: boolean }
  | { k: 'retry'; n: number }
  | { k: 'threshold'; fen: number };
type Step = Op & { f: FaultPlan };

const n = fc.nat(1_000_000);
const part = fc.double({ min: 0, max: 1, noNaN: true });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ k: fc.constant('book' as const), c: n, w: n, near: fc.boolean(), item: fc.nat(ITEMS.length - 1), insured: fc.boolean() }) },
  {
    weight: 16, arbitrary: fc.record({
      k: fc.constant('pay' as const), o: n, c: n, w: n, method: fc.constantFrom(...METHODS),
      outcome: fc.constantFrom<Outcome>('pay', 'pay', 'pay', 'pay', 'pay', 'pay', 'fail', 'abandon', 'leave', 'leave'), late: fc.boolean(), back: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('payStale' as const), p: n }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('replay' as const), n }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('query' as const), p: n }) },
  { weight: 8, arbitrary: fc.record({ k: fc.constant('cancel' as const), o: n }) },
  { weight: 6, arbitrary: fc.record({ k: fc.constant('refund' as const), o: n, part }) },
  { weight: 24, arbitrary: fc.record({ k: fc.constant('visit' as const), o: n, depart: fc.boolean(), w: n }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('jobs' as const), minutes: fc.constantFrom(0, 1, 5, 20, 120) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('settle' as const), days: fc.constantFrom(1, 3, 8, 8) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('card' as const), w: n, failing: fc.boolean() }) },
  { weight: 7, arbitrary: fc.record({ k: fc.constant('withdraw' as const), w: n, part, card: n }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('review' as const), n, approve: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('retry' as const), n }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('threshold' as const), fen: fc.constantFrom(2_000, 30_000, 500_000) }) },
);
const faultArb: fc.Arbitrary<FaultPlan> = fc.record({
  seed: fc.integer(),
  rate: fc.constantFrom(0, 0, 0.1, 0.25, 0.5),
  budget: fc.constantFrom(1, 2, 3),
});
const stepArb: fc.Arbitrary<Step> = fc.tuple(opArb, faultArb).map(([op, f]) => ({ ...op, f }));

// ----- booking

async function book(c: Customer, op: { w: number; near: boolean; item: number; insured: boolean }): Promise<string | null> {
  const item = ITEMS[op.item % ITEMS.length]!;
  for (let attempt = 0; attempt < 4; attempt++) {
    const w = workers[(op.w + attempt) % workers.length]!;
    const near = op.near && attempt < 3;
    // Near starts 3 h apart; far ones 5 h apart, so even 2-hour visits stay under the 600-minute daily maximum.
    // Past the end of their window the cursors start over: cancelled, expired and finished visits gave their time back.
    if (w.near > Date.now() + 23 * HOUR) w.near = nearStart();
    if (w.far > Date.now() + 13 * DAY) w.far = farStart();
    const start = near ? Math.max(w.near, nearStart()) : Math.max(w.far, farStart());
    if (near) w.near = start + 3 * HOUR;
    else w.far = start + 5 * HOUR;
    const quote = await call(c.headers, 'POST', '/api/catalog/quotes', { itemCode: item.code, quantity: item.quantity, options: {}, scheduledStart: new Date(start).toISOString() });
    expectStatus(quote, 201, 'quote');
    const res = await call(c.headers, 'POST', '/api/orders', { quoteId: quote.json().id, addressId: c.addressId, workerId: w.id, ...(op.insured ? { insurance: true } : {}) }, `book-${randomUUID()}`);
    if (refusedWith(res, ['SLOT_TAKEN'], 'book')) continue;
    expectStatus(res, 201, 'book');
    const order = res.json() as { id: string; status: string; price: { totalFen: number } };
    expect(order.status).toBe('created');
    count('booked');
    return order.id;
  }
  return null;
}

// ----- paying

/** Presses a button on the simulator's cashier page (the provider's side; it notifies us itself). */
async function cashier(cashierUrl: string, outcome: Exclude<Outcome, 'leave'>, late = false) {
  const res = await timed(`http cashier ${outcome}${late ? ' late' : ''}`, () => t.app.inject({ method: 'POST', url: `${cashierUrl}/${outcome}`, headers: FORM, payload: late ? 'late=on' : '' }));
  expectStatus(res, 303, `cashier ${outcome}`);
}

async function pay(op: Extract<Op, { k: 'pay' }>) {
  const created = await myOrders(['created']);
  let target = pick(created, op.o);
  if (!target || op.o % 4 === 0) {
    const id = await book(pick(customers, op.c)!, { w: op.w, near: op.o % 3 === 0, item: op.o, insured: op.o % 5 === 0 });
    if (!id) return;
    target = (await myOrders(['created'])).find((o) => o.id === id)!;
  }
  const c = customerOf(target.customer_id);
  const opened = await call(c.headers, 'POST', `/api/orders/${target.id}/pay`, { method: op.method }, `pay-${randomUUID()}`);
  if (refusedWith(opened, ['PAYMENT_NOT_DUE'], 'pay')) return;
  expectStatus(opened, 200, 'pay');
  const charge = opened.json() as { paymentId: string; amountFen: number; status: string; cashierUrl: string };
  expect(charge).toMatchObject({ amountFen: target.price_fen, status: 'pending' });
  count(`pay: ${op.outcome}${op.outcome === 'pay' && op.late ? ' (late callback)' : ''}`);
  if (op.outcome === 'leave') return; // the customer closed the cashier: the charge stays open at the provider
  await cashier(charge.cashierUrl, op.outcome, op.late);
  if (!op.back) return; // never came back to the return page: the callbacks (or a later query) settle it
  const seen = await call(c.headers, 'GET', `/api/payments/${charge.paymentId}`);
  expectStatus(seen, 200, 'payment status');
  // Whatever crashed on the way, the return page's answer is the provider's.
  expect(seen.json().status).toBe(op.outcome === 'pay' ? 'paid' : op.outcome === 'fail' ? 'failed' : 'pending');
  if (op.outcome === 'pay') {
    const order = await db.selectFrom('orders').select(['status', 'paid_fen']).where('id', '=', target.id).executeTakeFirstOrThrow();
    expect(order).toEqual({ status: 'paid', paid_fen: target.price_fen });
    expect(await balance(accounts.escrow(target.id))).toBe(target.price_fen);
  }
}

/** Customer pays a cashier the order no longer waits for (reopened, paid twice, cancelled, expired). */
async function payStale(op: Extract<Op, { k: 'payStale' }>) {
  const stale = await db.selectFrom('payments as p').innerJoin('orders as o', 'o.id', 'p.order_id').innerJoin('paysim.charges as s', 's.out_trade_no', 'p.out_trade_no')
    .select(['p.id', 's.id as charge_id', 'o.status as order_status']).where('o.customer_id', 'in', customerIds).where('s.status', '=', 'open')
    .where((eb) => eb.or([eb('p.status', '=', 'closed'), eb('o.status', '!=', 'created')])).orderBy('p.created_at').orderBy('p.id').execute();
  const p = pick(stale, op.p);
  if (!p) return;
  count(`pay stale cashier (order ${p.order_status})`);
  await cashier(`/paysim/cashier/${p.charge_id}`, 'pay');
}

async function replay(op: Extract<Op, { k: 'replay' }>) {
  const recent = delivered.slice(-60);
  const note = pick(recent, op.n);
  if (!note) return;
  // Which charge it is about: read with our own parser, as of when it was sent (inside the signature window).
  const parsed = await t.ctx.pay.provider(note.provider).parseNotification({ headers: note.headers, rawBody: note.payload, now: note.at });
  expect(parsed.ok, 'a notification the simulator sent verifies').toBe(true);
  const outTradeNo = parsed.ok ? parsed.event.outTradeNo : '';
  const payment = await db.selectFrom('payments').select(['id', 'status']).where('out_trade_no', '=', outTradeNo).executeTakeFirstOrThrow();
  const entries = async () => (await db.selectFrom('journal_entries').select('key').where('key', 'in', [`capture:${payment.id}`, `late:${payment.id}`]).execute()).length;
  const before = await entries();
  const crashes = t.faults.crashes;
  const res = await t.app.inject({ method: 'POST', url: note.url, headers: note.headers, payload: note.payload });
  const outcome = await db.selectFrom('payment_notifications').select(['outcome', 'detail']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  count(`replay → ${res.statusCode} ${outcome.outcome}`);
  if (res.statusCode >= 500) {
    expect(t.faults.crashes, `replay answered ${res.statusCode} without a crash`).toBeGreaterThan(crashes);
    return;
  }
  if (res.statusCode !== 200) {
    // Only the signature window (WeChat: ±300 s) or the nonce memory (WeChat never sends the same nonce twice) can
    // refuse a notification the provider really signed.
    expect(outcome.outcome).toBe('rejected');
    expect(['TIMESTAMP_OUT_OF_WINDOW', 'REPLAYED']).toContain(outcome.detail);
    expect(await entries()).toBe(before);
    return;
  }
  if (note.statusCode === 200) {
    // Already delivered and applied: a repeat changes nothing and still answers success.
    expect(['duplicate', 'failed']).toContain(outcome.outcome);
    expect(await entries()).toBe(before);
    expect((await db.selectFrom('payments').select('status').where('id', '=', payment.id).executeTakeFirstOrThrow()).status).toBe(payment.status);
  }
}

async function query(op: Extract<Op, { k: 'query' }>) {
  const pending = await db.selectFrom('payments as p').innerJoin('orders as o', 'o.id', 'p.order_id').innerJoin('paysim.charges as s', 's.out_trade_no', 'p.out_trade_no')
    .select(['p.id', 'o.customer_id', 's.status as provider_status']).where('o.customer_id', 'in', customerIds).where('p.status', '=', 'pending')
    .orderBy('p.created_at').orderBy('p.id').execute();
  const p = pick(pending, op.p);
  if (!p) return;
  const res = await call(customerOf(p.customer_id).headers, 'GET', `/api/payments/${p.id}`);
  expectStatus(res, 200, 'payment status');
  const now = (await db.selectFrom('paysim.charges as s').innerJoin('payments as p', 'p.out_trade_no', 's.out_trade_no').select('s.status').where('p.id', '=', p.id).executeTakeFirstOrThrow()).status;
  count(`query a pending payment (provider: ${now})`);
  expect(res.json().status).toBe(now === 'paid' ? 'paid' : now === 'failed' ? 'failed' : 'pending');
}

// ----- the order

async function cancel(op: Extract<Op, { k: 'cancel' }>) {
  const o = pick(await myOrders(CANCELLABLE), op.o);
  if (!o) return;
  const c = customerOf(o.customer_id);
  const res = await call(c.headers, 'POST', `/api/orders/${o.id}/cancel`, { reason: '计划有变' }, `cancel-${randomUUID()}`);
  expectStatus(res, 200, 'cancel');
  expect(res.json().status).toBe('cancelled');
  count(`cancel from ${o.status}`);
  expect(await balance(accounts.escrow(o.id))).toBe(0);
}

async function refund(op: Extract<Op, { k: 'refund' }>) {
  const live = await myOrders(LIVE_PAID);
  const balances = live.length ? await db.selectFrom('ledger_accounts').select(['code', 'balance_fen']).where('code', 'in', live.map((o) => accounts.escrow(o.id))).execute() : [];
  const heldBy = new Map(balances.map((b) => [b.code, Number(b.balance_fen)]));
  const candidates = live.map((o) => ({ o, held: heldBy.get(accounts.escrow(o.id)) ?? 0 })).filter((x) => x.held >= 2);
  const x = pick(candidates, Math.floor(op.part * 1_000_003));
  if (!x) return;
  const amountFen = 1 + Math.floor(op.part * (x.held - 2)); // a partial refund: escrow keeps at least 1 fen
  const res = await call(finance, 'POST', `/api/admin/orders/${x.o.id}/refunds`, { amountFen, reason: '服务差价退款' }, `refund-${randomUUID()}`);
  expectStatus(res, 201, 'finance refund');
  const rows = res.json() as { amountFen: number; status: string }[];
  expect(rows.reduce((s, r) => s + r.amountFen, 0)).toBe(amountFen);
  expect(await balance(accounts.escrow(x.o.id))).toBe(x.held - amountFen);
  count('finance partial refund');
}

/** One step of the visit: accept (or manual assignment), set off, check in, finish, confirm. */
async function visit(op: Extract<Op, { k: 'visit' }>) {
  const o = pick(await myOrders(LIVE_PAID), op.o);
  if (!o) return;
  const worker = o.worker_id ? workerOf(o.worker_id) : undefined;
  switch (o.status) {
    case 'paid': {
      const offers = await db.selectFrom('order_offers').select('worker_id').where('order_id', '=', o.id).where('status', '=', 'open').where('worker_id', 'in', workerIds).orderBy('worker_id').execute();
      const offered = pick(offers, op.w);
      if (offered) {
        const res = await call(workerOf(offered.worker_id)!.headers, 'POST', `/api/worker/orders/${o.id}/accept`, {});
        if (!refusedWith(res, ['GRAB_WINDOW_CLOSED', 'SCHEDULE_CONFLICT', 'REST_RULE', 'WORKER_UNAVAILABLE'], 'accept')) {
          expectStatus(res, 200, 'accept');
          count('visit: accept');
          return;
        }
      }
      const tries = [o.preferred_worker_id, pick(workerIds, op.w), pick(workerIds, op.w + 7)].filter((x): x is string => !!x);
      for (const workerId of tries) {
        const res = await call(ops, 'POST', `/api/admin/orders/${o.id}/assign`, { workerId, reason: '人工派单' });
        if (refusedWith(res, ['SCHEDULE_CONFLICT', 'REST_RULE', 'WORKER_NOT_QUALIFIED', 'WORKER_UNAVAILABLE'], 'assign')) continue;
        expectStatus(res, 200, 'assign');
        count('visit: manual assignment');
        return;
      }
      return;
    }
    case 'assigned':
    case 'on_the_way': {
      // Booked for later: the worker asks to come now and the customer agrees (set off and check-in open from then).
      if (o.early_visit_status !== 'agreed') {
        expectStatus(await call(worker!.headers, 'POST', `/api/worker/orders/${o.id}/early-visit`, {}), 200, 'early visit');
        const agreed = await call(customerOf(o.customer_id).headers, 'POST', `/api/orders/${o.id}/early-visit`, { agree: true });
        if (!refusedWith(agreed, ['NO_EARLY_VISIT_REQUEST'], 'early visit answer')) count('visit: earlier visit agreed');
      }
      if (o.status === 'assigned' && op.depart) {
        expectStatus(await call(worker!.headers, 'POST', `/api/worker/orders/${o.id}/depart`, {}), 200, 'depart');
        count('visit: set off');
        return;
      }
      const res = await call(worker!.headers, 'POST', `/api/worker/orders/${o.id}/check-in`, { lat: AT.lat, lng: AT.lng, serviceCode: o.service_code });
      expectStatus(res, 200, 'check in');
      count('visit: check in');
      return;
    }
    case 'in_service':
      expectStatus(await call(worker!.headers, 'POST', `/api/worker/orders/${o.id}/finish`, { reason: '客户只要求打扫厨房' }), 200, 'finish');
      count('visit: finish');
      return;
    case 'awaiting_confirmation': {
      const held = await balance(accounts.escrow(o.id));
      const res = await call(customerOf(o.customer_id).headers, 'POST', `/api/orders/${o.id}/confirm`, {});
      expectStatus(res, 200, 'confirm');
      expect(res.json().status).toBe('completed');
      expect(await balance(accounts.escrow(o.id))).toBe(0);
      const share = await db.selectFrom('order_settlements').selectAll().where('order_id', '=', o.id).where('kind', '=', 'completion').executeTakeFirstOrThrow();
      expect(share.gross_fen + share.insurance_fen).toBe(held);
      count('visit: confirm (completed)');
      return;
    }
    default:
  }
}

// ----- time

async function jobs(minutes: number) {
  await t.ctx.jobs.runDue(new Date(Date.now() + minutes * MIN));
  count(`run jobs +${minutes} min`);
}

async function settle(days: number) {
  const at = new Date(Date.now() + days * DAY);
  await t.ctx.jobs.runDue(at);
  count(`run jobs +${days} d (T+N release)`);
}

// ----- the worker's money

/** A Luhn-valid card number; `failing` ends it in 0000 (the simulator's bank refuses those payouts). */
function cardNumber(seed: number, failing: boolean): string {
  const digits = String(6_225_880_000_000_000 + (seed * 7919) % 100_000_000_000).slice(0, 15).split('').map(Number);
  if (failing) digits.splice(11, 4, 0, 0, 0, 0);
  // Make the number valid by choosing digit 10 (the last 4 stay as they are): Luhn over 16 digits.
  const sum = (ds: number[]) => ds.reduceRight((s, d, i) => {
    const fromRight = ds.length - 1 - i;
    let v = d;
    if (fromRight % 2 === 1) { v *= 2; if (v > 9) v -= 9; }
    return s + v;
  }, 0);
  const full = [...digits.slice(0, 15), 0];
  if (failing) {
    for (let d = 0; d < 10; d++) { full[10] = d; full[15] = 0; if (sum(full) % 10 === 0) return full.join(''); }
    full[9] = (full[9]! + 1) % 10;
    for (let d = 0; d < 10; d++) { full[10] = d; if (sum(full) % 10 === 0) return full.join(''); }
    throw new Error('no failing card number');
  }
  for (let d = 0; d < 10; d++) { full[15] = d; if (sum(full) % 10 === 0) return full.join(''); }
  throw new Error('no card number');
}

async function bindCard(op: Extract<Op, { k: 'card' }>) {
  const w = pick(workers, op.w)!;
  const cardNo = cardNumber(op.w, op.failing);
  const res = await call(w.headers, 'POST', '/api/worker/bank-cards', { bankName: op.failing ? '模拟异常银行' : '招商银行', holderName: w.name, cardNo });
  expectStatus(res, 201, 'bind card');
  expect(res.json().cardMasked.endsWith(cardNo.slice(-4))).toBe(true);
  count(`bind card${op.failing ? ' (payouts fail)' : ''}`);
}

async function withdraw(op: Extract<Op, { k: 'withdraw' }>) {
  const rows = await db.selectFrom('ledger_accounts').select(['owner_id', 'balance_fen']).where('kind', '=', 'worker_available').where('owner_id', 'in', workerIds)
    .where('balance_fen', '>=', 1000).orderBy('owner_id').execute();
  const funded = rows.filter((r) => r.owner_id);
  const row = pick(funded, op.w);
  if (!row) return;
  const w = workerOf(row.owner_id!)!;
  const cards = await db.selectFrom('worker_bank_cards').select('id').where('worker_id', '=', w.id).where('removed_at', 'is', null).orderBy('created_at').orderBy('id').execute();
  const card = pick(cards, op.card);
  if (!card) return;
  const available = Number(row.balance_fen);
  const amountFen = 1000 + Math.floor(op.part * (available - 1000));
  const quote = await call(w.headers, 'GET', `/api/worker/withdrawals/quote?amountFen=${amountFen}`);
  expectStatus(quote, 200, 'withdrawal quote');
  const res = await call(w.headers, 'POST', '/api/worker/withdrawals', { amountFen, cardId: card.id }, `wd-${randomUUID()}`);
  if (!quote.json().ok) {
    expect(res.json()).toMatchObject({ code: 'WITHDRAWAL_REFUSED', reasonCode: quote.json().code });
    count(`withdraw refused: ${quote.json().code}`);
    return;
  }
  expectStatus(res, 201, 'withdraw');
  const wd = res.json() as { amountFen: number; feeFen: number; netFen: number; status: string };
  expect(wd).toMatchObject({ amountFen, feeFen: quote.json().feeFen, netFen: quote.json().netFen });
  expect(wd.status).toBe(quote.json().needsReview ? 'pending_review' : 'paying');
  expect(await balance(accounts.workerAvailable(w.id))).toBe(available - amountFen);
  count(`withdraw → ${wd.status}`);
}

async function review(op: Extract<Op, { k: 'review' }>) {
  const waiting = await db.selectFrom('withdrawals').select(['id', 'worker_id', 'amount_fen']).where('worker_id', 'in', workerIds).where('status', '=', 'pending_review').orderBy('created_at').orderBy('id').execute();
  const w = pick(waiting, op.n);
  if (!w) return;
  const res = await call(finance, 'POST', `/api/admin/finance/withdrawals/${w.id}/${op.approve ? 'approve' : 'reject'}`, { note: op.approve ? '核实无误' : '信息不符' });
  expectStatus(res, 200, 'review withdrawal');
  expect(res.json().status).toBe(op.approve ? 'paying' : 'rejected');
  count(`finance ${op.approve ? 'approves' : 'rejects'} a withdrawal`);
}

async function retry(op: Extract<Op, { k: 'retry' }>) {
  const failed = await db.selectFrom('withdrawals').select(['id', 'worker_id', 'amount_fen']).where('worker_id', 'in', workerIds).where('status', '=', 'failed').orderBy('created_at').orderBy('id').execute();
  const w = pick(failed, op.n);
  if (!w) return;
  const available = await balance(accounts.workerAvailable(w.worker_id));
  const res = await call(finance, 'POST', `/api/admin/finance/withdrawals/${w.id}/retry`, {});
  if (available < w.amount_fen) {
    // The returned money was spent meanwhile: the guard refuses to take it twice.
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INSUFFICIENT_FUNDS');
    count('finance retry refused: spent meanwhile');
    return;
  }
  expectStatus(res, 200, 'retry withdrawal');
  expect(res.json().status).toBe('paying');
  expect(await balance(accounts.workerAvailable(w.worker_id))).toBe(available - w.amount_fen);
  count('finance retries a failed withdrawal');
}

async function threshold(fen: number) {
  const current = (await call(finance, 'GET', '/api/admin/finance/settings')).json() as { withdrawal: Record<string, unknown> };
  const res = await call(finance, 'PUT', '/api/admin/finance/settings', { ...current, withdrawal: { ...current.withdrawal, reviewAboveFen: fen } });
  expectStatus(res, 200, 'finance settings');
  count(`review threshold ¥${fen / 100}`);
}

async function runOp(op: Op) {
  switch (op.k) {
    case 'book': { const c = pick(customers, op.c)!; await book(c, op); return; }
    case 'pay': return pay(op);
    case 'payStale': return payStale(op);
    case 'replay': return replay(op);
    case 'query': return query(op);
    case 'cancel': return cancel(op);
    case 'refund': return refund(op);
    case 'visit': return visit(op);
    case 'jobs': return jobs(op.minutes);
    case 'settle': return settle(op.days);
    case 'card': return bindCard(op);
    case 'withdraw': return withdraw(op);
    case 'review': return review(op);
    case 'retry': return retry(op);
    case 'threshold': return threshold(op.fen);
  }
}

// ---------------------------------------------------------------------------------------------- invariants

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** Everything, read in one snapshot (repeatable read), so a concurrent writer on a shared database cannot tear it. */
async function checkInvariants(where: string, final = false) {
  await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    await checkLedger(trx, where);
    await checkOrders(trx, where, final);
    await checkWorkers(trx, where, final);
  });
}

async function checkLedger(trx: Kysely<DB>, where: string) {
  const tb = await trialBalance(trx);
  expect(tb.totalFen, `${where}: trial balance`).toBe(0);
  expect(tb.mismatches, `${where}: cached ≠ derived`).toEqual([]);
  expect(tb.negative, `${where}: negative accounts`).toEqual([]);
  expect(tb.accounts.filter((a) => !isClearing(a.code) && a.balanceFen < 0).map((a) => a.code), `${where}: negative guarded balances`).toEqual([]);
  for (const k of tb.byKind) expect(ACCOUNT_KINDS as readonly string[], `${where}: unknown account kind ${k.kind}`).toContain(k.kind);
  const kind = (k: string) => tb.byKind.find((x) => x.kind === k)?.balanceFen ?? 0;

  const psp = await trx.selectFrom('journal_lines as l').innerJoin('journal_entries as e', 'e.id', 'l.entry_id')
    .select(['e.kind', sql<number>`sum(l.amount_fen)::bigint`.as('fen')]).where('l.account_code', 'like', 'psp:%').groupBy('e.kind').execute();
  const pspOf = (k: string) => Number(psp.find((r) => r.kind === k)?.fen ?? 0);
  expect(psp.map((r) => r.kind).filter((k) => k !== 'capture' && k !== 'refund_confirmed'), `${where}: only captures and confirmed refunds touch the providers`).toEqual([]);
  // `0 - x`, not `-x`: with nothing captured yet, -0 would not equal 0 under toBe (Object.is).
  const captured = 0 - pspOf('capture');
  const refunded = pspOf('refund_confirmed');
  const paidOut = kind('payouts');
  const promotionsFunded = 0 - kind('promotions');
  // Conservation: every fen a provider captured (plus what promotions put in) is somewhere, or went back.
  expect(captured + promotionsFunded, `${where}: conservation`).toBe(
    kind('escrow') + kind('refunds_payable') + kind('card_prepaid') + kind('worker_pending') + kind('worker_available') + kind('withdrawals_in_flight')
    + paidOut + kind('platform_commission') + kind('platform_fees') + kind('insurance_premiums') + refunded,
  );

  // The same money from the tables.
  const one = async <T>(q: Promise<T | undefined>) => (await q)!;
  const payments = await one(trx.selectFrom('payments').select([
    sql<number>`coalesce(sum(amount_fen) filter (where status = 'paid'), 0)::bigint`.as('paid'),
    sql<number>`count(*) filter (where status = 'paid')::int`.as('n'),
  ]).executeTakeFirst());
  expect(Number(payments.paid), `${where}: paid payments = captured`).toBe(captured);
  const uncaptured = await trx.selectFrom('payments as p').select('p.id').where('p.status', '=', 'paid')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('journal_entries as e').select('e.id').where('e.key', '=', sql<string>`'capture:' || p.id::text`)))).execute();
  expect(uncaptured, `${where}: paid payments without a capture entry`).toEqual([]);
  const captures = await one(trx.selectFrom('journal_entries').select(sql<number>`count(*)::int`.as('n')).where('kind', '=', 'capture').executeTakeFirst());
  expect(captures.n, `${where}: one capture per paid payment`).toBe(payments.n);

  const refunds = await one(trx.selectFrom('refunds').select([
    sql<number>`coalesce(sum(amount_fen) filter (where status = 'succeeded'), 0)::bigint`.as('done'),
    sql<number>`coalesce(sum(amount_fen) filter (where status = 'processing'), 0)::bigint`.as('open'),
  ]).executeTakeFirst());
  expect(Number(refunds.done), `${where}: succeeded refunds = refunded at the providers`).toBe(refunded);
  expect(Number(refunds.open), `${where}: processing refunds = refunds payable`).toBe(kind('refunds_payable'));

  const wd = await one(trx.selectFrom('withdrawals').select([
    sql<number>`coalesce(sum(net_fen) filter (where status = 'paid'), 0)::bigint`.as('net'),
    sql<number>`coalesce(sum(fee_fen) filter (where status = 'paid'), 0)::bigint`.as('fee'),
    sql<number>`coalesce(sum(amount_fen) filter (where status in ('pending_review', 'paying')), 0)::bigint`.as('flying'),
  ]).executeTakeFirst());
  expect(Number(wd.net), `${where}: paid withdrawals = paid out`).toBe(paidOut);
  expect(Number(wd.flying), `${where}: open withdrawals = in flight`).toBe(kind('withdrawals_in_flight'));
  const payoutFees = await one(trx.selectFrom('journal_lines as l').innerJoin('journal_entries as e', 'e.id', 'l.entry_id')
    .select(sql<number>`coalesce(sum(l.amount_fen), 0)::bigint`.as('fen')).where('e.kind', '=', 'payout').where('l.account_code', '=', accounts.fees).executeTakeFirst());
  expect(Number(payoutFees.fen), `${where}: withdrawal fees`).toBe(Number(wd.fee));

  const shares = await one(trx.selectFrom('order_settlements').select([
    sql<number>`coalesce(sum(commission_fen), 0)::bigint`.as('commission'),
    sql<number>`coalesce(sum(insurance_fen), 0)::bigint`.as('insurance'),
    sql<number>`coalesce(sum(net_fen) filter (where released_at is null), 0)::bigint`.as('pending'),
    sql<number>`coalesce(sum(net_fen) filter (where released_at is not null), 0)::bigint`.as('released'),
  ]).executeTakeFirst());
  expect(Number(shares.commission), `${where}: commission = settlements`).toBe(kind('platform_commission'));
  expect(Number(shares.insurance), `${where}: insurance = settlements`).toBe(kind('insurance_premiums'));
  expect(Number(shares.pending), `${where}: worker pending = unreleased shares`).toBe(kind('worker_pending'));
  const withdrawn = await one(trx.selectFrom('withdrawals').select(sql<number>`coalesce(sum(amount_fen), 0)::bigint`.as('fen')).where('status', '=', 'paid').executeTakeFirst());
  expect(Number(shares.released), `${where}: released shares = available + in flight + withdrawn`).toBe(kind('worker_available') + kind('withdrawals_in_flight') + Number(withdrawn.fen));
}

async function checkOrders(trx: Kysely<DB>, where: string, final: boolean) {
  const orders = await trx.selectFrom('orders').selectAll().where('customer_id', 'in', customerIds).execute();
  if (!orders.length) return;
  const ids = orders.map((o) => o.id);
  const [held, payments, refunds, shares, cancels, cancelLines, charges, settings] = await Promise.all([
    trx.selectFrom('ledger_accounts').select(['code', 'balance_fen']).where('code', 'in', [...ids.map(accounts.escrow), ...ids.map(accounts.refundsPayable)]).execute(),
    trx.selectFrom('payments').select(['id', 'order_id', 'status', 'amount_fen', 'out_trade_no']).where('order_id', 'in', ids).execute(),
    trx.selectFrom('refunds').select(['order_id', 'payment_id', 'amount_fen', 'status', 'created_by', 'kind']).where('order_id', 'in', ids).execute(),
    trx.selectFrom('order_settlements').selectAll().where('order_id', 'in', ids).execute(),
    trx.selectFrom('order_events').select(['order_id', 'from_status', 'at']).where('order_id', 'in', ids).where('action', '=', 'cancel').execute(),
    trx.selectFrom('journal_lines as l').innerJoin('journal_entries as e', 'e.id', 'l.entry_id').select(['e.order_id', 'e.key', 'l.account_code', 'l.amount_fen'])
      .where('e.key', 'in', [...ids.map((id) => `cancel:${id}`), ...ids.map((id) => `complete:${id}`)]).execute(),
    trx.selectFrom('paysim.charges as s').innerJoin('payments as p', 'p.out_trade_no', 's.out_trade_no').select(['p.id', 's.status', 's.refunded_fen', 's.amount_fen'])
      .where('p.order_id', 'in', ids).execute(),
    loadSettings(trx, t.ctx.config.cityCode),
  ]);
  const bal = new Map(held.map((h) => [h.code, Number(h.balance_fen)]));
  const group = <T extends { order_id: string | null }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.order_id!, [...(m.get(r.order_id!) ?? []), r]);
    return m;
  };
  const paysOf = group(payments);
  const refundsOf = group(refunds);
  const sharesOf = group(shares);
  const cancelOf = new Map(cancels.map((c) => [c.order_id, c]));
  const linesOf = group(cancelLines);
  /** What one entry of the order moved into an account (cancel:<id> or complete:<id>). */
  const moved = (orderId: string, entry: 'cancel' | 'complete', account: string) => sum((linesOf.get(orderId) ?? [])
    .filter((l) => l.key === `${entry}:${orderId}` && l.account_code === account).map((l) => Number(l.amount_fen)));
  const policy = cancellationPolicyOf(settings);

  for (const o of orders) {
    const at = `${where}: order ${o.id} (${o.status})`;
    const escrow = bal.get(accounts.escrow(o.id)) ?? 0;
    const payable = bal.get(accounts.refundsPayable(o.id)) ?? 0;
    const rs = refundsOf.get(o.id) ?? [];
    const ss = sharesOf.get(o.id) ?? [];
    const captured = sum((paysOf.get(o.id) ?? []).filter((p) => p.status === 'paid').map((p) => p.amount_fen));
    const late = sum(rs.filter((r) => r.created_by.startsWith('system|late:')).map((r) => r.amount_fen));
    const partial = sum(rs.filter((r) => r.created_by.includes('|finance:')).map((r) => r.amount_fen));
    const cancelRefund = sum(rs.filter((r) => r.created_by === `system|cancel:${o.id}`).map((r) => r.amount_fen));
    expect(rs.filter((r) => !r.created_by.startsWith('system|late:') && !r.created_by.includes('|finance:') && r.created_by !== `system|cancel:${o.id}`), `${at}: refunds of an unknown cause`).toEqual([]);
    // Every captured charge is the order's payment, or was sent back as a late one.
    expect(captured, `${at}: captured = paid + refunded late`).toBe(o.paid_fen + late);
    expect(sum(rs.filter((r) => r.status === 'processing').map((r) => r.amount_fen)), `${at}: processing refunds = refunds payable`).toBe(payable);
    const completion = ss.filter((s) => s.kind === 'completion');
    const compensation = ss.filter((s) => s.kind === 'compensation');

    if (o.status === 'created' || (o.status === 'cancelled' && o.paid_fen === 0)) {
      expect({ escrow, paid: o.paid_fen, partial, cancelRefund, shares: ss.length }, `${at}: unpaid holds nothing`).toEqual({ escrow: 0, paid: 0, partial: 0, cancelRefund: 0, shares: 0 });
    } else if (LIVE_PAID.includes(o.status)) {
      expect(o.paid_fen, `${at}: paid the price`).toBe(o.price_fen);
      expect(escrow, `${at}: escrow = paid − partial refunds`).toBe(o.paid_fen - partial);
      expect(partial, `${at}: partial refunds leave something`).toBeLessThan(o.paid_fen);
      expect(ss.length + cancelRefund, `${at}: nothing settled yet`).toBe(0);
    } else if (o.status === 'completed' || o.status === 'closed') {
      expect(escrow, `${at}: completed holds nothing`).toBe(0);
      expect(completion.length, `${at}: one completion share`).toBe(1);
      expect(compensation.length + cancelRefund, `${at}: no cancellation money`).toBe(0);
      const share = completion[0]!;
      const heldAtCompletion = o.paid_fen - partial;
      expect(share.insurance_fen, `${at}: premium`).toBe(Math.min(o.insurance_premium_fen, heldAtCompletion));
      expect(share.gross_fen + share.insurance_fen - o.coupon_fen, `${at}: the share splits what escrow held`).toBe(heldAtCompletion);
      expect(share.commission_fen + share.net_fen, `${at}: commission + net = gross`).toBe(share.gross_fen);
      expect(share.commission_fen >= 0 && share.net_fen >= 0, `${at}: non-negative split`).toBe(true);
      expect(share.worker_id).toBe(o.worker_id);
      // The rule stored is the one applied: rate × gross (half away from zero) unless a bound moved it.
      const rule = share.rule as { bp: number; boundedBy?: string };
      if (!rule.boundedBy) expect(share.commission_fen, `${at}: commission by the stored rule`).toBe(applyBasisPoints(share.gross_fen, rule.bp));
      // And the ledger moved exactly that.
      expect({
        escrow: moved(o.id, 'complete', accounts.escrow(o.id)), net: moved(o.id, 'complete', accounts.workerPending(o.worker_id!)),
        commission: moved(o.id, 'complete', accounts.commission), insurance: moved(o.id, 'complete', accounts.insurance),
      }, `${at}: completion entry`).toEqual({ escrow: -heldAtCompletion, net: share.net_fen, commission: share.commission_fen, insurance: share.insurance_fen });
    } else if (o.status === 'cancelled') {
      expect(escrow, `${at}: cancelled holds nothing`).toBe(0);
      expect(completion.length, `${at}: no completion share`).toBe(0);
      const ev = cancelOf.get(o.id);
      expect(ev, `${at}: a paid order is cancelled by the cancel action`).toBeDefined();
      // The split stored on the order is the policy's, for the state and the moment of the cancellation.
      const split = cancellationFee({ state: ev!.from_status as OrderState, scheduledStart: o.scheduled_start, now: o.cancelled_at!, priceFen: o.paid_fen, policy });
      expect({ refund: o.refund_fen, fee: o.fee_fen, comp: o.worker_compensation_fen }, `${at}: policy split`).toEqual({ refund: split.refundFen, fee: split.feeFen, comp: split.workerCompensationFen });
      // Escrow held what was paid minus partial refunds; fee and compensation come first, the customer gets the rest,
      // so partial refunds count towards the policy's refund.
      const heldAtCancel = o.paid_fen - partial;
      const expectRefund = Math.max(0, heldAtCancel - o.fee_fen);
      const expectComp = o.worker_id ? Math.min(o.worker_compensation_fen, heldAtCancel - expectRefund) : 0;
      expect({
        refund: cancelRefund, refundEntry: moved(o.id, 'cancel', accounts.refundsPayable(o.id)), compensation: sum(compensation.map((s) => s.net_fen)),
        compensationEntry: o.worker_id ? moved(o.id, 'cancel', accounts.workerPending(o.worker_id)) : 0, platform: moved(o.id, 'cancel', accounts.fees),
      }, `${at}: cancellation money`).toEqual({
        refund: expectRefund, refundEntry: expectRefund, compensation: expectComp, compensationEntry: expectComp, platform: heldAtCancel - expectRefund - expectComp,
      });
      if (partial <= o.refund_fen) expect(partial + cancelRefund, `${at}: the customer gets back what the policy refunds`).toBe(o.refund_fen);
    } else {
      throw new Error(`${at}: a status this test never causes`);
    }
  }

  // The provider's side of every charge of ours.
  const refundsByPayment = new Map<string, { done: number; all: number }>();
  for (const r of refunds) {
    const x = refundsByPayment.get(r.payment_id) ?? { done: 0, all: 0 };
    x.all += r.amount_fen;
    if (r.status === 'succeeded') x.done += r.amount_fen;
    refundsByPayment.set(r.payment_id, x);
  }
  const ours = new Map(payments.map((p) => [p.id, p]));
  for (const c of charges) {
    const r = refundsByPayment.get(c.id) ?? { done: 0, all: 0 };
    const p = ours.get(c.id)!;
    const at = `${where}: charge of payment ${c.id} (ours ${p.status}, provider ${c.status})`;
    expect(c.refunded_fen >= r.done && c.refunded_fen <= r.all, `${at}: provider refunded ${c.refunded_fen}, ours ${r.done} succeeded of ${r.all}`).toBe(true);
    if (p.status === 'paid') expect(c.status, at).toBe('paid');
    if (final) {
      expect(c.refunded_fen, `${at}: refunds settled`).toBe(r.done);
      expect(r.done, `${at}: every refund succeeded`).toBe(r.all);
      if (c.status === 'paid') expect(p.status, `${at}: a charge the provider took is captured`).toBe('paid');
      if (c.status === 'failed') expect(['failed', 'closed'], at).toContain(p.status);
    }
  }
  if (final) {
    expect(refunds.filter((r) => r.status !== 'succeeded'), `${where}: refunds still processing`).toEqual([]);
    expect(orders.filter((o) => o.status === 'created').map((o) => o.id), `${where}: unpaid orders expire`).toEqual([]);
  }
}

async function checkWorkers(trx: Kysely<DB>, where: string, final: boolean) {
  const [money, shares, wds] = await Promise.all([
    trx.selectFrom('ledger_accounts').select(['code', 'balance_fen']).where('owner_id', 'in', workerIds).execute(),
    trx.selectFrom('order_settlements').select(['worker_id', 'net_fen', 'released_at', 'available_at']).where('worker_id', 'in', workerIds).execute(),
    trx.selectFrom('withdrawals').selectAll().where('worker_id', 'in', workerIds).execute(),
  ]);
  const bal = new Map(money.map((m) => [m.code, Number(m.balance_fen)]));
  for (const id of workerIds) {
    const at = `${where}: worker ${id}`;
    const mine = shares.filter((s) => s.worker_id === id);
    const w = wds.filter((x) => x.worker_id === id);
    const pending = bal.get(accounts.workerPending(id)) ?? 0;
    const available = bal.get(accounts.workerAvailable(id)) ?? 0;
    const flying = bal.get(accounts.withdrawalsInFlight(id)) ?? 0;
    expect(pending, `${at}: pending = unreleased shares`).toBe(sum(mine.filter((s) => !s.released_at).map((s) => s.net_fen)));
    expect(flying, `${at}: in flight = open withdrawals`).toBe(sum(w.filter((x) => x.status === 'pending_review' || x.status === 'paying').map((x) => x.amount_fen)));
    expect(available + flying + sum(w.filter((x) => x.status === 'paid').map((x) => x.amount_fen)), `${at}: released shares = available + in flight + withdrawn`)
      .toBe(sum(mine.filter((s) => s.released_at).map((s) => s.net_fen)));
    for (const x of w) expect(x.fee_fen + x.net_fen, `${at}: withdrawal ${x.id} = fee + net`).toBe(x.amount_fen);
    if (final) {
      expect(w.filter((x) => !['paid', 'rejected', 'failed'].includes(x.status)).map((x) => `${x.id} ${x.status}`), `${at}: withdrawals settled`).toEqual([]);
      expect(mine.filter((s) => !s.released_at && s.net_fen > 0).length, `${at}: every share released`).toBe(0);
      expect(flying, `${at}: nothing in flight`).toBe(0);
    }
  }
}

// ---------------------------------------------------------------------------------------------- recovery

/**
 * After the last operation: no more crashes; finance decides what waits for review; every pending payment the
 * provider has decided is looked at (the return page's query settles it); the job runner works far into the
 * future (payouts retried to the end, refunds sent, shares released, the simulator's resends delivered) until
 * nothing money-related is left. A charge the provider took for a payment we had already closed (the customer
 * reopened the cashier) is only ever settled by a notification; when all of the simulator's (three, within 32 s)
 * were lost to crashes, the provider resends once more, as real providers keep doing for about a day.
 */
async function recoverEverything(where: string) {
  t.faults.calm();
  for (let round = 0; round < 12; round++) {
    for (const w of await db.selectFrom('withdrawals').select('id').where('worker_id', 'in', workerIds).where('status', '=', 'pending_review').orderBy('id').execute()) {
      const approve = w.id.charCodeAt(0) % 3 !== 0;
      expectStatus(await call(finance, 'POST', `/api/admin/finance/withdrawals/${w.id}/${approve ? 'approve' : 'reject'}`, { note: '批量处理' }), 200, 'final review');
    }
    // Open or abandoned cashiers stay pending: the customer never paid.
    const pending = await db.selectFrom('payments as p').innerJoin('orders as o', 'o.id', 'p.order_id').innerJoin('paysim.charges as s', 's.out_trade_no', 'p.out_trade_no')
      .select(['p.id', 'o.customer_id']).where('o.customer_id', 'in', customerIds).where('p.status', '=', 'pending').where('s.status', 'in', ['paid', 'failed']).execute();
    for (const p of pending) expectStatus(await call(customerOf(p.customer_id).headers, 'GET', `/api/payments/${p.id}`), 200, 'final payment status');
    // Far ahead, further each round: a share completed by a job "in the future" is released T+N after that.
    for (let i = 0; i < 20; i++) if (!(await t.ctx.jobs.runDue(new Date(Date.now() + (round + 1) * 40 * DAY)))) break;
    const unacknowledged = await db.selectFrom('paysim.charges as s').innerJoin('payments as p', 'p.out_trade_no', 's.out_trade_no').innerJoin('orders as o', 'o.id', 'p.order_id')
      .select('s.id').where('o.customer_id', 'in', customerIds)
      .where((eb) => eb.or([eb.and([eb('s.status', '=', 'paid'), eb('p.status', '!=', 'paid')]), eb.and([eb('s.status', '=', 'failed'), eb('p.status', '=', 'pending')])])).execute();
    for (const c of unacknowledged) {
      count('recovery: all notifications of a charge were lost, the provider resends');
      await scheduleJob(db, { kind: 'paysim.notify', key: `paysim:${c.id}:recover:${randomUUID()}`, runAt: new Date(), payload: { chargeId: c.id } });
    }
    const moneyJobs = await db.selectFrom('jobs').select(sql<number>`count(*)::int`.as('n'))
      .where('done_at', 'is', null).where('kind', 'in', ['payments.refund', 'payments.payout', 'payments.release', 'paysim.notify']).executeTakeFirstOrThrow();
    const waiting = await db.selectFrom('withdrawals').select('id').where('worker_id', 'in', workerIds).where('status', '=', 'pending_review').execute();
    if (!moneyJobs.n && !waiting.length && !unacknowledged.length) return;
  }
  throw new Error(`${where}: recovery did not settle down`);
}

/** The finance reconciliation of every day our charges were decided on: nothing of ours mismatches. */
async function reconcileAll(where: string) {
  const charges = await db.selectFrom('paysim.charges as s').innerJoin('payments as p', 'p.out_trade_no', 's.out_trade_no').innerJoin('orders as o', 'o.id', 'p.order_id')
    .select(['s.provider', 's.out_trade_no', sql<string>`to_char((s.decided_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD')`.as('day')])
    .where('o.customer_id', 'in', customerIds).where('s.status', 'in', ['paid', 'failed']).execute();
  const mine = new Set(charges.map((c) => c.out_trade_no));
  const days = new Set(charges.map((c) => `${c.provider} ${c.day}`));
  for (const pd of days) {
    const [provider, date] = pd.split(' ');
    const res = await call(finance, 'POST', '/api/admin/finance/reconciliation', { provider, date });
    expectStatus(res, 200, 'reconciliation');
    const body = res.json() as { matched: number; mismatches: { outTradeNo: string }[] };
    expect(body.mismatches.filter((m) => mine.has(m.outTradeNo)), `${where}: reconciliation ${pd}`).toEqual([]);
  }
}

// ---------------------------------------------------------------------------------------------- the property

const describeOp = (op: Step) => JSON.stringify(op);

describe('payments under crashes (property)', () => {
  it(`keeps every fen accounted for through ${RUNS * OPS_PER_RUN} random operations with crashes (${RUNS} runs × ${OPS_PER_RUN})`, async () => {
    let runNo = 0;
    let failure = '';
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: OPS_PER_RUN, maxLength: OPS_PER_RUN }), async (steps) => {
        runNo += 1;
        await newCustomers();
        const where = (i: number) => `run ${runNo}, after op #${i}`;
        for (const [i, step] of steps.entries()) {
          try {
            t.faults.plan(step.f);
            await timed(step.k, () => runOp(step));
            t.faults.calm();
            if ((i + 1) % CHECK_EVERY === 0) await timed('check', () => checkInvariants(where(i)));
          } catch (err) {
            t.faults.calm();
            failure = `run ${runNo}, op #${i} of ${steps.length}: ${describeOp(step)}\nops before it:\n${steps.slice(Math.max(0, i - 12), i).map((s, j) => `  #${Math.max(0, i - 12) + j} ${describeOp(s)}`).join('\n')}`;
            throw err;
          }
        }
        try {
          await timed('check', () => checkInvariants(`run ${runNo}, after its last op`));
          await timed('recover', () => recoverEverything(`run ${runNo}`));
          await timed('check', () => checkInvariants(`run ${runNo}, recovered`, true));
          await timed('reconcile', () => reconcileAll(`run ${runNo}, recovered`));
        } catch (err) {
          failure = `run ${runNo}, at its end (check / recovery)`;
          throw err;
        }
      }),
      {
        numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), endOnFailure: !SHRINK,
        reporter: (details) => {
          if (!details.failed) return;
          const err = details.errorInstance as (Error & { actual?: unknown; expected?: unknown }) | undefined;
          const diff = err && 'actual' in err ? `\n  actual:   ${JSON.stringify(err.actual)}\n  expected: ${JSON.stringify(err.expected)}` : '';
          const cause = err instanceof Error ? `${err.stack ?? err.message}${diff}` : String(err);
          throw new Error(`payments crash property failed — seed ${details.seed}, path "${details.counterexamplePath}" (replay: PAYMENTS_PROPERTY_SEED=${details.seed})\n${failure}\n${cause}`);
        },
      },
    );
    // Every run's orders once more: later runs' jobs, run far ahead, may have moved them since their own recovery.
    customers = allCustomers;
    customerIds = allCustomers.map((c) => c.id);
    await recoverEverything('all runs');
    await checkInvariants('all runs, recovered', true);
    const crashes = [...t.faults.byPoint].map(([p, k]) => `${p} ${k}`).join(', ');
    if (STATS) {
      console.log(`${RUNS * OPS_PER_RUN} operations in ${((Date.now() - started) / 1000).toFixed(1)} s; crashes injected: ${t.faults.crashes} (${crashes})`);
      console.log([...stats].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `  ${k}: ${v}`).join('\n'));
      console.log([...timing].sort(([, a], [, b]) => b.ms - a.ms).map(([k, v]) => `  ${k}: ${v.n} × ${(v.ms / v.n).toFixed(1)} ms = ${(v.ms / 1000).toFixed(1)} s`).join('\n'));
    }
    // The run really exercised what it claims to.
    expect(t.faults.crashes).toBeGreaterThan(0);
    if (TOTAL_OPS >= 1000) {
      for (const what of ['booked', 'visit: confirm (completed)', 'finance partial refund', 'client retries after a crash', 'withdraw → paying']) expect(stats.get(what) ?? 0, what).toBeGreaterThan(0);
    }
  }, 3_600_000);
});
