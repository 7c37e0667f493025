import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error s3rver ships no types
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { s3Storage } from '../../../src/platform/storage.js';

/** The S3 adapter against s3rver, a local S3-compatible server (SigV4, path-style buckets). */
let server: { close(): Promise<void> };
let endpoint = '';
const dir = mkdtempSync(join(tmpdir(), 'dj-s3-'));

beforeAll(async () => {
  const s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'daojia-files' }] });
  const { port } = await s3.run();
  server = s3;
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('S3-compatible storage', () => {
  it('puts, gets and removes objects; a missing object is null', async () => {
    const storage = s3Storage({ endpoint, bucket: 'daojia-files', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await storage.put('avatar/äbc 1.png', bytes);
    expect(await storage.get('avatar/äbc 1.png')).toEqual(bytes);
    await storage.remove('avatar/äbc 1.png');
    expect(await storage.get('avatar/äbc 1.png')).toBeNull();
    await expect(s3Storage({ endpoint, bucket: 'no-such-bucket', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }).put('x', bytes)).rejects.toThrow(/S3 put failed/);
  });

  it('is chosen by configuration, which must be complete', () => {
    const base = { DATA_DIR: dir, APP_SECRET: 'x'.repeat(32) };
    expect(loadConfig({ ...base, STORAGE_DRIVER: 's3', S3_ENDPOINT: endpoint, S3_BUCKET: 'daojia-files', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b' }).storage)
      .toMatchObject({ driver: 's3', bucket: 'daojia-files', region: 'us-east-1' });
    expect(() => loadConfig({ ...base, STORAGE_DRIVER: 's3', S3_BUCKET: 'daojia-files' })).toThrow(/storage/);
    expect(loadConfig(base).storage).toEqual({ driver: 'local' });
  });
});
