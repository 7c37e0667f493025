// The import rules (.dependency-cruiser.cjs) hold on the tree, and they do bite: a back-import from a lower
// domain to a higher one, a domain reaching into another's inner file, and a circle each fail the check.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'node_modules', '.bin', 'depcruise');

function cruise(paths: string[]) {
  const run = spawnSync(bin, [...paths, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(run.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  return report.summary.violations;
}

/** Writes probe files into the tree for one cruise, then removes them. */
function withProbes(files: Record<string, string>, paths: string[]) {
  const written = Object.keys(files).map((f) => join(root, f));
  try {
    for (const [f, text] of Object.entries(files)) writeFileSync(join(root, f), text);
    return cruise(paths);
  } finally {
    for (const f of written) rmSync(f, { force: true });
  }
}

describe('import boundaries', () => {
  it('hold on src/ and web/src/ (no cycles, domains look down through index.ts, web takes shared types only)', () => {
    expect(cruise(['src', 'web/src'])).toEqual([]);
  }, 120_000);

  it('refuse a lower domain importing a higher one', () => {
    const probe = `src/domains/geo/probe-${process.pid}.ts`;
    const violations = withProbes({ [probe]: "export { createOrder } from '../booking/index.js';\n" }, [probe]);
    expect(violations.map((v) => v.rule.name)).toContain('domain-geo-looks-down');
  }, 60_000);

  it("refuse reaching into another domain's inner file", () => {
    const probe = `src/domains/dispatch/probe-${process.pid}.ts`;
    const violations = withProbes({ [probe]: "export { findOrder } from '../booking/queries.js';\n" }, [probe]);
    expect(violations.map((v) => v.rule.name)).toEqual(['domains-enter-by-index']);
  }, 60_000);

  it('refuse a circle inside a domain', () => {
    const a = `src/domains/geo/probe-a-${process.pid}.ts`;
    const b = `src/domains/geo/probe-b-${process.pid}.ts`;
    const violations = withProbes({
      [a]: `import { b } from './probe-b-${process.pid}.js';\nexport const a = () => b;\n`,
      [b]: `import { a } from './probe-a-${process.pid}.js';\nexport const b = () => a;\n`,
    }, [a]);
    expect(violations.map((v) => v.rule.name)).toContain('no-cycles');
  }, 60_000);

  it('refuse the portals importing server code', () => {
    const probe = `web/src/probe-${process.pid}.ts`;
    const violations = withProbes({ [probe]: "export { sumFen } from '../../src/domains/catalog/pricing/money';\n" }, [probe]);
    expect(violations.map((v) => v.rule.name)).toContain('web-imports-shared-types-only');
  }, 60_000);
});
