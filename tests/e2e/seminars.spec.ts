import { expect, screenshot, test } from './fixtures';

test('plan a seminar in New York time, register three people, cancel one', async ({ page, station }) => {
  for (const [givenName, familyName, organization] of [
    ['Ann', 'Lee', 'Acme Print & Sign'],
    ['José', 'Álvarez', 'Globex'],
    ['太郎', '田中', 'Tanaka Trading'],
    ['Bo', 'Chen', 'Initech'],
  ]) {
    await station.api('people.create', { givenName, familyName, organization });
  }
  await page.goto(station.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Seminars' }).click();
  await expect(page.getByText('No seminars planned yet.')).toBeVisible();
  await page.getByRole('link', { name: 'New seminar' }).click();

  await page.getByLabel('Title').fill('Become a Master Networker');
  await page.getByLabel('Date').fill('2031-01-16');
  await page.getByLabel('Starts').fill('09:00');
  await page.getByLabel('Ends').fill('12:00');
  await page.getByRole('combobox', { name: 'Time zone' }).fill('America/New_Y');
  await page.getByRole('option', { name: 'America/New_York' }).click();
  await page.getByLabel('Venue', { exact: true }).fill('Melhorn Manor');
  await page.getByLabel('Live-stream link').fill('https://stream.example.com/networker');
  await page.getByLabel('Seats').fill('40');
  await page.getByRole('button', { name: 'Create seminar' }).click();

  await expect(page.getByRole('heading', { name: 'Become a Master Networker', level: 1 })).toBeVisible();
  await expect(page.getByText('Thursday, January 16, 2031 · 9:00 AM – 12:00 PM Eastern Time')).toBeVisible();
  const stored = await station.api<{ startsAt: string; endsAt: string }[]>('seminars.list', { when: 'upcoming' });
  expect(stored.value.map((s) => [s.startsAt, s.endsAt])).toEqual([['2031-01-16T14:00:00.000Z', '2031-01-16T17:00:00.000Z']]);

  await page.getByRole('button', { name: 'Register people' }).click();
  const dialog = page.getByRole('dialog', { name: 'Register people' });
  const find = dialog.getByLabel('Find people in your book');
  await find.fill('ann');
  await dialog.getByRole('checkbox', { name: /Ann Lee/ }).check();
  await find.fill('alv');
  await dialog.getByRole('checkbox', { name: /José Álvarez/ }).check();
  await find.fill('田中');
  await dialog.getByRole('checkbox', { name: /田中 太郎/ }).check();
  await dialog.getByRole('radio', { name: 'In person' }).check();
  await dialog.getByRole('button', { name: 'Register 3' }).click();

  const registrations = page.getByRole('table', { name: 'Registrations' });
  await expect(registrations.getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('group', { name: 'Registered' })).toContainText('3');

  await page.getByRole('combobox', { name: 'How 田中 太郎 attends' }).click();
  await page.getByRole('option', { name: 'Live stream' }).click();
  await page.getByRole('button', { name: 'Cancel registration of Ann Lee' }).click();
  await expect(page.getByRole('group', { name: 'Registered' })).toContainText('2');
  await expect(page.getByRole('group', { name: 'Cancelled' })).toContainText('1');
  await screenshot(page, 'seminar-page');

  const seminarId = (await station.api<{ id: number }[]>('seminars.list', { when: 'upcoming' })).value[0]?.id;
  const regs = await station.api<{ name: string; mode: string; state: string }[]>('registrations.list', { seminarId });
  expect(regs.value.map((r) => [r.name, r.mode, r.state])).toEqual([
    ['José Álvarez', 'in_person', 'registered'],
    ['Ann Lee', 'in_person', 'cancelled'],
    ['田中 太郎', 'stream', 'registered'],
  ]);

  // Straight on to the check-in table for the seminar just planned.
  await page.getByRole('link', { name: 'Open check-in' }).click();
  const findAttendee = page.getByRole('combobox', { name: 'Find attendee' });
  await expect(findAttendee).toBeFocused();
  await findAttendee.pressSequentially('tana');
  await expect(page.getByRole('option', { name: /田中 太郎/ })).toHaveAttribute('aria-selected', 'true');
  await findAttendee.press('Enter');
  await expect(page.getByRole('status', { name: 'Last check-in' })).toContainText('田中 太郎 is checked in');
  await expect(page.getByRole('group', { name: 'Checked in' })).toContainText('0 in the room · 1 stream');
  await page.getByRole('link', { name: 'Exit check-in' }).click();

  await page.getByRole('link', { name: 'Seminars', exact: true }).first().click();
  await expect(page.getByRole('link', { name: 'Become a Master Networker' })).toBeVisible();
  await expect(page.getByText('2 registrations')).toBeVisible();
  await expect(page.getByText('1 checked in')).toBeVisible();
  await screenshot(page, 'seminars-list');
});
