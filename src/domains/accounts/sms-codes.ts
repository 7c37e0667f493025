import { sql } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import { sha256, sixDigitCode } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { clientKey, limitError } from '../../platform/limits.js';
import { isKnownAddress } from '../../platform/sign-in-guard.js';
import * as q from './queries.js';

export type SmsPurpose = 'login' | 'delete_account';

export const SMS_RULES = { ttlSeconds: 300, resendSeconds: 60, perDay: 10, maxAttempts: 5, knownAddressDays: 30 } as const;
const DAY_MS = 24 * 3600 * 1000;

const codeHash = (rowSalt: string, code: string) => sha256(`${rowSalt}:${code}`);

const TEXT: Record<SmsPurpose, string> = {
  login: '【到家】您的登录验证码是 {code}，5 分钟内有效。请勿泄露给他人。',
  delete_account: '【到家】您正在注销账号，验证码 {code}，5 分钟内有效。如非本人操作请忽略。',
};

/** Advisory-lock classes (the two-key form, apart from single-key locks elsewhere) of the SMS send limits. */
const LOCK_IP = 16_001;
const LOCK_PHONE = 16_002;

/**
 * Issues a 6-digit code: at most one per 60 s per phone and per address, and 10 per 24 h per address and per phone.
 * The phone's daily ten count only codes asked for from addresses its account has not signed in from lately (and
 * the owner's own addresses are not held by them): a stranger can use up the ten, but never keeps the owner from
 * signing in at home. Only a salted hash is stored; the code itself goes to the SMS provider.
 *
 * The limits are counted from `sms_codes` inside a transaction that first takes transaction-scoped advisory locks on
 * the client address and then on the phone (always in that order, so two requests never wait on each other in a
 * circle): every request for the same address or the same phone — on any instance sharing the database — waits for
 * the one before it to commit, then counts its row. Parallel requests therefore cannot all pass the check.
 */
export async function issueSmsCode(ctx: AppContext, phone: string, purpose: SmsPurpose, ip: string): Promise<void> {
  const phoneHash = ctx.pii.blindIndex(phone);
  const account = await q.findUserByPhoneHash(ctx.db, phoneHash);
  const fromOwner = account ? await isKnownAddress(ctx.db, 'user', account.id, clientKey(ip), SMS_RULES.knownAddressDays, new Date()) : false;
  await ctx.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_IP}::int, hashtext(${ip}))`.execute(trx);
    await sql`select pg_advisory_xact_lock(${LOCK_PHONE}::int, hashtext(${phoneHash}))`.execute(trx);
    const now = Date.now();
    const since = new Date(now - DAY_MS);
    const recentOf = (column: 'ip' | 'phone_hash', value: string, strangersOnly = false) => trx.selectFrom('sms_codes')
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('created_at').as('last'), (eb) => eb.fn.min('created_at').as('first')])
      .where(column, '=', value).where('created_at', '>', since)
      .$if(strangersOnly, (qb) => qb.where('owner_address', '=', false))
      .executeTakeFirstOrThrow();
    const byAddress = await recentOf('ip', ip);
    const byPhone = await recentOf('phone_hash', phoneHash);
    for (const recent of [byAddress, byPhone]) {
      const last = recent.last ? new Date(recent.last as unknown as string) : null;
      const wait = last ? Math.ceil((last.getTime() + SMS_RULES.resendSeconds * 1000 - now) / 1000) : 0;
      if (wait > 0) throw limitError('SMS_RATE_LIMITED', wait);
    }
    // The phone's daily ten count codes asked for from elsewhere; the owner's own addresses are held only by their own.
    for (const recent of fromOwner ? [byAddress] : [byAddress, await recentOf('phone_hash', phoneHash, true)]) {
      if (Number(recent.n) >= SMS_RULES.perDay) {
        const first = new Date(recent.first as unknown as string);
        throw limitError('SMS_DAILY_LIMIT', Math.ceil((first.getTime() + DAY_MS - now) / 1000));
      }
    }
    const code = sixDigitCode();
    const row = await trx.insertInto('sms_codes').values({
      phone_hash: phoneHash, purpose, ip, owner_address: fromOwner, code_hash: 'pending',
      expires_at: new Date(Date.now() + SMS_RULES.ttlSeconds * 1000),
    }).returning('id').executeTakeFirstOrThrow();
    await trx.updateTable('sms_codes').set({ code_hash: codeHash(row.id, code) }).where('id', '=', row.id).execute();
    await ctx.sms.send(trx, phone, TEXT[purpose].replace('{code}', code), { secrets: [code] });
  });
}

/**
 * Consumes the latest live code for the phone. Single use; 5 wrong tries burn it.
 * Throws SMS_CODE_EXPIRED / SMS_CODE_INVALID / SMS_CODE_LOCKED.
 */
export async function consumeSmsCode(ctx: AppContext, phone: string, purpose: SmsPurpose, code: string): Promise<void> {
  const phoneHash = ctx.pii.blindIndex(phone);
  const live = await ctx.db.selectFrom('sms_codes').select(['id', 'code_hash', 'expires_at', 'consumed_at', 'burned_at'])
    .where('phone_hash', '=', phoneHash).where('purpose', '=', purpose)
    .orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  if (!live || live.consumed_at || live.expires_at.getTime() <= Date.now()) throw new AppError('SMS_CODE_EXPIRED');
  if (live.burned_at) throw new AppError('SMS_CODE_LOCKED');
  if (codeHash(live.id, code) !== live.code_hash) {
    const bumped = await ctx.db.updateTable('sms_codes')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        burned_at: sql`case when attempts + 1 >= ${SMS_RULES.maxAttempts} then now() else null end`,
      }))
      .where('id', '=', live.id).returning('attempts').executeTakeFirstOrThrow();
    throw new AppError(bumped.attempts >= SMS_RULES.maxAttempts ? 'SMS_CODE_LOCKED' : 'SMS_CODE_INVALID');
  }
  const used = await ctx.db.updateTable('sms_codes').set({ consumed_at: new Date() })
    .where('id', '=', live.id).where('consumed_at', 'is', null).where('burned_at', 'is', null)
    .returning('id').executeTakeFirst();
  if (!used) throw new AppError('SMS_CODE_EXPIRED');
}
