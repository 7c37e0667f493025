// Sign-in throttles that hold under concurrency (issue 16): the password limits and the SMS send limits are taken
// atomically, a stranger cannot lock the owner out, and unknown accounts answer in the time known ones do.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PRIVACY_POLICY_VERSION } from '../../../src/domains/accounts/privacy-policy.js';
import { PASSWORD_SIGN_IN_RULES } from '../../../src/domains/accounts/service.js';
import { createTestApp, randomIp, randomPhone, smsSignIn, type TestApp } from '../../helpers/test-app.js';

// argon2 as it is, with its verifications counted: every wrong password must cost one, known account or not.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...real, verify: vi.fn(real.verify) };
});
const verifications = vi.mocked(verify);

let t: TestApp;
beforeAll(async () => { t = await createTestApp({ poolSize: 10 }); });
afterAll(async () => { await t?.close(); });

const PER_ADDRESS = PASSWORD_SIGN_IN_RULES.perAddress.limit;
const PER_ACCOUNT = PASSWORD_SIGN_IN_RULES.perAccount.limit;

const pwLogin = (identifier: string, password: string, ip: string, lang?: string) => t.app.inject({
  method: 'POST', url: '/api/auth/password/login', payload: { identifier, password, role: 'customer' }, remoteAddress: ip,
  ...(lang ? { headers: { 'accept-language': lang } } : {}),
});

/** A phone customer with a password; returns the phone, the user id and the address it signed in from. */
async function customerWithPassword(password = 'mima2026ok') {
  const a = await smsSignIn(t.app, t.ctx);
  const set = await t.app.inject({ method: 'POST', url: '/api/me/password', headers: a.headers, payload: { newPassword: password } });
  expect(set.statusCode).toBe(204);
  return { phone: a.phone, id: a.user.id as string, password };
}

