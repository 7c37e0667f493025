import { spawn, type ChildProcess } from 'node:child_process';
import { piiLeaks } from './log-scan';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM helper shared with npm's prepare step
import { buildWeb, webIsStale } from '../../scripts/build-web.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the server under test, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
  }
}

const root = join(import.meta.dirname, '..', '..');
// The first start migrates and seeds the demo city with its history (≈ 20–30 s alone; minutes on a loaded 2-core machine).
const STARTUP_TIMEOUT_MS = 300_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`server did not become healthy within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    process.kill(-child.pid!, 'SIGTERM');
  });
}

/** Builds the portals when missing or older than their sources, starts `src/main.ts start` on a free port with a fresh data dir. */
export default async function setup(project: TestProject) {
  if (webIsStale() && !buildWeb()) throw new Error('web build failed');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'daojia-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn('npx', ['tsx', 'src/main.ts', 'start'], {
    cwd: root,
    // Own process group, so npx, tsx and node stop together.
    detached: true,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info', PUBLIC_URL: baseUrl, TRUST_PROXY: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));

  try {
    await waitForHealth(baseUrl, child, () => log);
  } catch (error) {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseUrl', baseUrl);

  return async () => {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
    // The server logged every request at info level: none of it may carry a whole phone, ID or card number.
    const scan = piiLeaks(log);
    console.log(`server log: ${scan.lines} lines scanned, ${scan.leaks.length} unmasked phone / ID / card numbers`);
    if (scan.leaks.length) process.exitCode = 1; // a teardown's error alone does not fail the run
    if (scan.leaks.length) throw new Error(`the server log carries unmasked personal numbers:\n${scan.leaks.slice(0, 5).join('\n')}`);
  };
}
