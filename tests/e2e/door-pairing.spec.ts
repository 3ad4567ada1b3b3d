import net from 'node:net';
import tls from 'node:tls';
import type { Browser, Page } from '@playwright/test';
import { expect, planSeminar, screenshot, test, type Station } from './fixtures';

/**
 * Door devices, the hub's side (issue 15, Done means 1 in part, and 5): the owner opens the door on
 * a seminar page, devices — browser contexts at phone size — pair over the HTTPS listener (bound to
 * 127.0.0.1 here) with the code, the fingerprint shown is the one served, the owner sees them and
 * what they did, revokes one, five wrong codes lock pairing, and closing the door stops listening.
 */

/** The SHA-256 of the certificate the door's listener actually serves. */
function servedFingerprint(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate().fingerprint256);
      socket.end();
    });
    socket.on('error', reject);
  });
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** A phone: its own browser, which accepts the hub's self-signed certificate as its owner did once. */
async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true });
  return context.newPage();
}

async function pair(page: Page, pairingAddress: string, code: string, name: string): Promise<void> {
  await page.goto(pairingAddress);
  await page.getByLabel('Pairing code').fill(code);
  await page.getByLabel('Name of this device').fill(name);
  await page.getByRole('button', { name: 'Pair this device' }).click();
}

async function registrants(station: Station, seminarId: number, names: [string, string][]): Promise<void> {
  const ids: number[] = [];
  for (const [givenName, familyName] of names) ids.push((await station.api<{ id: number }>('people.create', { givenName, familyName, organization: 'Acme' })).value.id);
  await station.api('registrations.add', { seminarId, personIds: ids });
}

