import { expect, planSeminar, screenshot, test, type Station } from './fixtures';

interface Reg {
  id: number;
  personId: number;
  name: string;
  ticketCode: string;
  state: string;
  source: string;
  note: string;
}

async function door(station: Station, people: [string, string, string?][], extra: Record<string, unknown> = {}) {
  const ids: number[] = [];
  for (const [givenName, familyName, organization = ''] of people) ids.push((await station.api<{ id: number }>('people.create', { givenName, familyName, organization })).value.id);
  const seminarId = await planSeminar(station, extra);
  await station.api('registrations.add', { seminarId, personIds: ids, mode: 'in_person' });
  const regs = (await station.api<Reg[]>('registrations.list', { seminarId })).value;
  return { seminarId, ids, regs };
}

const listOf = async (station: Station, seminarId: number) => (await station.api<Reg[]>('registrations.list', { seminarId })).value;
const stateOf = async (station: Station, seminarId: number, name: string) => (await listOf(station, seminarId)).find((r) => r.name === name)?.state;

test('the panel follows the person looked up: orange takes the note, red names the unknown code, green checks in', async ({ page, station }) => {
  const { seminarId } = await door(station, [
    ['Ann', 'Lee', 'Acme'],
    ['Bo', 'Chen', 'Initech'],
  ]);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`${station.url}/#/seminars/${seminarId}/check-in`);
  const find = page.getByRole('combobox', { name: 'Find attendee' });
  const panel = page.getByRole('status', { name: 'Last check-in' });

  await find.pressSequentially('ann lee');
  await find.press('Enter');
  await expect(panel).toContainText('Ann Lee is checked in');
  await expect(panel).toHaveAttribute('data-tone', 'in');
  await screenshot(page, 'door-1024-green');

  await find.pressSequentially('bo chen');
  await find.press('Enter');
  await expect(panel).toContainText('Bo Chen is checked in');

  // Looking Ann up again: she is already in, and the panel — and its note field — are hers now.
  await find.pressSequentially('ann');
  await find.press('Enter');
  await expect(panel).toHaveAttribute('data-tone', 'already');
  await expect(panel).toContainText(/Ann Lee is already checked in at \d/);
  await screenshot(page, 'door-1024-orange');
  await page.keyboard.press('Alt+N');
  await expect(page.getByLabel('Note about Ann Lee')).toBeFocused();
  await page.keyboard.type('wants to talk about referrals');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status', { name: 'Table message' })).toContainText('Note about Ann Lee kept');
  const regs = await listOf(station, seminarId);
  expect(regs.find((r) => r.name === 'Ann Lee')?.note).toBe('wants to talk about referrals');
  expect(regs.find((r) => r.name === 'Bo Chen')?.note).toBe('');

  // A ticket that is no one's: red, with the code read, and the green panel gone.
  await find.focus();
  await find.pressSequentially('9ZZZ-ZZZZ');
  await find.press('Enter');
  const unknown = page.getByRole('alert', { name: 'Unknown ticket' });
  await expect(unknown).toContainText('No one here has this ticket');
  await expect(unknown).toContainText('9ZZZ-ZZZZ');
  await expect(panel).toHaveCount(0);
  await screenshot(page, 'door-1024-red');
  expect((await listOf(station, seminarId)).filter((r) => r.state === 'checked_in')).toHaveLength(2);
});

test('Alt+U walks back three check-ins in reverse order; an undone walk-in leaves no registration and no person', async ({ page, station }) => {
  const { seminarId } = await door(station, [
    ['Ann', 'Lee'],
    ['Bo', 'Chen'],
    ['Carmen', 'Núñez'],
  ]);
  await page.goto(`${station.url}/#/seminars/${seminarId}/check-in`);
  const find = page.getByRole('combobox', { name: 'Find attendee' });
  for (const name of ['ann lee', 'bo chen', 'carmen nunez']) {
    await find.pressSequentially(name);
    await find.press('Enter');
    await expect(find).toHaveValue('');
    await expect(page.getByRole('status', { name: 'Last check-in' })).toContainText('is checked in');
  }
  const undone: string[] = [];
  for (const name of ['Carmen Núñez', 'Bo Chen', 'Ann Lee']) {
    await page.keyboard.press('Alt+U');
    await expect(page.getByText(`Check-in of ${name} undone.`)).toBeVisible();
    await expect.poll(() => stateOf(station, seminarId, name)).toBe('registered');
    undone.push(name);
  }
  expect(undone).toEqual(['Carmen Núñez', 'Bo Chen', 'Ann Lee']);
  await page.keyboard.press('Alt+U');
  await expect(page.getByRole('status', { name: 'Table message' })).toContainText('Nothing to undo');

  // A walk-in of a newcomer, then undone: no registration, no person, nothing cancelled.
  const peopleBefore = (await station.api<{ total: number }>('people.list', {})).value.total;
  await find.pressSequentially('Nia Mensah');
  await page.keyboard.press('Alt+W');
  const walkIn = page.getByRole('dialog', { name: 'Walk-in' });
  await expect(walkIn.getByLabel('Given name')).toHaveValue('Nia');
  await expect(walkIn.getByLabel('Family name')).toHaveValue('Mensah');
  await walkIn.getByRole('button', { name: 'Save and check in' }).click();
  await expect(page.getByRole('status', { name: 'Last check-in' })).toContainText('Nia Mensah is checked in');
  expect((await station.api<{ total: number }>('people.list', {})).value.total).toBe(peopleBefore + 1);
  await page.keyboard.press('Alt+U');
  await expect(page.getByText('Walk-in of Nia Mensah undone; they are no longer in your book.')).toBeVisible();
  await expect.poll(async () => (await station.api<{ total: number }>('people.list', {})).value.total).toBe(peopleBefore);
  const after = await listOf(station, seminarId);
  expect(after.map((r) => r.name)).not.toContain('Nia Mensah');
  expect(after.filter((r) => r.state === 'cancelled')).toEqual([]);
});

