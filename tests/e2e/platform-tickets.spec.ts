import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { CORPUS } from '../helpers/corpus';
import { expect, planSeminar, screenshot, test } from './fixtures';

interface Reg {
  id: number;
  name: string;
  primaryEmail: string;
  state: string;
  ticket: { ticketType: string; codes: { kind: string; code: string }[] } | null;
}

/**
 * The corpus's Eventbrite attendee report with the `Barcode #` column newer exports add after
 * `Attendee #` (corpus/import/FORMATS.md §5.1): Eventbrite's barcode is the order #, the attendee #
 * and a three-digit suffix.
 */
function reportWithBarcodes(dir: string): { file: string; barcodeOf: Map<string, string> } {
  const text = fs.readFileSync(path.join(CORPUS, 'eventbrite-csv/eb2ez_attendee_report_custom_questions.csv'), 'utf8');
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const header = rows[0] as string[];
  const col = (name: string) => header.indexOf(name);
  const barcodeOf = new Map<string, string>();
  const out = rows.map((row, i) => {
    const copy = [...row];
    const barcode = i === 0 ? 'Barcode #' : `${row[col('Order #')]}${row[col('Attendee #')]}001`;
    if (i > 0) barcodeOf.set(row[col('Email')] as string, barcode);
    copy.splice(col('Attendee #') + 1, 0, barcode);
    return copy;
  });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'Attendees-1234567890.csv');
  fs.writeFileSync(file, Papa.unparse(out, { newline: '\r\n' }));
  return { file, barcodeOf };
}

test('an Eventbrite attendee report imported into a seminar: its barcode scanned at the table checks that attendee in; ticket type and answers show on the seminar page', async ({ page, station }) => {
  const seminarId = await planSeminar(station);
  const { file, barcodeOf } = reportWithBarcodes(test.info().outputPath());

  await page.goto(`${station.url}/#/seminars/${seminarId}`);
  await page.getByRole('button', { name: 'More seminar actions' }).click();
  await page.getByRole('menuitem', { name: /^Import attendees/ }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File to import' }).click();
  await (await chooser).setFiles(file);
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: 'Eventbrite attendees' })).toBeVisible();
  await preview.getByRole('button', { name: 'Import 3 people' }).click();
  await expect(page.getByRole('region', { name: 'Import finished' })).toContainText('3 people created');

  const registered = (await station.api<Reg[]>('registrations.list', { seminarId })).value;
  expect(registered).toHaveLength(3);
  const jane = registered.find((r) => r.primaryEmail === 'jdoe2@test2mail.com') as Reg;
  const barcode = barcodeOf.get('jdoe2@test2mail.com') as string;
  expect(jane.ticket?.codes).toContainEqual({ kind: 'barcode', code: barcode });

  // At the table: the scanner types the barcode's digits in a burst and ends with Enter.
  await page.goto(`${station.url}/#/seminars/${seminarId}/check-in`);
  const search = page.getByRole('combobox', { name: 'Find attendee' });
  await search.pressSequentially(barcode, { delay: 2 });
  await search.press('Enter');
  await expect(page.getByRole('status', { name: 'Last check-in' })).toContainText('Jane Doe is checked in');
  await expect
    .poll(async () => (await station.api<Reg[]>('registrations.list', { seminarId })).value.filter((r) => r.state === 'checked_in').map((r) => r.id))
    .toEqual([jane.id]);

  // A barcode cut short (a misread) checks in no one.
  const john = registered.find((r) => r.primaryEmail === 'jdoe1@test1mail.com') as Reg;
  const misread = (barcodeOf.get('jdoe1@test1mail.com') as string).slice(0, -2);
  await search.pressSequentially(misread, { delay: 2 });
  await search.press('Enter');
  const unknown = page.getByRole('alert', { name: 'Unknown ticket' });
  await expect(unknown).toContainText('No one here has this ticket');
  await expect(unknown).toContainText(misread);
  const states = (await station.api<Reg[]>('registrations.list', { seminarId })).value;
  expect(states.find((r) => r.id === john.id)?.state).toBe('registered');
  expect(states.filter((r) => r.state === 'checked_in').map((r) => r.id)).toEqual([jane.id]);

  // An answer on the form finds its registrant too, saying what matched; Enter alone checks no one in.
  await search.fill('city3');
  const listed = page.getByRole('listbox', { name: 'Attendees' }).getByRole('option');
  await expect(listed).toHaveCount(1);
  await expect(listed.first()).toHaveAccessibleName(/^Joe Bloggs Where are you located.*City3, CA/);
  await search.press('Enter');
  await expect(page.getByRole('status', { name: 'Table message' })).not.toBeEmpty();
  await page.setViewportSize({ width: 1024, height: 700 });
  await screenshot(page, 'checkin-answer-1024');
  await page.setViewportSize({ width: 1360, height: 860 });
  expect((await station.api<Reg[]>('registrations.list', { seminarId })).value.filter((r) => r.state === 'checked_in').map((r) => r.id)).toEqual([jane.id]);
  await search.fill('');

  // On the seminar page: the ticket type in the row, the form's answers in its details.
  await page.goto(`${station.url}/#/seminars/${seminarId}`);
  const table = page.getByRole('table', { name: 'Registrations' });
  const janeRow = table.getByRole('row').filter({ hasText: 'Jane Doe' });
  await expect(janeRow).toContainText('General Admission');
  await janeRow.getByRole('button', { name: 'Ticket details of Jane Doe' }).click();
  const details = page.getByRole('group', { name: 'Eventbrite details of Jane Doe' });
  await expect(details).toContainText('Are you a consultant?');
  await expect(details).toContainText('Where are you located (city+state or city+country)');
  await expect(details).toContainText('City2 CA');
  await expect(details).toContainText(barcode);
  await page.setViewportSize({ width: 1024, height: 700 });
  await details.scrollIntoViewIfNeeded();
  // At 1024 px the table with its details stays within the window.
  const right = await table.evaluate((el) => el.getBoundingClientRect().right);
  expect(right).toBeLessThanOrEqual(1024);
  await screenshot(page, 'seminar-ticket-details-1024');
});
