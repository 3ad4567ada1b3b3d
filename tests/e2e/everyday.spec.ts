import { expect, screenshot, test } from './fixtures';

test('a newsletter for someone who asked for no mailings warns and needs a confirm; a touch completes only what is due, with Undo', async ({ page, station }) => {
  const ann = await station.api<{ id: number }>('people.create', { givenName: 'Ann', familyName: 'Mailless' });
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toLocaleDateString('en-CA');
  await station.api('followUps.create', { personId: ann.value.id, what: 'Quick coffee', kind: 'meal', dueOn: today });
  await station.api('followUps.create', { personId: ann.value.id, what: 'Lunch at the new office', kind: 'meal', dueOn: inDays(7) });
  await page.goto(`${station.url}/#/people/${ann.value.id}`);
  await expect(page.getByRole('heading', { name: 'Ann Mailless', level: 1 })).toBeVisible();

  // The owner flags her boundary on her page.
  await page.getByRole('group', { name: 'Boundaries the app respects' }).getByText('No mailings').click();
  await expect(page.getByRole('group', { name: 'Boundaries the app respects' }).getByRole('checkbox', { name: 'No mailings' })).toBeChecked();

  // A newsletter: warned, not logged until confirmed.
  await page.getByRole('button', { name: 'Log a touch' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log a touch with Ann Mailless' });
  await dialog.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Newsletter' }).click();
  await dialog.getByRole('button', { name: 'Log touch' }).click();
  await expect(dialog.getByRole('alert')).toContainText('No mailings');
  await screenshot(page, 'boundary-confirm');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByText('Newsletter')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Log anyway' }).click();
  await expect(dialog).toBeHidden();
  await expect(timeline.getByText('Newsletter').first()).toBeVisible();

  // A coffee today: the coffee due today is offered ticked, next week's lunch unticked; the toast names what was done, with Undo.
  await page.getByRole('button', { name: 'Log a touch' }).click();
  await dialog.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Meal or coffee' }).click();
  const also = dialog.getByRole('group', { name: 'Also mark done' });
  await expect(also.getByRole('checkbox', { name: /Quick coffee/ })).toBeChecked();
  await expect(also.getByRole('checkbox', { name: /Lunch at the new office/ })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Log touch' }).click();
  await expect(dialog).toBeHidden();
  const toast = page.getByRole('alert').filter({ hasText: 'Also done: Quick coffee' });
  await expect(toast).toBeVisible();
  const agenda = () => station.api<Record<string, { what: string }[]>>('followUps.agenda', { personId: ann.value.id });
  expect(Object.values((await agenda()).value).flat().map((f) => f.what)).toEqual(['Lunch at the new office']);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Reopened: Quick coffee')).toBeVisible();
  expect(Object.values((await agenda()).value).flat().map((f) => f.what).sort()).toEqual(['Lunch at the new office', 'Quick coffee']);
});
