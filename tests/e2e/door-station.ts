import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Browser, BrowserContext, Page } from '@playwright/test';

/**
 * A station for the door tests that can be stopped and started again on the same port over the
 * same data folder — as a hub that restarts — so a door device's page (whose storage belongs to
 * its origin) finds it again.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const ENTRY = path.join(ROOT, 'out/main/station.js');

export interface DoorStation {
  url: string;
  port: number;
  dataDir: string;
  api<T = unknown>(method: string, input?: unknown): Promise<{ ok: boolean; value: T; error?: { code: string; message: string; fields?: Record<string, string> } }>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it (if running) and removes its data folder. */
  dispose(): Promise<void>;
}

async function launch(dataDir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  if (!fs.existsSync(ENTRY)) throw new Error('out/main/station.js is missing: run `npx electron-vite build` first.');
  const child = spawn(process.execPath, [ENTRY, '--port', String(port), '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`station did not start in time. ${stderr}`)), 30_000);
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const m = /^Rapport station at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
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

export async function startDoorStation(): Promise<DoorStation> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-door-e2e-'));
  const first = await launch(dataDir, 0);
  const url = first.url;
  let child = first.child;
  const port = Number(new URL(url).port);
  const station: DoorStation = {
    url,
    port,
    dataDir,
    async api(method, input = {}) {
      const res = await fetch(`${url}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      return res.json();
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
    async start() {
      ({ child } = await launch(dataDir, port));
    },
    async dispose() {
      await station.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return station;
}

/** A phone at the door: its own browser context (storage, service worker), named on first use. */
export async function openDevice(browser: Browser, station: { url: string }, seminarId: number, name: string, viewport = { width: 360, height: 640 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true });
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
