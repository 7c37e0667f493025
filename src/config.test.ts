import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dir = () => mkdtempSync(join(tmpdir(), 'dj-config-'));

describe('config', () => {
  it('defaults to PGlite in ./data on port 3000 with demo data and a generated secret kept in the data dir', () => {
    const dataDir = dir();
    const c = loadConfig({ DATA_DIR: dataDir });
    expect(c).toMatchObject({ port: 3000, dataDir, databaseUrl: undefined, seedDemo: true, cityCode: '310100' });
    expect(readFileSync(join(dataDir, 'app-secret.key'), 'utf8')).toBe(c.appSecret);
    expect(loadConfig({ DATA_DIR: dataDir }).appSecret).toBe(c.appSecret);
  });

  it('switches to PostgreSQL with DATABASE_URL and does not seed demo data there by default', () => {
    const c = loadConfig({ DATA_DIR: dir(), DATABASE_URL: 'postgres://u@h/db', APP_SECRET: 'x'.repeat(32) });
    expect(c).toMatchObject({ databaseUrl: 'postgres://u@h/db', seedDemo: false });
  });

  it('reports every invalid setting at once', () => {
    expect(() => loadConfig({ DATA_DIR: dir(), PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      loadConfig({ DATA_DIR: dir(), PORT: '70000', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      expect((err as Error).message).toMatch(/port/);
      expect((err as Error).message).toMatch(/databaseUrl/);
    }
  });

  it('trusts X-Forwarded-For only when told to', () => {
    expect(loadConfig({ DATA_DIR: dir() }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dir(), TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(loadConfig({ DATA_DIR: dir(), TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
  });

  it('requires APP_SECRET in production', () => {
    expect(() => loadConfig({ DATA_DIR: dir(), NODE_ENV: 'production' })).toThrow(/APP_SECRET/);
  });
});
