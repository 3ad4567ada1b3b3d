import type { Browser, Page } from '@playwright/test';
import { expect, screenshot, test, type Station } from './fixtures';

interface Stored {
  organization: string;
  role: string;
}

/** Ann Lee's edit form in this window and in a second one (a window of its own: a tab behind another is throttled). */
async function twoWindowsEditing(browser: Browser, page: Page, station: Station) {
  const created = await station.api<{ id: number }>('people.create', { givenName: 'Ann', familyName: 'Lee' });
  const id = created.value.id;
  const edit = `${station.url}/#/people/${id}/edit`;
  const otherWindow = await browser.newContext();
  await otherWindow.request.get(station.loginUrl, { maxRedirects: 0 });
  const other = await otherWindow.newPage();
  await page.goto(edit);
  await other.goto(edit);
  await expect(page.getByRole('heading', { name: 'Edit Ann Lee', level: 1 })).toBeVisible();
  await expect(other.getByRole('heading', { name: 'Edit Ann Lee', level: 1 })).toBeVisible();
  const stored = async () => (await station.api<Stored>('people.get', { id })).value;
  return { other, stored, close: () => otherWindow.close() };
}

const personPage = (p: Page) => p.getByRole('heading', { name: 'Ann Lee', level: 1, exact: true });

test('two windows edit the same person: the second save is refused with the offer; reloading shows the other’s change', async ({ browser, page, station }) => {
  test.slow(); // two browser windows and a station on a machine shared by many test runs
  await page.setViewportSize({ width: 1024, height: 700 });
  const { other, stored, close } = await twoWindowsEditing(browser, page, station);

  await other.getByLabel('Organization').fill('Acme Print & Sign');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(personPage(other)).toBeVisible();

  // This window's copy is stale now: its save is refused, the choice offered, nothing written.
  await page.getByLabel('Role').fill('Owner');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const offer = page.getByRole('alert').filter({ hasText: 'Changed elsewhere while you were editing' });
  await expect(offer).toContainText('This person was changed elsewhere');
  await expect(offer.getByRole('button', { name: 'Reload their latest' })).toBeVisible();
  await expect(offer.getByRole('button', { name: 'Save mine anyway' })).toBeVisible();
  await screenshot(page, 'conflict-offer-1024');
  expect(await stored()).toMatchObject({ organization: 'Acme Print & Sign', role: '' });

  // Reload: their change in the form, mine gone; saving again goes through.
  await offer.getByRole('button', { name: 'Reload their latest' }).click();
  await expect(page.getByLabel('Organization')).toHaveValue('Acme Print & Sign');
  await expect(page.getByLabel('Role')).toHaveValue('');
  await expect(offer).toHaveCount(0);
  await page.getByLabel('Role').fill('Owner');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(personPage(page)).toBeVisible();
  expect(await stored()).toMatchObject({ organization: 'Acme Print & Sign', role: 'Owner' });
  await close();
});

test('two windows edit the same person: “Save mine anyway” keeps mine over the other’s', async ({ browser, page, station }) => {
  test.slow();
  const { other, stored, close } = await twoWindowsEditing(browser, page, station);
  await other.getByLabel('Organization').fill('Globex');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(personPage(other)).toBeVisible();

  await page.getByLabel('Role').fill('Founder');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('alert').getByRole('button', { name: 'Save mine anyway' }).click();
  await expect(personPage(page)).toBeVisible();
  // Mine as a whole: the organization I saw (none) and the role I typed.
  expect(await stored()).toMatchObject({ organization: '', role: 'Founder' });
  await close();
});
