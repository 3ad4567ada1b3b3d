import { expect, screenshot, test } from './fixtures';

test('at 1024×700 the seminar page fits, its menu opens inside the window, and seats count the room', async ({ page, station }) => {
  const ids: number[] = [];
  for (const [givenName, familyName] of [
    ['Ann', 'Lee'],
    ['Bo', 'Chen'],
    ['Carmen', 'Núñez'],
    ['Dmitri', 'Øster'],
  ]) {
    ids.push((await station.api<{ id: number }>('people.create', { givenName, familyName })).value.id);
  }
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`${station.url}/#/seminars/new`);

  // The time-zone picker finds zones as people name them.
  const zone = page.getByRole('combobox', { name: 'Time zone' });
  await zone.fill('Eastern');
  await expect(page.getByRole('option', { name: /America\/New_York/ })).toBeVisible();
  await zone.fill('New York');
  await page.getByRole('option', { name: /America\/New_York/ }).click();
  await page.getByLabel('Title').fill('Become a Master Networker');
  await page.getByLabel('Date').fill('2031-01-16');
  await page.getByLabel('Starts').fill('09:00');
  await page.getByLabel('Ends').fill('12:00');
  await page.getByLabel('Seats').fill('2');
  await page.getByRole('button', { name: 'Create seminar' }).click();
  await expect(page.getByRole('heading', { name: 'Become a Master Networker', level: 1 })).toBeVisible();
  const seminarId = Number(/seminars\/(\d+)/.exec(page.url())?.[1]);

  // Registering more in person than there are seats warns, and says by how many.
  await page.getByRole('button', { name: 'Register people' }).click();
  const dialog = page.getByRole('dialog', { name: 'Register people' });
  for (const name of ['Ann Lee', 'Bo Chen', 'Carmen Núñez']) await dialog.getByRole('checkbox', { name }).check();
  await expect(dialog.getByRole('note')).toContainText('Registering 3 more in person makes 3 for 2 seats: 1 over.');
  await dialog.getByRole('radio', { name: 'Live stream' }).check();
  await expect(dialog.getByRole('note')).toHaveCount(0);
  await dialog.getByRole('radio', { name: 'In person' }).check();
  await dialog.getByRole('button', { name: 'Register 3' }).click();
  await expect(dialog).toBeHidden();
  await station.api('registrations.add', { seminarId, personIds: [ids[3]], mode: 'stream' });
  await page.reload();

  const registered = page.getByRole('group', { name: 'Registered' });
  await expect(registered).toContainText('4');
  await expect(registered).toContainText('3 in person of 2 seats · 1 stream');
  await expect(page.getByRole('note')).toContainText('3 registered in person for 2 seats: 1 over if everyone comes.');

  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  for (const name of ['Open check-in', 'Edit']) {
    await expect(page.getByRole('toolbar', { name: 'Seminar actions' }).getByRole('link', { name })).toBeInViewport({ ratio: 1 });
  }
  await page.getByRole('button', { name: 'More seminar actions' }).click();
  for (const item of ['Print badges', 'Seminar report', 'Close seminar (mark no-shows)']) {
    await expect(page.getByRole('menuitem', { name: item })).toBeInViewport({ ratio: 1 });
  }
  await page.keyboard.press('Escape');
  await screenshot(page, 'seminar-page-1024');
});
