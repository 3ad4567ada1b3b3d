import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CORPUS } from '../helpers/corpus';
import { expect, screenshot, test } from './fixtures';

/** Chooses a file the way a person does: the file picker opened from the labelled field. */
async function chooseFile(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File to import' }).click();
  await (await chooser).setFiles(path.join(CORPUS, file));
}

interface Listed {
  total: number;
  items: { id: number; name: string; organization: string }[];
}

test('import LinkedIn connections and a vCard file through the wizard with one duplicate merged, undo an import, restore from the backup before the first', async ({ page, station }) => {
  await station.api('people.create', { givenName: 'Æsop', familyName: 'Fontaine', emails: [{ label: 'Work', address: 'aesop@example.com' }] });
  await page.goto(`${station.url}/#/people`);
  await page.getByRole('link', { name: 'Import…' }).click();

  await chooseFile(page, 'linkedin-csv/kawsay_Connections.csv');
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: 'LinkedIn Connections' })).toBeVisible();
  await expect(preview.getByRole('combobox', { name: 'Character encoding' })).toHaveValue('UTF-8');
  const rows = preview.getByRole('table', { name: 'Rows as they will be imported' });
  await expect(rows.getByRole('row', { name: /José García Acme, Inc\./ })).toBeVisible();
  const matches = preview.getByRole('table', { name: 'Matches' });
  await expect(matches.getByRole('row')).toHaveCount(2);
  await expect(matches).toContainText('same email');
  // Skip every match except the one chosen: Æsop is merged into the book's Æsop.
  await preview.getByRole('combobox', { name: 'For every match' }).click();
  await page.getByRole('option', { name: 'Skip' }).click();
  await preview.getByRole('combobox', { name: 'For line 6, Æsop Fontaine' }).click();
  await page.getByRole('option', { name: 'Merge' }).click();
  await screenshot(page, 'import-preview');
  await preview.getByRole('button', { name: 'Import 2 people' }).click();
  const finished = page.getByRole('region', { name: 'Import finished' });
  await expect(finished).toContainText('1 person created, 1 merged, 0 skipped, 0 rejected');
  const aesop = (await station.api<Listed>('people.list', { query: 'aesop' })).value.items;
  expect(aesop).toEqual([expect.objectContaining({ name: 'Æsop Fontaine', organization: 'Globex' })]);

  await finished.getByRole('button', { name: 'Import another file' }).click();
  await chooseFile(page, 'vcard/folkerkinzel_v3_google_empty_labels.vcf');
  await expect(preview.getByRole('heading', { name: 'vCard 3.0' })).toBeVisible();
  const problems = preview.getByRole('list', { name: 'Problems by line' });
  await expect(problems).toContainText('Line 20: “blablö@blub.com” is not an email address; left out.');
  const importButton = preview.getByRole('button', { name: 'Import 2 people' });
  await expect(importButton).toBeDisabled();
  await preview.getByRole('checkbox', { name: /Import the 2 people that can be read/ }).check();
  await importButton.click();
  await expect(finished).toContainText('2 people created, 0 merged');
  await screenshot(page, 'import-finished');
  expect((await station.api<Listed>('people.list', {})).value.total).toBe(4);

  // Undo the LinkedIn import from the history: José leaves, Æsop gets his details back.
  await finished.getByRole('button', { name: 'Import another file' }).click();
  const history = page.getByRole('table', { name: 'Past imports list' });
  await history.getByRole('button', { name: 'Undo the import of kawsay_Connections.csv' }).click();
  await expect(page.getByRole('dialog', { name: 'Undo this import?' })).toContainText('stays as it is');
  await screenshot(page, 'import-undo-dialog');
  await page.getByRole('dialog', { name: 'Undo this import?' }).getByRole('button', { name: 'Undo import' }).click();
  await expect(page.getByText('Import undone')).toBeVisible();
  await expect(history.getByRole('row', { name: /kawsay_Connections\.csv/ })).toContainText('Undone');
  const afterUndo = (await station.api<Listed>('people.list', {})).value.items;
  expect(afterUndo.map((p) => p.name).sort()).toEqual(['Folker Kinzel', 'KMS Außenstelle', 'Æsop Fontaine'].sort());
  expect(afterUndo.find((p) => p.name === 'Æsop Fontaine')?.organization).toBe('');

  // Restore the backup taken before the first import: only the book's own Æsop is left.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const backups = page.getByRole('region', { name: 'Backups' }).getByRole('table', { name: 'Backup list' });
  const beforeImports = backups.getByRole('row', { name: /Before an import/ });
  await expect(beforeImports).toHaveCount(2);
  await beforeImports.last().getByRole('button', { name: /Restore the backup of/ }).click();
  await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore backup' }).click();
  await expect(page.getByText('Book restored')).toBeVisible();
  expect((await station.api<Listed>('people.list', {})).value.items.map((p) => p.name)).toEqual(['Æsop Fontaine']);
});

test('likely duplicates are offered from the People list and merged field by field', async ({ page, station }) => {
  await station.api('people.create', { givenName: 'Ann', familyName: 'Lee', organization: 'Acme', emails: [{ label: '', address: 'ann@acme.com' }] });
  await station.api('people.create', { givenName: 'Ann', familyName: 'Lee-Park', role: 'Owner', emails: [{ label: '', address: 'ANN@acme.com' }] });
  await page.goto(`${station.url}/#/people`);
  await page.getByRole('link', { name: 'Likely duplicates' }).click();
  await page.getByRole('link', { name: 'Review and merge Ann Lee and Ann Lee-Park' }).click();
  const fields = page.getByRole('table', { name: 'Fields to choose' });
  await fields.getByRole('radiogroup', { name: 'Name' }).getByRole('radio', { name: 'Ann Lee-Park' }).check();
  await screenshot(page, 'merge-two-people');
  await page.getByRole('button', { name: 'Merge into one' }).click();
  await expect(page.getByRole('heading', { name: 'Ann Lee-Park', level: 1 })).toBeVisible();
  const people = (await station.api<Listed & { items: { role: string }[] }>('people.list', {})).value.items;
  expect(people).toEqual([expect.objectContaining({ name: 'Ann Lee-Park', organization: 'Acme', role: 'Owner' })]);
  const backups = (await station.api<{ reason: string }[]>('backups.list')).value;
  expect(backups.map((b) => b.reason)).toContain('before-merge');
});

test('a long import shows its progress and can be cancelled, leaving the book as it was', async ({ page, station }, testInfo) => {
  const file = testInfo.outputPath('big-list.csv');
  const rows = ['First Name,Last Name,Email'];
  for (let i = 0; i < 40_000; i++) rows.push(`Guest${i},Family${i % 1000},guest${i}@example.com`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, rows.join('\r\n'));
  await page.goto(`${station.url}/#/import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File to import' }).click();
  await (await chooser).setFiles(file);
  const preview = page.getByRole('region', { name: 'Preview' });
  await preview.getByRole('button', { name: 'Import 40,000 people' }).click();
  await expect(preview.getByText(/^Importing 40,000 people: [1-9]\d*%$/)).toBeVisible();
  await expect(preview.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await preview.getByRole('button', { name: 'Cancel import' }).click();
  await expect(preview.getByRole('alert')).toHaveText('The import was cancelled; nothing was imported.');
  expect((await station.api<{ total: number }>('people.list', {})).value.total).toBe(0);
  expect((await station.api<unknown[]>('imports.list')).value).toEqual([]);
});
