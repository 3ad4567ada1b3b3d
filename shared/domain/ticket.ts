/**
 * A registration as a ticketing platform (Eventbrite, Zoom) knows it: its own identifiers, the
 * ticket type, and the answers given on the platform's registration form. Imports keep them so
 * the platform's ticket scans at the door and the answers show on the registration.
 */

export const TICKET_PLATFORMS = { eventbrite: 'Eventbrite', zoom: 'Zoom' } as const;
export type TicketPlatform = keyof typeof TICKET_PLATFORMS;

export const PLATFORM_CODE_KINDS = ['attendee', 'order', 'barcode', 'registrant'] as const;
export type PlatformCodeKind = (typeof PLATFORM_CODE_KINDS)[number];
export const PLATFORM_CODE_LABELS: Record<PlatformCodeKind, string> = {
  attendee: 'Attendee #',
  order: 'Order #',
  barcode: 'Barcode',
  registrant: 'Registrant ID',
};

/** The longest identifier kept; a longer cell is kept as an answer instead. */
export const PLATFORM_CODE_MAX = 100;

export interface PlatformCode {
  kind: PlatformCodeKind;
  code: string;
}

export interface TicketAnswer {
  /** The column heading, which for a custom question is the question's full text. */
  question: string;
  answer: string;
}

export interface PlatformTicket {
  platform: TicketPlatform;
  /** "General Admission", "VIP"…; empty when the platform has none. */
  ticketType: string;
  codes: PlatformCode[];
  answers: TicketAnswer[];
}

/**
 * What is typed or scanned, read as a platform code: surrounding space (a scanner's CR/LF) goes,
 * nothing else changes. Platform codes are compared exactly, never by prefix and never folded.
 */
export const platformCodeOf = (text: string): string => text.trim();

/** Rapport's own ticket codes: eight of Crockford's base-32 letters, the first a digit (seminars.ts makes them). */
export const TICKET_LENGTH = 8;

/** A query starting with a digit may be a ticket; one starting with a letter is a name. */
export function mayBeTicket(text: string): boolean {
  return /^\d/.test(text.trim());
}

/** A ticket code as typed or read aloud, in its stored form: separators out, O read as 0, I and L as 1. */
export function normalizeTicketCode(text: string): string {
  return text
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/**
 * Columns a platform writes for every registration (FORMATS.md §5.1, §6): the order's and the
 * attendance's record rather than the registrant's own answers. Kept like the answers; shown apart.
 */
const PLATFORM_RECORD_COLUMNS = new Set([
  'order date',
  'quantity',
  'price tier',
  'group',
  'order type',
  'currency',
  'total paid',
  'fees paid',
  'eventbrite fees',
  'eventbrite payment processing',
  'attendee status',
  'checked in',
  'buyer first name',
  'buyer last name',
  'buyer email',
  'registration time',
  'approval status',
  'attended',
  'join time',
  'leave time',
  'time in session (minutes)',
  'is guest',
  'country/region name',
]);

/** The answers given on the registration form, and the platform's record of the order or attendance. */
export function splitAnswers(answers: readonly TicketAnswer[]): { form: TicketAnswer[]; record: TicketAnswer[] } {
  const form: TicketAnswer[] = [];
  const record: TicketAnswer[] = [];
  for (const a of answers) (PLATFORM_RECORD_COLUMNS.has(a.question.trim().toLowerCase()) ? record : form).push(a);
  return { form, record };
}
