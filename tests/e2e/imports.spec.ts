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

/** Picks what a column holds in the mapping step, the way a person does: open its list, choose the words. */
async function mapColumn(page: Page, column: string, field: string) {
  const columns = page.getByRole('table', { name: 'Column mapping' });
  await columns.getByRole('combobox', { name: column }).click();
  await page.getByRole('option', { name: field, exact: true }).click();
  await expect(columns.getByRole('combobox', { name: column })).toHaveValue(field);
}

function writeFile(path_: string, text: string) {
  fs.mkdirSync(path.dirname(path_), { recursive: true });
  fs.writeFileSync(path_, text);
}

test('a CSV without a header row is mapped column by column and imported; the person page shows the fax as a fax', async ({ page, station }, testInfo) => {
  const file = testInfo.outputPath('guests.csv');
  writeFile(file, 'Lee,Ann,ann.lee@example.com,+1 717 555 0100,Acme Tools\r\nOde,Ben,ben.ode@example.org,+1 717 555 0200,Globex\r\n');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`${station.url}/#/import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File to import' }).click();
  await (await chooser).setFiles(file);

  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: 'CSV without column names' })).toBeVisible();
  const columns = preview.getByRole('region', { name: 'Columns' });
  await expect(columns.getByRole('checkbox', { name: 'The first row names the columns' })).not.toBeChecked();
  // Each column is shown with its first values; Rapport suggests from them.
  const mapping = columns.getByRole('table', { name: 'Column mapping' });
  await expect(mapping.getByRole('row', { name: /Column 1 Lee · Ode/ })).toBeVisible();
  await expect(mapping.getByRole('combobox', { name: 'Column 3 (“ann.lee@example.com”)' })).toHaveValue('Email');
  await expect(mapping.getByRole('combobox', { name: 'Column 1 (“Lee”)' })).toHaveValue('Full name');

  // The owner says what each holds.
  await mapColumn(page, 'Column 1 (“Lee”)', 'Last name');
  await mapColumn(page, 'Column 2 (“Ann”)', 'First name');
  await mapColumn(page, 'Column 4 (“+1 717 555 0100”)', 'Fax');
  await mapColumn(page, 'Column 5 (“Acme Tools”)', 'Organization');
  const rows = preview.getByRole('table', { name: 'Rows as they will be imported' });
  await expect(rows.getByRole('row', { name: /Ann Lee Acme Tools ann\.lee@example\.com/ })).toBeVisible();
  await screenshot(page, 'import-mapping-1024');

  // Saying the first row names the columns reads them as names, and back.
  await columns.getByRole('checkbox', { name: 'The first row names the columns' }).check();
  await expect(mapping.getByRole('combobox', { name: 'Column “Lee”' })).toBeVisible();
  await columns.getByRole('checkbox', { name: 'The first row names the columns' }).uncheck();
  await expect(mapping.getByRole('combobox', { name: 'Column 1 (“Lee”)' })).toBeVisible();
  await mapColumn(page, 'Column 1 (“Lee”)', 'Last name');
  await mapColumn(page, 'Column 2 (“Ann”)', 'First name');
  await mapColumn(page, 'Column 4 (“+1 717 555 0100”)', 'Fax');
  await mapColumn(page, 'Column 5 (“Acme Tools”)', 'Organization');

  await preview.getByRole('button', { name: 'Import 2 people' }).click();
  await expect(page.getByRole('region', { name: 'Import finished' })).toContainText('2 people created, 0 merged');
  const ann = (await station.api<Listed>('people.list', { query: 'ann lee' })).value.items;
  expect(ann).toEqual([expect.objectContaining({ name: 'Ann Lee', organization: 'Acme Tools' })]);

  await page.goto(`${station.url}/#/people/${ann[0]?.id}`);
  await expect(page.getByRole('heading', { name: 'Ann Lee', level: 1 })).toBeVisible();
  const fax = page.getByRole('link', { name: '+1 717 555 0100' });
  await expect(fax).toHaveAttribute('href', 'tel:+17175550100');
  await expect(fax.locator('xpath=..')).toContainText('Fax');
  await fax.scrollIntoViewIfNeeded();
  await screenshot(page, 'person-fax-1024');
});

test('a CSV headed in another language is mapped by hand, and the next file with those columns opens as mapped', async ({ page, station }, testInfo) => {
  const header = 'Ad,Soyad,E-posta,Cep,Şirket';
  const first = testInfo.outputPath('katilimcilar.csv');
  writeFile(first, `${header}\r\nAyşe,Yılmaz,ayse@example.com.tr,+90 532 123 4567,Kuzey Ltd\r\nMehmet,Demir,mehmet@example.com.tr,+90 533 765 4321,Güney AŞ\r\n`);
  const second = testInfo.outputPath('katilimcilar-2.csv');
  writeFile(second, `${header}\r\nElif,Kaya,elif@example.com.tr,+90 535 111 2233,Batı AŞ\r\n`);
  await page.goto(`${station.url}/#/import`);
  const choose = async (file: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'File to import' }).click();
    await (await chooser).setFiles(file);
  };
  await choose(first);
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: 'Other CSV' })).toBeVisible();
  await expect(preview.getByRole('checkbox', { name: 'The first row names the columns' })).toBeChecked();
  await mapColumn(page, 'Column “Ad”', 'First name');
  await mapColumn(page, 'Column “Soyad”', 'Last name');
  await mapColumn(page, 'Column “Cep”', 'Mobile phone');
  await mapColumn(page, 'Column “Şirket”', 'Organization');
  await expect(preview.getByRole('table', { name: 'Rows as they will be imported' }).getByRole('row', { name: /Ayşe Yılmaz Kuzey Ltd/ })).toBeVisible();
  await preview.getByRole('button', { name: 'Import 2 people' }).click();
  const finished = page.getByRole('region', { name: 'Import finished' });
  await expect(finished).toContainText('2 people created, 0 merged');

  await finished.getByRole('button', { name: 'Import another file' }).click();
  await choose(second);
  await expect(preview.getByText('As you mapped these columns last time.')).toBeVisible();
  await expect(preview.getByRole('combobox', { name: 'Column “Cep”' })).toHaveValue('Mobile phone');
  await preview.getByRole('button', { name: 'Import 1 person' }).click();
  await expect(finished).toContainText('1 person created');
  const elif = (await station.api<Listed>('people.list', { query: 'elif' })).value.items;
  expect(elif).toEqual([expect.objectContaining({ name: 'Elif Kaya', organization: 'Batı AŞ' })]);
  const person = await station.api<{ phones: { number: string; kinds: string[] }[] }>('people.get', { id: elif[0]?.id });
  expect(person.value.phones).toEqual([expect.objectContaining({ number: '+90 535 111 2233', kinds: ['mobile'] })]);
});
