// Prints the folder-level import graph of src/domains/* and src/workflows as a mermaid flowchart (docs/architecture.md).
import { execFileSync } from 'node:child_process';

const json = execFileSync('node_modules/.bin/depcruise', ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const layer = (path) => path.match(/^src\/domains\/([^/]+)\//)?.[1] ?? (path.startsWith('src/workflows/') ? 'workflows' : null);
const edges = new Set();
for (const m of JSON.parse(json).modules) {
  const from = layer(m.source);
  if (!from) continue;
  for (const d of m.dependencies) {
    const to = layer(d.resolved);
    if (to && to !== from) edges.add(`  ${from} --> ${to}`);
  }
}
console.log(['flowchart TD', ...[...edges].sort()].join('\n'));
