import { createHash, randomInt, randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
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

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  let crc = 0xffffffff;
  for (const byte of body) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return Buffer.concat([length, body, sum]);
}

/**
 * Distinct tiny PNGs: an 8×8 picture whose colour comes from `tag`. The pixels differ, not trailing bytes: uploads
 * are decoded and written again without metadata (platform/image-metadata.ts), which drops anything after the image.
 */
export function png(tag: string): Buffer {
  const [r, g, b] = createHash('sha256').update(tag).digest();
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: 8 }, () => [r!, g!, b!]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: 8 }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', pixels), pngChunk('IEND', Buffer.alloc(0))]);
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
