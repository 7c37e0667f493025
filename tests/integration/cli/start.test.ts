import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'dj-cli-'));
const port = 41000 + Math.floor(Math.random() * 2000);
const children: ChildProcess[] = [];

function start(viaNpm = false, extraEnv: Record<string, string> = {}) {
  const { DATABASE_URL: _pg, ...inherited } = process.env; // the embedded default, even in the PostgreSQL pass
  const env = { ...inherited, DATA_DIR: dataDir, PORT: String(port), SERVE_WEB: '0', LOG_LEVEL: 'warn', ...extraEnv };
  const child = viaNpm
    ? spawn('npm', ['start', '--silent'], { cwd: root, env })
    : spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], { cwd: root, env });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => { if (output.includes('is running')) { clearInterval(timer); resolve(); } }, 100);
    void exited.then(() => { clearInterval(timer); reject(new Error(`exited early:\n${output}`)); });
  });
  ready.catch(() => {}); // awaited only by callers that expect a start
  return { child, ready, exited, output: () => output };
}

const login = () => fetch(`http://127.0.0.1:${port}/api/auth/password/login`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ identifier: '13800000001', password: 'daojia2026', role: 'customer' }),
});

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start (embedded PGlite)', () => {
  it('starts with the demo city, refuses a second process on the same data, shuts down gracefully and keeps data', async () => {
    const first = start();
    await first.ready;
    expect(first.output()).toContain('/admin/');
    expect(first.output()).toContain('13800000001');
    const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
    expect(health).toEqual({ status: 'ok', database: 'pglite' });
    expect((await login()).status).toBe(200);

    const second = start();
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by another daojia process/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'daojia.lock'))).toBe(false);

    const third = start();
    await third.ready;
    expect(third.output()).not.toContain('demo city seeded');
    expect((await login()).status).toBe(200);
    third.child.kill('SIGINT');
    expect(await third.exited).toBe(0);

    // A process manager's SIGTERM to `npm start` must reach the server, not orphan it.
    const viaNpm = start(true);
    await viaNpm.ready;
    viaNpm.child.kill('SIGTERM');
    await viaNpm.exited;
    await expect.poll(() => existsSync(join(dataDir, 'daojia.lock')), { timeout: 10_000 }).toBe(false);
  }, 300_000);
});

describe('NODE_ENV=production npm start', () => {
  it('refuses to start on the local simulators without being told, naming what is missing', async () => {
    const prod = start(false, { NODE_ENV: 'production', APP_SECRET: 'p'.repeat(40) });
    expect(await prod.exited).toBe(1);
    for (const name of ['SMS_PROVIDER', 'MAIL_PROVIDER', 'PAY_PROVIDER', 'KYC_PROVIDER', 'RELAY_PROVIDER', 'MAP_PROVIDER']) expect(prod.output()).toContain(`${name} is not set`);
    expect(prod.output()).not.toContain('is running');
  }, 60_000);
});
