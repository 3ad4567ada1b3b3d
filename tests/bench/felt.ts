import type { Page } from '@playwright/test';
import { STANDING_LISTS, STANDING_LIST_INFO } from '../../shared/domain/relationship';
import type { Row } from './run';
import { percentile, withStationAndBrowser } from './browser';

/**
 * What a person feels, in Chromium against station mode on the bench's book, each figure beside
 * the bare HTTP round trip(s) of what that screen needs, from the same page in the same run:
 *   - People screen: keydown of each typed character → first frame showing that text's matches;
 *   - each Relationships list, the rapport report's first page and a person's page: from the
 *     navigation (as a link does it, the app already loaded, no cached answers) → first frame
 *     showing their rows / the person's name.
 */

const WORDS = ['ann', 'marie', 'smith', 'jose', 'garcia', 'zimmer', 'lee', 'kowal', 'patel', 'okafor'];
const SCREEN_ROUNDS = 8;

declare global {
  interface Window {
    __typedAt: Record<string, number>;
    __shownAt: Record<string, number>;
  }
}

/** One API call from the page, timed from the request to the parsed answer. */
function roundTrip(page: Page, method: string, input: unknown): Promise<number> {
  return page.evaluate(
    async ([m, body]) => {
      const t0 = performance.now();
      const res = await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      await res.json();
      return performance.now() - t0;
    },
    [method, input] as const,
  );
}

/**
 * From setting the address's hash (what a link does) to the first frame in which an element
 * matching one of `shownWhen`'s selectors (and containing its text) is on screen. The page is reloaded first on a screen
 * that asks for nothing, so no answer is cached: what a person feels on opening it.
 */
async function navigationToPaint(page: Page, url: string, hash: string, ...shownWhen: [selector: string, text: string][]): Promise<number> {
  await page.goto(`${url}/#/bench-start`);
  await page.waitForLoadState('networkidle');
  return page.evaluate(
    ([h, when]) =>
      new Promise<number>((resolve) => {
        // No named functions in here: the bench's loader would wrap them in a helper the page lacks.
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (!when.some(([sel, t]) => [...document.querySelectorAll(sel)].some((e) => !t || (e.textContent ?? '').includes(t)))) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        location.hash = h;
      }),
    [hash, shownWhen] as const,
  );
}

function row(name: string, samples: number[], bare: number[]): Row {
  return { name, p50_ms: percentile(samples, 50), p95_ms: percentile(samples, 95), baseline_p50_ms: percentile(bare, 50), baseline_p95_ms: percentile(bare, 95) };
}

async function peopleKeystrokes(page: Page, url: string): Promise<Row> {
  await page.goto(`${url}/#/people`);
  const input = page.getByRole('textbox', { name: 'Search people' });
  await input.waitFor();
  await page.locator('[role=rowgroup][data-current=true]').waitFor({ state: 'attached' });
  await page.evaluate(() => {
    window.__typedAt = {};
    window.__shownAt = {};
    const field = document.querySelector<HTMLInputElement>('input[placeholder="Name, organization or email"]');
    const list = document.querySelector<HTMLElement>('[role=rowgroup]');
    field?.addEventListener('keydown', (e) => {
      if (e.key.length === 1) window.__typedAt[field.value + e.key] = e.timeStamp;
    }, { capture: true });
    if (!list) return;
    new MutationObserver(() => {
      const q = list.dataset.query;
      if (q !== undefined && list.dataset.current === 'true' && window.__shownAt[q] === undefined && window.__typedAt[q] !== undefined) {
        requestAnimationFrame(() => (window.__shownAt[q] = performance.now()));
      }
    }).observe(list, { attributes: true, childList: true, subtree: true, characterData: true });
  });
  const samples: number[] = [];
  const bare: number[] = [];
  for (const word of WORDS) {
    await input.fill('');
    await page.locator('[role=rowgroup][data-current=true][data-query=""]').waitFor({ state: 'attached' });
    await page.evaluate(() => {
      window.__typedAt = {};
      window.__shownAt = {};
    });
    for (let i = 1; i <= word.length; i++) {
      const typed = word.slice(0, i);
      await page.keyboard.press(word[i - 1] as string);
      await page.waitForFunction((q) => window.__shownAt[q] !== undefined, typed);
      samples.push(await page.evaluate((q) => window.__shownAt[q]! - window.__typedAt[q]!, typed));
      bare.push(await roundTrip(page, 'people.list', { query: typed, offset: 0, limit: 100 }));
    }
  }
  return row('People keystroke to painted matches (Chromium, station)', samples, bare);
}

export async function feltRows(dataDir: string, log: (m: string) => void): Promise<Row[]> {
  return withStationAndBrowser(dataDir, async (url, openPage) => {
    const page = await openPage();
    const rows: Row[] = [await peopleKeystrokes(page, url)];
    log(`measured ${WORDS.join('').length} People keystrokes in Chromium`);

    const lists: number[] = [];
    const listsBare: number[] = [];
    for (let round = 0; round < SCREEN_ROUNDS; round++) {
      for (const list of STANDING_LISTS) {
        // Rows, or the line saying the list is empty today: either is the list on screen.
        const table = `table[aria-label="${STANDING_LIST_INFO[list].title}"] tbody tr`;
        lists.push(await navigationToPaint(page, url, `#/relationships?list=${list}`, [table, ''], ['[role=tabpanel] p', 'No one is on this list today.']));
        listsBare.push(await roundTrip(page, 'relationship.list', { list }));
      }
    }
    rows.push(row('Relationships list on screen, each of the 4 (Chromium, station)', lists, listsBare));

    const report: number[] = [];
    const reportBare: number[] = [];
    for (let round = 0; round < SCREEN_ROUNDS; round++) {
      report.push(await navigationToPaint(page, url, '#/reports/rapport', ['table[aria-label="People by rapport score"] tbody tr', '']));
      reportBare.push(await roundTrip(page, 'reports.rapport', { filter: {}, offset: 0, limit: 100 }));
    }
    rows.push(row('rapport report first page on screen (Chromium, station)', report, reportBare));

    const people = (await page.evaluate(async () => {
      const res = await fetch('/api/people.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: 'mar', limit: 100 }) });
      return ((await res.json()) as { value: { items: { id: number; name: string }[] } }).value.items;
    })).filter((_, i) => i % 10 === 0);
    const person: number[] = [];
    const personBare: number[] = [];
    for (let round = 0; round < SCREEN_ROUNDS; round++) {
      const p = people[round % people.length] as { id: number; name: string };
      person.push(await navigationToPaint(page, url, `#/people/${p.id}`, ['h1', p.name]));
      personBare.push(await roundTrip(page, 'people.get', { id: p.id }));
    }
    rows.push(row('person page on screen (Chromium, station)', person, personBare));
    log(`opened the Relationships lists, the rapport report and person pages ${SCREEN_ROUNDS} times each`);
    return rows;
  });
}
