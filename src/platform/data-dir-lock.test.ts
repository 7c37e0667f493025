import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

describe('data directory lock', () => {
  it('refuses a second owner while the first lives, and frees on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dj-lock-'));
    writeFileSync(join(dir, 'daojia.lock'), String(process.ppid)); // a live process that is not us
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });

  it('takes over a lock left by a dead process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dj-lock-'));
    writeFileSync(join(dir, 'daojia.lock'), '999999999');
    const release = lockDataDir(dir);
    expect(existsSync(join(dir, 'daojia.lock'))).toBe(true);
    release();
    expect(existsSync(join(dir, 'daojia.lock'))).toBe(false);
  });
});
