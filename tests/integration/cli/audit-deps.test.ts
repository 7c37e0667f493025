// The dependency audit of .ci/run (scripts/audit-deps.mjs) against a local advisory service speaking npm's bulk
// advisory protocol: this CI's npm mirror refuses the real query, so the gate is proved here instead.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, '..', '..', '..', 'scripts', 'audit-deps.mjs');
const GHSA = 'GHSA-test-0000-0001';
let answer: { status: number; advisories: object } = { status: 200, advisories: {} };
let server: Server;
let registry = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.includes('/-/npm/v1/security/advisories/bulk')) {
        res.statusCode = answer.status;
        res.setHeader('content-type', 'application/json');
        res.end(answer.status === 200 ? JSON.stringify(answer.advisories) : JSON.stringify({ error: 'Method Not Allowed' }));
      } else {
        res.statusCode = 404; // package documents (npm asks for them to find fixes): none here
        res.end('{}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A project with one production dependency (left-pad 1.0.0) in its lockfile, and an optional allow-list. */
function project(allow?: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'dj-audit-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'audit-probe', version: '1.0.0', dependencies: { 'left-pad': '1.0.0' } }));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({
    name: 'audit-probe', version: '1.0.0', lockfileVersion: 3, requires: true,
    packages: { '': { name: 'audit-probe', version: '1.0.0', dependencies: { 'left-pad': '1.0.0' } }, 'node_modules/left-pad': { version: '1.0.0' } },
  }));
  if (allow) writeFileSync(join(dir, '.audit-allowlist.json'), JSON.stringify(allow));
  return dir;
}

function audit(dir: string, env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script], { cwd: dir, env: { ...process.env, npm_config_registry: registry, npm_config_cache: join(dir, '.npm-cache'), npm_config_audit_level: 'low', ...env } }, (error, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      resolve({ code: error ? Number(error.code) : 0, out: `${stdout}${stderr}` });
    });
  });
}

const advisory = (severity: string) => ({ 'left-pad': [{ id: 1, url: `https://github.com/advisories/${GHSA}`, title: 'Test flaw', severity, vulnerable_versions: '<2.0.0', cwe: [], cvss: { score: 7.5, vectorString: null } }] });

describe('dependency audit gate', () => {
  it('a high advisory in a production dependency fails the run, naming it', async () => {
    answer = { status: 200, advisories: advisory('high') };
    const r = await audit(project());
    expect(r.code).toBe(1);
    expect(r.out).toContain(`high left-pad: Test flaw (${GHSA})`);
  });

  it('a reviewed advisory on the allow-list, or a moderate one, passes', async () => {
    answer = { status: 200, advisories: advisory('high') };
    const allowed = await audit(project({ [GHSA]: 'not reachable from our code; reviewed 2026-12-07' }));
    expect(allowed.code, allowed.out).toBe(0);
    answer = { status: 200, advisories: advisory('moderate') };
    const moderate = await audit(project());
    expect(moderate.code).toBe(0);
    expect(moderate.out).toContain('moderate 1');
  });

  it('an advisory service that cannot be asked is said loudly: exit 2, or 0 only when AUDIT_OPTIONAL=1', async () => {
    answer = { status: 405, advisories: {} };
    const strict = await audit(project());
    expect(strict.code).toBe(2);
    expect(strict.out).toContain('dependency audit NOT RUN');
    expect((await audit(project(), { AUDIT_OPTIONAL: '1' })).code).toBe(0);
  });
});
