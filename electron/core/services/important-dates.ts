import { createEvents, type EventAttributes } from 'ics';
import {
  DATE_KIND_LABELS,
  dateTitle,
  nextOccurrence,
  type DateReminder,
  type ImportantDate,
  type ImportantDateInput,
} from '../../../shared/domain/important-dates';
import { daysBetween } from '../../../shared/domain/standing';
import { AppError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { personRef, refOf, type NameRow } from './person-records';
import { today } from './standing';
import type { ImportedExtras } from '../import/extras';

interface DateRow {
  id: number;
  person_id: number;
  kind: ImportantDate['kind'];
  label: string;
  month: number;
  day: number;
  year: number | null;
  yearly: number;
  remind_days_before: number;
}

const toDate = (r: DateRow): ImportantDate => ({
  id: r.id,
  personId: r.person_id,
  kind: r.kind,
  label: r.label,
  month: r.month,
  day: r.day,
  year: r.year,
  yearly: r.yearly === 1,
  remindDaysBefore: r.remind_days_before,
});

/** Inserts one date; the caller owns the transaction. */
export function insertDate(ctx: CoreContext, personId: number, d: ImportantDateInput): number {
  return Number(
    stmt(
      ctx.db,
      'INSERT INTO important_dates (person_id, kind, label, month, day, year, yearly, remind_days_before, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(personId, d.kind, d.label, d.month, d.day, d.year, d.yearly ? 1 : 0, d.remindDaysBefore, ctx.now().toISOString()).lastInsertRowid,
  );
}

export function datesOf(ctx: CoreContext, personId: number): ImportantDate[] {
  return stmt<[number], DateRow>(ctx.db, 'SELECT * FROM important_dates WHERE person_id = ? ORDER BY month, day, id').all(personId).map(toDate);
}

export function addDate(ctx: CoreContext, personId: number, d: ImportantDateInput): ImportantDate {
  const id = ctx.db
    .transaction(() => {
      personRef(ctx, personId);
      return insertDate(ctx, personId, d);
    })
    .immediate();
  return datesOf(ctx, personId).find((x) => x.id === id) as ImportantDate;
}

export function deleteDate(ctx: CoreContext, id: number): { id: number } {
  const changes = ctx.db.transaction(() => stmt(ctx.db, 'DELETE FROM important_dates WHERE id = ?').run(id).changes).immediate();
  if (!changes) throw notFound('This date');
  return { id };
}

/** Dates coming up, each from its own number of days ahead (or within `days`, whichever is more), soonest first. */
export function upcomingDates(ctx: CoreContext, days = 0): DateReminder[] {
  const day = today(ctx);
  const rows = stmt<[], DateRow & NameRow & { person_name_id: number }>(
    ctx.db,
    `SELECT d.*, p.id AS person_name_id, p.given_name, p.family_name, p.display_name FROM important_dates d JOIN people p ON p.id = d.person_id`,
  ).all();
  const out: DateReminder[] = [];
  for (const r of rows) {
    const date = toDate(r);
    const on = nextOccurrence(date, day);
    if (!on) continue;
    const inDays = daysBetween(day, on);
    if (inDays > Math.max(date.remindDaysBefore, days)) continue;
    const person = refOf({ id: r.person_name_id, given_name: r.given_name, family_name: r.family_name, display_name: r.display_name });
    out.push({ date, person, on, inDays, years: date.year !== null && date.yearly ? Number(on.slice(0, 4)) - date.year : null });
  }
  return out.sort((a, b) => a.inDays - b.inDays || a.person.name.localeCompare(b.person.name));
}

/**
 * Every yearly date in the book (or of one person) as an iCalendar file of all-day events that
 * repeat each year, with an alarm the date's own number of days ahead.
 */
export function datesCalendar(ctx: CoreContext, personId: number | null): { filename: string; content: string; count: number } {
  const rows = stmt<[], DateRow & NameRow & { person_name_id: number }>(
    ctx.db,
    `SELECT d.*, p.id AS person_name_id, p.given_name, p.family_name, p.display_name FROM important_dates d JOIN people p ON p.id = d.person_id
     ${personId === null ? '' : `WHERE d.person_id = ${Number(personId)}`} ORDER BY d.month, d.day, d.id`,
  ).all();
  const year = Number(today(ctx).slice(0, 4));
  const events: EventAttributes[] = rows.map((r) => {
    const d = toDate(r);
    const name = refOf({ id: r.person_name_id, given_name: r.given_name, family_name: r.family_name, display_name: r.display_name }).name;
    // A yearly date starts on its first year if known (so "age" reads right), else this year.
    const startYear = d.yearly ? (d.year ?? year) : (d.year as number);
    const event: EventAttributes = {
      uid: `rapport-date-${d.id}@rapport.local`,
      title: `${dateTitle(d)}: ${name}`,
      description: d.kind === 'event' ? `${DATE_KIND_LABELS.event} of ${name}` : `${DATE_KIND_LABELS[d.kind]} of ${name}${d.year ? ` (${d.year})` : ''}`,
      start: [startYear, d.month, d.day],
      end: nextDay(startYear, d.month, d.day),
      startInputType: 'local',
      startOutputType: 'local',
      categories: ['Rapport', DATE_KIND_LABELS[d.kind]],
    };
    if (d.yearly) event.recurrenceRule = 'FREQ=YEARLY';
    if (d.remindDaysBefore > 0) event.alarms = [{ action: 'display', description: event.title as string, trigger: { days: d.remindDaysBefore, before: true } }];
    return event;
  });
  if (events.length === 0) throw new AppError('not_found', 'No important dates to put in a calendar yet.');
  const { error, value } = createEvents(events, { productId: 'Rapport', calName: 'Rapport: important dates' });
  if (error || !value) throw new AppError('internal', `The calendar could not be written: ${error?.message ?? 'unknown reason'}`);
  return { filename: `rapport-dates-${today(ctx)}.ics`, content: value, count: events.length };
}

function nextDay(y: number, m: number, d: number): [number, number, number] {
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
}

/** An import's dates and photo for someone it created or merged: dates not already there; a photo only where none is. */
export function applyExtras(ctx: CoreContext, personId: number, extras: ImportedExtras): void {
  const known = new Set(datesOf(ctx, personId).map((d) => `${d.kind}-${d.month}-${d.day}`));
  for (const d of extras.dates) {
    if (known.has(`${d.kind}-${d.month}-${d.day}`)) continue;
    insertDate(ctx, personId, d);
    known.add(`${d.kind}-${d.month}-${d.day}`);
  }
  if (extras.photo) {
    stmt(ctx.db, 'INSERT OR IGNORE INTO person_photos (person_id, mime, data, on_badges, updated_at) VALUES (?, ?, ?, 0, ?)').run(
      personId,
      extras.photo.mime,
      extras.photo.data,
      ctx.now().toISOString(),
    );
  }
}
