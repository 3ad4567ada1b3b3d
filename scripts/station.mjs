// `npm run station -- [--port <n>] [--data <dir>]`: builds what is missing or stale, then
// starts station mode (the whole app in a browser on 127.0.0.1).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['out/main/station.js', 'out/renderer/index.html'].map((f) => path.join(root, f));
const sources = ['electron', 'renderer', 'shared', 'resources', 'package.json', 'electron.vite.config.ts'];

function newest(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

const built = outputs.every((f) => fs.existsSync(f)) ? Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs)) : 0;
const changed = Math.max(...sources.map((s) => newest(path.join(root, s))));
if (built < changed) {
  console.error('Building Rapport…');
  const result = spawnSync(path.join(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import(path.join(root, 'out/main/station.js'));