const auditCount = async (action: string, targetId: string) => Number((await t.ctx.db.selectFrom('audit_log')
  .select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', action).where('target_id', '=', targetId).executeTakeFirstOrThrow()).n);
const loginKey = (phone: string) => t.ctx.pii.blindIndex(`login:${phone}`);
/** Moves an account's counters two hours back, as if their windows had passed. */
const letWindowsPass = (account: string) => t.ctx.db.updateTable('rate_limit_counters')
  .set({ window_start: sql`window_start - interval '2 hours'` }).where('key', 'like', `${account}%`).execute();

describe('password sign-in limits', () => {
  it('40 parallel wrong passwords from one address: only the limit is checked, the rest answer 429 with Retry-After', async () => {
    const c = await customerWithPassword();
    const ip = randomIp();
    const answers = await Promise.all(Array.from({ length: 40 }, () => pwLogin(c.phone, 'wrong-guess-1', ip)));
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(PER_ADDRESS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - PER_ADDRESS);
    expect(await auditCount('auth.sign_in_failed', loginKey(c.phone))).toBe(PER_ADDRESS); // exactly the checked ones
    expect(await auditCount('auth.sign_in_locked', loginKey(c.phone))).toBe(1);

    const refused = answers.find((r) => r.statusCode === 429)!;
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const body = refused.json();
    expect(body).toMatchObject({ code: 'SIGN_IN_LOCKED', status: 429 });
    expect(body.title).toContain('短信验证码登录');
    expect(body.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.retryAfterSeconds).toBeLessThanOrEqual(PASSWORD_SIGN_IN_RULES.perAddress.windowSeconds);
    expect(Number(refused.headers['retry-after'])).toBe(body.retryAfterSeconds);

    // Locked from this address even with the right password; English on request.
    const right = await pwLogin(c.phone, c.password, ip, 'en');
    expect(right.statusCode).toBe(429);
    expect(right.json().title).toMatch(/^Too many wrong passwords: try again in \d+ min, or sign in with an SMS code$/);
    // The stranger's lock is the stranger's address only: the owner signs in from elsewhere.
    expect((await pwLogin(c.phone, c.password, randomIp())).statusCode).toBe(200);
    // Once the window has passed, the address may try again.
    await letWindowsPass(`user:${c.id}`);
    expect((await pwLogin(c.phone, c.password, ip)).statusCode).toBe(200);
  });

  it('an unknown account is limited the same way (the limits do not tell which accounts exist)', async () => {
    const phone = randomPhone();
    const ip = randomIp();
    const answers = await Promise.all(Array.from({ length: 20 }, () => pwLogin(phone, 'wrong-guess-1', ip)));
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(PER_ADDRESS);
    expect(answers.filter((r) => r.statusCode === 429).map((r) => r.json().code)).toEqual(Array(20 - PER_ADDRESS).fill('SIGN_IN_LOCKED'));
  });

  it('IPv6 addresses count per /64 (one subscriber holds the whole prefix); IPv4-mapped ones as their IPv4', async () => {
    const c = await customerWithPassword();
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:12`;
    const statuses: number[] = [];
    for (let i = 1; i <= PER_ADDRESS + 1; i++) statuses.push((await pwLogin(c.phone, 'wrong-guess-1', `${prefix}::${i.toString(16)}`)).statusCode);
    expect(statuses).toEqual([...Array(PER_ADDRESS).fill(401), 429]);
    expect((await pwLogin(c.phone, c.password, `${prefix}:0:0:0:abcd`)).statusCode).toBe(429); // same /64, written out
    expect((await pwLogin(c.phone, c.password, `${prefix.replace(/:12$/, ':13')}::1`)).statusCode).toBe(200); // next /64
    const v4 = randomIp();
    for (let i = 0; i < PER_ADDRESS; i++) await pwLogin(c.phone, 'wrong-guess-1', v4);
    expect((await pwLogin(c.phone, c.password, `::ffff:${v4}`)).statusCode).toBe(429);
  });

  it('a correct password clears the address\'s failures, so the owner\'s own typos never add up to a lockout', async () => {
    const c = await customerWithPassword();
    const ip = randomIp();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < PER_ADDRESS - 1; i++) expect((await pwLogin(c.phone, 'typo-typo-1', ip)).statusCode).toBe(401);
      expect((await pwLogin(c.phone, c.password, ip)).statusCode).toBe(200);
    }
  });

  it('a stranger\'s wrong tries from other addresses do not stop the owner; past the soft limit only new addresses wait', async () => {
    const c = await customerWithPassword();
    const home = randomIp();
    expect((await pwLogin(c.phone, c.password, home)).statusCode).toBe(200); // the owner's known address
    // Within the account-wide soft limit: the owner signs in from any address, even a new one.
    for (let i = 0; i < PER_ACCOUNT - 1; i++) expect((await pwLogin(c.phone, `guess-${i}-x1`, randomIp())).statusCode).toBe(401);
    expect((await pwLogin(c.phone, c.password, randomIp())).statusCode).toBe(200);
    // Past it (in parallel, from 30 addresses): only up to the limit are checked; new addresses are then refused.
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => pwLogin(c.phone, `more-${i}-x1`, randomIp())));
    expect(burst.filter((r) => r.statusCode === 401)).toHaveLength(1);
    expect(burst.filter((r) => r.statusCode === 429)).toHaveLength(29);
    const fromNew = await pwLogin(c.phone, c.password, randomIp());
    expect(fromNew.statusCode).toBe(429);
    expect(fromNew.json().code).toBe('SIGN_IN_LOCKED');
    expect(Number(fromNew.headers['retry-after'])).toBeLessThanOrEqual(PASSWORD_SIGN_IN_RULES.perAccount.windowSeconds);
    // The owner's known address is not held by the account-wide limit, and the SMS code always works.
    expect((await pwLogin(c.phone, c.password, home)).statusCode).toBe(200);
    const phone = c.phone;
    const ip = randomIp();
    await t.ctx.db.updateTable('sms_codes').set({ created_at: new Date(Date.now() - 120_000) }).where('phone_hash', '=', t.ctx.pii.blindIndex(phone)).execute();
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone }, remoteAddress: ip })).statusCode).toBe(200);
    const msg = await t.ctx.db.selectFrom('outbox_messages').select('secrets').where('recipient', '=', phone).orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
    const sms = await t.app.inject({ method: 'POST', url: '/api/auth/sms/login', payload: { phone, code: msg.secrets[0], role: 'customer', acceptedPolicy: PRIVACY_POLICY_VERSION }, remoteAddress: ip });
    expect(sms.statusCode).toBe(200);
    // After the hour the new addresses may try again.
    await letWindowsPass(`user:${c.id}`);
    expect((await pwLogin(c.phone, c.password, randomIp())).statusCode).toBe(200);
  });

  it('a wrong password costs one argon2 verification whether the account is known, unknown, deleted or has no password', async () => {
    const c = await customerWithPassword();
    const noPassword = await smsSignIn(t.app, t.ctx);
    const deleted = await customerWithPassword();
    await t.ctx.db.updateTable('users').set({ deleted_at: new Date() }).where('id', '=', deleted.id).execute();
    for (const identifier of [c.phone, randomPhone(), 'nobody-at-all@example.com', noPassword.phone, deleted.phone]) {
      verifications.mockClear();
      const res = await pwLogin(identifier, 'wrong-guess-1', randomIp());
      expect(res.statusCode, identifier).toBe(401);
      expect(res.json().code).toBe('CREDENTIALS_INVALID');
      expect(verifications, identifier).toHaveBeenCalledTimes(1);
    }
    verifications.mockClear(); // a refused attempt checks nothing
    const ip = randomIp();
    for (let i = 0; i <= PER_ADDRESS; i++) await pwLogin(c.phone, 'wrong-guess-1', ip);
    expect(verifications).toHaveBeenCalledTimes(PER_ADDRESS);
  });

  it('an unknown account answers a wrong password in the time a known one does (median ratio < 2)', async () => {
    const c = await customerWithPassword();
    const unknown = randomPhone();
    const time = async (identifier: string) => {
      const started = performance.now();
      const res = await pwLogin(identifier, 'wrong-guess-1', randomIp());
      const ms = performance.now() - started;
      expect(res.statusCode).toBe(401);
      return ms;
    };
    await time(c.phone); await time(unknown); // warm both paths
    const known: number[] = [];
    const missing: number[] = [];
    for (let i = 0; i < 15; i++) { // interleaved, alternating who goes first, so load on the machine hits both sides alike
      if (i % 2) { known.push(await time(c.phone)); missing.push(await time(unknown)); } else { missing.push(await time(unknown)); known.push(await time(c.phone)); }
      await letWindowsPass(`user:${c.id}`); // keep both under the account-wide limit (outside the timed calls)
      await letWindowsPass(`login:${loginKey(unknown)}`);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const [k, u] = [median(known), median(missing)];
    expect(Math.max(k, u) / Math.min(k, u), `known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`).toBeLessThan(2);
  });
});

describe('SMS send limits under concurrency', () => {
  it('20 parallel sends from one address to 20 phones: exactly one code is sent', async () => {
    const ip = randomIp();
    const phones = Array.from({ length: 20 }, () => randomPhone());
    const answers = await Promise.all(phones.map((phone) => t.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone }, remoteAddress: ip })));
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
    const refused = answers.filter((r) => r.statusCode === 429);
    expect(refused).toHaveLength(19);
    for (const r of refused) {
      expect(r.json().code).toBe('SMS_RATE_LIMITED');
      expect(Number(r.headers['retry-after'])).toBe(r.json().retryAfterSeconds);
    }
    const codes = await t.ctx.db.selectFrom('sms_codes').select('id').where('ip', '=', ip).execute();
    expect(codes).toHaveLength(1);
    const sent = await t.ctx.db.selectFrom('outbox_messages').select('id').where('channel', '=', 'sms').where('recipient', 'in', phones).execute();
    expect(sent).toHaveLength(1);
  });

  it('20 parallel sends to one phone from 20 addresses: exactly one code is sent', async () => {
    const phone = randomPhone();
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone }, remoteAddress: randomIp() })));
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(19);
    const sent = await t.ctx.db.selectFrom('outbox_messages').select('id').where('channel', '=', 'sms').where('recipient', '=', phone).execute();
    expect(sent).toHaveLength(1);
  });
});

describe('a stranger cannot use up a phone\'s codes for its owner', () => {
  /** Ten codes a stranger asked for over the last hours, from ten addresses (the phone's daily ten used up). */
  async function strangerUsedUpCodes(phone: string) {
    const phoneHash = t.ctx.pii.blindIndex(phone);
    const hourAgo = Date.now() - 3600_000;
    await t.ctx.db.insertInto('sms_codes').values(Array.from({ length: 10 }, (_, i) => ({
      phone_hash: phoneHash, purpose: 'login' as const, ip: randomIp(), code_hash: 'x', created_at: new Date(hourAgo - i * 600_000), expires_at: new Date(hourAgo),
    }))).execute();
  }

  it('past the phone\'s daily ten, new addresses wait a day while the owner still gets a code where they signed in before', async () => {
    const owner = await smsSignIn(t.app, t.ctx);
    const home = (await t.ctx.db.selectFrom('sessions').select('ip').where('principal_id', '=', owner.user.id).executeTakeFirstOrThrow()).ip;
    // The owner's own sign-in code is two hours old (past the 60 s resend wait).
    await t.ctx.db.updateTable('sms_codes').set({ created_at: new Date(Date.now() - 2 * 3600_000) }).where('phone_hash', '=', t.ctx.pii.blindIndex(owner.phone)).execute();
    await strangerUsedUpCodes(owner.phone);

    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone: owner.phone }, remoteAddress: randomIp() });
    expect(elsewhere.statusCode).toBe(429);
    expect(elsewhere.json().code).toBe('SMS_DAILY_LIMIT');

    const atHome = await t.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone: owner.phone }, remoteAddress: home });
    expect(atHome.statusCode).toBe(200);
    const row = await t.ctx.db.selectFrom('sms_codes').select('owner_address').where('phone_hash', '=', t.ctx.pii.blindIndex(owner.phone))
      .orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(row.owner_address).toBe(true);
  });

  it('a phone with no account yet is limited to ten a day from anywhere', async () => {
    const phone = randomPhone();
    await strangerUsedUpCodes(phone);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone }, remoteAddress: randomIp() });
    expect(res.json().code).toBe('SMS_DAILY_LIMIT');
  });
});

describe('password re-checks inside a session', () => {
  const change = (headers: Record<string, string>, currentPassword: string, newPassword = 'xinmima2026') =>
    t.app.inject({ method: 'POST', url: '/api/me/password', headers, payload: { currentPassword, newPassword } });

  async function signedInWithPassword() {
    const a = await smsSignIn(t.app, t.ctx);
    expect((await t.app.inject({ method: 'POST', url: '/api/me/password', headers: a.headers, payload: { newPassword: 'mima2026ok' } })).statusCode).toBe(204);
    return a;
  }

  it('a stolen session gets 5 guesses per 15 min at the password, in parallel too; then even the right one waits', async () => {
    const a = await signedInWithPassword();
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) => change(a.headers, `guess${i}abc`)));
    expect(guesses.filter((r) => r.statusCode === 400 && r.json().code === 'PASSWORD_WRONG')).toHaveLength(5);
    const locked = guesses.filter((r) => r.statusCode === 429);
    expect(locked).toHaveLength(7);
    expect(locked[0]!.json().code).toBe('PASSWORD_RECHECK_LOCKED');
    expect(Number(locked[0]!.headers['retry-after'])).toBeGreaterThan(800);

    expect((await change(a.headers, 'mima2026ok')).statusCode).toBe(429);
    const deletion = await t.app.inject({ method: 'POST', url: '/api/me/delete', headers: a.headers, payload: { password: 'mima2026ok' } });
    expect(deletion.json().code).toBe('PASSWORD_RECHECK_LOCKED');
    expect((await t.ctx.db.selectFrom('users').select('deleted_at').where('id', '=', a.user.id).executeTakeFirstOrThrow()).deleted_at).toBeNull();

    const other = await signedInWithPassword();
    expect((await change(other.headers, 'mima2026ok')).statusCode).toBe(204);
  });

  it('a right password clears the count: the owner\'s typos never add up', async () => {
    const a = await signedInWithPassword();
    for (let i = 0; i < 4; i++) expect((await change(a.headers, 'typo2026x')).statusCode).toBe(400);
    expect((await change(a.headers, 'mima2026ok', 'mima2027ok')).statusCode).toBe(204);
    for (let i = 0; i < 4; i++) expect((await change(a.headers, 'typo2026x')).statusCode).toBe(400);
    expect((await change(a.headers, 'mima2027ok', 'mima2028ok')).statusCode).toBe(204);
  });
});
