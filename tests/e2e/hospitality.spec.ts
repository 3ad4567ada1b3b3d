import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../electron/core/db/store';
import { expect, screenshot, test, type Station } from './fixtures';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const yes = { yes: true, evidence: '' };

async function person(station: Station, givenName: string, familyName: string, client: boolean): Promise<number> {
  const created = await station.api<{ id: number }>('people.create', { givenName, familyName });
  if (client) {
    await station.api('clientTest.answer', {
      personId: created.value.id,
      on: today(),
      answers: { needKnown: yes, comfortableAsking: yes, reference: yes, trust: yes },
    });
  }
  return created.value.id;
}

const scoreOf = async (station: Station, personId: number) => (await station.api<{ score: { score: number } }>('relationship.get', { personId })).value.score.score;

test('a dinner: four invited (one with her partner), one declines, two come — they have been in my home and score higher', async ({ page, station }) => {
  const ann = await person(station, 'Ann', 'Lee', true);
  const hana = await person(station, 'Hana', 'Sato', false);
  const ben = await person(station, 'Ben', 'Okafor', true);
  const cy = await person(station, 'Cy', 'Weaver', false);
  const dee = await person(station, 'Dee', 'Nowak', false);
  await station.api('links.add', { personId: ann, otherId: hana, kind: 'partner' });
  const before = { ann: await scoreOf(station, ann), ben: await scoreOf(station, ben) };

  await page.goto(`${station.url}/#/occasions`);
  await page.getByRole('link', { name: 'Plan an occasion' }).click();
  await page.getByLabel('Title (optional)').fill('Winter supper');
  await page.getByLabel('Day').fill(today());
  await page.getByLabel('Time').fill('19:00');
  await page.getByLabel('Seats').fill('6');
  await page.getByLabel('Notes').fill('Soup and roast vegetables; Ben is vegetarian.');
  await page.getByRole('button', { name: 'Save occasion' }).click();
  await expect(page.getByRole('heading', { name: 'Winter supper', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Invite guests' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite guests to Winter supper' });
  for (const name of ['Ann Lee', 'Ben Okafor', 'Cy Weaver', 'Dee Nowak']) await dialog.getByRole('checkbox', { name }).check();
  await expect(dialog.getByRole('checkbox', { name: 'Also invite their partner and family (household)' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Invite 4' }).click();
  await expect(dialog).toBeHidden();
  const guests = page.getByRole('table', { name: 'Guest list' });
  await expect(guests.getByRole('row')).toHaveCount(6); // header + four + Ann's partner
  await expect(guests.getByRole('link', { name: 'Hana Sato' })).toBeVisible();

  const setState = async (name: string, state: string) => {
    await page.getByRole('combobox', { name: `State of ${name}` }).click();
    await page.getByRole('option', { name: state, exact: true }).click();
    await expect(guests.getByRole('row', { name: new RegExp(name) })).toContainText(state);
  };
  await setState('Cy Weaver', 'Declined');
  await setState('Ann Lee', 'Attended');
  await setState('Ben Okafor', 'Attended');
  await expect(page.getByRole('region', { name: 'Who would enjoy meeting' })).toBeVisible();
  await screenshot(page, 'occasion');

  for (const [id, name] of [
    [ann, 'Ann Lee'],
    [ben, 'Ben Okafor'],
  ] as const) {
    await page.goto(`${station.url}/#/people/${id}`);
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    const home = page.getByRole('region', { name: 'In my home' });
    await expect(home.getByText('Yes', { exact: true })).toBeVisible();
    await expect(home).toContainText('Times hosted1');
    await expect(page.getByRole('region', { name: 'Timeline' }).getByText('Home visit')).toBeVisible();
  }
  expect(await scoreOf(station, ann)).toBeGreaterThan(before.ann);
  expect(await scoreOf(station, ben)).toBeGreaterThan(before.ben);
  const cyHome = await station.api<{ hasBeenInMyHome: boolean; invitationsDeclined: number }>('hospitality.ofPerson', { personId: cy });
  expect(cyHome.value).toMatchObject({ hasBeenInMyHome: false, invitationsDeclined: 1 });
  const deeHome = await station.api<{ hasBeenInMyHome: boolean }>('hospitality.ofPerson', { personId: dee });
  expect(deeHome.value.hasBeenInMyHome).toBe(false);
});

test('the home dashboard’s intimacy measure matches the store', async ({ page, station }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await station.api('sample.load');
  await page.goto(station.url);
  const measure = page.getByRole('status', { name: 'Intimacy measure' });
  await expect(measure).toBeVisible();

  // Counted here straight from the file: the top 20 clients by stored score, and who of them came to an occasion.
  const db = new Database(path.join(station.dataDir, DATABASE_FILE), { readonly: true });
  const { top, hosted } = db
    .prepare(
      `WITH best AS (SELECT id FROM people WHERE stage = 'client' ORDER BY score DESC, sort_key, id LIMIT 20)
       SELECT count(*) AS top, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM occasion_guests g WHERE g.person_id = best.id AND g.state = 'attended')) AS hosted
       FROM best`,
    )
    .get() as { top: number; hosted: number };
  db.close();
  expect(top).toBe(20);
  expect(hosted).toBeGreaterThan(0);
  expect(hosted).toBeLessThan(top);
  await expect(measure).toHaveText(`${hosted} of your top ${top} clients have been in your home`);
  // The Relationships card counts its three lists as the lists themselves do.
  const lists = page.getByRole('region', { name: 'Relationships' });
  for (const [list, title] of [['ready', 'Ready to become clients'], ['atRisk', 'At risk'], ['futureClients', 'Future clients']] as const) {
    const { total } = (await station.api<{ total: number }>('relationship.list', { list })).value;
    await expect(lists.getByRole('link', { name: title }).locator('xpath=..')).toContainText(String(total));
  }
  await screenshot(page, 'home-dashboard');
});
