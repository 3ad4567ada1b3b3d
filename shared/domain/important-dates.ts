import { z } from 'zod';

/**
 * Important dates (birthdays, anniversaries, any dated life event — a new job, a move, a child):
 * kept as month and day with an optional year, shown on the person, as reminders on the agenda a
 * chosen number of days ahead, and as yearly events in the calendar export.
 */
export const DATE_KINDS = ['birthday', 'anniversary', 'event'] as const;
export type DateKind = (typeof DATE_KINDS)[number];
export const DATE_KIND_LABELS: Record<DateKind, string> = { birthday: 'Birthday', anniversary: 'Anniversary', event: 'Life event' };

const daysIn = (month: number, year: number | null) => new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate();

export const ImportantDateInputSchema = z
  .object({
    kind: z.enum(DATE_KINDS, { message: 'Choose birthday, anniversary or life event.' }),
    label: z.string().trim().max(200, 'Keep the name under 200 characters.').default(''),
    month: z.number({ message: 'Choose the month.' }).int().min(1, 'Choose the month.').max(12, 'Choose the month.'),
    day: z.number({ message: 'Enter the day.' }).int().min(1, 'Enter a day of the month.').max(31, 'Enter a day of the month.'),
    year: z.number().int().min(1900, 'A year from 1900 on.').max(2200, 'A year up to 2200.').nullable().default(null),
    /** A birthday or anniversary comes back every year; a life event (a move) may not. */
    yearly: z.boolean().default(true),
    remindDaysBefore: z.number().int().min(0, 'Zero or more days.').max(60, 'At most 60 days ahead.').default(7),
  })
  .superRefine((d, ctx) => {
    if (d.day > daysIn(d.month, d.year)) ctx.addIssue({ code: 'custom', path: ['day'], message: 'That month has no such day.' });
    if (d.kind === 'event' && !d.label) ctx.addIssue({ code: 'custom', path: ['label'], message: 'Say what happened: a new job, a move, a child…' });
    if (!d.yearly && d.year === null) ctx.addIssue({ code: 'custom', path: ['year'], message: 'A one-off event needs its year.' });
  });
export type ImportantDateInput = z.output<typeof ImportantDateInputSchema>;

export interface ImportantDate extends ImportantDateInput {
  id: number;
  personId: number;
}

export interface DateReminder {
  date: ImportantDate;
  person: { id: number; name: string };
  /** The day it next falls on (YYYY-MM-DD), and in how many days. */
  on: string;
  inDays: number;
  /** Their age or the years it marks, when the year is known. */
  years: number | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The next day on or after `today` it falls on (29 February: 28 February in other years); null for a past one-off event. */
export function nextOccurrence(d: Pick<ImportantDateInput, 'month' | 'day' | 'year' | 'yearly'>, today: string): string | null {
  if (!d.yearly) {
    const on = `${d.year}-${pad(d.month)}-${pad(d.day)}`;
    return on >= today ? on : null;
  }
  const y = Number(today.slice(0, 4));
  for (const year of [y, y + 1]) {
    const day = Math.min(d.day, daysIn(d.month, year));
    const on = `${year}-${pad(d.month)}-${pad(day)}`;
    if (on >= today) return on;
  }
  return null;
}

/** "Birthday", "Anniversary", or the event's own words. */
export function dateTitle(d: Pick<ImportantDateInput, 'kind' | 'label'>): string {
  return d.kind === 'event' ? d.label : d.label ? `${DATE_KIND_LABELS[d.kind]} (${d.label})` : DATE_KIND_LABELS[d.kind];
}

/**
 * A vCard BDAY / ANNIVERSARY value: 1985-04-12, 19850412, --0412, --04-12, 1985-04-12T00:00:00Z,
 * 12.04.1985 is not a vCard form and is refused. Null when it is no date.
 */
export function readVcardDate(value: string): { month: number; day: number; year: number | null } | null {
  const v = value.trim();
  const m = /^(?:(\d{4})-?|--)(\d{2})-?(\d{2})(?:T.*)?$/.exec(v);
  if (!m) return null;
  const year = m[1] ? Number(m[1]) : null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  const parsed = ImportantDateInputSchema.safeParse({ kind: 'birthday', month, day, year: year !== null && year >= 1900 && year <= 2200 ? year : null });
  return parsed.success ? { month, day, year: parsed.data.year } : null;
}
