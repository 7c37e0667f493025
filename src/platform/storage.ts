import { AwsClient } from 'aws4fetch';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** Where uploaded bytes live: local disk by default, an S3-compatible store by config. */
export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}

export function localDiskStorage(root: string): FileStorage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    const p = resolve(join(base, key));
    if (!p.startsWith(base + '/')) throw new Error('storage key escapes the root');
    return p;
  };
  return {
    async put(key, bytes) {
      const p = pathOf(key);
      await mkdir(dirname(p), { recursive: true });
      await writeFile(p, bytes);
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

export interface S3Settings { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string }

/**
 * Any S3-compatible object store (AWS S3, MinIO, Aliyun OSS / Tencent COS in S3 mode), path-style
 * URLs signed with SigV4. Objects stay private: the API streams them after its own access checks.
 */
export function s3Storage(s: S3Settings): FileStorage {
  const client = new AwsClient({ accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey, region: s.region, service: 's3' });
  const url = (key: string) => `${s.endpoint.replace(/\/+$/, '')}/${s.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  const fail = async (op: string, res: Response) => { throw new Error(`S3 ${op} failed: ${res.status} ${(await res.text()).slice(0, 200)}`); };
  return {
    async put(key, bytes) {
      const res = await client.fetch(url(key), { method: 'PUT', body: new Uint8Array(bytes) });
      if (!res.ok) await fail('put', res);
    },
    async get(key) {
      const res = await client.fetch(url(key));
      if (res.status === 404) return null;
      if (!res.ok) await fail('get', res);
      return Buffer.from(await res.arrayBuffer());
    },
    async remove(key) {
      const res = await client.fetch(url(key), { method: 'DELETE' });
      if (!res.ok && res.status !== 404) await fail('delete', res);
    },
  };
}
