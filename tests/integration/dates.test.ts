import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api';
import type { CoreContext } from '../../electron/core/context';
import { Day, FIRST_YEAR, LAST_YEAR, readDay } from '../../shared/dates';
import { openTestContext } from '../helpers/store';

/**
 * One date reading for the contract (issue 14, item 9): impossible days and years outside
 * 1900–2200 are refused at the field; the calendar export writes any stored day it can and
 * names the ones it cannot, never failing the whole file.
 */

/** The reference: a day exists when the proleptic Gregorian calendar has it (Date with the full year set, never 0–99 → 19xx). */
function exists(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('readDay, the one date reading', () => {
  it('takes a day exactly when it exists and its year is 1900–2200 (generated days)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        const read = readDay(text);
        const ok = y >= FIRST_YEAR && y <= LAST_YEAR && m >= 1 && m <= 12 && exists(y, m, d);
        expect(read.ok).toBe(ok);
        if (read.ok) expect([read.year, read.month, read.day]).toEqual([y, m, d]);
        else expect(read.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 2000 },
    );
  });

  it('says what is wrong with the issue’s examples', () => {
    expect(readDay('2024-02-30')).toEqual({ ok: false, message: 'Choose a real date: February 2024 has 29 days.' });
    expect(readDay('2023-02-29')).toEqual({ ok: false, message: 'Choose a real date: February 2023 has 28 days.' });
    expect(readDay('2024-13-45')).toEqual({ ok: false, message: 'Choose a real date: there is no month 13.' });
    expect(readDay('1899-12-31')).toEqual({ ok: false, message: 'Choose a year from 1900 to 2200.' });
    expect(readDay('0070-01-01')).toEqual({ ok: false, message: 'Choose a year from 1900 to 2200.' });
    expect(readDay('9999-12-31')).toEqual({ ok: false, message: 'Choose a year from 1900 to 2200.' });
    expect(readDay('2024-2-3').ok).toBe(false);
    expect(readDay('2024-02-29')).toEqual({ ok: true, year: 2024, month: 2, day: 29 });
    expect(readDay('1900-02-29').ok).toBe(false);
    expect(readDay('2000-02-29').ok).toBe(true);
  });

  it('refuses anything but text as a Day', () => {
    for (const v of [20240101, null, undefined, {}, '2024-01-01T00:00:00Z', ' 2024-01-01']) expect(Day.safeParse(v).success).toBe(false);
  });
});

function call<T>(ctx: CoreContext, method: string, input: unknown): T {
  const reply = dispatch(ctx, method, input);
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
  return reply.value as T;
}

describe('every date field of the contract refuses impossible days at the field', () => {
  it('follow-ups, interactions, purchases, occasions, seminars, report filters', async () => {
    const ctx = await openTestContext();
    const person = call<{ id: number }>(ctx, 'people.create', { givenName: 'Ann' });
    const seminar = { title: 'S', startTime: '09:00', endTime: '12:00', timeZone: 'America/New_York' };
    const cases: [string, (day: string) => unknown, string][] = [
      ['followUps.create', (day) => ({ personId: person.id, what: 'Call', dueOn: day }), 'dueOn'],
      ['interactions.log', (day) => ({ personId: person.id, kind: 'call', on: day }), 'on'],
      ['purchases.add', (day) => ({ personId: person.id, what: 'Plan', on: day }), 'on'],
      ['occasions.create', (day) => ({ kind: 'dinner', day, time: '19:00' }), 'day'],
      ['seminars.create', (date) => ({ ...seminar, date }), 'date'],
      ['reports.rapport', (day) => ({ filter: { from: day } }), 'filter.from'],
    ];
    for (const [method, input, field] of cases) {
      for (const [day, message] of [
        ['2024-02-30', 'Choose a real date: February 2024 has 29 days.'],
        ['2024-13-45', 'Choose a real date: there is no month 13.'],
        ['1899-12-31', 'Choose a year from 1900 to 2200.'],
        ['2201-01-01', 'Choose a year from 1900 to 2200.'],
        ['0070-06-01', 'Choose a year from 1900 to 2200.'],
      ] as const) {
        const reply = dispatch(ctx, method, input(day));
        expect(reply, `${method} ${day}`).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { [field]: message } } });
      }
    }
    // Nothing was written by any refused call.
    for (const table of ['follow_ups', 'interactions', 'purchases', 'occasions', 'seminars']) {
      expect((ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
    }
    expect(call<{ startsAt: string }>(ctx, 'seminars.create', { ...seminar, date: '2200-12-31' }).startsAt).toBe('2200-12-31T14:00:00.000Z');
  });
});

interface Calendar {
  content: string;
  count: number;
  skipped: { id: number; what: string; reason: string }[];
}

