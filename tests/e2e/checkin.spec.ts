import type { Page } from '@playwright/test';
import { expect, planSeminar, screenshot, test, type Station } from './fixtures';

interface Reg {
  id: number;
  name: string;
  ticketCode: string;
}

async function seminarWith(station: Station, people: { givenName: string; familyName: string; organization?: string; emails?: { address: string }[]; introduceAs?: string }[]) {
  const ids: number[] = [];
  for (const p of people) ids.push((await station.api<{ id: number }>('people.create', p)).value.id);
  return { seminarId: await planSeminar(station, { capacity: 50 }), ids };
}

async function expectCountersMatchStore(page: Page, station: Station, seminarId: number) {
  const { value } = await station.api<{ counts: { registered: number; checkedIn: number; walkIns: number; expected: number } }>('seminars.get', { id: seminarId });
  for (const [label, n] of [
    ['Registered', value.counts.registered],
    ['Checked in', value.counts.checkedIn],
    ['Walk-ins', value.counts.walkIns],
    ['Still expected', value.counts.expected],
  ] as const) {
    await expect(page.getByRole('group', { name: label })).toContainText(String(n));
  }
  return value.counts;
}

test('check in by name, undo, check in by ticket, and a walk-in who is already in the book', async ({ page, station }) => {
  const { seminarId, ids } = await seminarWith(station, [
    { givenName: 'Ann', familyName: 'Lee', organization: 'Acme Print & Sign', emails: [{ address: 'ann@acme.com' }], introduceAs: 'my friend Ann' },
    { givenName: 'José', familyName: 'Álvarez', organization: 'Globex', introduceAs: 'José, who runs Globex' },
    { givenName: '太郎', familyName: '田中', organization: 'Tanaka Trading' },
    { givenName: 'Olga', familyName: 'Outside', organization: 'Initech', emails: [{ address: 'olga@initech.example' }] },
  ]);
  await station.api('registrations.add', { seminarId, personIds: ids.slice(0, 3), mode: 'in_person' });
  const regs = (await station.api<Reg[]>('registrations.list', { seminarId })).value;
  const ann = regs.find((r) => r.name === 'Ann Lee');

  await page.goto(`${station.url}/#/seminars/${seminarId}`);
  await page.getByRole('link', { name: 'Open check-in' }).click();
  const find = page.getByRole('combobox', { name: 'Find attendee' });
  await expect(find).toBeFocused();

  await find.pressSequentially('jos');
  await expect(page.getByRole('option', { name: /José Álvarez/ })).toHaveAttribute('aria-selected', 'true');
  await find.press('Enter');
  const status = page.getByRole('status', { name: 'Last check-in' });
  await expect(status).toContainText('José Álvarez is checked in');
  await expect(status).toContainText('Introduce as: José, who runs Globex');
  await expect(find).toBeFocused();
  await expect(find).toHaveValue('');
  await expectCountersMatchStore(page, station, seminarId);

  await page.keyboard.press('Alt+U');
  await expect(page.getByText('Check-in of José Álvarez undone.')).toBeVisible();
  expect((await expectCountersMatchStore(page, station, seminarId)).checkedIn).toBe(0);

  await find.pressSequentially(ann?.ticketCode ?? '');
  await find.press('Enter');
  await expect(status).toContainText('Ann Lee is checked in');
  await expect(status).toContainText('Introduce as: my friend Ann');

  const peopleBefore = (await station.api<{ total: number }>('people.list', {})).value.total;
  await page.keyboard.press('Alt+W');
  const walkIn = page.getByRole('dialog', { name: 'Walk-in' });
  await walkIn.getByLabel('Given name').fill('Olga');
  await walkIn.getByLabel('Email').fill('olga@initech.example');
  await walkIn.getByRole('button', { name: 'Is this Olga Outside, Initech?' }).click();
  await expect(status).toContainText('Olga Outside is checked in');
  expect((await station.api<{ total: number }>('people.list', {})).value.total).toBe(peopleBefore);
  const counts = await expectCountersMatchStore(page, station, seminarId);
  expect(counts).toMatchObject({ checkedIn: 2, walkIns: 1, registered: 4, expected: 2 });
  await screenshot(page, 'check-in');

  // The person's page tells how they took part.
  await page.getByRole('link', { name: 'Exit check-in' }).click();
  await page.getByRole('table', { name: 'Registrations' }).getByRole('link', { name: 'Olga Outside', exact: true }).click();
  const history = page.getByRole('region', { name: 'Seminars' });
  await expect(history.getByRole('link', { name: 'Become a Master Networker' })).toBeVisible();
  await expect(history).toContainText('walk-in');
  await expect(history).toContainText('Attended');
});

test('five check-ins in a row from the keyboard alone', async ({ page, station }) => {
  const names = [
    ['Ann', 'Lee'],
    ['Bo', 'Chen'],
    ['Carmen', 'Núñez'],
    ['Dmitri', 'Øster'],
    ['Emeka', 'Okafor'],
    ['Fiona', 'Walsh'],
  ] as const;
  const { seminarId, ids } = await seminarWith(
    station,
    names.map(([givenName, familyName]) => ({ givenName, familyName })),
  );
  await station.api('registrations.add', { seminarId, personIds: ids, mode: 'in_person' });
  await page.goto(`${station.url}/#/seminars/${seminarId}/check-in`);
  await expect(page.getByRole('combobox', { name: 'Find attendee' })).toBeFocused();

  for (const typed of ['ann', 'chen', 'nunez', 'oster', 'emeka']) {
    await page.keyboard.type(typed);
    await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('option')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status', { name: 'Last check-in' })).toContainText('is checked in');
    await expect(page.getByRole('combobox', { name: 'Find attendee' })).toHaveValue('');
  }
  const counts = await expectCountersMatchStore(page, station, seminarId);
  expect(counts.checkedIn).toBe(5);
  const regs = (await station.api<{ name: string; state: string }[]>('registrations.list', { seminarId })).value;
  expect(regs.filter((r) => r.state === 'registered').map((r) => r.name)).toEqual(['Fiona Walsh']);
});

test('a walk-in with bad input gets the message at the field and nothing is written', async ({ page, station }) => {
  const { seminarId } = await seminarWith(station, [{ givenName: 'Ann', familyName: 'Lee' }]);
  const peopleBefore = (await station.api<{ total: number }>('people.list', {})).value.total;
  await page.goto(`${station.url}/#/seminars/${seminarId}/check-in`);
  // The table is ready for keys once its field has the focus (a key pressed before that goes nowhere).
  await expect(page.getByRole('combobox', { name: 'Find attendee' })).toBeFocused();
  await page.keyboard.press('Alt+W');
  const walkIn = page.getByRole('dialog', { name: 'Walk-in' });
  await walkIn.getByLabel('Email').fill('not-an-email');
  await walkIn.getByRole('button', { name: 'Save and check in' }).click();
  await expect(walkIn.getByLabel('Given name')).toHaveAccessibleDescription(/Enter a name/);
  await expect(walkIn.getByLabel('Email')).toHaveAccessibleDescription(/valid email address/);
  expect((await station.api<{ total: number }>('people.list', {})).value.total).toBe(peopleBefore);
  const { value } = await station.api<{ counts: { walkIns: number } }>('seminars.get', { id: seminarId });
  expect(value.counts.walkIns).toBe(0);
});
