import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { dispatch } from '../../electron/core/api';
import { applyImport } from '../../electron/core/import/apply';
import { readImportFile } from '../../electron/core/import/read';
import { datesCalendar, upcomingDates } from '../../electron/core/services/important-dates';
import { photoOf } from '../../electron/core/services/photos';
import { localDay } from '../../electron/core/services/standing';
import { nextOccurrence, readVcardDate } from '../../shared/domain/important-dates';
import { dayMinus, daysBetween } from '../../shared/domain/standing';
import { openTestContext } from '../helpers/store';

/** A 1×1 PNG. */
export const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const inDays = (ctx: CoreContext, n: number) => dayMinus(localDay(ctx.now()), -n);

/** A card as phones write it: 3.0 with BDAY, a 4.0-style ANNIVERSARY without year, and a folded base64 PHOTO. */
export function cardWith(birthday: string, anniversary: string): string {
  const folded = PNG.match(/.{1,40}/g)?.join('\r\n ') ?? PNG;
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'N:Geburtstag;Greta;;;',
    'FN:Greta Geburtstag',
    `BDAY:${birthday}`,
    `ANNIVERSARY:--${anniversary.slice(5, 7)}${anniversary.slice(8, 10)}`,
    `PHOTO;ENCODING=b;TYPE=PNG:${folded}`,
    'TEL;TYPE=CELL:+1 717 555 0199',
    'END:VCARD',
    '',
  ].join('\r\n');
}

function importCard(ctx: CoreContext, text: string) {
  const file = readImportFile('greta.vcf', new TextEncoder().encode(text));
  return { file, summary: applyImport(ctx, { fileName: 'greta.vcf', file, duplicates: 'merge', byLine: {}, seminarId: null, mode: 'in_person', backup: '' }) };
}

describe('important dates and photos from vCard', () => {
  it('imports BDAY, ANNIVERSARY and PHOTO: the birthday is reminded the right days ahead and exported as a yearly event', async () => {
    const ctx = await openTestContext();
    const birthday = inDays(ctx, 5);
    const card = cardWith(`1985${birthday.slice(4)}`, inDays(ctx, 20));
    const { file } = importCard(ctx, card);
    expect(file.problems).toEqual([]);
    const id = (ctx.db.prepare('SELECT id FROM people').get() as { id: number }).id;

    const reminders = upcomingDates(ctx);
    // Reminded 7 days ahead by default: the birthday in 5 days is on the agenda, the anniversary in 20 is not yet.
    expect(reminders.map((r) => [r.date.kind, r.inDays, r.on, r.years])).toEqual([['birthday', 5, birthday, Number(birthday.slice(0, 4)) - 1985]]);
    expect(upcomingDates(ctx, 30).map((r) => r.date.kind)).toEqual(['birthday', 'anniversary']);

    const photo = photoOf(ctx, id);
    expect(photo?.url).toBe(`data:image/png;base64,${PNG}`);

    const ics = datesCalendar(ctx, null);
    const calendar = new ICAL.Component(ICAL.parse(ics.content));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2);
    const bday = events.find((e) => e.summary.startsWith('Birthday')) as ICAL.Event;
    expect(bday.summary).toBe('Birthday: Greta Geburtstag');
    expect(bday.isRecurring()).toBe(true);
    expect(bday.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=YEARLY');
    expect(bday.startDate.isDate).toBe(true);
    expect(bday.startDate.toString()).toBe(`1985${birthday.slice(4)}`);
    // The next occurrence the calendar computes is the birthday this year (or next).
    const it = bday.iterator();
    let next = it.next();
    while (next && next.toString() < localDay(ctx.now())) next = it.next();
    expect(next?.toString()).toBe(birthday);

    // Importing the same card again merges: no second birthday, no second photo.
    importCard(ctx, card);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM important_dates').get()).toEqual({ n: 2 });
    expect(ctx.db.prepare('SELECT count(*) AS n FROM person_photos').get()).toEqual({ n: 1 });
  });

  it('bad dates and photos are named by line and left out; the person still comes in', async () => {
    const ctx = await openTestContext();
    const card = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Odd Dates', 'BDAY:sometime in May', 'PHOTO;ENCODING=b;TYPE=JPEG:bm90IGFuIGltYWdl', 'PHOTO;VALUE=uri:https://example.com/a.jpg', 'END:VCARD', ''].join('\r\n');
    const { file } = importCard(ctx, card);
    expect(file.problems.map((p) => p.line)).toEqual([4, 5]);
    expect(file.problems[0]?.message).toMatch(/not a date/);
    expect(file.problems[1]?.message).toMatch(/not a JPEG, PNG, GIF or WebP/);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 1 });
  });

  it('a photo set through the API is sniffed, never trusted by name; oversized or not an image is refused at the field', async () => {
    const ctx = await openTestContext();
    const p = dispatch(ctx, 'people.create', { givenName: 'Pia' }) as { ok: true; value: { id: number } };
    expect(dispatch(ctx, 'photos.set', { personId: p.value.id, data: `data:image/jpeg;base64,${PNG}` })).toMatchObject({ ok: true, value: { url: `data:image/png;base64,${PNG}` } });
    expect(dispatch(ctx, 'photos.set', { personId: p.value.id, data: 'PHNjcmlwdD4=' })).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { photo: expect.any(String) } } });
    expect(dispatch(ctx, 'photos.setOnBadges', { personId: p.value.id, onBadges: true })).toMatchObject({ ok: true, value: { photo: { onBadges: true } } });
  });

  it('a date typed at the API is checked: 30 February, a life event without words or year', async () => {
    const ctx = await openTestContext();
    const p = dispatch(ctx, 'people.create', { givenName: 'Dora' }) as { ok: true; value: { id: number } };
    expect(dispatch(ctx, 'dates.add', { personId: p.value.id, kind: 'birthday', month: 2, day: 30 })).toMatchObject({ ok: false, error: { fields: { day: expect.any(String) } } });
    expect(dispatch(ctx, 'dates.add', { personId: p.value.id, kind: 'event', month: 3, day: 1, yearly: false })).toMatchObject({ ok: false });
    expect(dispatch(ctx, 'dates.add', { personId: p.value.id, kind: 'event', label: 'New job at Acme', month: 3, day: 1, year: 2026, yearly: false })).toMatchObject({ ok: true });
    expect(dispatch(ctx, 'dates.add', { personId: p.value.id, kind: 'birthday', month: 2, day: 29 })).toMatchObject({ ok: true });
  });
});