/** Writes a follow-up's day straight into the book, as an older Rapport or a hand-edited file may have left it. */
function storedFollowUp(ctx: CoreContext, personId: number, what: string, day: string): number {
  const at = '2026-01-01T00:00:00.000Z';
  return Number(
    ctx.db
      .prepare("INSERT INTO follow_ups (person_id, what, kind, due_on, state, source, created_at, updated_at) VALUES (?, ?, 'call', ?, 'open', 'person', ?, ?)")
      .run(personId, what, day, at, at).lastInsertRowid,
  );
}

const eventsOf = (content: string) => new ICAL.Component(ICAL.parse(content)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('the calendar export and any stored day', () => {
  it('writes the days a calendar takes, names the others with a reason, and never fails the whole file', async () => {
    const ctx = await openTestContext();
    call(ctx, 'keepInTouch.update', { cadence: { client: 30, customer: 90, prospect: 180 }, reminderTime: '09:30', timeZone: 'America/New_York' });
    const person = call<{ id: number }>(ctx, 'people.create', { givenName: 'Ann' });
    const ok = {
      'before 1970': storedFollowUp(ctx, person.id, 'before 1970', '1969-12-31'),
      'the first day': storedFollowUp(ctx, person.id, 'the first day', '1900-01-01'),
      'the last day': storedFollowUp(ctx, person.id, 'the last day', '2200-12-31'),
      'a leap day': storedFollowUp(ctx, person.id, 'a leap day', '2024-02-29'),
    };
    const skipped = {
      'year 70': storedFollowUp(ctx, person.id, 'year 70', '0070-01-01'),
      'year 99': storedFollowUp(ctx, person.id, 'year 99', '0099-12-31'),
      'year 9999': storedFollowUp(ctx, person.id, 'year 9999', '9999-12-31'),
      'not a day': storedFollowUp(ctx, person.id, 'not a day', '2024-02-30'),
      'not a date': storedFollowUp(ctx, person.id, 'not a date', 'soon'),
    };
    const file = call<Calendar>(ctx, 'followUps.calendar', {});
    expect(file.count).toBe(4);
    expect(file.content).not.toMatch(/\+0\d{5}|DTSTART:\d{1,3}\d{4}T|DTSTART:19[79]\d/);
    const events = eventsOf(file.content);
    const starts = Object.fromEntries(events.map((e) => [e.summary.split(' — ')[0], e.startDate.toJSDate().toISOString()]));
    expect(starts).toEqual({
      'before 1970': '1969-12-31T14:30:00.000Z',
      'the first day': '1900-01-01T14:30:00.000Z',
      'the last day': '2200-12-31T14:30:00.000Z',
      'a leap day': '2024-02-29T14:30:00.000Z',
    });
    expect(file.skipped.map((s) => s.id).sort((a, b) => a - b)).toEqual(Object.values(skipped).sort((a, b) => a - b));
    for (const s of file.skipped) expect(s.reason).toMatch(/cannot go in a calendar.*Give it another day\./);
    expect(file.skipped.find((s) => s.what === 'year 70')?.reason).toContain('Choose a year from 1900 to 2200.');
    expect(Object.values(ok).every((id) => !file.skipped.some((s) => s.id === id))).toBe(true);

    // Chosen one by one: a day no calendar takes is a clear conflict, never `internal`.
    const one = dispatch(ctx, 'followUps.calendar', { ids: [skipped['year 9999']] });
    expect(one).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('year 9999') } });
  });

  it('generated days: each is written on its own day at the reminder time, or left out with a reason; the file is always whole', async () => {
    const ctx = await openTestContext();
    call(ctx, 'keepInTouch.update', { cadence: { client: 30, customer: 90, prospect: 180 }, reminderTime: '23:45', timeZone: 'Etc/GMT-14' });
    const person = call<{ id: number }>(ctx, 'people.create', { givenName: 'Ann' });
    const anyDay = fc.oneof(
      fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(anyDay, { minLength: 1, maxLength: 6 }), (days) => {
        ctx.db.prepare('DELETE FROM follow_ups').run();
        const ids = days.map((day, i) => storedFollowUp(ctx, person.id, `f${i}`, day));
        const reply = dispatch(ctx, 'followUps.calendar', { ids });
        const good = days.filter((d) => readDay(d).ok);
        if (good.length === 0) {
          expect(reply).toMatchObject({ ok: false, error: { code: 'conflict' } });
          return;
        }
        expect(reply.ok).toBe(true);
        const file = (reply as { value: Calendar }).value;
        expect(file.count).toBe(good.length);
        expect(file.count + file.skipped.length).toBe(days.length);
        const events = eventsOf(file.content);
        expect(events).toHaveLength(good.length);
        for (const e of events) {
          const i = Number(e.summary.split(' — ')[0]?.slice(1));
          // 23:45 on its own day at UTC+14 (a zone that never moved): 09:45 UTC the same day.
          const day = days[i] as string;
          const expected = new Date(Date.UTC(2000, 0, 1, 9, 45));
          expected.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
          expect(e.startDate.toJSDate().toISOString()).toBe(expected.toISOString());
        }
      }),
      { numRuns: 200 },
    );
  });
});
