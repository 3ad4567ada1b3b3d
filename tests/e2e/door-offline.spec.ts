import { expect, test, type Browser } from '@playwright/test';
import { planSeminar, screenshot } from './fixtures';
import { openTheDoor, pairDevice, startDoorStation, trustingBrowser, type DoorStation } from './door-station';

interface Reg {
  id: number;
  name: string;
  state: string;
  checkedInBy: string | null;
}

const NAMES: [string, string][] = [
  ['Ada', 'Abbott'],
  ['Ben', 'Brook'],
  ['Cleo', 'Castro'],
  ['Dev', 'Duval'],
  ['Emi', 'Egan'],
  ['Finn', 'Ford'],
  ['Gia', 'Grant'],
  ['Hugo', 'Hale'],
  ['Ines', 'Ito'],
  ['Jon', 'Juarez'],
  ['Kai', 'Kerr'],
  ['Lea', 'Lund'],
];

let station: DoorStation;
let browser: Browser | null = null;
test.beforeEach(async () => {
  station = await startDoorStation();
});
test.afterEach(async () => {
  await browser?.close();
  browser = null;
  await station.dispose();
});

test('offline at the door: 10 check-ins, a reload and a hub restart later, all 10 are in the store once; two taken meanwhile elsewhere show as such', async () => {
  test.setTimeout(360_000);
  const ids: number[] = [];
  for (const [givenName, familyName] of NAMES) ids.push((await station.api<{ id: number }>('people.create', { givenName, familyName })).value.id);
  const seminarId = await planSeminar(station);
  await station.api('registrations.add', { seminarId, personIds: ids, mode: 'in_person' });

  const door = await openTheDoor(station, seminarId);
  // The phones trust the hub's certificate (installed once), so the door screen's service worker may keep the page.
  browser = await trustingBrowser(station.dataDir);
  const a = await pairDevice(browser, door, 'Door 1', { trusted: true });
  const b = await pairDevice(browser, door, 'Door 2', { by: 'qr', trusted: true });
  // The page and its assets are kept by the service worker, the roster in IndexedDB.
  await expect(a.page.locator('html')).toHaveAttribute('data-offline-ready', 'true', { timeout: 30_000 });
  await expect(a.page.getByRole('status', { name: 'Connection' })).toHaveText('Online');

  await a.context.setOffline(true);
  const find = a.page.getByRole('combobox', { name: 'Find attendee' });
  for (const [k, [given, family]] of NAMES.slice(0, 10).entries()) {
    await find.fill(`${given} ${family}`.toLowerCase());
    await find.press('Enter');
    await expect(a.page.getByRole('status', { name: 'Last check-in' })).toContainText(`${given} ${family} is checked in`);
    await expect(a.page.getByRole('status', { name: 'Connection' })).toHaveText(`Offline — ${k + 1} waiting`);
  }
  await expect(a.page.getByText('Checked in on this device; the hub hears of it as soon as it answers.')).toBeVisible();
  await screenshot(a.page, 'door-360-offline');
  expect((await station.api<Reg[]>('registrations.list', { seminarId })).value.filter((r) => r.state === 'checked_in')).toEqual([]);

  // The page is reloaded while offline: the shell comes from the service worker, the queue from IndexedDB.
  await a.page.reload();
  await expect(a.page.getByRole('status', { name: 'Connection' })).toHaveText('Offline — 10 waiting');
  await expect(a.page.getByRole('group', { name: 'Checked in' })).toContainText('10');

  // The hub restarts (same data folder): the door opens again on its port, and the devices' own
  // tokens (kept in the book) still work — no one pairs or logs in again. Meanwhile Door 2 checks in two of the ten.
  await station.stop();
  await expect(b.page.getByRole('status', { name: 'Connection' })).toContainText('Offline');
  await station.start();
  await expect(b.page.getByRole('status', { name: 'Connection' })).toHaveText('Online', { timeout: 30_000 });
  const findB = b.page.getByRole('combobox', { name: 'Find attendee' });
  for (const name of ['Cleo Castro', 'Hugo Hale']) {
    await findB.fill(name.toLowerCase());
    await findB.press('Enter');
    await expect(b.page.getByRole('status', { name: 'Last check-in' })).toContainText(`${name} is checked in`);
  }

  await expect.poll(async () => (await station.api<Reg[]>('registrations.list', { seminarId })).value.filter((r) => r.checkedInBy === 'Door 2').length).toBe(2);

  // Door 1 comes back: its queue goes to the hub; the two taken meanwhile are answered "already checked in".
  await a.context.setOffline(false);
  await expect(a.page.getByRole('status', { name: 'Connection' })).toHaveText('Online', { timeout: 30_000 });
  const late = a.page.getByRole('region', { name: 'Sent to the hub after being offline' });
  await expect(late).toContainText('8 checked in.');
  await expect(late).toContainText(/Cleo Castro was already checked in at \d+:\d\d.* on Door 2\./);
  await expect(late).toContainText(/Hugo Hale was already checked in at \d+:\d\d.* on Door 2\./);

  const regs = (await station.api<Reg[]>('registrations.list', { seminarId })).value;
  const tenNames = NAMES.slice(0, 10).map(([g, f]) => `${g} ${f}`);
  expect(regs.filter((r) => r.state === 'checked_in').map((r) => r.name).sort()).toEqual([...tenNames].sort());
  expect(Object.fromEntries(regs.filter((r) => r.state === 'checked_in').map((r) => [r.name, r.checkedInBy]))).toEqual(
    Object.fromEntries(tenNames.map((n) => [n, n === 'Cleo Castro' || n === 'Hugo Hale' ? 'Door 2' : 'Door 1'])),
  );
  expect((await station.api<{ counts: { checkedIn: number; expected: number } }>('seminars.get', { id: seminarId })).value.counts).toMatchObject({ checkedIn: 10, expected: 2 });
  await expect(a.page.getByRole('group', { name: 'Checked in' })).toContainText('10');
});
