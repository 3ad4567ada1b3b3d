import fs from 'node:fs';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, planSeminar, SCREENSHOTS, test } from './fixtures';

const GIVEN = ['Ann', 'José', 'Zoë', 'Małgorzata', 'Søren', 'Priya', 'Kwame', 'Thảo', 'Hélène', 'Björn'];
const FAMILY = ['Lee', 'Álvarez', 'Núñez'];

test('a batch badge sheet for 30 registrants prints to PDF with every name', async ({ page, station }) => {
  const ids: number[] = [];
  const names: string[] = [];
  for (const family of FAMILY) {
    for (const given of GIVEN) {
      ids.push((await station.api<{ id: number }>('people.create', { givenName: given, familyName: family, organization: 'Acme Print & Sign' })).value.id);
      names.push(`${given} ${family}`);
    }
  }
  const seminarId = await planSeminar(station);
  await station.api('registrations.add', { seminarId, personIds: ids, mode: 'in_person' });

  await page.goto(`${station.url}/#/seminars/${seminarId}`);
  await page.getByRole('button', { name: 'More seminar actions' }).click();
  await page.getByRole('menuitem', { name: 'Print badges' }).click();
  await expect(page.getByText('30 badges on 5 pages')).toBeVisible();
  await expect(page.getByRole('img', { name: /^Ticket / })).toHaveCount(30);

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  fs.writeFileSync(path.join(SCREENSHOTS, 'badges-letter.pdf'), pdf);

  const doc = await getDocumentProxy(new Uint8Array(pdf));
  expect(doc.numPages).toBe(5);
  const { text } = await extractText(doc, { mergePages: true });
  const plain = text.normalize('NFC').replace(/\s+/g, ' ');
  for (const name of names) expect(plain).toContain(name.normalize('NFC'));
  expect(plain).not.toContain('Back to seminar'); // the toolbar stays off paper
});
