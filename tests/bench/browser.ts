import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { startStationProcess } from '../helpers/station-process';

export const CHROMIUM_PATH = process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number((sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0).toFixed(3));
}

/** Opens a page in a fresh browser context that has opened the station's printed address (so it holds the session cookie). */
export type OpenPage = (options?: BrowserContextOptions) => Promise<Page>;

/** The built station on a free port over `dataDir`, and Debian's Chromium; both stopped after `use`. */
/** `use` also gets the owner's key, for calls made from the bench itself (`Authorization: Bearer`), and the browser (for contexts that must not hold that key). */
export async function withStationAndBrowser<T>(dataDir: string, use: (url: string, openPage: OpenPage, token: string, browser: Browser) => Promise<T>): Promise<T> {
  const station = await startStationProcess(dataDir, { stderr: 'inherit' });
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const openPage: OpenPage = async (options) => {
        const context = await browser.newContext(options);
        await context.request.get(station.loginUrl, { maxRedirects: 0 });
        return context.newPage();
      };
      return await use(station.url, openPage, station.token, browser);
    } finally {
      await browser.close();
    }
  } finally {
    await station.stop();
  }
}
