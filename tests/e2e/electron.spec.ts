import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { ELECTRON_MISSING, electronExecutable } from './electron-runtime';

const executablePath = electronExecutable();
if (!executablePath) console.warn(`\n[electron-app] ${ELECTRON_MISSING}\n`);

test.describe('the Electron app', () => {
  test.skip(!executablePath, ELECTRON_MISSING);

  test('opens the book in a locked-down window and talks to it over IPC', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-electron-'));
    const app = await electron.launch({
      executablePath: executablePath ?? undefined,
      args: [path.resolve(import.meta.dirname, '../../out/main/index.js')],
      env: { ...process.env, RAPPORT_DATA_DIR: dataDir },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
      // Served by the app's own scheme, not file://; no permission is granted, not even when merely checked.
      expect(window.url()).toMatch(/^app:\/\/rapport\/index\.html/);
      expect(await window.evaluate(() => navigator.permissions.query({ name: 'geolocation' }).then((s) => s.state))).toBe('denied');
      expect(fs.statSync(path.join(dataDir, 'rapport.db')).mode & 0o777).toBe(0o600);
      const exposed = await window.evaluate(() => ({
        bridge: Object.keys((window as unknown as { rapport: object }).rapport).sort(),
        node: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(exposed).toEqual({ bridge: ['invoke', 'on', 'savePdf'], node: 'undefined', process: 'undefined' });
      await window.getByRole('button', { name: 'Load sample data' }).click();
      await expect(window.getByText(/^320 people$/)).toBeVisible();
      await window.getByRole('link', { name: 'Settings' }).click();
      await expect(window.getByText('desktop app', { exact: false })).toBeVisible();
      await expect(window.getByText(dataDir, { exact: true }).first()).toBeVisible();
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
