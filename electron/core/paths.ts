import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Rapport';

/**
 * Where Electron's `app.getPath('userData')` puts Rapport's data, so station mode started from a
 * terminal opens the same book as the desktop app. Electron passes its own answer instead.
 */
export function platformDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/** The one rule for choosing the data folder: an explicit choice, else RAPPORT_DATA_DIR, else the default. */
export function resolveDataDir(explicit: string | undefined, fallback: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit ?? env.RAPPORT_DATA_DIR ?? fallback;
  return path.resolve(chosen);
}
