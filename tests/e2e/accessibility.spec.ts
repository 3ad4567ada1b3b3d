import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../electron/core/db/store';
import { expect, test, type Station } from './fixtures';

/** axe-core as shipped (its own bundle), injected into each page as it is. */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Ids of things on the sample book that the routes with a parameter need, read from the store file. */
function sampleIds(station: Station) {
  const db = new Database(path.join(station.dataDir, DATABASE_FILE), { readonly: true });
  try {
    const one = (sql: string) => (db.prepare(sql).get() as { id: number }).id;
    return {
      person: one("SELECT id FROM people WHERE given_name = 'Ann' AND family_name = 'Lee' ORDER BY id LIMIT 1"),
      past: one("SELECT id FROM seminars WHERE starts_at < datetime('now') ORDER BY starts_at DESC LIMIT 1"),
      upcoming: one("SELECT id FROM seminars WHERE starts_at >= datetime('now') ORDER BY starts_at LIMIT 1"),
      registration: one("SELECT r.id FROM registrations r JOIN seminars s ON s.id = r.seminar_id WHERE s.starts_at >= datetime('now') ORDER BY r.id LIMIT 1"),
      occasion: one('SELECT id FROM occasions ORDER BY id LIMIT 1'),
    };
  } finally {
    db.close();
  }
}

/** Every route of the app (renderer/src/app/router.tsx), filled in with the sample book's ids. */
function routes(ids: ReturnType<typeof sampleIds>): string[] {
  return [
    '/',
    '/people',
    '/people/new',
    `/people/${ids.person}`,
    `/people/${ids.person}/edit`,
    '/people/duplicates',
    '/people/merge',
    '/import',
    '/relationships',
    '/agenda',
    '/occasions',
    '/occasions/new',
    `/occasions/${ids.occasion}`,
    `/occasions/${ids.occasion}/edit`,
    '/seminars',
    '/seminars/new',
    `/seminars/${ids.upcoming}`,
    `/seminars/${ids.upcoming}/edit`,
    `/seminars/${ids.past}/review`,
    `/seminars/${ids.upcoming}/check-in`,
    `/seminars/${ids.upcoming}/badges`,
    `/seminars/${ids.upcoming}/confirmation/${ids.registration}`,
    '/reports',
    '/reports/rapport',
    '/reports/intimacy',
    `/reports/seminar/${ids.past}`,
    `/reports/dossier/${ids.person}`,
    '/settings',
    '/trash',
  ];
}

interface Finding {
  route: string;
  scheme: string;
  rule: string;
  impact: string;
  nodes: string[];
}

test('every route on the sample book, light and dark, has no serious or critical axe-core violation', async ({ page, station }) => {
  test.setTimeout(600_000);
  await station.api('sample.load');
  const ids = sampleIds(station);
  const findings: Finding[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const route of routes(ids)) {
      await page.goto(`${station.url}/#${route}`);
      // Ready: a heading is painted, the app follows the system's scheme, nothing is still loading.
      await expect(page.getByRole('heading').first(), route).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', route.startsWith('/reports/') || route.endsWith('/badges') || route.includes('/confirmation/') ? 'light' : scheme);
      await expect(page.getByLabel('Loading', { exact: true })).toHaveCount(0);
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE); // through the debugger protocol: the app's CSP rightly refuses inline scripts
      const results = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
        return axe.run(document, { resultTypes: ['violations'] });
      });
      for (const v of results.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') {
          findings.push({ route, scheme, rule: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} — ${n.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`) });
        }
      }
    }
  }
  fs.mkdirSync('test-results', { recursive: true });
  fs.writeFileSync('test-results/axe-findings.json', JSON.stringify(findings, null, 1));
  expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
});
