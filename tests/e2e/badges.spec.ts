import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import fc from 'fast-check';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, planSeminar, screenshot, SCREENSHOTS, test } from './fixtures';

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

interface BadgeReg {
  id: number;
  name: string;
  ticketCode: string;
  mode: string;
  badgePrintedAt: string | null;
}

/** Boxes of one badge's parts as laid out on the page. */
async function badgeBoxes(page: Page, name: string) {
  const badge = page.getByRole('group', { name: `Badge of ${name}`, exact: true });
  const box = async (selector: string) => {
    const b = await badge.locator(selector).boundingBox();
    if (!b) throw new Error(`${selector} is not laid out on the badge of ${name.slice(0, 30)}…`);
    return b;
  };
  const overflow = await badge.locator('.badge-name').evaluate((el) => ({
    sw: el.scrollWidth,
    cw: el.clientWidth,
    sh: el.scrollHeight,
    ch: el.clientHeight,
    fit: (el as HTMLElement).dataset.fit ?? '',
  }));
  return { badge: await box(':scope'), name: await box('.badge-name'), org: await box('.badge-org'), role: await box('.badge-role'), qr: await box('svg'), code: await box('.badge-ticket'), overflow };
}

type Box = { x: number; y: number; width: number; height: number };
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The invariant of a badge: the name stays in its box, above the organization and clear of the QR and code; those stay on the badge. */
async function expectBadgeHolds(page: Page, name: string) {
  const b = await badgeBoxes(page, name);
  const what = `${name.length} characters: ${name.slice(0, 40)}… (${b.overflow.fit})`;
  for (const part of [b.name, b.org, b.role, b.qr, b.code]) expect(inside(part, b.badge), what).toBe(true);
  expect(b.name.y + b.name.height, what).toBeLessThanOrEqual(b.org.y + 0.5);
  expect(b.org.y + b.org.height, what).toBeLessThanOrEqual(b.role.y + 0.5);
  expect(overlaps(b.name, b.qr) || overlaps(b.name, b.code), what).toBe(false);
  expect(overlaps(b.role, b.qr), what).toBe(false);
  // Nothing of the name spills sideways; what does not fit on two lines is cut with an ellipsis, inside the box.
  expect(b.overflow.sw, what).toBeLessThanOrEqual(b.overflow.cw + 1);
  if (!b.overflow.fit.includes('cut')) expect(b.overflow.sh, what).toBeLessThanOrEqual(b.overflow.ch + 1);
}

const LONG_NAME = 'Maximiliana Evangelina Anastasiya Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh Montgomery-Smythe';

test('a 105-character name keeps the organization, role, QR and code on the badge; the stream gets none by default', async ({ page, station }) => {
  expect(LONG_NAME).toHaveLength(105);
  const long = await station.api<{ id: number }>('people.create', { displayName: LONG_NAME, organization: 'Lititz Craft Bakery', role: 'Head of Sourdough' });
  const streamer = await station.api<{ id: number }>('people.create', { givenName: 'Sam', familyName: 'Stream', organization: 'Far Away Inc.' });
  const seminarId = await planSeminar(station);
  await station.api('registrations.add', { seminarId, personIds: [long.value.id], mode: 'in_person' });
  await station.api('registrations.add', { seminarId, personIds: [streamer.value.id], mode: 'stream' });
  const regs = (await station.api<BadgeReg[]>('registrations.list', { seminarId })).value;
  const reg = regs.find((r) => r.name === LONG_NAME) as BadgeReg;

  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`${station.url}/#/seminars/${seminarId}`);
  await page.getByRole('button', { name: 'More seminar actions' }).click();
  await page.getByRole('menuitem', { name: 'Print badges' }).click();
  await expect(page.getByText('1 badge on 1 page')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Badge of Sam Stream' })).toHaveCount(0);
  await expectBadgeHolds(page, LONG_NAME);
  // The badges screen fits 1024 px: no sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await screenshot(page, 'badges-1024');

  await page.getByRole('combobox', { name: 'Badge layout' }).click();
  await page.getByRole('option', { name: /^Badge, 4 × 3 in/ }).click();
  await expectBadgeHolds(page, LONG_NAME);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  fs.writeFileSync(path.join(SCREENSHOTS, 'badge-long-name.pdf'), pdf);
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  expect(doc.numPages).toBe(1);
  // One badge per page: the page's text is the badge's.
  const { text } = await extractText(doc, { mergePages: false });
  const onBadge = (text[0] ?? '').replace(/\s+/g, ' ');
  expect(onBadge).toContain('Lititz Craft Bakery');
  expect(onBadge).toContain('Head of Sourdough');
  expect(onBadge).toContain(reg.ticketCode);
  expect(onBadge).toContain('Maximiliana');
  expect(onBadge).not.toContain('Sam Stream');

  // Everyone, live stream too: the stream registrant's badge comes when asked for.
  await page.getByRole('combobox', { name: 'Who gets a badge' }).click();
  await page.getByRole('option', { name: /^Everyone, live stream too \(2\)/ }).click();
  await expect(page.getByText('2 badges on 2 pages')).toBeVisible();
});

