import fs from 'node:fs';
import zlib from 'node:zlib';
import ICAL from 'ical.js';
import { extractImages, getDocumentProxy } from 'unpdf';
import { expect, screenshot, test } from './fixtures';

/** A small real PNG (48×48, a red square on white), written byte by byte so the test owns every bit of it. */
function squarePng(size = 48): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc(size * (1 + size * 3), 255);
  for (let y = 0; y < size; y++) {
    rows[y * (1 + size * 3)] = 0; // filter: none
    for (let x = 12; x < size - 12 && y >= 12 && y < size - 12; x++) rows.set([200, 30, 30], y * (1 + size * 3) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

test('a vCard with BDAY, ANNIVERSARY and PHOTO: the birthday on the agenda days ahead and in the ICS as a yearly event; the photo on the person page and the dossier PDF', async ({ page, station }) => {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toLocaleDateString('en-CA');
  const birthday = day(5);
  const anniversary = day(40);
  const photo = squarePng().toString('base64');
  const card = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'N:Geburtstag;Greta;;;',
    'FN:Greta Geburtstag',
    `BDAY:1985${birthday.slice(4)}`,
    `ANNIVERSARY:--${anniversary.slice(5, 7)}${anniversary.slice(8, 10)}`,
    // Folded at 74 characters, as phones write it.
    `PHOTO;ENCODING=b;TYPE=PNG:${(photo.match(/.{1,74}/g) ?? []).join('\r\n ')}`,
    'END:VCARD',
    '',
  ].join('\r\n');

  await page.goto(`${station.url}/#/people`);
  await page.getByRole('link', { name: 'Import…' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File to import' }).click();
  await (await chooser).setFiles({ name: 'greta.vcf', mimeType: 'text/vcard', buffer: Buffer.from(card) });
  await page.getByRole('region', { name: 'Preview' }).getByRole('button', { name: 'Import 1 person' }).click();
  await expect(page.getByRole('region', { name: 'Import finished' })).toBeVisible();

  // The agenda reminds of the birthday, which is 5 days ahead (reminded 7 days ahead by default); the anniversary, 40 days ahead, not yet.
  await page.goto(`${station.url}/#/agenda`);
  const reminders = page.getByRole('list', { name: 'Important dates coming up' });
  await expect(reminders.getByRole('listitem')).toHaveCount(1);
  await expect(reminders.getByRole('listitem')).toContainText('Greta Geburtstag: Birthday in 5 days');
  await expect(reminders.getByRole('listitem')).toContainText(`turns ${Number(birthday.slice(0, 4)) - 1985}`);
  await screenshot(page, 'agenda-dates');

  // The calendar file: read back by ical.js, the birthday repeats every year and next falls on its day.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export dates to calendar' }).click();
  const ics = fs.readFileSync(await (await download).path(), 'utf8');
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events.map((e) => e.summary).sort()).toEqual(['Anniversary: Greta Geburtstag', 'Birthday: Greta Geburtstag']);
  const bday = events.find((e) => e.summary.startsWith('Birthday')) as ICAL.Event;
  expect(bday.startDate.isDate).toBe(true);
  expect(bday.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=YEARLY');
  const occurrences = bday.iterator();
  let next = occurrences.next();
  while (next && next.toString() < day(0)) next = occurrences.next();
  expect(next?.toString()).toBe(birthday);

  // The person page shows the photo as it was in the card.
  await page.getByRole('link', { name: 'Greta Geburtstag' }).click();
  await expect(page.getByRole('heading', { name: 'Greta Geburtstag', level: 1 })).toBeVisible();
  const avatar = page.getByRole('img', { name: 'Photo of Greta Geburtstag' });
  await expect(avatar).toBeVisible();
  await expect(avatar).toHaveAttribute('src', `data:image/png;base64,${photo}`);
  await expect(page.getByRole('list', { name: 'Important dates' }).getByRole('listitem')).toHaveCount(2);
  await screenshot(page, 'person-photo');

  // The dossier prints it: the PDF holds the photo's pixels (beside what Chromium draws as images itself, such as soft edges).
  const id = new URL(page.url().replace('#/', '')).pathname.split('/').pop();
  await page.goto(`${station.url}/#/reports/dossier/${id}`);
  await expect(page.getByRole('img', { name: 'Photo of Greta Geburtstag' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Standing' })).toContainText('Birthday');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const images = await extractImages(await getDocumentProxy(new Uint8Array(pdf)), 1);
  const photos = images.filter((i) => i.width === 48 && i.height === 48);
  expect(photos).toHaveLength(1);
  const [image] = photos;
  // Red in the middle, white at the corner: it is this photo, not a placeholder.
  const pixel = (x: number, y: number) => Array.from(image?.data.slice((y * 48 + x) * (image?.channels ?? 3), (y * 48 + x) * (image?.channels ?? 3) + 3) ?? []);
  expect(pixel(24, 24)).toEqual([200, 30, 30]);
  expect(pixel(1, 1)).toEqual([255, 255, 255]);
});
