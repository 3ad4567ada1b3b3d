import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { writeQrVideo } from '../helpers/qr-video';
import { openTheDoor, pairDevice } from './door-station';
import { expect, planSeminar, screenshot, test } from './fixtures';

test('Scan view: a fake camera showing a ticket’s QR code checks in its holder', async ({ station }) => {
  const ids: number[] = [];
  for (const [givenName, familyName] of [
    ['Ann', 'Lee'],
    ['Bo', 'Chen'],
  ]) ids.push((await station.api<{ id: number }>('people.create', { givenName, familyName })).value.id);
  const seminarId = await planSeminar(station);
  await station.api('registrations.add', { seminarId, personIds: ids, mode: 'in_person' });
  const bo = (await station.api<{ id: number; name: string; ticketCode: string }[]>('registrations.list', { seminarId })).value.find((r) => r.name === 'Bo Chen');
  if (!bo) throw new Error('Bo Chen is registered');

  // A video of Bo's ticket (the code printed on his badge and confirmation) as the camera's picture.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-camera-'));
  const video = path.join(dir, 'ticket.y4m');
  writeQrVideo(video, bo.ticketCode);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    // A phone paired over the door's HTTPS address (a secure context, as a camera needs), its certificate accepted once.
    const door = await openTheDoor(station, seminarId);
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true });
    await context.grantPermissions(['camera'], { origin: door.address });
    const { page } = await pairDevice(browser, door, 'Door 3', { context, by: 'qr' });
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    await page.getByText('Scan', { exact: true }).click();
    await expect(page.getByRole('status', { name: 'Last check-in' })).toContainText('Bo Chen is checked in', { timeout: 30_000 });
    await screenshot(page, 'door-360-scan');
    const regs = (await station.api<{ name: string; state: string; checkedInBy: string | null }[]>('registrations.list', { seminarId })).value;
    expect(regs.map((r) => [r.name, r.state, r.checkedInBy]).sort()).toEqual([
      ['Ann Lee', 'registered', null],
      ['Bo Chen', 'checked_in', 'Door 3'],
    ]);
    // The same ticket still in front of the lens checks no one else in, and says nothing new.
    await expect(page.getByRole('status', { name: 'Scanner' })).toHaveText('Hold the ticket’s code inside the frame.');
    expect((await station.api<{ counts: { checkedIn: number } }>('seminars.get', { id: seminarId })).value.counts.checkedIn).toBe(1);
    await context.close();
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
