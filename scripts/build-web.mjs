// Builds the three portals (web/dist) when missing or older than their sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'web', 'dist', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function webIsStale() {
  if (!existsSync(join(root, 'web', 'index.html'))) return false; // nothing to build
  return !existsSync(dist) || statSync(dist).mtimeMs < newestMtime(join(root, 'web'));
}

export function buildWeb() {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) return false;
  console.log('building the web portals (vite build)…');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  return r.status === 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (webIsStale() && !buildWeb()) process.exit(1);
}