test('the walk-in guard: Enter with a candidate shown creates nobody; Bob Baker finds Robert Baker', async ({ page, station }) => {
  const { seminarId } = await door(station, [['Ann', 'Lee']]);
  const robert = (await station.api<{ id: number }>('people.create', { givenName: 'Robert', familyName: 'Baker', organization: 'Ibáñez & Peña Arquitectos' })).value.id;
  await station.api('people.create', { givenName: 'Verónica', familyName: 'Álvarez', organization: 'Globex', emails: [{ address: 'vero@globex.example' }] });
  await station.api('registrations.add', { seminarId, personIds: [robert], mode: 'in_person' });
  const peopleBefore = (await station.api<{ total: number }>('people.list', {})).value.total;
  await page.goto(`${station.url}/#/seminars/${seminarId}/check-in`);
  const find = page.getByRole('combobox', { name: 'Find attendee' });

  // At the door, "bob baker" matches no one as typed: Robert Baker is offered, not selected.
  await find.pressSequentially('bob baker');
  const offered = page.getByRole('group', { name: 'Did you mean' }).getByRole('option', { name: /Robert Baker/ });
  await expect(offered).toBeVisible();
  await expect(offered).toHaveAttribute('aria-selected', 'false');
  await expect(offered).toContainText('Bob is a form of Robert');
  await find.press('Enter');
  await expect(page.getByRole('status', { name: 'Table message' })).toContainText('Did you mean');
  expect(await stateOf(station, seminarId, 'Robert Baker')).toBe('registered');
  await find.press('ArrowDown');
  await expect(offered).toHaveAttribute('aria-selected', 'true');
  await find.press('Enter');
  await expect(page.getByRole('status', { name: 'Last check-in' })).toContainText('Robert Baker is checked in');

  // A walk-in typed as someone already in the book: Enter in a field creates no one.
  await page.keyboard.press('Alt+W');
  const walkIn = page.getByRole('dialog', { name: 'Walk-in' });
  await walkIn.getByLabel('Given name').fill('Veronica');
  await walkIn.getByLabel('Family name').fill('Alvarez');
  await walkIn.getByLabel('Family name').press('Enter');
  await expect(walkIn.getByRole('region', { name: 'Already in your book?' })).toContainText('Verónica Álvarez');
  await walkIn.getByLabel('Family name').press('Enter');
  await walkIn.getByLabel('Given name').press('Enter');
  expect((await station.api<{ total: number }>('people.list', {})).value.total).toBe(peopleBefore);
  await expect(walkIn.getByRole('button', { name: 'New person anyway' })).toBeVisible();

  // A given-name variant at the walk-in: Bob Baker is offered as Robert Baker with the reason.
  await walkIn.getByLabel('Given name').fill('Bob');
  await walkIn.getByLabel('Family name').fill('Baker');
  await expect(walkIn.getByRole('region', { name: 'Already in your book?' })).toContainText('Bob is a form of Robert');
  await walkIn.getByLabel('Family name').press('Enter');
  expect((await station.api<{ total: number }>('people.list', {})).value.total).toBe(peopleBefore);
});

test('after a check-in at 1024×700, ↓ selects a row the volunteer can see', async ({ page, station }) => {
  const people: [string, string, string][] = Array.from({ length: 40 }, (_, i) => [`Guest${String(i).padStart(2, '0')}`, 'Example', `Company ${i}`]);
  const { seminarId } = await door(station, people, { capacity: 30 });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`${station.url}/#/seminars/${seminarId}/check-in`);
  const find = page.getByRole('combobox', { name: 'Find attendee' });
  await find.pressSequentially('guest07');
  await find.press('Enter');
  await expect(page.getByRole('status', { name: 'Last check-in' })).toContainText('Guest07 Example is checked in');
  for (let i = 0; i < 12; i++) await find.press('ArrowDown');
  const selected = page.getByRole('option', { selected: true });
  await expect(selected).toHaveCount(1);
  await expect(selected).toBeInViewport();
  const list = await page.locator('#attendee-list').boundingBox();
  const row = await selected.boundingBox();
  if (!list || !row) throw new Error('the list or its selected row has no box');
  expect(list.height).toBeGreaterThan(250);
  // Wholly inside the list's scrolled view (a pixel of rounding aside).
  expect(row.y).toBeGreaterThanOrEqual(list.y - 1);
  expect(row.y + row.height).toBeLessThanOrEqual(list.y + list.height + 1);
  await screenshot(page, 'door-1024-after-checkin-arrow-down');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(1024);
});

