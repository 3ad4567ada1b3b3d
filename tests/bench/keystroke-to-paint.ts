import type { Row } from './run';
import { percentile, withStationAndBrowser } from './browser';

const WORDS = ['ann', 'marie', 'smith', 'jose', 'garcia', 'zimmer', 'lee', 'kowal', 'patel', 'okafor'];

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
  return withStationAndBrowser(dataDir, async (url, openPage) => {
    const page = await openPage();
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
  });
}
