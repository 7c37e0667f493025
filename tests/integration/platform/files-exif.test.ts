import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openFile, smsSignIn, type TestApp } from '../../helpers/test-app.js';
import { multipart } from '../../helpers/workers.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const GPS = { GPSLatitudeRef: 'N', GPSLatitude: '31/1 11/1 2400/100', GPSLongitudeRef: 'E', GPSLongitude: '121/1 26/1 3000/100' };
/** A phone-style JPEG: camera make, GPS position (a home in 徐汇区), orientation 6. */
const photo = () => sharp({ create: { width: 60, height: 30, channels: 3, background: { r: 30, g: 160, b: 90 } } }).jpeg({ quality: 95 })
  .withExif({ IFD0: { Make: 'DaojiaCam', Model: 'Phone 15' }, IFD3: GPS }).withMetadata({ orientation: 6 }).toBuffer();

const merge = (h: Record<string, string>, form: ReturnType<typeof multipart>) => ({ payload: form.payload, headers: { ...h, ...form.headers } });
const fileCount = async () => Number((await t.ctx.db.selectFrom('files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('uploads keep no EXIF', () => {
  it('a job photo (private) and an avatar (public) are stored and served without GPS or camera tags, still valid, upright JPEGs', async () => {
    const me = await smsSignIn(t.app, t.ctx);
    const original = await photo();
    expect((await sharp(original).metadata()).exif?.includes(Buffer.from('DaojiaCam'))).toBe(true);

    const job = await t.app.inject({ method: 'POST', url: '/api/orders/photos', ...merge(me.headers, multipart(original, 'IMG_0001.jpg', 'image/jpeg')) });
    expect(job.statusCode).toBe(200);
    const avatar = await t.app.inject({ method: 'POST', url: '/api/me/avatar', ...merge(me.headers, multipart(original, 'me.jpg', 'image/jpeg')) });
    expect(avatar.statusCode).toBe(200);

    for (const url of [job.json().url as string, avatar.json().avatarUrl as string]) {
      const served = await openFile(t.app, url, me.headers);
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/jpeg');
      const bytes = served.rawPayload;
      expect(bytes.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
      expect(bytes.includes(Buffer.from('DaojiaCam'))).toBe(false);
      const meta = await sharp(bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect([meta.width, meta.height]).toEqual([30, 60]); // turned upright before the tag went
      expect((await fileTypeFromBuffer(bytes))?.mime).toBe('image/jpeg');
      const id = url.split('/').pop()!;
      const row = await t.ctx.db.selectFrom('files').select(['size_bytes', 'storage_key']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.size_bytes).toBe(bytes.length); // the row describes the stored bytes, not the upload
      expect(await t.ctx.storage.get(row.storage_key)).toEqual(bytes);
    }
  });

  it('an image signature over broken data is refused with 422 IMAGE_UNREADABLE and nothing is stored', async () => {
    const me = await smsSignIn(t.app, t.ctx);
    const broken = Buffer.concat([(await photo()).subarray(0, 300), Buffer.alloc(100, 9)]);
    const before = await fileCount();
    const res = await t.app.inject({ method: 'POST', url: '/api/orders/photos', ...merge(me.headers, multipart(broken, 'x.jpg', 'image/jpeg')) });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('IMAGE_UNREADABLE');
    expect(await fileCount()).toBe(before);
  });
});
