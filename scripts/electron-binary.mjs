// Where the Electron binary is, if it has been downloaded. Electron (42+) fetches it on first use,
// and requiring the package would try that download, so this looks without requiring it.
import childProcess from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ELECTRON_DIR = path.resolve(import.meta.dirname, '../node_modules/electron');

export function electronExecutable() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(ELECTRON_DIR, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const candidate = override ? path.join(override, relative ?? 'electron') : relative ? path.join(ELECTRON_DIR, 'dist', relative) : null;
  return candidate && fs.existsSync(candidate) ? candidate : null;
}

/** Runs the electron package's own installer (`npx install-electron`); true once the binary is there. */
export function downloadElectron(timeoutMs = 5 * 60_000) {
  const installer = path.join(ELECTRON_DIR, 'install.js');
  if (!fs.existsSync(installer)) return false;
  // Its own failure ("TypeError: fetch failed") says less than the paragraph the caller prints instead.
  childProcess.spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], timeout: timeoutMs });
  return electronExecutable() !== null;
}