test('the owner opens the door, two phones pair with the code, one is revoked, five wrong codes lock pairing, closing stops the listener', async ({ page, station, browser }) => {
  // Four browser contexts and a dozen page loads: longer than one screen's test on a loaded machine.
  test.setTimeout(300_000);
  const seminarId = await planSeminar(station);
  await registrants(station, seminarId, [
    ['Ann', 'Lee'],
    ['Bob', 'Baker'],
    ['Chloé', 'Martin'],
  ]);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`${station.url}/#/seminars/${seminarId}`);
  await page.getByRole('toolbar', { name: 'Seminar actions' }).getByRole('button', { name: 'Door devices' }).click();
  const panel = page.getByRole('dialog', { name: 'Door devices' });
  await panel.getByRole('button', { name: 'Let other devices check in' }).click();
  await expect(panel.getByRole('img', { name: 'QR code to pair a device' })).toBeVisible();

  const address = (await panel.getByLabel('Address for devices').first().innerText()).trim();
  expect(address).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/pair$/);
  const port = Number(new URL(address).port);
  const code = (await panel.getByLabel('Pairing code').getAttribute('data-code')) ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await expect(panel.getByLabel('Pairing code')).toHaveText(`${code.slice(0, 3)} ${code.slice(3)}`);
  const shown = (await panel.getByLabel('Certificate fingerprint (SHA-256)').getAttribute('data-fingerprint')) ?? '';
  expect(shown).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  expect(await servedFingerprint(port)).toBe(shown);
  await expect(panel.getByLabel('Certificate fingerprint (SHA-256)')).toContainText(shown.split(':').slice(0, 8).join(':'));
  await expect(panel.getByText('No device is paired yet.')).toBeVisible();

  // Two phones pair with the code shown; each lands on its seminar's door screen, paired under its own name.
  const door2 = await phone(browser);
  await door2.goto(address);
  await screenshot(door2, 'door-pairing-page-360');
  await pair(door2, address, code, 'Door 2');
  await expect(door2).toHaveURL(new RegExp(`/#/door/${seminarId}$`));
  // The door screen of its seminar, under the name it was paired with.
  await expect(door2.getByRole('heading', { name: 'Become a Master Networker' })).toBeVisible();
  await expect(door2.getByLabel('This device: Door 2')).toHaveText('Door 2');
  await expect(door2.getByRole('combobox', { name: 'Find attendee' })).toBeVisible();
  const [cookie] = await door2.context().cookies(new URL(address).origin);
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
  expect(await door2.evaluate(() => document.cookie)).toBe('');

  const door3 = await phone(browser);
  await pair(door3, `${address}?code=${code}`, code, 'Door 3');
  await expect(door3.getByLabel('This device: Door 3')).toHaveText('Door 3');

  // Door 2 checks someone in (the door screen's own calls, from its page); the owner's panel shows both devices and what they did.
  const ann = (await station.api<{ id: number; name: string }[]>('registrations.list', { seminarId })).value.find((r) => r.name === 'Ann Lee');
  const checkedIn = await door2.evaluate(async (registrationId) => {
    const res = await fetch('/api/checkin.checkIn', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ registrationId }) });
    return res.json();
  }, ann?.id);
  expect(checkedIn).toMatchObject({ ok: true, value: { state: 'checked_in' } });
  const devices = panel.getByRole('table', { name: 'Paired devices' });
  await expect(devices.getByRole('row', { name: /Door 2 .* 1/ })).toBeVisible();
  await expect(devices.getByRole('row', { name: /Door 3 .* 0/ })).toBeVisible();
  await screenshot(page, 'door-panel-1024');
  await page.setViewportSize({ width: 1366, height: 800 });
  await expect(panel.getByRole('img', { name: 'QR code to pair a device' })).toBeVisible();
  await screenshot(page, 'door-panel-1366');

  // Revoked: Door 3's next call answers unauthorized, and its page says how to pair again.
  await devices.getByRole('button', { name: 'Revoke Door 3' }).click();
  await expect(devices.getByRole('row', { name: /Door 3/ })).toHaveCount(0);
  const after = await door3.evaluate(async () => (await fetch('/api/door.self', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status);
  expect(after).toBe(401);
  await door3.reload();
  await expect(door3.getByRole('heading', { name: 'Pair this device' })).toBeVisible();
  await expect(door3.getByText(/This device was unpaired/)).toBeVisible();
  await door2.reload();
  await expect(door2.getByLabel('This device: Door 2')).toHaveText('Door 2');
  await expect(door2.getByRole('status', { name: 'Connection' })).toHaveText('Online');

  // Five wrong codes lock pairing for a minute, and the owner is told.
  const guesser = await phone(browser);
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  for (let i = 0; i < 4; i++) {
    await pair(guesser, address, wrong, 'Door 9');
    await expect(guesser.getByText(/This code is not right/)).toBeVisible();
  }
  await pair(guesser, address, wrong, 'Door 9');
  await expect(guesser.getByRole('alert')).toContainText('Pairing is locked for');
  await screenshot(guesser, 'door-pairing-locked-360');
  await pair(guesser, address, code, 'Door 9');
  await expect(guesser.getByRole('alert')).toContainText('Pairing is locked for');
  await expect(panel.getByRole('alert', { name: 'Pairing is locked' })).toBeVisible();
  expect((await station.api<{ devices: unknown[] }>('door.status', { seminarId })).value.devices).toHaveLength(1);

  // Closing the door: every device revoked, and the network port refuses connections.
  await panel.getByRole('button', { name: 'Close the door', exact: true }).click();
  await panel.getByRole('button', { name: 'Close the door now' }).click();
  await expect(panel.getByRole('button', { name: 'Let other devices check in' })).toBeVisible();
  await expect.poll(() => connects(port)).toBe(false);
  const status = await station.api<{ open: boolean; devices: unknown[] }>('door.status', { seminarId });
  expect(status.value).toMatchObject({ open: false, devices: [] });
  for (const device of [door2, door3, guesser]) await device.context().close();
});

test('the check-in table opens the same door panel', async ({ page, station }) => {
  const seminarId = await planSeminar(station);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`${station.url}/#/seminars/${seminarId}/check-in`);
  await expect(page.getByLabel('Find attendee')).toBeFocused();
  await screenshot(page, 'door-checkin-header-1024');
  await page.getByRole('button', { name: 'Door devices' }).click();
  const panel = page.getByRole('dialog', { name: 'Door devices' });
  await panel.getByRole('button', { name: 'Let other devices check in' }).click();
  await expect(panel.getByRole('img', { name: 'QR code to pair a device' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  // The door stays open for the devices when the panel is closed.
  expect((await station.api<{ open: boolean }>('door.status', { seminarId })).value.open).toBe(true);
});
