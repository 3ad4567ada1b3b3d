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

test('a printable registration confirmation shows the ticket and its QR code', async ({ page, station }) => {
  const person = await station.api<{ id: number }>('people.create', { givenName: 'Zoë', familyName: 'Núñez', organization: 'Acme' });
  const seminarId = await planSeminar(station, { venueName: 'Melhorn Manor', venueAddress: 'Mount Joy, PA' });
  await station.api('registrations.add', { seminarId, personIds: [person.value.id], mode: 'in_person' });
  const [reg] = (await station.api<{ ticketCode: string }[]>('registrations.list', { seminarId })).value;
  await page.goto(`${station.url}/#/seminars/${seminarId}`);
  await page.getByRole('link', { name: `Confirmation for Zoë Núñez, ticket ${reg?.ticketCode}` }).click();
  const confirmation = page.getByRole('article', { name: 'Registration confirmation' });
  await expect(confirmation).toContainText('Become a Master Networker');
  await expect(confirmation).toContainText('Melhorn Manor, Mount Joy, PA');
  await expect(confirmation.getByRole('img', { name: `Ticket ${reg?.ticketCode}` })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await page.pdf({ preferCSSPageSize: true }))), { mergePages: true });
  expect(text.normalize('NFC')).toContain('Zoë Núñez');
  expect(text).toContain(`Ticket ${reg?.ticketCode}`);
});