test('badge names of 1 to 200 generated characters never leave their box', async ({ page, station }) => {
  // BADGE_SEED replays a run; BADGE_RUNS asks for more names.
  const seed = Number(process.env.BADGE_SEED) || Date.now() % 1_000_000;
  const word = fc.stringMatching(/^[A-Za-zÀ-ÿĀ-ſ'’-]{1,40}$/);
  const generated = fc.sample(
    fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' ').slice(0, 200).trim() || 'X'),
    { numRuns: Number(process.env.BADGE_RUNS) || 8, seed },
  );
  // The edges as well: one letter, 200 letters without a space, 200 with, a 105-character name.
  const names = [...new Set(['Q', 'W'.repeat(200), `${'Ab '.repeat(66)}Ab`.slice(0, 200), LONG_NAME, ...generated])];
  const ids: number[] = [];
  for (const name of names) ids.push((await station.api<{ id: number }>('people.create', { displayName: name, organization: 'Acme Print & Sign of Lancaster County', role: 'Owner' })).value.id);
  const seminarId = await planSeminar(station);
  await station.api('registrations.add', { seminarId, personIds: ids, mode: 'in_person' });
  const listed = (await station.api<BadgeReg[]>('registrations.list', { seminarId })).value.map((r) => r.name);
  await page.goto(`${station.url}/#/seminars/${seminarId}/badges`);
  await expect(page.getByText(`${names.length} badges`)).toBeVisible();
  for (const name of listed) await test.step(`seed ${seed}: ${name.slice(0, 30)}`, () => expectBadgeHolds(page, name));
  await screenshot(page, 'badges-generated-names');
});

test('printing marks badges printed; “not yet printed” and the seminar page’s selection choose who', async ({ page, station }) => {
  const ids: number[] = [];
  for (const given of ['Ann', 'Bob', 'Cy', 'Di']) ids.push((await station.api<{ id: number }>('people.create', { givenName: given, familyName: 'Lee', organization: 'Acme' })).value.id);
  const seminarId = await planSeminar(station);
  await station.api('registrations.add', { seminarId, personIds: ids.slice(0, 3), mode: 'in_person' });
  await station.api('registrations.add', { seminarId, personIds: ids.slice(3), mode: 'stream' });

  // Two chosen on the seminar page, one of them on the stream: a selection is taken as it is.
  await page.goto(`${station.url}/#/seminars/${seminarId}`);
  const table = page.getByRole('table', { name: 'Registrations' });
  await table.getByRole('checkbox', { name: 'Select Ann Lee' }).check();
  await table.getByRole('checkbox', { name: 'Select Di Lee' }).check();
  await page.getByRole('link', { name: 'Print badges for 2 selected' }).click();
  await expect(page.getByText('2 badges on 1 page')).toBeVisible();
  await expect(page.getByRole('group', { name: /^Badge of / })).toHaveCount(2);
  await page.getByRole('button', { name: 'Print' }).click();
  await expect
    .poll(async () => (await station.api<BadgeReg[]>('registrations.list', { seminarId })).value.filter((r) => r.badgePrintedAt !== null).map((r) => r.name).sort())
    .toEqual(['Ann Lee', 'Di Lee']);

  await page.getByRole('combobox', { name: 'Who gets a badge' }).click();
  await page.getByRole('option', { name: /^In person, not yet printed \(2\)/ }).click();
  await expect(page.getByRole('group', { name: /^Badge of / })).toHaveText([/Bob Lee/, /Cy Lee/]);
});

test('“Print badge” at the check-in table prints that badge and returns to the table', async ({ page, station }) => {
  const ann = await station.api<{ id: number }>('people.create', { givenName: 'Ann', familyName: 'Lee', organization: 'Acme', role: 'Baker' });
  const seminarId = await planSeminar(station);
  await station.api('registrations.add', { seminarId, personIds: [ann.value.id], mode: 'in_person' });
  const [reg] = (await station.api<BadgeReg[]>('registrations.list', { seminarId })).value;
  await station.api('checkin.checkIn', { registrationId: reg?.id });
  await page.goto(`${station.url}/#/seminars/${seminarId}/badges?layout=badge&from=check-in&registration=${reg?.id}`);
  await expect(page.getByText('1 badge on 1 page')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Who gets a badge' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Print' }).click();
  await expect(page).toHaveURL(new RegExp(`#/seminars/${seminarId}/check-in$`));
  await expect(page.getByRole('combobox', { name: 'Find attendee' })).toBeVisible();
  expect((await station.api<BadgeReg[]>('registrations.list', { seminarId })).value[0]?.badgePrintedAt).not.toBeNull();
});
