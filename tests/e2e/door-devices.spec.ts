import { expect, planSeminar, screenshot, test, type Station } from './fixtures';
import { openTheDoor, pairDevice, shownAt, shownCount, watchCount } from './door-station';

interface Reg {
  id: number;
  name: string;
  state: string;
  checkedInAt: string | null;
  ticketCode: string;
  checkedInBy: string | null;
}

const GIVEN = ['Ada', 'Ben', 'Cleo', 'Dev', 'Emi', 'Finn', 'Gia', 'Hugo', 'Ines', 'Jon'];
const FAMILY = ['Abbott', 'Brook', 'Castro', 'Duval', 'Egan', 'Ford'];

async function seminarOf(station: Station, names: [string, string, string?][]) {
  const ids: number[] = [];
  for (const [givenName, familyName, organization = ''] of names) ids.push((await station.api<{ id: number }>('people.create', { givenName, familyName, organization })).value.id);
  const seminarId = await planSeminar(station);
  await station.api('registrations.add', { seminarId, personIds: ids, mode: 'in_person' });
  return seminarId;
}

const registrations = async (station: Station, seminarId: number) => (await station.api<Reg[]>('registrations.list', { seminarId })).value;
const storeCheckedIn = async (station: Station, seminarId: number) => (await station.api<{ counts: { checkedIn: number } }>('seminars.get', { id: seminarId })).value.counts.checkedIn;

test('three devices at one door: 60 check-ins, every device’s counters equal the store within a second; one person at two devices is checked in once', async ({ browser, station }) => {
  // 60 check-ins watched on three phone-sized pages: minutes on a shared, loaded machine.
  test.setTimeout(480_000);
  const people: [string, string][] = GIVEN.flatMap((g) => FAMILY.map((f): [string, string] => [g, f]));
  const seminarId = await seminarOf(station, [...people, ['Zed', 'Moon', 'Lunar Co']]);
  // Two devices pair with the code typed on the pairing page, the third by the QR code's address; none holds the owner's key.
  const door = await openTheDoor(station, seminarId);
  const devices = [];
  for (const [name, by] of [['Door 1', 'code'], ['Door 2', 'code'], ['Door 3', 'qr']] as const) devices.push(await pairDevice(browser, door, name, { by }));
  for (const d of devices) expect(d.page.url()).toMatch(new RegExp(`^https://127\\.0\\.0\\.1:\\d+/#/door/${seminarId}$`));
  const pages = devices.map((d) => d.page);
  for (const page of pages) await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Online');
  for (const page of pages) await watchCount(page);

  const lags: number[] = [];
  for (const [k, [given, family]] of people.entries()) {
    const page = pages[k % 3]!;
    const find = page.getByRole('combobox', { name: 'Find attendee' });
    await find.fill(`${given} ${family}`.toLowerCase());
    await find.press('Enter');
    await expect(page.getByRole('status', { name: 'Last check-in' })).toContainText(`${given} ${family} is checked in`);
    const inStore = await storeCheckedIn(station, seminarId);
    expect(inStore).toBe(k + 1);
    // The moment the store changed: the check-in's commit, on the hub's clock (this machine's).
    const committed = Date.parse((await registrations(station, seminarId)).find((r) => r.name === `${given} ${family}`)?.checkedInAt ?? '');
    for (const p of pages) {
      await expect.poll(() => shownCount(p, 'Checked in')).toBe(inStore);
      // Measured in each page, when it painted the new count: nothing of the test's own polling in it.
      lags.push(((await shownAt(p, inStore)) ?? Infinity) - committed);
    }
  }
  lags.sort((x, y) => x - y);
  console.log(`door counters: check-in committed at the hub to the count shown at each device, p50 ${lags[Math.floor(lags.length / 2)]} ms, p95 ${lags[Math.floor(lags.length * 0.95)]} ms, max ${lags.at(-1)} ms`);
  // The devices show the store's count within a second of a check-in at any of them (p95; on a
  // loaded 2-core machine a single repaint may lag, so the hard bound for each is 2 s).
  expect(lags[Math.floor(lags.length * 0.95)]).toBeLessThanOrEqual(1000);
  expect(lags.at(-1)).toBeLessThanOrEqual(2000);
  expect((await registrations(station, seminarId)).filter((r) => r.state === 'checked_in').map((r) => r.checkedInBy).sort()).toEqual(
    [...Array(20).fill('Door 1'), ...Array(20).fill('Door 2'), ...Array(20).fill('Door 3')],
  );

  // Zed Moon at Door 1 and Door 2 at the same moment: one check-in, the other told where.
  const [one, two] = [pages[0]!, pages[1]!];
  for (const p of [one, two]) await p.getByRole('combobox', { name: 'Find attendee' }).fill('zed moon');
  for (const p of [one, two]) await expect(p.getByRole('button', { name: 'Check in Zed Moon' })).toBeEnabled();
  await Promise.all([one, two].map((p) => p.getByRole('button', { name: /^(Check in|Show) Zed Moon$/ }).click()));
  const zed = (await registrations(station, seminarId)).find((r) => r.name === 'Zed Moon');
  expect(zed?.state).toBe('checked_in');
  const winner = zed?.checkedInBy;
  expect(['Door 1', 'Door 2']).toContain(winner);
  const [won, lost] = winner === 'Door 1' ? [one, two] : [two, one];
  await expect(won.getByRole('status', { name: 'Last check-in' })).toContainText('Zed Moon is checked in');
  // The other device says who has him: at once in its panel, or — when the hub's answer took longer
  // than the device waits (a loaded machine), so it kept the check-in to send again — in the late
  // answers as soon as the hub answers it. Either way the store holds one check-in.
  await expect(lost.getByText(new RegExp(`^Zed Moon (is|was) already checked in at \\d+:\\d\\d.* on ${winner}\\.?$`)).first()).toBeVisible();
  expect((await registrations(station, seminarId)).filter((r) => r.name === 'Zed Moon' && r.state === 'checked_in')).toHaveLength(1);
  for (const p of pages) await expect.poll(() => shownCount(p, 'Checked in')).toBe(61);
  for (const d of devices) await d.context.close();
});

