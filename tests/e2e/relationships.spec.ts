import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

/** Today as the page writes a day: the browser's own format, so the test holds in any locale. */
const todayOnPage = (page: Page) =>
  page.evaluate(() => {
    const d = new Date();
    return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' }).format(d);
  });

async function answerClientTest(page: Page, answers: ('Yes' | 'No')[]) {
  await page.getByRole('button', { name: 'Answer the client test' }).click();
  const dialog = page.getByRole('dialog', { name: /Client test for/ });
  const questions = ['Need known', 'Comfortable asking', 'Reference', 'Trust'];
  for (const [i, q] of questions.entries()) {
    await dialog.getByRole('radiogroup', { name: new RegExp(q) }).getByRole('radio', { name: answers[i] }).check();
  }
  await dialog.getByRole('button', { name: 'Save answers' }).click();
  await expect(dialog).toBeHidden();
}

const recencyPoints = async (page: Page) =>
  Number(await page.getByRole('table', { name: 'Score parts' }).getByRole('row', { name: /Recent personal touch/ }).getByRole('cell').nth(1).locator('span').first().innerText());

test('the client test makes a client and back; a touch raises recency; a referral shows on both pages', async ({ page, station }) => {
  const created = await station.api<{ id: number }>('people.create', { givenName: 'Ann', familyName: 'Lee', organization: 'Acme Print & Sign' });
  await page.goto(`${station.url}/#/people/${created.value.id}`);
  await expect(page.getByRole('heading', { name: 'Ann Lee', level: 1 })).toBeVisible();
  const standing = page.getByRole('region', { name: 'Standing' });
  await expect(standing.getByText('Prospect — nothing bought yet')).toBeVisible();

  // She buys: a customer whose trust is not yet known.
  await page.getByRole('button', { name: 'Record a purchase' }).click();
  await page.getByLabel('What', { exact: true }).fill('Referral workshop for her team');
  await page.getByLabel('Amount (optional)').fill('1200');
  await page.getByRole('button', { name: 'Save purchase' }).click();
  await expect(standing.getByText('Customer — trust not yet known')).toBeVisible();

  // Four yeses: a client, answered today.
  await answerClientTest(page, ['Yes', 'Yes', 'Yes', 'Yes']);
  await expect(standing.getByText('Client — all four client-test answers are yes')).toBeVisible();
  const today = await todayOnPage(page);
  const history = page.getByRole('table', { name: 'Client test history' });
  await expect(history.getByRole('row').nth(1)).toContainText(today);
  await expect(history.getByRole('row').nth(1)).toContainText('4 of 4');
  await expect(page.getByRole('group', { name: 'Stage history' }).or(standing.getByLabel('Stage history'))).toContainText('Customer → Client');

  // Answered again with one no: a customer again, both answerings kept.
  await answerClientTest(page, ['Yes', 'Yes', 'No', 'Yes']);
  await expect(standing.getByText('Customer — 3 of 4 yes; not yet: reference')).toBeVisible();
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history.getByRole('row').nth(1)).toContainText('3 of 4');
  await expect(history.getByRole('row').nth(2)).toContainText('4 of 4');

  // A newsletter is no personal touch; a call is.
  expect(await recencyPoints(page)).toBe(0);
  await page.getByRole('button', { name: 'Log a touch' }).click();
  let touch = page.getByRole('dialog', { name: 'Log a touch with Ann Lee' });
  await touch.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Newsletter' }).click();
  await touch.getByRole('button', { name: 'Log touch' }).click();
  await expect(touch).toBeHidden();
  await expect(page.getByRole('region', { name: 'Timeline' }).getByText('Newsletter')).toBeVisible();
  expect(await recencyPoints(page)).toBe(0);

  await page.keyboard.press('l');
  touch = page.getByRole('dialog', { name: 'Log a touch with Ann Lee' });
  await touch.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Call' }).click();
  await touch.getByLabel('Note').fill('Asked how the new press works');
  await touch.getByRole('button', { name: 'Log touch' }).click();
  await expect(page.getByRole('region', { name: 'Timeline' }).getByText('Asked how the new press works')).toBeVisible();
  await expect.poll(() => recencyPoints(page)).toBe(20);

  // A referral of someone new: both pages show it.
  await page.getByRole('button', { name: 'Record advocacy' }).click();
  const advocacy = page.getByRole('dialog', { name: 'What Ann Lee did for you' });
  await advocacy.getByText('Someone new', { exact: true }).click();
  await expect(advocacy.getByRole('radio', { name: 'Someone new' })).toBeChecked();
  await advocacy.getByLabel('Given name').fill('Hana');
  await advocacy.getByLabel('Family name').fill('Sato');
  await advocacy.getByRole('button', { name: 'Save' }).click();
  await expect(advocacy).toBeHidden();
  const annAdvocacy = page.getByRole('region', { name: 'Advocacy' });
  await expect(annAdvocacy.getByText('1 referral')).toBeVisible();
  await annAdvocacy.getByRole('link', { name: 'Hana Sato' }).click();
  await expect(page.getByRole('heading', { name: 'Hana Sato', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Advocacy' }).getByText('Referred by')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Advocacy' }).getByRole('link', { name: 'Ann Lee' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'How we met' })).toContainText('Referred by Ann Lee');

  const stored = await station.api<{ stage: string; tests: unknown[]; advocacyGiven: { referred: { name: string } }[] }>('relationship.get', {
    personId: created.value.id,
  });
  expect(stored.value.stage).toBe('customer');
  expect(stored.value.tests).toHaveLength(2);
  expect(stored.value.advocacyGiven.map((a) => a.referred.name)).toEqual(['Hana Sato']);
});

