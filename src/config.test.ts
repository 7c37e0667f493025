import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, simulatorWarnings } from './config.js';

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

  it('production refuses the local simulators unless each is named, and says what is missing', () => {
    const base = { DATA_DIR: dir(), NODE_ENV: 'production', APP_SECRET: 's'.repeat(32) };
    let message = '';
    try { loadConfig(base); } catch (e) { message = (e as Error).message; }
    for (const name of ['SMS_PROVIDER', 'MAIL_PROVIDER', 'PAY_PROVIDER', 'KYC_PROVIDER', 'RELAY_PROVIDER', 'MAP_PROVIDER']) expect(message).toContain(`${name} is not set`);
    expect(message).toContain('set SMS_PROVIDER=outbox to run on the local simulator anyway');
    // Both problems at once: no secret and no providers.
    expect(() => loadConfig({ ...base, APP_SECRET: '' })).toThrow(/APP_SECRET[\s\S]*SMS_PROVIDER is not set/);

    const explicit = { ...base, SMS_PROVIDER: 'outbox', MAIL_PROVIDER: 'outbox', PAY_PROVIDER: 'simulator', KYC_PROVIDER: 'local', RELAY_PROVIDER: 'local', MAP_PROVIDER: 'local' };
    const config = loadConfig(explicit);
    expect(config.providers).toEqual({ sms: 'outbox', mail: 'outbox', pay: 'simulator', kyc: 'local', relay: 'local', map: 'local' });
    expect(simulatorWarnings(config)).toHaveLength(6);
    expect(simulatorWarnings(config)[0]).toMatch(/^SMS_PROVIDER=outbox: .*LOCAL SIMULATOR in production/);
    expect(() => loadConfig({ ...explicit, PAY_PROVIDER: 'wechat' })).toThrow(/PAY_PROVIDER=wechat is not an adapter/);
  });

  it('development runs on the simulators without being told, and without warnings', () => {
    const config = loadConfig({ DATA_DIR: dir() });
    expect(config.providers.pay).toBe('simulator');
    expect(simulatorWarnings(config)).toEqual([]);
  });
});
