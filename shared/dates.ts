import { z } from 'zod';

/**
 * The one reading of a calendar day (YYYY-MM-DD) for the whole contract. Arithmetic only, no
 * `Date`: JavaScript's Date rolls 2024-02-30 over to March 1st and reads years 0–99 as 1900–1999,
 * and both once reached the book. A day outside 1900–2200 is a typo, never a plan.
 */

export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export type DayReading = { ok: true; year: number; month: number; day: number } | { ok: false; message: string };

export const DAY_FORMAT_MESSAGE = 'Choose a date (YYYY-MM-DD).';
export const DAY_YEARS_MESSAGE = `Choose a year from ${FIRST_YEAR} to ${LAST_YEAR}.`;

/** Reads a calendar day, or says in words what is wrong with it. */
export function readDay(text: string): DayReading {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return { ok: false, message: DAY_FORMAT_MESSAGE };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, message: DAY_YEARS_MESSAGE };
  if (month < 1 || month > 12) return { ok: false, message: `Choose a real date: there is no month ${m[2]}.` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return { ok: false, message: `Choose a real date: ${MONTHS[month - 1]} ${year} has ${last} days.` };
  return { ok: true, year, month, day };
}

export const isDay = (text: string) => readDay(text).ok;

/** A calendar day the owner picked, YYYY-MM-DD, checked by `readDay`; whether it may lie ahead is the service's call. */
export const Day = z.string({ message: DAY_FORMAT_MESSAGE }).superRefine((value, ctx) => {
  const read = readDay(value);
  if (!read.ok) ctx.addIssue({ code: 'custom', message: read.message });
});

/**
 * An instant as Rapport stores it: ISO 8601 in UTC with a four-digit year (`toISOString`), within
 * the same years as a day. A year past 9999 would be written `+010000-…`, which no reader takes.
 */
export const Instant = z.string({ message: 'Expected a date and time.' }).superRefine((value, ctx) => {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?Z$/.exec(value);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: 'Expected a date and time in UTC, like 2026-03-01T14:00:00.000Z.' });
    return;
  }
  const read = readDay(m[1] as string);
  if (!read.ok) ctx.addIssue({ code: 'custom', message: read.message });
});

/** `Date#toISOString`, or null when the instant has no four-digit year (before year 0, after 9999, or invalid). */
export function isoInstant(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  const year = d.getUTCFullYear();
  return year >= 0 && year <= 9999 ? d.toISOString() : null;
}
