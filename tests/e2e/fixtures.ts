import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { test as base, type Page } from '@playwright/test';

export interface Station {
  url: string;
  dataDir: string;
  /** Calls the API over HTTP, as the renderer does, to check what the store holds. */
  api<T = unknown>(method: string, input?: unknown): Promise<{ ok: boolean; value: T; error?: { code: string; fields?: Record<string, string> } }>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const STATION_ENTRY = path.join(ROOT, 'out/main/station.js');

/** Starts the built station on a free port with its own empty data folder; resolves on its ready line. */
async function startStation(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  if (!fs.existsSync(STATION_ENTRY)) throw new Error('out/main/station.js is missing: run `npm run build` first.');
  const child = spawn(process.execPath, [STATION_ENTRY, '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`station did not start in time. ${stderr}`)), 20_000);
    lines.on('line', (line) => {
      const m = /^Rapport station at (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`station exited with ${code}: ${stderr}`));
    });
  });
  return { child, url };
}

export const test = base.extend<{ station: Station }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  station: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-'));
    const { child, url } = await startStation(dataDir);
    const api: Station['api'] = async (method, input = {}) => {
      const res = await fetch(`${url}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      return res.json();
    };
    await use({ url, dataDir, api });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** The seminar most tests need: the Master Networker morning, 9 to noon in New York. */
export async function planSeminar(station: Station, extra: Record<string, unknown> = {}): Promise<number> {
  const seminar = await station.api<{ id: number }>('seminars.create', {
    title: 'Become a Master Networker',
    date: '2031-01-16',
    startTime: '09:00',
    endTime: '12:00',
    timeZone: 'America/New_York',
    ...extra,
  });
  return seminar.value.id;
}
