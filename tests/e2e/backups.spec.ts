import { expect, test } from './fixtures';

test('back up from Settings, change the book, restore the backup: the change is gone and a safety copy is kept', async ({ page, station }) => {
  await station.api('people.create', { givenName: 'Ann', familyName: 'Lee' });
  await page.goto(`${station.url}/#/settings`);
  const backups = page.getByRole('region', { name: 'Backups' });
  await backups.getByRole('button', { name: 'Back up now' }).click();
  const list = backups.getByRole('table', { name: 'Backup list' });
  await expect(list.getByRole('row', { name: /By hand/ })).toHaveCount(1);

  await station.api('people.create', { givenName: 'Ben', familyName: 'Okafor' });
  expect((await station.api<{ total: number }>('people.list', {})).value.total).toBe(2);

  await list.getByRole('row', { name: /By hand/ }).getByRole('button', { name: /Restore the backup of/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await dialog.getByRole('button', { name: 'Restore backup' }).click();
  await expect(page.getByText('Book restored')).toBeVisible();
  await expect(list.getByRole('row', { name: /Before a restore/ })).toHaveCount(1);
  const people = await station.api<{ total: number; items: { name: string }[] }>('people.list', {});
  expect(people.value.items.map((p) => p.name)).toEqual(['Ann Lee']);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('table', { name: 'People' }).getByRole('link', { name: 'Ann Lee' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'People' }).getByRole('link', { name: 'Ben Okafor' })).toHaveCount(0);
});