test('the phone door screen at 360×640: green, orange with the other device’s name, red for a ticket that is no one’s', async ({ browser, station }) => {
  const seminarId = await seminarOf(station, [
    ['Ann', 'Lee', 'Acme'],
    ['Bo', 'Chen', 'Initech'],
    ['Carmen', 'Núñez', 'Globex'],
  ]);
  const door = await openTheDoor(station, seminarId);
  const door1 = await pairDevice(browser, door, 'Door 1');
  const door2 = await pairDevice(browser, door, 'Door 2');
  await screenshot(door2.page, 'door-360-ready');

  // Door 1 checks Ann in by tapping her row and the big button, no keyboard.
  await door1.page.getByRole('option', { name: 'Ann Lee, Acme' }).click();
  await door1.page.getByRole('button', { name: 'Check in Ann Lee' }).click();
  await expect(door1.page.getByRole('status', { name: 'Last check-in' })).toHaveAttribute('data-tone', 'in');
  await expect(door1.page.getByRole('status', { name: 'Last check-in' })).toContainText('Ann Lee is checked in');
  await expect(door1.page.getByRole('button', { name: 'Undo check-in' })).toBeVisible();
  await screenshot(door1.page, 'door-360-green');

  // Door 2 looks her up: orange, with when and where.
  const find = door2.page.getByRole('combobox', { name: 'Find attendee' });
  await expect(door2.page.getByRole('option', { name: 'Ann Lee, Acme, checked in' })).toBeVisible();
  await find.fill('ann');
  await door2.page.getByRole('button', { name: 'Show Ann Lee' }).click();
  const panel = door2.page.getByRole('status', { name: 'Last check-in' });
  await expect(panel).toHaveAttribute('data-tone', 'already');
  await expect(panel).toContainText(/Ann Lee is already checked in at \d+:\d\d.* on Door 1/);
  // Door 1's check-in is Door 1's to undo, not this device's.
  await expect(panel.getByRole('button', { name: 'Undo check-in' })).toHaveCount(0);
  await screenshot(door2.page, 'door-360-orange');

  // A ticket that is no one's: red, with the code read; nobody checked in.
  await find.fill('9ZZZ-ZZZZ');
  await find.press('Enter');
  await expect(door2.page.getByRole('alert', { name: 'Unknown ticket' })).toContainText('9ZZZ-ZZZZ');
  await screenshot(door2.page, 'door-360-red');
  expect((await registrations(station, seminarId)).filter((r) => r.state === 'checked_in').map((r) => r.name)).toEqual(['Ann Lee']);

  // No horizontal scrolling at 360 px.
  expect(await door2.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // This browser only clicked through the certificate warning, so no service worker keeps the page:
  // once the hub is away, the door says to keep the page open (the offline spec's phones trust the certificate).
  await expect(door2.page.locator('html')).toHaveAttribute('data-offline-ready', 'false');
  await expect(door2.page.getByRole('note')).toHaveCount(0);
  await door2.context.setOffline(true);
  await find.fill('carmen');
  await find.press('Enter');
  await expect(door2.page.getByRole('status', { name: 'Connection' })).toHaveText('Offline — 1 waiting', { timeout: 30_000 });
  await expect(door2.page.getByRole('note')).toHaveText('Keep this page open until the hub is back: this browser cannot reload it without the hub.');
  await screenshot(door2.page, 'door-360-offline-untrusted');
  await door1.context.close();
  await door2.context.close();
});

test('the owner’s check-in table follows a door device: its list and counts change without a keystroke', async ({ browser, page, station }) => {
  const seminarId = await seminarOf(station, [
    ['Ann', 'Lee', 'Acme'],
    ['Bo', 'Chen', 'Initech'],
  ]);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`${station.url}/#/seminars/${seminarId}/check-in`);
  const checkedIn = page.getByRole('group', { name: 'Checked in' }).locator('.table-count-value');
  await expect(checkedIn).toHaveText('0');
  await expect(page.getByRole('option', { name: /^Bo Chen Initech/ })).toBeVisible();

  const door = await pairDevice(browser, await openTheDoor(station, seminarId), 'Door 4');
  await door.page.getByRole('option', { name: 'Bo Chen, Initech' }).click();
  await door.page.getByRole('button', { name: 'Check in Bo Chen' }).click();
  await expect(door.page.getByRole('status', { name: 'Last check-in' })).toContainText('Bo Chen is checked in');

  await expect(checkedIn).toHaveText('1');
  await expect(page.getByRole('option', { name: /^Bo Chen Initech.*Checked in/ })).toBeVisible();
  // Looked up at the table: orange, and where it happened.
  const find = page.getByRole('combobox', { name: 'Find attendee' });
  await find.pressSequentially('bo chen');
  await find.press('Enter');
  await expect(page.getByRole('status', { name: 'Last check-in' })).toContainText(/Bo Chen is already checked in at \d+:\d\d.* on Door 4/);
  await door.context.close();
});
