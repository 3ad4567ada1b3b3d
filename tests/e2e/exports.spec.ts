import fs from 'node:fs';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { expect, test } from './fixtures';

/**
 * Settings → Export, as a person uses it (issue 16): the files it downloads are read by independent
 * parsers with a phone's kinds and the Rapport-only fields in them, and the CSV goes back in through
 * the import screen as Rapport's own layout.
 */
test('people exported as CSV and vCard keep phone kinds and how we met; the CSV imports back as Rapport’s own layout', async ({ page, station }, testInfo) => {
  await station.api('people.create', {
    givenName: 'Greta',
    familyName: 'Berg',
    emails: [{ label: 'Work', address: 'greta@berg.example' }],
    phones: [
      { label: 'Assistant', number: '+49 30 1234567', kinds: ['work', 'fax'] },
      { label: '', number: '+49 171 2345678', kinds: ['mobile'] },
    ],
    tags: ['Sales; EMEA', 'Board'],
    howWeMet: 'Seated together at the Berlin seminar',
  });
  await page.goto(`${station.url}/#/settings`);
  const exportCard = page.getByRole('region', { name: 'Export' });

  const vcardDownload = page.waitForEvent('download');
  await exportCard.getByRole('button', { name: 'People as vCard' }).click();
  const vcard = fs.readFileSync((await (await vcardDownload).path()) as string, 'utf8');
  const card = new ICAL.Component(ICAL.parse(vcard) as never);
  expect(card.getAllProperties('tel').map((t) => [t.getFirstValue(), t.getParameter('type')])).toEqual([
    ['+49 30 1234567', ['work', 'fax']],
    ['+49 171 2345678', 'cell'],
  ]);
  expect(card.getFirstPropertyValue('x-rapport-how-we-met')).toBe('Seated together at the Berlin seminar');

  const csvDownload = page.waitForEvent('download');
  await exportCard.getByRole('button', { name: 'People as CSV' }).click();
  const csvFile = testInfo.outputPath('people.csv');
  await (await csvDownload).saveAs(csvFile);
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(csvFile, 'utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data[0]).toMatchObject({ Phones: '+49 30 1234567; +49 171 2345678', 'Phone kinds': 'work fax; mobile', Tags: 'Board; Sales\\; EMEA' });

  // Back in: recognised as Rapport's layout, Greta found by her email, and kept apart here to see her come in whole.
  await page.goto(`${station.url}/#/import`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File to import' }).click();
  await (await chooser).setFiles(csvFile);
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: 'Rapport people export' })).toBeVisible();
  await expect(preview.getByRole('table', { name: 'Matches' })).toContainText('same email');
  await preview.getByRole('combobox', { name: 'For every match' }).click();
  await page.getByRole('option', { name: 'Create anyway' }).click();
  await preview.getByRole('button', { name: 'Import 1 person' }).click();
  await expect(page.getByRole('region', { name: 'Import finished' })).toContainText('1 person created');
  const people = (await station.api<{ items: { id: number }[] }>('people.list', { query: 'greta' })).value.items;
  expect(people).toHaveLength(2);
  const copies = await Promise.all(people.map(async (p) => (await station.api<Record<string, unknown>>('people.get', { id: p.id })).value));
  // A phone without a label of its own comes back labelled by its kinds ("Mobile"): numbers and kinds are what must not change.
  const comparable = (p: Record<string, unknown>) => ({
    emails: p.emails,
    phones: (p.phones as { number: string; kinds: string[] }[]).map((ph) => ({ number: ph.number, kinds: ph.kinds })),
    tags: p.tags,
    howWeMet: p.howWeMet,
  });
  expect(comparable(copies[1] as Record<string, unknown>)).toEqual(comparable(copies[0] as Record<string, unknown>));
});
