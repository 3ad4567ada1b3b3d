import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { startStationProcess, type ApiReply, type StationProcess } from '../helpers/station-process';

/**
 * A station for the door tests that can be stopped and started again on the same port over the
 * same data folder — as a hub that restarts — so a door device's page (whose storage belongs to
 * its origin) finds it again.
 */

export interface DoorStation {
  url: string;
  port: number;
  dataDir: string;
  /** The owner's key of the station's current run: a restart makes a new one. */
  token: string;
  loginUrl: string;
  api<T = unknown>(method: string, input?: unknown): Promise<ApiReply<T>>;
  stop(): Promise<void>;
  /** Starts it again on the same port over the same data folder. */
  start(): Promise<void>;
  /** Stops it (if running) and removes its data folder. */
  dispose(): Promise<void>;
}

export async function startDoorStation(): Promise<DoorStation> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-door-e2e-'));
  let run: StationProcess = await startStationProcess(dataDir);
  const port = Number(new URL(run.url).port);
  const station: DoorStation = {
    url: run.url,
    port,
    dataDir,
    get token() {
      return run.token;
    },
    get loginUrl() {
      return run.loginUrl;
    },
    api: (method, input) => run.api(method, input),
    stop: () => run.stop(),
    async start() {
      run = await startStationProcess(dataDir, { port });
    },
    async dispose() {
      await run.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return station;
}

/**
 * Lets a browser context in with the station's current key (the session cookie). Until devices
 * pair with keys of their own, a device uses the owner's, and a hub restart asks for it again.
 */
export async function logIn(context: BrowserContext, station: { loginUrl: string }): Promise<void> {
  const page = await context.newPage();
  await page.goto(station.loginUrl);
  await page.close();
}

/** A phone at the door: its own browser context (storage, service worker), named on first use. */
export async function openDevice(browser: Browser, station: { url: string; loginUrl: string }, seminarId: number, name: string, viewport = { width: 360, height: 640 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true });
  await logIn(context, station);
  const page = await context.newPage();
  await page.goto(`${station.url}/#/door/${seminarId}`);
  await page.getByLabel('Device name').fill(name);
  await page.getByRole('button', { name: 'Start checking in' }).click();
  await page.getByRole('combobox', { name: 'Find attendee' }).waitFor();
  return { context, page };
}

/** The count a door screen shows under one label ("Checked in"). */
export async function shownCount(page: Page, label: string): Promise<number> {
  const text = (await page.getByRole('group', { name: label }).locator('.door-count-value').textContent()) ?? '';
  return Number(text.replace(/\D/g, '') || NaN);
}

declare global {
  interface Window {
    __counts?: { value: number; at: number }[];
  }
}

/**
 * Records in the page when its "Checked in" count changes (wall clock, as the test's): how long a
 * device takes to show a check-in made elsewhere is then measured where it happens, not through
 * the test's own polling.
 */
export async function watchCount(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__counts = [];
    const read = () => Number(document.querySelector('[aria-label="Checked in"] .door-count-value')?.textContent?.replace(/\D/g, '') ?? NaN);
    let last = read();
    new MutationObserver(() => {
      const now = read();
      if (now !== last) {
        last = now;
        window.__counts?.push({ value: now, at: Date.now() });
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** When the page first showed `value` as its count (ms since the epoch), or null. */
export function shownAt(page: Page, value: number): Promise<number | null> {
  return page.evaluate((v) => window.__counts?.find((c) => c.value === v)?.at ?? null, value);
}
