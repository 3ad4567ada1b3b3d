import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, screenshot, test, type Station } from './fixtures';

/**
 * What the owner sees when the book holds a value no form would take (issue 14, items 6 and 9):
 * an older Rapport, a hand-edited file or a bad full import left it there. The screen that shows
 * it says so and goes on working.
 */

/** Writes into the station's book beside it, as another program might have (WAL lets both in). */
function write(station: Station, sql: string, ...params: unknown[]): void {
  const db = new Database(path.join(station.dataDir, 'rapport.db'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

test('a stored backup rotation of zero: Settings shows the default in use and says so, until it is saved again', async ({ page, station }) => {
  write(station, "INSERT INTO settings (key, value) VALUES ('backups.rotation', ?)", JSON.stringify({ daily: 0, weekly: 0, other: 0 }));
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`${station.url}/#/settings`);
  const backups = page.getByRole('region', { name: 'Backups' });
  const notice = backups.getByRole('status');
  await expect(notice).toContainText('Your saved choice could not be read');
  await expect(notice).toContainText('daily: Keep at least one daily backup. The default is in use until you save it again.');
  const kept = backups.getByRole('group', { name: 'Backups kept' });
  await expect(kept.getByRole('textbox', { name: 'Daily backups kept' })).toHaveValue('7');
  await notice.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-setting-notice-1024');

  await kept.getByRole('textbox', { name: 'Daily backups kept' }).fill('8');
  await kept.getByRole('button', { name: 'Save' }).click();
  await expect(backups.getByRole('status')).toHaveCount(0);
  expect((await station.api<{ daily: number }>('backups.rotation')).value.daily).toBe(8);
});

test('a follow-up stored on a day no calendar takes is left out of the calendar file with the reason; the others are written', async ({ page, station }) => {
  const ann = await station.api<{ id: number }>('people.create', { givenName: 'Ann', familyName: 'Lee' });
  await station.api('followUps.create', { personId: ann.value.id, what: 'Send the replay', kind: 'message', dueOn: '2031-01-20' });
  const at = new Date().toISOString();
  write(
    station,
    "INSERT INTO follow_ups (person_id, what, kind, due_on, state, source, created_at, updated_at) VALUES (?, 'Lunch in year 70', 'meal', '0070-01-01', 'open', 'person', ?, ?)",
    ann.value.id,
    at,
    at,
  );
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`${station.url}/#/agenda`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to calendar (.ics)' }).click();
  expect((await download).suggestedFilename()).toBe('follow-up-1.ics');
  await expect(page.getByText('Calendar file with one follow-up saved as follow-up-1.ics.')).toBeVisible();
  await expect(page.getByText('One follow-up left out of the calendar')).toBeVisible();
  await expect(page.getByText(/“Lunch in year 70”: Its day “0070-01-01” cannot go in a calendar: Choose a year from 1900 to 2200\. Give it another day\./)).toBeVisible();
  await screenshot(page, 'agenda-calendar-left-out-1024');
});
