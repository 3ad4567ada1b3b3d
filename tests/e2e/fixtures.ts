import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { startStationProcess, type ApiReply } from '../helpers/station-process';

export interface Station {
  /** The station's origin, without its key (pages are opened here once the context has the cookie). */
  url: string;
  /** The owner's key, as printed at start. */
  token: string;
  /** The address exactly as the station printed it (with `?token=`). */
  loginUrl: string;
  dataDir: string;
  /** Calls the API over HTTP with the owner's key, to check what the store holds. */
  api<T = unknown>(method: string, input?: unknown): Promise<ApiReply<T>>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

export const test = base.extend<{ station: Station }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  station: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-'));
    const station = await startStationProcess(dataDir, { timeoutMs: 20_000 });
    await use({ url: station.url, token: station.token, loginUrl: station.loginUrl, dataDir, api: station.api });
    await station.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  // Every page starts signed in, as a person who opened the printed address: the context visits it
  // once and keeps the session cookie the station hands out in exchange.
  context: async ({ context, station }, use) => {
    const login = await context.request.get(station.loginUrl, { maxRedirects: 0 });
    if (login.status() !== 303) throw new Error(`the station did not take its own key: ${login.status()}`);
    await use(context);
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
