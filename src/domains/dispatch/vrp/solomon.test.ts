import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSolomon, SolomonParseError } from './solomon';
import { SMALL_SOLOMON } from './test-fixtures';

describe('parseSolomon', () => {
  it('reads name, fleet, depot and customers', () => {
    const { name, problem } = parseSolomon(SMALL_SOLOMON, 'small.txt');
    expect(name).toBe('C101-SMALL');
    expect(problem.maxVehicles).toBe(25);
    expect(problem.vehicleCapacity).toBe(200);
    expect(problem.depot).toEqual({ id: 0, x: 40, y: 50, ready: 0, due: 1236 });
    expect(problem.customers).toHaveLength(10);
    expect(problem.customers[0]).toEqual({ id: 1, x: 45, y: 68, demand: 10, ready: 912, due: 967, service: 90 });
  });

  it('accepts CRLF line endings', () => {
    expect(parseSolomon(SMALL_SOLOMON.replace(/\n/g, '\r\n')).problem.customers).toHaveLength(10);
  });

  const shared = '/work/shared/bench/solomon/C101.txt';
  it.runIf(existsSync(shared))('reads a full Solomon file', () => {
    const { name, problem } = parseSolomon(readFileSync(shared, 'utf8'), shared);
    expect(name).toBe('C101');
    expect(problem.customers).toHaveLength(100);
  });

  const malformed: [string, string, RegExp][] = [
    ['empty file', '', /file is empty/],
    ['missing VEHICLE', SMALL_SOLOMON.replace('VEHICLE', 'FLEET'), /missing VEHICLE/],
    ['missing CUSTOMER', SMALL_SOLOMON.replace(/^CUSTOMER$/m, 'CLIENTS'), /missing CUSTOMER/],
    ['short row', SMALL_SOLOMON.replace('    3      42         66         10         65        146         90', '    3 42 66 10 65'), /:13: expected 7 numbers/],
    ['text in a row', SMALL_SOLOMON.replace('825', 'abc'), /:12: expected 7 numbers/],
    ['bad capacity line', SMALL_SOLOMON.replace('  25         200', '  25'), /:5: expected "NUMBER CAPACITY"/],
    ['ready after due', SMALL_SOLOMON.replace('912        967', '999        967'), /:11: ready time 999 is after due date 967/],
    ['duplicate id', SMALL_SOLOMON.replace('   10      35', '    9      35'), /duplicate customer number 9/],
    ['demand above capacity', SMALL_SOLOMON.replace('45         70         30', '45         70         300'), /exceeds vehicle capacity/],
    ['no customers', SMALL_SOLOMON.split('\n').slice(0, 10).join('\n'), /at least one customer/],
  ];
  it.each(malformed)('rejects a file with %s', (_label, text, message) => {
    expect(() => parseSolomon(text, 'bad.txt')).toThrowError(SolomonParseError);
    expect(() => parseSolomon(text, 'bad.txt')).toThrowError(message);
  });
});

describe('bench:vrp CLI', () => {
  it('reports a malformed instance and exits non-zero, still ending with a summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vrp-bench-'));
    writeFileSync(join(dir, 'GOOD.txt'), SMALL_SOLOMON);
    writeFileSync(join(dir, 'BAD.txt'), SMALL_SOLOMON.replace('825', 'abc'));
    const root = join(__dirname, '../../../..');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'bench/vrp.ts'), '--instances', dir, '--seconds', '0.2', '--json'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/BAD\.txt:12: expected 7 numbers/);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ instance: 'BAD.txt', error: expect.stringMatching(/expected 7 numbers/) });
    expect(lines[1]).toMatchObject({ instance: 'C101-SMALL', feasible: true });
    expect(lines.at(-1)).toMatchObject({ summary: true, errors: 1, solved: 1, feasible: 1 });
  }, 60_000);
});
