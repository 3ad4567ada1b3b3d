import { expect, screenshot, test } from './fixtures';

test('add José Álvarez, find him by jose and alv, edit his organization, delete him', async ({ page, station }) => {
  await station.api('people.create', { givenName: 'Ann', familyName: 'Lee', organization: 'Acme Print & Sign' });
  await page.goto(`${station.url}/#/people`);
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();

  await page.getByRole('link', { name: 'New person' }).click();
  await page.getByLabel('Given name').fill('José');
  await page.getByLabel('Family name').fill('Álvarez');
  await page.getByLabel('Email 1', { exact: true }).fill('jose@acme.com');
  await page.getByRole('button', { name: 'Add email' }).click();
  await page.getByLabel('Email 2', { exact: true }).fill('jose.alvarez@gmail.com');
  await page.getByRole('button', { name: 'Save person' }).click();

  await expect(page.getByRole('heading', { name: 'José Álvarez', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'jose@acme.com' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'jose.alvarez@gmail.com' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  const table = page.getByRole('table', { name: 'People' });
  const search = page.getByLabel('Search people');
  await search.fill('jose');
  await expect(table.getByRole('link', { name: 'José Álvarez' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Ann Lee' })).toHaveCount(0);
  await search.fill('alv');
  await expect(table.getByRole('link', { name: 'José Álvarez' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Ann Lee' })).toHaveCount(0);

  await table.getByRole('link', { name: 'José Álvarez' }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Organization').fill('Globex Corporation');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'José Álvarez', level: 1 })).toBeVisible();
  await expect(page.getByText('Globex Corporation')).toBeVisible();
  const stored = await station.api<{ items: { organization: string }[] }>('people.list', { query: 'jose' });
  expect(stored.value.items.map((p) => p.organization)).toEqual(['Globex Corporation']);

  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete José Álvarez?' });
  await dialog.getByRole('button', { name: 'Delete person' }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'People' }).getByRole('link', { name: 'Ann Lee' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'José Álvarez' })).toHaveCount(0);
  const after = await station.api<{ total: number }>('people.list', { query: 'jose' });
  expect(after.value.total).toBe(0);
});

test('invalid input is shown at the field and nothing is written', async ({ page, station }) => {
  await page.goto(`${station.url}/#/people/new`);
  await page.getByLabel('Email 1', { exact: true }).fill('not-an-email');
  await page.getByRole('button', { name: 'Save person' }).click();

  const given = page.getByLabel('Given name');
  await expect(given).toBeFocused();
  await expect(given).toHaveAttribute('aria-invalid', 'true');
  await expect(given).toHaveAccessibleDescription(/Enter a name: a given, family or display name/);
  const email = page.getByLabel('Email 1', { exact: true });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/Enter a valid email address/);
  await expect(page.getByRole('heading', { name: 'New person' })).toBeVisible();
  await screenshot(page, 'person-form-errors');

  const stored = await station.api<{ total: number }>('people.list', {});
  expect(stored.value.total).toBe(0);

  // The same check on the server, for any client that skips the form.
  const direct = await station.api('people.create', { emails: [{ address: 'not-an-email' }] });
  expect(direct.ok).toBe(false);
  expect(Object.keys(direct.error?.fields ?? {}).sort()).toEqual(['emails.0.address', 'givenName']);
});

test('first run offers sample data; the People screen and a person page look finished', async ({ page, station }) => {
  await page.goto(station.url);
  await expect(page.getByRole('heading', { name: 'Your book is empty' })).toBeVisible();
  await screenshot(page, 'first-run');
  await page.getByRole('button', { name: 'Load sample data' }).click();

  const table = page.getByRole('table', { name: 'People' });
  await expect(table.getByRole('row').nth(3)).toBeVisible();
  await expect(page.getByText(/^320 people$/)).toBeVisible();
  // Virtualized: far fewer rows in the page than people in the book.
  expect(await table.getByRole('row').count()).toBeLessThan(80);
  await screenshot(page, 'people-screen');

  await page.getByRole('heading', { name: 'People', level: 1 }).click();
  await expect(page.getByLabel('Search people')).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search people')).toBeFocused();
  await page.keyboard.type('田中');
  await expect(table.getByRole('link', { name: '田中 太郎' })).toBeVisible();
  await page.getByLabel('Search people').fill('ann lee');
  await expect(table.getByRole('link', { name: 'Ann Lee' })).toHaveCount(2);
  await table.getByRole('link', { name: 'Ann Lee' }).first().click();
  await expect(page.getByRole('heading', { name: 'Ann Lee', level: 1 })).toBeVisible();
  await expect(page.getByText('Introduce as')).toBeVisible();
  await screenshot(page, 'person-page');

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText(station.dataDir, { exact: true }).first()).toBeVisible();
  await screenshot(page, 'settings');
});

test('phone kinds are chosen in the form and shown on the page; the region in Settings decides where a number without a country code rings', async ({ page, station }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`${station.url}/#/people/new`);
  await page.getByLabel('Given name').fill('Greta');
  await page.getByLabel('Family name').fill('Berg');
  await page.getByLabel('Label for phone 1').fill('Büro');
  await page.getByRole('combobox', { name: 'Kinds of phone 1' }).click();
  await page.getByRole('option', { name: 'Fax' }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('Phone 1', { exact: true }).fill('030 1234567');
  await page.getByRole('button', { name: 'Save person' }).click();
  await expect(page.getByRole('heading', { name: 'Greta Berg', level: 1 })).toBeVisible();
  const phone = page.getByRole('link', { name: '030 1234567' });
  // The label and the kinds it does not say itself: "Büro" is work; the fax and the mobile of the new line are not.
  await expect(phone.locator('xpath=..')).toContainText('Büro · mobile fax');
  // The default region is the United States: the number is read as one there.
  await expect(phone).toHaveAttribute('href', 'tel:+10301234567');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const phones = page.getByRole('region', { name: 'Phones' });
  const region = phones.getByRole('combobox', { name: 'Numbers without a country code are in' });
  await expect(region).toHaveValue('United States (+1)');
  await region.click();
  await region.fill('Germ');
  await page.getByRole('option', { name: 'Germany (+49)' }).click();
  await phones.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Phone region saved; 1 number read again in it.')).toBeVisible();
  await phones.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-phones-1024');
  expect((await station.api<{ region: string }>('phones.settings')).value).toEqual({ region: 'DE' });

  await page.goBack();
  await expect(page.getByRole('link', { name: '030 1234567' })).toHaveAttribute('href', 'tel:+49301234567');
});
