// Two API processes on one PostgreSQL, as behind a load balancer: an event raised by a request on one reaches a
// client streaming from the other (events table + LISTEN/NOTIFY), and the durable jobs run once between them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSse, type SseClient } from '../../helpers/sse.js';
import { shanghaiAt } from '../../helpers/time.js';

const root = join(import.meta.dirname, '..', '..', '..');
const serverUrl = process.env.DATABASE_URL;
const database = `daojia_multi_${process.pid}_${Date.now() % 100_000}`;
const dirs: string[] = [];
const children: ChildProcess[] = [];
const streams: SseClient[] = [];

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try { await client.query(sql); } finally { await client.end(); }
}

const urlOf = (db: string) => { const u = new URL(serverUrl!); u.pathname = `/${db}`; return u.toString(); };

/** Starts `src/main.ts start` on its own port and data dir against the shared database; resolves when healthy. */
async function instance(seed: boolean): Promise<string> {
  const port = 43000 + Math.floor(Math.random() * 2000) + children.length;
  const dataDir = mkdtempSync(join(tmpdir(), 'dj-multi-'));
  dirs.push(dataDir);
  const env = {
    ...process.env, DATABASE_URL: urlOf(database), DATA_DIR: dataDir, PORT: String(port), SERVE_WEB: '0', LOG_LEVEL: 'warn',
    SEED_DEMO: seed ? '1' : '0', APP_SECRET: 'multi-instance-secret-0123456789abcdef',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], { cwd: root, env });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance exited:\n${output}`);
    try { if ((await fetch(`${base}/health`)).status === 200) return base; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`instance not healthy:\n${output}`);
}

async function call(base: string, method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  if (res.status >= 300 && res.status !== 303) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

describe.skipIf(!serverUrl)('two API instances on one PostgreSQL', () => {
  let a = '';
  let b = '';
  beforeAll(async () => {
    await admin(`create database ${database}`);
    a = await instance(true); // migrates and seeds the demo city
    b = await instance(false);
  }, 180_000);
  afterAll(async () => {
    for (const s of streams) s.close();
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await admin(`drop database if exists ${database} with (force)`);
  }, 60_000);

  it('a notification raised by a request on A reaches a stream connected to B, once', async () => {
    const login = async (base: string) => (await (await fetch(`${base}/api/auth/password/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier: '13800000001', password: 'daojia2026', role: 'customer' }),
    })).json()).token as string;
    const onB = await openSse(`${b}/api/events/stream`, { authorization: `Bearer ${await login(b)}` });
    streams.push(onB);
    await onB.waitFor((e) => e.event === 'ready');

    const token = await login(a);
    const me = await call(a, 'GET', '/api/me/addresses', token);
    const quote = await call(a, 'POST', '/api/catalog/quotes', token, { itemCode: 'daily-cleaning', quantity: 2, options: {}, scheduledStart: shanghaiAt(2, 10) });
    const order = await call(a, 'POST', '/api/orders', token, { quoteId: quote.id, addressId: me[0].id });
    const pay = await call(a, 'POST', `/api/orders/${order.id}/pay`, token, { method: 'wechat' });
    const paid = await fetch(`${a}${pay.cashierUrl}/pay`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '', redirect: 'manual' });
    expect(paid.status).toBe(303);

    const event = await onB.waitFor((e) => e.event === 'notification' && e.data.type === 'order_paid', 20_000);
    expect(event.data).toMatchObject({ audience: 'customer', linkId: order.id });
    const seen = await call(b, 'GET', '/api/notifications?audience=customer', token);
    expect(seen.items.filter((n: { type: string; link: { id: string } }) => n.type === 'order_paid' && n.link.id === order.id)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(onB.events.filter((e) => e.event === 'notification' && e.data.linkId === order.id)).toHaveLength(1);
  }, 60_000);
});
