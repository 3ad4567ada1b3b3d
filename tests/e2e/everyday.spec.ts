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

test('Ctrl+K finds by a word of a note and a phone typed otherwise, logs a touch for someone; delete → Trash → put back', async ({ page, station }) => {
  const ann = await station.api<{ id: number }>('people.create', {
    givenName: 'Ann',
    familyName: 'Runner',
    notes: 'Training for the Boston marathon',
    phones: [{ number: '+1 (717) 546-1234' }],
  });
  await station.api('interactions.log', { personId: ann.value.id, kind: 'meal', on: '2026-01-05', note: 'Talked about her bookkeeper' });
  await page.goto(`${station.url}/#/people`);
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();

  // A word of her note.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Find anything' });
  await palette.getByRole('combobox', { name: 'Find anything' }).fill('marathon');
  await expect(palette.getByRole('option', { name: /Ann Runner/ }).first()).toBeVisible();
  await screenshot(page, 'find-anything');
  // Her phone, typed with other separators.
  await palette.getByRole('combobox', { name: 'Find anything' }).fill('717.546');
  await expect(palette.getByRole('option', { name: /Ann Runner/ }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Ann Runner', level: 1 })).toBeVisible();

  // A command: log a touch for… someone.
  await page.keyboard.press('Control+k');
  await palette.getByRole('combobox', { name: 'Find anything' }).fill('log a touch');
  await palette.getByRole('option', { name: 'Log a touch for…' }).click();
  const pick = page.getByRole('dialog', { name: 'Log a touch for whom?' });
  await pick.getByRole('combobox', { name: 'Find the person' }).fill('runner');
  await expect(pick.getByRole('option', { name: /Ann Runner/ })).toBeVisible();
  await page.keyboard.press('Enter');
  const log = page.getByRole('dialog', { name: 'Log a touch with Ann Runner' });
  await log.getByRole('textbox', { name: 'Note' }).fill('Ran the 10k together');
  await log.getByRole('button', { name: 'Log touch' }).click();
  await expect(log).toBeHidden();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByText('Ran the 10k together')).toBeVisible();

  // `?` lists the shortcuts.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Delete → the trash → put back: the person returns with her touches.
  await page.getByRole('button', { name: 'Delete' }).first().click();
  await page.getByRole('dialog', { name: 'Delete Ann Runner?' }).getByRole('button', { name: 'Delete person' }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Trash' }).click();
  const deleted = page.getByRole('table', { name: 'Deleted' });
  await expect(deleted.getByRole('row', { name: /Ann Runner/ })).toBeVisible();
  await deleted.getByRole('button', { name: 'Put back Ann Runner' }).click();
  await expect(page.getByRole('heading', { name: 'Ann Runner', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' }).getByText('Ran the 10k together')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' }).getByText('Talked about her bookkeeper')).toBeVisible();
});

test('Enter in Find anything opens what the typed text finds, never an earlier text’s first hit', async ({ page, station }) => {
  await station.api('people.create', { givenName: 'Ann', familyName: 'Alpha' });
  await station.api('people.create', { givenName: 'Bob', familyName: 'Beta' });
  await page.goto(`${station.url}/#/people`);
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+k');
  const box = page.getByRole('dialog', { name: 'Find anything' }).getByRole('combobox', { name: 'Find anything' });
  await box.fill('alpha');
  await expect(page.getByRole('option', { name: /Ann Alpha/ })).toBeVisible();
  // A slow answer for the new text: Enter is pressed while the list still shows the last one's hits.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/find.anything', async (route) => {
    if (route.request().postData()?.includes('beta')) await held;
    await route.continue();
  });
  await box.fill('beta');
  await box.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Find anything' })).toBeVisible();
  release();
  await expect(page.getByRole('heading', { name: 'Bob Beta', level: 1 })).toBeVisible();
});
