// Fails on known high or critical vulnerabilities in production dependencies (`npm audit --omit=dev`), except the
// advisories reviewed and listed in .audit-allowlist.json ({"GHSA-…": "why it does not apply, who, when"}).
// When the registry's advisory service cannot be asked (an offline mirror answers 405), it says so loudly and
// exits 2 unless AUDIT_OPTIONAL=1 — nothing is claimed that was not checked.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const allow = existsSync('.audit-allowlist.json') ? JSON.parse(readFileSync('.audit-allowlist.json', 'utf8')) : {};
let report;
try {
  report = JSON.parse(execFileSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
} catch (error) {
  report = JSON.parse(error.stdout || '{}'); // npm audit exits 1 when it finds anything
}
if (!report.vulnerabilities) {
  const why = report.message ?? report.error?.summary ?? 'no answer';
  console.error(`!!! dependency audit NOT RUN: the advisory service could not be asked (${why})`);
  process.exit(process.env.AUDIT_OPTIONAL === '1' ? 0 : 2);
}
const blocking = [];
for (const [name, v] of Object.entries(report.vulnerabilities)) {
  for (const via of v.via.filter((x) => typeof x === 'object')) {
    const id = via.url?.split('/').pop() ?? String(via.source);
    if ((via.severity === 'high' || via.severity === 'critical') && !allow[id]) blocking.push(`${via.severity} ${name}: ${via.title} (${id})`);
  }
}
const counts = report.metadata?.vulnerabilities ?? {};
console.log(`dependency audit (production): ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}; allow-listed ${Object.keys(allow).length}`);
if (blocking.length) {
  console.error(`high / critical advisories not on .audit-allowlist.json:\n  ${blocking.join('\n  ')}`);
  process.exit(1);
}
