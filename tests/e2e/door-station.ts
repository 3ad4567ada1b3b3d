import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CERTIFICATE_FILE } from '../../electron/station/door-certificate';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { startStationProcess, type ApiReply, type StationProcess } from '../helpers/station-process';

/**
 * A station for the door tests that can be stopped and started again on the same port over the
 * same data folder — as a hub that restarts. Its door for devices (HTTPS on 127.0.0.1) opens again
 * on the port it had, so a paired device's page (whose storage and token belong to its origin)
 * finds it again.
 */

export interface DoorStation {
  url: string;
  port: number;
  dataDir: string;
  /** The owner's key of the station's current run (a restart makes a new one): for the test's own calls, never a device's. */
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

/** The owner's door, opened for one seminar: the HTTPS address devices reach and the pairing code shown. */
export interface OpenDoor {
  /** `https://127.0.0.1:<port>` (the tests' door listens on 127.0.0.1 only). */
  address: string;
  code: string;
  /** What the QR code holds: the pairing page with the code filled in. */
  qr: string;
}

/** The owner lets other devices check in at this seminar (door.open), as the door panel does. */
export async function openTheDoor(station: { api: DoorStation['api'] }, seminarId: number): Promise<OpenDoor> {
  const status = await station.api<{ addresses: string[]; pairing: { code: string; url: string | null } | null }>('door.open', { seminarId });
  if (!status.ok || !status.value.pairing) throw new Error(`the door did not open: ${JSON.stringify(status.error)}`);
  const address = status.value.addresses[0];
  if (!address?.startsWith('https://127.0.0.1:')) throw new Error(`the door listens at ${address}, not on 127.0.0.1`);
  return { address, code: status.value.pairing.code, qr: status.value.pairing.url ?? '' };
}

/**
 * A phone at the door: its own browser context (cookies, storage, service worker) that accepts the
 * hub's self-signed certificate as its owner did once, paired with the code — typed on the pairing
 * page, or filled in by the QR code's address — under its own name. It never sees the owner's key.
 */
export async function pairDevice(
  browser: Browser,
  door: OpenDoor,
  name: string,
  /** `trusted`: the browser trusts the hub's certificate already (trustingBrowser), so nothing is to be ignored. */
  options: { by?: 'code' | 'qr'; viewport?: { width: number; height: number }; context?: BrowserContext; trusted?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context =
    options.context ??
    (await browser.newContext({ ignoreHTTPSErrors: options.trusted !== true, viewport: options.viewport ?? { width: 360, height: 640 }, hasTouch: true, isMobile: true }));
  const page = await context.newPage();
  if (options.by === 'qr') {
    await page.goto(door.qr);
  } else {
    await page.goto(`${door.address}/pair`);
    await page.getByLabel('Pairing code').fill(door.code);
  }
  await page.getByLabel('Name of this device').fill(name);
  await page.getByRole('button', { name: 'Pair this device' }).click();
  await page.getByRole('combobox', { name: 'Find attendee' }).waitFor();
  return { context, page };
}

/**
 * A browser that trusts this book's door certificate (its key, and nothing else), as a phone does
 * once its owner installed the hub's certificate. A browser that was only told to accept it
 * (`ignoreHTTPSErrors`, a click through the warning) runs no service worker for the address, so
 * the door screen could not reload while the hub is away; trust is what lets it.
 */
export function trustingBrowser(dataDir: string, args: string[] = []): Promise<Browser> {
  const cert = new crypto.X509Certificate(fs.readFileSync(path.join(dataDir, CERTIFICATE_FILE)));
  const spki = crypto.createHash('sha256').update(cert.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${spki}`, ...args] });
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
