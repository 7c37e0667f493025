import { randomInt, randomUUID } from 'node:crypto';
import type { AppContext } from '../../src/platform/app-context.js';
import { createWorkerProfiles, type WorkerSeed } from '../../src/domains/workers/service.js';
import { maskPhone } from '../../src/platform/mask.js';
import { smoothedRating } from '../../src/domains/reviews/rules/reputation.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A resident ID number with a valid check character for a birth date (YYYYMMDD). */
export function idNumber(birth: string, seq = randomInt(100, 999)): string {
  const body = `310104${birth}${seq}`;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

/** Distinct tiny PNGs (same image, different trailing bytes): enough for content checks. */
export function png(tag: string): Buffer {
  const base = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  return Buffer.concat([base, Buffer.from(tag)]);
}

export function multipart(bytes: Buffer, filename = 'f.png', type = 'image/png') {
  const b = `----dj${randomUUID().slice(0, 8)}`;
  const payload = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`), bytes, Buffer.from(`\r\n--${b}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

/** Approved, online workers straight into the database (test factory, like the demo seed). */
export async function makeWorkers(ctx: AppContext, specs: (Partial<WorkerSeed> & { name: string; skills?: string[] })[]) {
  const items = await ctx.db.selectFrom('service_items').select(['id', 'code']).execute();
  const idOf = new Map(items.map((i) => [i.code, i.id]));
  const fresh = specs.filter((s) => !s.userId);
  const users = fresh.length ? await ctx.db.insertInto('users').values(fresh.map((s) => {
    const phone = `16${String(randomInt(0, 1e9)).padStart(9, '0')}`;
    return { roles: ['worker'], name: s.name, phone_hash: ctx.pii.blindIndex(phone), phone_enc: ctx.pii.encrypt(phone), phone_masked: maskPhone(phone) };
  })).returning('id').execute() : [];
  let next = 0;
  const seeds: WorkerSeed[] = specs.map((s) => withScore({
    userId: s.userId ?? users[next++]!.id, displayName: s.name, gender: s.gender ?? 'female', districtCode: s.districtCode ?? '310104', homeLat: s.homeLat ?? 31.1886, homeLng: s.homeLng ?? 121.4365,
    serviceRadiusKm: s.serviceRadiusKm ?? 5, experienceYears: s.experienceYears ?? 2, ratingAvg: s.ratingAvg ?? 4.5, ratingCount: s.ratingCount ?? 10, ordersDone: s.ordersDone ?? 20,
    online: s.online ?? true, skillItemIds: (s.skills ?? ['daily-cleaning']).map((c) => idOf.get(c)!),
    hours: s.hours ?? [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 18 * 60 })),
  }));
  await createWorkerProfiles(ctx.db, seeds);
  return seeds.map((s) => s.userId);
}

/** The smoothed score the reviews domain would derive from that many reviews at that average. */
function withScore(seed: WorkerSeed): WorkerSeed {
  const count = seed.ratingAvg >= 1 ? seed.ratingCount : 0;
  return { ...seed, ratingScore: smoothedRating(Math.round(seed.ratingAvg * count), count) };
}
