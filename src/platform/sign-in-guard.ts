/**
 * The password sign-in throttle shared by the portals (accounts) and the console (admin), on the atomic counters of
 * `limits.ts`. Two limits, each taken as a hit before the password is checked:
 *
 * - per account and client address (`perAddress`): the lockout proper. A stranger's failures lock only the stranger's
 *   own address, never the owner's; a correct password clears the address's count.
 * - per account from addresses it has not signed in from lately (`perAccount`, softer): bounds what many addresses
 *   together can try. An address the account opened a session from within `knownAddressDays` is exempt, so a
 *   stranger hammering from elsewhere never locks the owner out at home; a correct password gives its hit back.
 *
 * Unknown accounts go through exactly the same steps (their key is the identifier), so neither the answers nor the
 * limits tell which accounts exist.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { writeAudit } from './audit.js';
import type { ErrorCode } from './errors.js';
import { clientKey, limitError, resetLimit, returnHit, takeHit, type Hit, type LimitRule } from './limits.js';
import type { PrincipalKind } from './sessions.js';

export interface SignInRules {
  perAddress: LimitRule;
  perAccount: LimitRule;
  /** A session opened from the address within these days makes it the owner's known address. */
  knownAddressDays: number;
  /** The 429 code of a refusal (it names the wait in minutes). */
  lockedCode: ErrorCode;
  /** Audit action written once when a limit starts refusing. */
  lockedAction: string;
}

export interface SignInAttempt {
  /** Call after a correct password: clears this address's failures and gives the account-wide hit back. */
  succeeded(): Promise<void>;
}

const NO_PRINCIPAL = '00000000-0000-0000-0000-000000000000';

/**
 * Takes the hits of one password attempt, or throws the rules' 429 (with `retryAfterSeconds`) when a limit is
 * reached. `account` names the account (its id when it exists, else the identifier typed); `principalId` is the
 * existing account's id or null.
 */
export async function beginPasswordAttempt(
  db: Kysely<DB>,
  rules: SignInRules,
  input: { kind: PrincipalKind; account: string; principalId: string | null; ip: string; auditTarget: { type: string; id: string } },
  now = new Date(),
): Promise<SignInAttempt> {
  const address = clientKey(input.ip);
  const perAddress = await takeHit(db, rules.perAddress, `${input.account}|${address}`, now);
  if (!perAddress.allowed) await refuse(db, rules, perAddress, input);

  const known = await isKnownAddress(db, input.kind, input.principalId ?? NO_PRINCIPAL, address, rules.knownAddressDays, now);
  let perAccount: Hit | null = null;
  if (!known) {
    perAccount = await takeHit(db, rules.perAccount, input.account, now);
    if (!perAccount.allowed) {
      await returnHit(db, perAddress); // this attempt is not checked, so it is no failure from this address
      await refuse(db, rules, perAccount, input);
    }
  }
  return {
    async succeeded() {
      await resetLimit(db, rules.perAddress, perAddress.key);
      if (perAccount) await returnHit(db, perAccount);
    },
  };
}

async function refuse(db: Kysely<DB>, rules: SignInRules, hit: Hit, input: { ip: string; auditTarget: { type: string; id: string } }): Promise<never> {
  if (hit.justLocked) {
    await writeAudit(db, {
      actorKind: 'anonymous', action: rules.lockedAction, targetType: input.auditTarget.type, targetId: input.auditTarget.id, ip: input.ip,
      detail: { limit: hit.rule.scope, failures: hit.rule.limit, windowSeconds: hit.rule.windowSeconds, until: new Date(hit.windowStart.getTime() + hit.rule.windowSeconds * 1000).toISOString() },
    });
  }
  throw limitError(rules.lockedCode, hit.retryAfterSeconds);
}

/** Whether the principal opened a session from this address (IPv6: this /64) within `days`. */
export async function isKnownAddress(db: Kysely<DB>, kind: PrincipalKind, principalId: string, address: string, days: number, now: Date): Promise<boolean> {
  const rows = await db.selectFrom('sessions').select('ip')
    .where('principal_kind', '=', kind).where('principal_id', '=', principalId)
    .where('created_at', '>', new Date(now.getTime() - days * 86_400_000))
    .orderBy('created_at', 'desc').limit(100).execute();
  return rows.some((r) => r.ip !== '' && clientKey(r.ip) === address);
}
