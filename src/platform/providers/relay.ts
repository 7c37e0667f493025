/**
 * Number relay (隐私号): both sides call a virtual number instead of each other's real phone. A real
 * provider binds A↔B to a number from its pool until an expiry; the local one derives a stable
 * 170-prefixed number per binding key and routes nothing (no telephony offline).
 */
import { createHmac } from 'node:crypto';

export interface RelayProvider {
  /** A virtual number connecting `phoneA` and `phoneB` until `expiresAt`; the same key gives the same number. */
  bind(key: string, phoneA: string, phoneB: string, expiresAt: Date): Promise<string>;
}

export function localRelayProvider(secret: string): RelayProvider {
  return {
    async bind(key) {
      const digest = createHmac('sha256', secret).update(`relay:${key}`).digest();
      return `170${String(digest.readUInt32BE(0) % 100_000_000).padStart(8, '0')}`;
    },
  };
}
