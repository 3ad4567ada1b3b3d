import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { chromium } from '@playwright/test';
import type { Row } from './run';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHROMIUM_PATH = process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WORDS = ['ann', 'marie', 'smith', 'jose', 'garcia', 'zimmer', 'lee', 'kowal', 'patel', 'okafor'];

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number((sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0).toFixed(3));
}

declare global {
  interface Window {
    __keydown: Record<string, number>;
    __painted: Record<string, number>;
  }
}

/**
 * In Chromium against station mode on the benchmark's book: from the keydown of each typed
 * character to the first frame painted after the list shows that text's results. Baseline: the
 * same search as a bare HTTP round trip from the page.
 */
export async function keystrokeToPaint(dataDir: string, seminarId: number, log: (m: string) => void): Promise<Row> {
  const entry = path.join(ROOT, 'out/main/station.js');
  if (!fs.existsSync(entry)) throw new Error('out/main/station.js is missing: `npm run bench` builds it first.');
  const child = spawn(process.execPath, [entry, '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        const m = /^Rapport station at (\S+)$/.exec(line);
        if (m?.[1]) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`station exited with ${code}`)));
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(`${url}/#/seminars/${seminarId}/check-in`);
      const input = page.getByRole('combobox', { name: 'Find attendee' });
      await input.waitFor();
      await page.evaluate(() => {
        window.__keydown = {};
        window.__painted = {};
        const field = document.querySelector<HTMLInputElement>('[role=combobox]');
        const list = document.getElementById('attendee-list');
        field?.addEventListener('keydown', (e) => {
          if (e.key.length === 1) window.__keydown[field.value + e.key] = e.timeStamp;
        }, { capture: true });
        if (!list) return;
        new MutationObserver(() => {
          const q = list.dataset.query;
          if (q !== undefined && list.dataset.current === 'true' && window.__painted[q] === undefined && window.__keydown[q] !== undefined) {
            requestAnimationFrame(() => (window.__painted[q] = performance.now()));
          }
        }).observe(list, { attributes: true, childList: true, subtree: true });
      });
      const samples: number[] = [];
      const bare: number[] = [];
      for (const word of WORDS) {
        await input.fill('');
        await page.evaluate(() => {
          window.__keydown = {};
          window.__painted = {};
        });
        for (let i = 1; i <= word.length; i++) {
          const typed = word.slice(0, i);
          await page.keyboard.press(word[i - 1] as string);
          await page.waitForFunction((q) => window.__painted[q] !== undefined, typed);
          samples.push(await page.evaluate((q) => window.__painted[q]! - window.__keydown[q]!, typed));
          bare.push(
            await page.evaluate(
              async ([q, id]) => {
                const t0 = performance.now();
                const res = await fetch('/api/checkin.find', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ seminarId: id, query: q }) });
                await res.json();
                return performance.now() - t0;
              },
              [typed, seminarId] as const,
            ),
          );
        }
      }
      log(`measured ${samples.length} keystrokes in Chromium`);
      return {
        name: 'check-in keystroke to painted results (Chromium, station)',
        p50_ms: percentile(samples, 50),
        p95_ms: percentile(samples, 95),
        baseline_p50_ms: percentile(bare, 50),
        baseline_p95_ms: percentile(bare, 95),
      };
    } finally {
      await browser.close();
    }
  } finally {
    child.kill('SIGTERM');
  }
}
