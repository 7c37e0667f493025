/**
 * Other domains hold personal data of an account too (a worker's profile, say). They sit above accounts, so
 * accounts cannot call them: each is registered here once when the app is built (src/workflows/privacy.ts),
 * and the PIPL export and erasure ask every holder.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

export interface PersonalDataHolder {
  /** The key of this holder's part in the export document. */
  key: string;
  export(db: Kysely<DB>, userId: string): Promise<unknown>;
  /** Runs in the erasure transaction. */
  erase(db: Kysely<DB>, userId: string): Promise<void>;
}

const holders = new Map<string, PersonalDataHolder>();

export function registerPersonalDataHolder(holder: PersonalDataHolder): void {
  holders.set(holder.key, holder);
}

export async function exportHeldData(db: Kysely<DB>, userId: string): Promise<Record<string, unknown>> {
  const parts = await Promise.all([...holders.values()].map(async (h) => [h.key, await h.export(db, userId)] as const));
  return Object.fromEntries(parts);
}

export async function eraseHeldData(db: Kysely<DB>, userId: string): Promise<void> {
  for (const h of holders.values()) await h.erase(db, userId);
}
