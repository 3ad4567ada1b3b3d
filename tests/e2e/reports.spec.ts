import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { extractText, getDocumentProxy } from 'unpdf';
import { DATABASE_FILE } from '../../electron/core/db/store';
import { expect, SCREENSHOTS, test, type Station } from './fixtures';

/** Prints the page as the app's print stylesheet lays it out; returns the text of each page. */
async function printedPages(page: Page, name: string): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  fs.writeFileSync(path.join(SCREENSHOTS, `${name}.pdf`), pdf);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  // NFKC: the CJK fonts map some ideographs to their compatibility forms (⾼ for 高) in the PDF's text.
  return (text as string[]).map((t) => t.normalize('NFKC').replace(/\s+/g, ' '));
}

/** Reads the store's file directly, as an independent check on what the reports say. */
function query<T>(station: Station, sql: string, ...args: unknown[]): T {
  const db = new Database(path.join(station.dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(sql).get(...args) as T;
  } finally {
    db.close();
  }
}

test('each report on the sample data prints to PDF with the store’s numbers', async ({ page, station }) => {
  await station.api('sample.load');

  // Rapport report: the stage mix and the ready / at-risk counts.
  await page.goto(`${station.url}/#/reports/rapport`);
  await expect(page.getByRole('table', { name: 'People by rapport score' }).getByRole('row').nth(320)).toBeAttached();
  const mix = query<{ people: number; clients: number; customers: number; prospects: number }>(
    station,
    "SELECT count(*) AS people, count(*) FILTER (WHERE stage = 'client') AS clients, count(*) FILTER (WHERE stage = 'customer') AS customers, count(*) FILTER (WHERE stage = 'prospect') AS prospects FROM people",
  );
  const ready = query<{ n: number }>(station, "SELECT count(*) AS n FROM people WHERE stage = 'customer' AND (test_yeses = 3 OR cultivate = 1)").n;
  const rapport = (await printedPages(page, 'report-rapport')).join(' ');
  expect(rapport).toContain('Rapport report');
  expect(rapport).toContain('Stage mix');
  // Figure labels print in capitals (a style), so the label is matched without case.
  expect(rapport).toMatch(new RegExp(`${mix.people} People`, 'i'));
  expect(rapport).toMatch(new RegExp(`${mix.clients} Clients`, 'i'));
  expect(rapport).toMatch(new RegExp(`${mix.customers} Customers`, 'i'));
  expect(rapport).toMatch(new RegExp(`${mix.prospects} Prospects`, 'i'));
  expect(rapport).toContain(`Client-to-customer ratio: ${(Math.round((mix.clients / mix.customers) * 100) / 100).toFixed(2)} clients per customer`);
  expect(rapport).toContain(`Ready to become clients (${ready})`);

  // Intimacy report: the measure, from the file.
  await page.goto(`${station.url}/#/reports/intimacy`);
  await expect(page.getByRole('table', { name: 'Best clients' })).toBeVisible();
  const intimacy = query<{ top: number; hosted: number }>(
    station,
    `WITH best AS (SELECT id FROM people WHERE stage = 'client' ORDER BY score DESC, sort_key, id LIMIT 20)
     SELECT count(*) AS top, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM occasion_guests g WHERE g.person_id = best.id AND g.state = 'attended')) AS hosted FROM best`,
  );
  const intimacyText = (await printedPages(page, 'report-intimacy')).join(' ');
  expect(intimacyText).toContain('Intimacy report');
  expect(intimacyText).toContain(`${intimacy.hosted} of your top ${intimacy.top} clients have been in your home`);
  expect(intimacyText).toContain('People hosted per month');

  // Seminar report: attendance of the past sample seminar.
  const seminar = query<{ id: number; registered: number; attended: number; noShows: number; walkIns: number }>(
    station,
    `SELECT s.id, count(*) FILTER (WHERE r.state <> 'cancelled') AS registered, count(*) FILTER (WHERE r.state = 'checked_in') AS attended,
       count(*) FILTER (WHERE r.state = 'no_show') AS noShows, count(*) FILTER (WHERE r.source = 'walk_in' AND r.state = 'checked_in') AS walkIns
     FROM seminars s JOIN registrations r ON r.seminar_id = s.id WHERE s.closed_at IS NOT NULL GROUP BY s.id`,
  );
  await page.goto(`${station.url}/#/reports/seminar/${seminar.id}`);
  await expect(page.getByRole('table', { name: 'Stage movement' })).toBeVisible();
  const seminarText = (await printedPages(page, 'report-seminar')).join(' ');
  expect(seminarText).toContain('Seminar report: Become a Master Networker');
  for (const [label, n] of [
    ['Registered', seminar.registered],
    ['Attended', seminar.attended],
    ['Walk-ins', seminar.walkIns],
    ['No-shows', seminar.noShows],
  ] as const) {
    expect(seminarText).toMatch(new RegExp(`${n} ${label}`, 'i'));
  }

  // Dossier of Ann Lee (Acme): one page, her standing and score as the store has them.
  const ann = query<{ id: number; score: number; stage: string }>(station, "SELECT id, score, stage FROM people WHERE given_name = 'Ann' AND organization LIKE 'Acme%'");
  await page.goto(`${station.url}/#/reports/dossier/${ann.id}`);
  await expect(page.getByRole('region', { name: 'Standing' })).toBeVisible();
  const dossier = await printedPages(page, 'report-dossier');
  expect(dossier).toHaveLength(1);
  expect(dossier[0]).toContain('Dossier: Ann Lee');
  expect(dossier[0]).toContain(`Rapport score ${ann.score}`);
  expect(dossier[0]).toContain('Client —');
  expect(dossier[0]).not.toContain('Home:'); // personal details stay out unless asked for
});

test('a 1,000-person rapport report repeats its header and table header on every page and never splits a row; its CSV parses back', async ({
  page,
  station,
}) => {
  test.setTimeout(120_000);
  await station.api('sample.load');
  const have = query<{ n: number }>(station, 'SELECT count(*) AS n FROM people').n;
  const families = ['Zimmermann', 'Ødegaard', 'Nguyễn', 'García', 'Kowalczyk', 'Brontë'];
  for (let i = have; i < 1000; i++) {
    await station.api('people.create', { givenName: `Guest${i}`, familyName: families[i % families.length], organization: 'Benchmark & Co' });
  }
  await page.goto(`${station.url}/#/reports/rapport`);
  const table = page.getByRole('table', { name: 'People by rapport score' });
  await expect(table.getByRole('row').nth(1000)).toBeAttached();
  const pages = await printedPages(page, 'report-rapport-1000');
  expect(pages.length).toBeGreaterThan(10);
  pages.forEach((text, i) => {
    expect(text, `page ${i + 1}`).toContain('Rapport report · Whole book');
    expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    if (i > 0 && i < pages.length - 2) expect(text, `page ${i + 1}`).toMatch(/Name Stage Score Test Rec\. Freq\. Home Adv\. Over\./);
  });
  // No split rows: every person's row (name through the score) is on exactly one page, whole.
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td')];
      const name = cells[0]?.querySelector('b')?.textContent ?? '';
      const organization = cells[0]?.querySelector('div')?.textContent ?? '';
      const rest = cells.slice(1, 10).map((td) => (td.textContent ?? '').trim());
      return [name, organization, ...rest].filter(Boolean).join(' ').replace(/\s+/g, ' ');
    }),
  );
  expect(rows).toHaveLength(1000);
  for (const row of rows) {
    const found = pages.filter((p) => p.includes(row));
    expect(found.length, `the row “${row}”`).toBe(1);
  }

  // CSV: parses back to the same rows, accents intact, byte-order mark present.
  const csv = await station.api<{ content: string; rows: number }>('reports.rapportCsv', { filter: {} });
  expect(csv.value.content.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(csv.value.content.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data).toHaveLength(1000);
  const names = await table.locator('tbody tr td:first-child b').allTextContents();
  expect(parsed.data.map((r) => r.Name)).toEqual(names);
  for (const accented of ['Ødegaard', 'Nguyễn', 'García', 'Brontë']) expect(parsed.data.some((r) => r.Name?.includes(accented))).toBe(true);
});
