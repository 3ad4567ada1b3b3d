import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { chromium, type Browser } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHROMIUM_PATH = process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number((sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0).toFixed(3));
}

/** The built station on a free port over `dataDir`, and Debian's Chromium; both stopped after `use`. */
export async function withStationAndBrowser<T>(dataDir: string, use: (url: string, browser: Browser) => Promise<T>): Promise<T> {
  const entry = path.join(ROOT, 'out/main/station.js');
  if (!fs.existsSync(entry)) throw new Error('out/main/station.js is missing: `npm run bench` builds it first.');
  const child: ChildProcess = spawn(process.execPath, [entry, '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
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
      return await use(url, browser);
    } finally {
      await browser.close();
    }
  } finally {
    child.kill('SIGTERM');
  }
}