test('on the sample book: a rich person page, the People list by score, and the lists that drive action', async ({ page, station }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await station.api('sample.load');
  await page.goto(`${station.url}/#/people`);

  const table = page.getByRole('table', { name: 'People' });
  await page.getByRole('combobox', { name: 'Sort by' }).click();
  await page.getByRole('option', { name: 'Rapport score' }).click();
  await expect(table.getByRole('columnheader').filter({ has: page.getByRole('button', { name: 'Sort by score' }) })).toHaveAttribute('aria-sort', 'descending');
  const scores = await table.getByRole('row').evaluateAll((rows) => rows.slice(1, 12).map((r) => Number(r.querySelectorAll('[role="cell"]')[3]?.textContent)));
  expect(scores.length).toBeGreaterThan(5);
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  await screenshot(page, 'people-by-score');

  await page.getByLabel('Search people').fill('ann lee acme');
  await table.getByRole('link', { name: 'Ann Lee' }).click();
  await expect(page.getByRole('heading', { name: 'Ann Lee', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' }).getByText('Coffee on Main Street', { exact: false })).toBeVisible();
  await screenshot(page, 'person-rich');
  await page.getByRole('region', { name: 'Needs' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'person-rich-lower');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Relationships' }).click();
  const ready = page.getByRole('table', { name: 'Ready to become clients' });
  await expect(ready.getByRole('row').nth(1)).toBeVisible();
  const expected = await station.api<{ total: number }>('relationship.list', { list: 'ready' });
  await expect(ready.getByRole('row')).toHaveCount(expected.value.total + 1);
  await screenshot(page, 'relationships-ready');
  // A longer list shows its first rows at once and then every one of them.
  await page.getByRole('tab', { name: /Due to reconnect/ }).click();
  const reconnect = await station.api<{ total: number; items: unknown[] }>('relationship.list', { list: 'dueToReconnect' });
  expect(reconnect.value.items.length).toBeGreaterThan(40);
  await expect(page.getByRole('table', { name: 'Due to reconnect' }).getByRole('row')).toHaveCount(reconnect.value.items.length + 1);
  await expect(page.getByRole('tab', { name: /Due to reconnect/ })).toContainText(String(reconnect.value.total));
  await page.getByRole('tab', { name: /Ready to become clients/ }).click();

  // Bulk: tag the first two people on the list.
  await ready.getByRole('checkbox').nth(1).check();
  await ready.getByRole('checkbox').nth(2).check();
  const bulk = page.getByRole('group', { name: 'Bulk actions' });
  await expect(bulk).toContainText('2 selected');
  await bulk.getByLabel('Tag').fill('Planning day');
  await bulk.getByRole('button', { name: 'Add tag' }).click();
  await expect.poll(async () => (await station.api<{ total: number }>('people.list', { tag: 'Planning day' })).value.total).toBe(2);
});
