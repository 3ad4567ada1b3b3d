import fs from 'node:fs';
import path from 'node:path';

const ELECTRON_DIR = path.resolve(import.meta.dirname, '../../node_modules/electron');

/**
 * The Electron binary, if it has been downloaded. Electron fetches it on first use, and
 * requiring the package would try that download, so we look for it without requiring.
 */
export function electronExecutable(): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(ELECTRON_DIR, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const candidate = override ? path.join(override, relative ?? 'electron') : relative ? path.join(ELECTRON_DIR, 'dist', relative) : null;
  return candidate && fs.existsSync(candidate) ? candidate : null;
}

export const ELECTRON_MISSING =
  'SKIPPED: the Electron binary is not installed (it downloads on first use, and this machine cannot reach its host). ' +
  'Run `npx install-electron` where the network allows; everything but the Electron shell is tested in Chromium through station mode.';
