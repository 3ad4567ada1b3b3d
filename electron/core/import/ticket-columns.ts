import type { CsvFormat } from '../../../shared/domain/import';
import { PLATFORM_CODE_LABELS, PLATFORM_CODE_MAX, type PlatformCode, type PlatformCodeKind, type PlatformTicket, type TicketPlatform } from '../../../shared/domain/ticket';

/**
 * The ticket in an attendee report's row (corpus/import/FORMATS.md §5, §6): the platform's own
 * identifiers, the ticket type, and every other column the person's fields do not take — custom
 * questions above all, headed by the question's full text.
 */

/** Layouts whose rows are registrations. A Zoom participants report is a log of joins, not of registrations. */
const PLATFORM_OF: Partial<Record<CsvFormat, TicketPlatform>> = {
  eventbrite: 'eventbrite',
  'zoom-registrants': 'zoom',
  'zoom-attendees': 'zoom',
};

export const ticketPlatformOf = (format: CsvFormat): TicketPlatform | null => PLATFORM_OF[format] ?? null;

/** Column headings (lower-case) of each identifier; Eventbrite UK writes "no." for "#". */
const CODE_COLUMNS: Record<string, PlatformCodeKind> = {
  'attendee #': 'attendee',
  'attendee no.': 'attendee',
  'attendee id': 'attendee',
  'order #': 'order',
  'order no.': 'order',
  'order id': 'order',
  'barcode #': 'barcode',
  'barcode no.': 'barcode',
  barcode: 'barcode',
  'registrant id': 'registrant',
  'registration id': 'registrant',
};
const TICKET_TYPE_COLUMNS = new Set(['ticket type', 'ticket']);

const QUESTION_MAX = 500;
const ANSWER_MAX = 5000;

export interface TicketColumns {
  platform: TicketPlatform;
  codes: { index: number; kind: PlatformCodeKind }[];
  ticketType: number | null;
  /** The columns read as answers, with their headings. */
  answers: { index: number; question: string }[];
}

/**
 * Which column holds what, once per file. `taken` are the columns the person's fields read; the
 * rest, past the identifiers and ticket type, are answers.
 */
export function ticketColumns(format: CsvFormat, header: string[], taken: Set<number>): TicketColumns | null {
  const platform = ticketPlatformOf(format);
  if (!platform) return null;
  const columns: TicketColumns = { platform, codes: [], ticketType: null, answers: [] };
  const questions = new Set<string>();
  header.forEach((heading, index) => {
    const h = heading.trim().toLowerCase();
    const kind = CODE_COLUMNS[h];
    if (kind) columns.codes.push({ index, kind });
    else if (TICKET_TYPE_COLUMNS.has(h) && columns.ticketType === null) columns.ticketType = index;
    else if (!taken.has(index) && h && !questions.has(h)) {
      // A heading repeated (trailing blank columns, a question asked twice) keeps its first column.
      questions.add(h);
      columns.answers.push({ index, question: heading.trim().slice(0, QUESTION_MAX) });
    }
  });
  return columns;
}

/** The ticket in one row, or null when the row says nothing beyond the person. */
export function ticketOf(columns: TicketColumns, cells: string[]): PlatformTicket | null {
  const cell = (i: number) => (cells[i] ?? '').trim();
  const codes: PlatformCode[] = [];
  const answers: PlatformTicket['answers'] = [];
  for (const { index, kind } of columns.codes) {
    const code = cell(index);
    if (!code) continue;
    // Too long to be anyone's identifier: kept to be read, never looked up.
    if (code.length > PLATFORM_CODE_MAX) answers.push({ question: PLATFORM_CODE_LABELS[kind], answer: code.slice(0, ANSWER_MAX) });
    else codes.push({ kind, code });
  }
  for (const { index, question } of columns.answers) {
    const answer = cell(index);
    if (answer) answers.push({ question, answer: answer.slice(0, ANSWER_MAX) });
  }
  const ticketType = columns.ticketType === null ? '' : cell(columns.ticketType).slice(0, 200);
  if (!codes.length && !answers.length && !ticketType) return null;
  return { platform: columns.platform, ticketType, codes, answers };
}
