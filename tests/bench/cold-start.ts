import { chromium } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import { startStationProcess } from '../helpers/station-process';
import type { Row } from './run';
import { CHROMIUM_ARGS, CHROMIUM_PATH, percentile } from './browser';

const ROUNDS = 4;

declare global {
  interface Window {
    __homeAt?: number;
  }
}

/** Wall-clock milliseconds, comparable between this process and the page (both count from the epoch). */
const wall = () => performance.timeOrigin + performance.now();

/**
 * Cold start as a person meets it: from starting the station process on the bench's book to the
 * first frame showing Home (its heading), in a fresh browser context that opens the printed
 * address. Baseline: from starting the process to the server's first answer (GET /). Rounds
 * alternate, so both see the same file cache and the same load. Also reported: the page's own
 * first-contentful-paint entry, from process start.
 */
export async function coldStartRows(dataDir: string, log: (m: string) => void): Promise<Row[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const home: number[] = [];
  const fcp: number[] = [];
  const bare: number[] = [];
  let initialJs = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      {
        const started = wall();
        const station = await startStationProcess(dataDir, { stderr: 'inherit' });
        try {
          await (await fetch(`${station.url}/`)).text();
          bare.push(wall() - started);
        } finally {
          await station.stop();
        }
      }
      const started = wall();
      const station = await startStationProcess(dataDir, { stderr: 'inherit' });
      const context = await browser.newContext();
      try {
        // Set before any script of the page runs: the first frame in which Home's heading is on screen.
        await context.addInitScript(() => {
          // No named functions in here: the bench's loader would wrap them in a helper the page lacks.
          const observer = new MutationObserver(() => {
            if (![...document.querySelectorAll('h1')].some((h) => h.textContent === 'Home')) return;
            observer.disconnect();
            requestAnimationFrame(() => (window.__homeAt = performance.timeOrigin + performance.now()));
          });
          observer.observe(document, { childList: true, subtree: true });
        });
        const page = await context.newPage();
        await page.goto(station.loginUrl);
        await page.waitForFunction(() => window.__homeAt !== undefined, undefined, { timeout: 120_000 });
        const at = await page.evaluate(() => ({
          home: window.__homeAt as number,
          fcp: performance.timeOrigin + (performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN),
          // The JavaScript fetched before Home was on screen, before gzip (the station serves it uncompressed).
          js: performance
            .getEntriesByType('resource')
            .filter((e) => e.name.endsWith('.js') && e.startTime + performance.timeOrigin <= (window.__homeAt as number))
            .reduce((n, e) => n + (e as PerformanceResourceTiming).decodedBodySize, 0),
        }));
        initialJs = at.js;
        home.push(at.home - started);
        if (Number.isFinite(at.fcp)) fcp.push(at.fcp - started);
      } finally {
        await context.close();
        await station.stop();
      }
    }
  } finally {
    await browser.close();
  }
  log(`started the station ${2 * ROUNDS} times (${ROUNDS} to Home on screen); ${(initialJs / 1024).toFixed(0)} KB of JavaScript before Home (target ≤ 1,000 KB)`);
  const baseline = { baseline_p50_ms: percentile(bare, 50), baseline_p95_ms: percentile(bare, 95) };
  return [
    { name: 'cold start: process start to Home on screen (Chromium, station)', p50_ms: percentile(home, 50), p95_ms: percentile(home, 95), ...baseline },
    { name: '  cold start: process start to first contentful paint', p50_ms: percentile(fcp, 50), p95_ms: percentile(fcp, 95), ...baseline },
    // Not a time: kilobytes, beside the 1,000 KB the issue allows (so the chart shows it against its target).
    { name: 'initial JavaScript before Home, KB (baseline: the 1,000 KB target)', p50_ms: initialJs / 1024, p95_ms: initialJs / 1024, baseline_p50_ms: 1000, baseline_p95_ms: 1000 },
  ];
}
