import { expect, screenshot, test } from './fixtures';

test('without the key the page says how to get in; the printed address lets the browser in and leaves the address bar', async ({ browser, station }) => {
  await station.api('people.create', { givenName: 'Ann', familyName: 'Lee' });

  // A browser that never opened the printed address: no cookie.
  const stranger = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  const page = await stranger.newPage();
  await page.goto(`${station.url}/#/people`);
  await expect(page.getByRole('heading', { name: 'Open Rapport with its key', level: 1 })).toBeVisible();
  await expect(page.getByText('Rapport needs its key. Open the address the station printed when it started')).toBeVisible();
  await expect(page.getByText(`Rapport station at http://${new URL(station.url).host}/?token=…`)).toBeVisible();
  await expect(page.getByText('Ann Lee')).toHaveCount(0);
  await screenshot(page, 'access-without-key-1024');

  // The address as printed: in, with the key gone from the address bar and kept in an HttpOnly, SameSite=Strict cookie.
  await page.goto(station.loginUrl);
  await expect(page).toHaveURL(`${station.url}/`);
  await page.goto(`${station.url}/#/people`);
  await expect(page.getByRole('table', { name: 'People' }).getByRole('link', { name: 'Ann Lee' })).toBeVisible();
  expect(page.url()).not.toContain('token');
  const [cookie] = await stranger.cookies(station.url);
  expect(cookie).toMatchObject({ value: station.token, httpOnly: true, sameSite: 'Strict', path: '/' });
  expect(await page.evaluate(() => document.cookie)).toBe('');
  await stranger.close();
});

test('an address with a key from before a restart says so, and lets nobody in', async ({ browser, station }) => {
  const stranger = await browser.newContext();
  const page = await stranger.newPage();
  await page.goto(`${station.url}/?token=${'x'.repeat(43)}`);
  await expect(page.getByRole('heading', { name: 'This key is not valid any more', level: 1 })).toBeVisible();
  expect(await stranger.cookies(station.url)).toEqual([]);
  await stranger.close();
});