test('when Rapport cannot be reached the table says so, checks no one in, and recovers by itself', async ({ page, station }) => {
  const { seminarId } = await door(station, [
    ['Ann', 'Lee'],
    ['Bo', 'Chen'],
  ]);
  await page.goto(`${station.url}/#/seminars/${seminarId}/check-in`);
  const find = page.getByRole('combobox', { name: 'Find attendee' });
  await expect(page.getByRole('option')).toHaveCount(2);

  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await find.pressSequentially('bo chen');
  await find.press('Enter');
  await expect(page.getByRole('alert', { name: 'Not connected' })).toContainText('Retrying');
  expect(await stateOf(station, seminarId, 'Bo Chen')).toBe('registered');

  // The same text, once Rapport answers again: the Enter that waited for its list acts on it.
  await page.unroute('**/api/**');
  await expect(page.getByRole('status', { name: 'Last check-in' })).toContainText('Bo Chen is checked in', { timeout: 20_000 });
  await expect(page.getByRole('alert', { name: 'Not connected' })).toHaveCount(0);
  expect(await stateOf(station, seminarId, 'Ann Lee')).toBe('registered');

  // A paste far longer than any name is read in part and said so, never a blank list.
  await find.fill(`ann ${'x'.repeat(400)}`);
  await expect(find).toHaveAccessibleDescription(/Only the first 200 characters are searched/);
  await expect(page.getByRole('listbox', { name: 'Attendees' })).toContainText('No registrant matches');
});

test('printing one badge from the table comes back to the same panel and undo', async ({ page, station }) => {
  const { seminarId } = await door(station, [
    ['Ann', 'Lee', 'Acme'],
    ['Bo', 'Chen'],
  ]);
  await page.goto(`${station.url}/#/seminars/${seminarId}/check-in`);
  const find = page.getByRole('combobox', { name: 'Find attendee' });
  for (const name of ['bo chen', 'ann lee']) {
    await find.pressSequentially(name);
    await find.press('Enter');
    await expect(find).toHaveValue('');
  }
  const panel = page.getByRole('status', { name: 'Last check-in' });
  await expect(panel).toContainText('Ann Lee is checked in');
  await panel.getByRole('link', { name: 'Print badge' }).click();
  await expect(page.getByText('1 badge on 1 page')).toBeVisible();
  await page.getByRole('button', { name: 'Print' }).click();
  await expect(page).toHaveURL(new RegExp(`#/seminars/${seminarId}/check-in$`));
  await expect(panel).toContainText('Ann Lee is checked in');
  await page.keyboard.press('Alt+U');
  await expect(page.getByText('Check-in of Ann Lee undone.')).toBeVisible();
  await page.keyboard.press('Alt+U');
  await expect(page.getByText('Check-in of Bo Chen undone.')).toBeVisible();
  await expect.poll(async () => (await listOf(station, seminarId)).filter((r) => r.state === 'checked_in')).toEqual([]);
});

test('tickets scanned back to back, faster than each answer, are all checked in and all on the undo stack', async ({ page, station }) => {
  const { seminarId, regs } = await door(station, [
    ['Ann', 'Lee'],
    ['Bo', 'Chen'],
    ['Carmen', 'Núñez'],
  ]);
  await page.goto(`${station.url}/#/seminars/${seminarId}/check-in`);
  const find = page.getByRole('combobox', { name: 'Find attendee' });
  await expect(page.getByRole('option')).toHaveCount(3);
  // A scanner: each code in one burst and Enter, the next one straight after — while the hub is
  // slow: no search is answered until all three were sent, so every Enter waits for its own answer.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/checkin.find', async (route) => {
    await held;
    await route.continue();
  });
  for (const r of regs) {
    await find.fill(r.ticketCode);
    await find.press('Enter');
  }
  await expect(page.getByLabel('Checking in')).toBeVisible();
  release();
  await expect.poll(async () => (await listOf(station, seminarId)).filter((r) => r.state === 'checked_in').length).toBe(3);
  await expect(page.getByLabel('Checking in')).toHaveCount(0);
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Alt+U');
    await expect.poll(async () => (await listOf(station, seminarId)).filter((r) => r.state === 'checked_in').length).toBe(2 - i);
  }
  await page.keyboard.press('Alt+U');
  await expect(page.getByRole('status', { name: 'Table message' })).toContainText('Nothing to undo');
});