describe('the rules of dates', () => {
  it('the next occurrence of a yearly date is within a year from today, on its day (29 February on the 28th in other years)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.date({ min: new Date('1950-01-01'), max: new Date('2150-12-31'), noInvalidDate: true }),
        (month, day, now) => {
          const today = now.toISOString().slice(0, 10);
          const max = new Date(Date.UTC(2024, month, 0)).getUTCDate();
          fc.pre(day <= max);
          const next = nextOccurrence({ month, day, year: null, yearly: true }, today) as string;
          expect(next >= today).toBe(true);
          expect(daysBetween(today, next)).toBeLessThanOrEqual(366);
          expect(Number(next.slice(5, 7))).toBe(month);
          const nextDay = Number(next.slice(8, 10));
          expect(month === 2 && day === 29 ? [28, 29] : [day]).toContain(nextDay);
        },
      ),
    );
  });

  it('reads the vCard date forms and refuses what is not one', () => {
    expect(readVcardDate('1985-04-12')).toEqual({ month: 4, day: 12, year: 1985 });
    expect(readVcardDate('19850412')).toEqual({ month: 4, day: 12, year: 1985 });
    expect(readVcardDate('--0412')).toEqual({ month: 4, day: 12, year: null });
    expect(readVcardDate('--04-12')).toEqual({ month: 4, day: 12, year: null });
    expect(readVcardDate('1985-04-12T00:00:00Z')).toEqual({ month: 4, day: 12, year: 1985 });
    // Apple writes 1604 for "year unknown".
    expect(readVcardDate('1604-04-12')).toEqual({ month: 4, day: 12, year: null });
    for (const bad of ['12.04.1985', '1985-13-01', '1985-02-30', '', 'April 12']) expect(readVcardDate(bad)).toBeNull();
  });
});
