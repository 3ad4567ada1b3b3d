import { z } from 'zod';
import type { PlatformTicket } from './ticket';
import { Day } from '../dates';

/**
 * A seminar happens at a place and an hour in its own time zone ("9 AM to noon Eastern"). The
 * owner types wall-clock times there; the store keeps instants plus the IANA zone, and every
 * screen shows the times in the seminar's zone (and in local time when that differs).
 */

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`).default('');

export const SeminarInputSchema = z
  .object({
    title: z.string().trim().min(1, 'Give the seminar a title.').max(200, 'Keep the title under 200 characters.'),
    description: text(5000),
    date: Day,
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the start time as HH:MM (24-hour).'),
    endTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the end time as HH:MM (24-hour).'),
    timeZone: z.string().refine(isTimeZone, 'Choose a time zone such as America/New_York.'),
    venueName: text(200),
    venueAddress: text(500),
    streamUrl: z
      .string()
      .trim()
      .max(500)
      .default('')
      // eslint-disable-next-line no-control-regex
      .refine((v) => v === '' || /^https?:\/\/[^\s\u0000-\u001f\u007f-\u009f]+\.[^\s\u0000-\u001f\u007f-\u009f]+$/i.test(v), 'Enter the live-stream link as a web address starting with https://.'),
    capacity: z
      .number({ message: 'Enter the number of seats, or leave it empty.' })
      .int('Enter a whole number of seats.')
      .min(1, 'A seminar needs at least one seat.')
      .max(100_000, 'Enter at most 100,000 seats.')
      .nullable()
      .default(null),
  })
  .superRefine((s, ctx) => {
    if (s.endTime <= s.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'The seminar must end after it starts.' });
  });

export type SeminarInput = z.input<typeof SeminarInputSchema>;
export type SeminarData = z.output<typeof SeminarInputSchema>;

export interface Seminar extends SeminarData {
  id: number;
  /** ISO instants (UTC). */
  startsAt: string;
  endsAt: string;
  archived: boolean;
  closed: boolean;
  counts: RegistrationCounts;
  createdAt: string;
  updatedAt: string;
  /** Moves with every change; an update must name the version it was made on. */
  version: number;
}

export interface RegistrationCounts {
  registered: number;
  /** Seats are for the room: only in-person registrations take one. */
  registeredInPerson: number;
  registeredStream: number;
  checkedIn: number;
  checkedInInPerson: number;
  checkedInStream: number;
  walkIns: number;
  cancelled: number;
  noShows: number;
  /** Registered, not cancelled, not yet checked in. */
  expected: number;
}

/**
 * The room against its seats: how many in-person registrations and check-ins there are beyond
 * capacity (0 when within it, or when the seminar has no limit). The stream takes no seat.
 */
export function seatsOver(s: { capacity: number | null; counts: Pick<RegistrationCounts, 'registeredInPerson' | 'checkedInInPerson'> }, addingInPerson = 0): { registered: number; inRoom: number } {
  if (s.capacity === null) return { registered: 0, inRoom: 0 };
  return {
    registered: Math.max(0, s.counts.registeredInPerson + addingInPerson - s.capacity),
    inRoom: Math.max(0, s.counts.checkedInInPerson - s.capacity),
  };
}

export const ATTENDANCE_MODES = ['in_person', 'stream'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];
export const REGISTRATION_SOURCES = ['imported', 'ahead', 'walk_in'] as const;
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number];
export const REGISTRATION_STATES = ['registered', 'checked_in', 'cancelled', 'no_show'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

export const MODE_LABELS: Record<AttendanceMode, string> = { in_person: 'In person', stream: 'Live stream' };
export const STATE_LABELS: Record<RegistrationState, string> = {
  registered: 'Registered',
  checked_in: 'Checked in',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

export interface Registration {
  id: number;
  seminarId: number;
  personId: number;
  name: string;
  organization: string;
  /** The person's job title (printed under the organization on a badge). */
  role: string;
  primaryEmail: string;
  introduceAs: string;
  mode: AttendanceMode;
  source: RegistrationSource;
  state: RegistrationState;
  checkedInAt: string | null;
  /** The door device that checked them in ("Door 2"); null for the owner's own table (or not checked in). */
  checkedInBy: string | null;
  ticketCode: string;
  note: string;
  /** When a badge was last printed (or saved) for this registration. */
  badgePrintedAt: string | null;
  /** What the ticketing platform it was imported from knows about it; null when none. */
  ticket: PlatformTicket | null;
}

/** What undoing a check-in did: a walk-in is taken back whole, an expected registrant is expected again. */
export interface CheckInUndo {
  registrationId: number;
  name: string;
  outcome: 'expected_again' | 'walk_in_removed' | 'walk_in_and_person_removed';
  /** Why a person the walk-in added stays in the book. */
  personKept: string | null;
}

export interface SeminarSummary {
  id: number;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueName: string;
  streaming: boolean;
  archived: boolean;
  closed: boolean;
  registered: number;
  checkedIn: number;
}

/** "Thursday, January 19, 2023" in the seminar's own zone. */
export function formatSeminarDate(startsAt: string, timeZone: string, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(startsAt));
}

function zoneName(at: Date, timeZone: string, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** "9:00 AM – 12:00 PM Eastern Time": the hours as people at the venue read them. */
export function formatSeminarHours(startsAt: string, endsAt: string, timeZone: string, locale = 'en-US'): string {
  const start = new Date(startsAt);
  const hours = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).formatRange(start, new Date(endsAt));
  return `${hours} ${zoneName(start, timeZone, locale)}`;
}

/** The same hours on this computer's clock, or null when the computer is in the seminar's zone. */
export function formatLocalHours(startsAt: string, endsAt: string, timeZone: string, localZone: string, locale = 'en-US'): string | null {
  const start = new Date(startsAt);
  const fmt = (zone: string) => new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(start);
  if (fmt(timeZone) === fmt(localZone)) return null;
  const hours = new Intl.DateTimeFormat(locale, { timeZone: localZone, weekday: 'short', hour: 'numeric', minute: '2-digit' }).formatRange(
    start,
    new Date(endsAt),
  );
  return `${hours} ${zoneName(start, localZone, locale)}`;
}

/** The seminar's wall-clock date and times back from its instants, for editing. */
export function wallClock(startsAt: string, endsAt: string, timeZone: string): Pick<SeminarData, 'date' | 'startTime' | 'endTime'> {
  const parts = (iso: string) => {
    const p = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .reduce<Record<string, string>>((acc, part) => ({ ...acc, [part.type]: part.value }), {});
    return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
  };
  const start = parts(startsAt);
  return { date: start.date, startTime: start.time, endTime: parts(endsAt).time };
}

/** One line of a person's seminar history. */
export interface PersonSeminar {
  registrationId: number;
  seminarId: number;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  mode: AttendanceMode;
  source: RegistrationSource;
  state: RegistrationState;
  checkedInAt: string | null;
}
