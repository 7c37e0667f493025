// Console sign-in throttle (issue 16): per (username, address) lockout, a softer username-wide limit for new
// addresses, lockouts audited, unknown usernames answered in the time known ones are.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONSOLE_SIGN_IN_RULES, ensureAdmin } from '../../../src/domains/admin/service.js';
import { createTestApp, randomIp, type TestApp } from '../../helpers/test-app.js';

// argon2 as it is, with its verifications counted: every wrong password must cost one, known username or not.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...real, verify: vi.fn(real.verify) };
});
const verifications = vi.mocked(verify);

let t: TestApp;
beforeAll(async () => { t = await createTestApp({ poolSize: 10 }); });
afterAll(async () => { await t?.close(); });

const PASSWORD = 'houtai2026';
const PER_ADDRESS = CONSOLE_SIGN_IN_RULES.perAddress.limit;
const PER_ACCOUNT = CONSOLE_SIGN_IN_RULES.perAccount.limit;

async function newAdmin() {
  const username = `lock${randomUUID().slice(0, 8)}`;
  await ensureAdmin(t.ctx, { username, name: '测试 锁定', password: PASSWORD, roles: ['support'] });
  return username;
}
const login = (username: string, password: string, ip: string, lang?: string) => t.app.inject({
  method: 'POST', url: '/api/admin/auth/login', payload: { username, password }, remoteAddress: ip,
  ...(lang ? { headers: { 'accept-language': lang } } : {}),
});
const audits = (action: string, username: string) => t.ctx.db.selectFrom('audit_log').select(['detail', 'ip'])
  .where('action', '=', action).where('target_id', '=', username).execute();
/** Moves the username's counters two hours back, as if their windows had passed. */
const letWindowsPass = (username: string) => t.ctx.db.updateTable('rate_limit_counters')
  .set({ window_start: sql`window_start - interval '2 hours'` }).where('key', 'like', `admin:${username}%`).execute();

describe('console sign-in limits', () => {
  it('25 wrong then the right password from one address: locked (429) until the window passes; the lockout is audited once', async () => {
    const username = await newAdmin();
    const ip = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await login(username, `wrong-${i}-pass`, ip)).statusCode);
    expect(statuses).toEqual([...Array(PER_ADDRESS).fill(401), ...Array(25 - PER_ADDRESS).fill(429)]);

    const right = await login(username, PASSWORD, ip);
    expect(right.statusCode).toBe(429);
    expect(right.headers['content-type']).toContain('application/problem+json');
    const body = right.json();
    expect(body).toMatchObject({ code: 'CONSOLE_SIGN_IN_LOCKED', status: 429 });
    expect(body.title).toMatch(/^密码错误次数过多，登录已暂时锁定，请 \d+ 分钟后再试$/);
    expect(body.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.retryAfterSeconds).toBeLessThanOrEqual(CONSOLE_SIGN_IN_RULES.perAddress.windowSeconds);
    expect(Number(right.headers['retry-after'])).toBe(body.retryAfterSeconds);
    expect((await login(username, PASSWORD, ip, 'en')).json().title).toMatch(/^Too many wrong passwords: sign-in is locked, try again in \d+ min$/);

    expect(await audits('admin.sign_in_failed', username)).toHaveLength(PER_ADDRESS);
    const locked = await audits('admin.sign_in_locked', username);
    expect(locked).toHaveLength(1);
    expect(locked[0]).toMatchObject({ ip, detail: { limit: 'console.account_address', failures: PER_ADDRESS } });

    await letWindowsPass(username);
    const after = await login(username, PASSWORD, ip);
    expect(after.statusCode).toBe(200);
    expect(after.json().admin.username).toBe(username);
  });

  it('40 parallel wrong passwords: at most the limit are checked', async () => {
    const username = await newAdmin();
    const ip = randomIp();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(username, `wrong-${i}-pass`, ip)));
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(PER_ADDRESS);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(40 - PER_ADDRESS);
    expect(await audits('admin.sign_in_failed', username)).toHaveLength(PER_ADDRESS);
    expect(await audits('admin.sign_in_locked', username)).toHaveLength(1);
  });

  it('a stranger\'s wrong tries from other addresses do not lock the admin out of their own address', async () => {
    const username = await newAdmin();
    const office = randomIp();
    expect((await login(username, PASSWORD, office)).statusCode).toBe(200);
    // Within the soft username-wide limit nobody else is held up, not even the admin at a new address.
    for (let i = 0; i < PER_ACCOUNT - 1; i++) expect((await login(username, `guess-${i}-pass`, randomIp())).statusCode).toBe(401);
    expect((await login(username, PASSWORD, randomIp())).statusCode).toBe(200);
    // Past it, new addresses wait for the hour (audited once), the office address does not.
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => login(username, `more-${i}-pass`, randomIp())));
    expect(burst.filter((r) => r.statusCode === 401)).toHaveLength(1);
    expect(burst.filter((r) => r.statusCode === 429)).toHaveLength(19);
    expect((await login(username, PASSWORD, randomIp())).statusCode).toBe(429);
    expect((await audits('admin.sign_in_locked', username)).map((a) => (a.detail as { limit: string }).limit)).toEqual(['console.account']);
    expect((await login(username, PASSWORD, office)).statusCode).toBe(200);
  });

  it('a wrong password costs one argon2 verification whether the username exists or not', async () => {
    const username = await newAdmin();
    for (const name of [username, `nobody${randomUUID().slice(0, 8)}`]) {
      verifications.mockClear();
      const res = await login(name, 'wrong-pass-1', randomIp());
      expect(res.json().code, name).toBe('CREDENTIALS_INVALID');
      expect(verifications, name).toHaveBeenCalledTimes(1);
    }
  });

  it('an unknown username answers a wrong password in the time a known one does (median ratio < 2)', async () => {
    const username = await newAdmin();
    const unknown = `nobody${randomUUID().slice(0, 8)}`;
    const time = async (name: string) => {
      const started = performance.now();
      const res = await login(name, 'wrong-pass-1', randomIp());
      const ms = performance.now() - started;
      expect(res.statusCode).toBe(401);
      return ms;
    };
    await time(username); await time(unknown);
    const known: number[] = [];
    const missing: number[] = [];
    for (let i = 0; i < 11; i++) { // interleaved, alternating who goes first, so load on the machine hits both sides alike
      if (i % 2) { known.push(await time(username)); missing.push(await time(unknown)); } else { missing.push(await time(unknown)); known.push(await time(username)); }
      await letWindowsPass(username); // keep both under the username-wide limit (outside the timed calls)
      await letWindowsPass(unknown);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const [k, u] = [median(known), median(missing)];
    expect(Math.max(k, u) / Math.min(k, u), `known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`).toBeLessThan(2);
  });
});
