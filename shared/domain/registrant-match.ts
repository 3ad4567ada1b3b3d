import type { Registration } from './seminar';
import { nameSearchWords, searchTokens } from './names';
import { mayBeTicket, normalizeTicketCode } from './ticket';

/**
 * How a registrant matches what was typed at the check-in table, and when the typed text
 * identifies one registrant. The store finds the candidates; these rules rank them and decide
 * whether Enter may check one in. The door must never check in someone the volunteer did not
 * name, so a row is identified only when no other row could be the one meant.
 */

/**
 * - `code`: the whole text is this registration's ticket or platform code (exact).
 * - `name`: every typed word begins one of the person's name words.
 * - `other`: every typed word begins a name, organization or email word, some not a name.
 * - `answer`: every typed word begins a word of the ticket type or of one answer on the platform's
 *   form ("vip", "vegetarian"). Listed with what matched, never identified: many share an answer.
 * - `codePrefix`: the text begins a ticket code. Listed, never identified: a prefix is no ticket.
 * - `suggestion`: nothing matched as typed; close to the name (a typo or a given-name variant).
 */
export type MatchTier = 'code' | 'name' | 'other' | 'answer' | 'codePrefix' | 'suggestion';

export interface RegistrantMatch {
  tier: MatchTier;
  /** Every typed word is a whole name word ("ann baker" for Ann Baker, not for Anne Bakersfield). */
  exact: boolean;
  /** 0–1: how much of the matched name words the typed words cover. */
  completeness: number;
}

/** What the ranking reads of a registrant. */
export interface RegistrantText {
  names: string[];
  organization: string;
  emails: string[];
}

const TIER_ORDER: Record<MatchTier, number> = { code: 0, name: 1, other: 2, answer: 3, codePrefix: 4, suggestion: 5 };

/** Something that could name a person or a ticket: at least one letter or digit. */
export function canNameSomeone(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/**
 * Text a scanner or a volunteer typed as a whole ticket: Rapport's own codes (a digit and seven
 * more letters or digits) and platform barcodes and attendee numbers (long runs of digits).
 * Read with separators and spaces left out.
 */
export function looksLikeCode(text: string): boolean {
  const compact = text.trim().replace(/[\s-]/g, '');
  return /^\d[0-9a-z]{7,}$/i.test(compact);
}

export function matchRegistrant(typedWords: string[], r: RegistrantText): RegistrantMatch {
  const names = nameSearchWords(r.names);
  const others = [...searchTokens(r.organization), ...searchTokens(r.emails.join(' '))];
  let allName = typedWords.length > 0;
  let allAny = typedWords.length > 0;
  let allExact = typedWords.length > 0;
  let covered = 0;
  for (const w of typedWords) {
    let best = 0;
    for (const n of names) if (n.startsWith(w)) best = Math.max(best, w.length / n.length);
    if (best === 0) {
      allName = false;
      allExact = false;
      if (!others.some((o) => o.startsWith(w))) allAny = false;
    } else if (best < 1) {
      allExact = false;
    }
    covered += best;
  }
  const tier: MatchTier = allName ? 'name' : allAny ? 'other' : 'suggestion';
  return { tier, exact: allName && allExact, completeness: typedWords.length ? covered / typedWords.length : 0 };
}

export interface RankedRow {
  id: number;
  match: RegistrantMatch;
  /** Still expected at the door (not yet checked in). */
  expected: boolean;
  /** Name order (the person's sort key). */
  sortKey: string;
}

/**
 * Best first: a code, then people whose names match every typed word above those matched through
 * their organization or email; then whole-word matches, then by how much of the name matched;
 * then those still expected before those already in; then by name.
 */
export function compareRows(a: RankedRow, b: RankedRow): number {
  return (
    TIER_ORDER[a.match.tier] - TIER_ORDER[b.match.tier] ||
    Number(b.match.exact) - Number(a.match.exact) ||
    b.match.completeness - a.match.completeness ||
    Number(b.expected) - Number(a.expected) ||
    (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) ||
    a.id - b.id
  );
}

/**
 * The one row the typed text names, or null when it names nobody or could name more than one.
 * `rows` must hold every candidate of the best tier the store found (see registrant-search).
 */
export function identify(rows: readonly RankedRow[]): number | null {
  const codes = rows.filter((r) => r.match.tier === 'code');
  if (codes.length > 0) return codes.length === 1 ? (codes[0] as RankedRow).id : null;
  const byName = rows.filter((r) => r.match.tier === 'name');
  if (byName.length === 1) return (byName[0] as RankedRow).id;
  if (byName.length > 1) {
    const exact = byName.filter((r) => r.match.exact);
    return exact.length === 1 ? (exact[0] as RankedRow).id : null;
  }
  const listed = rows.filter((r) => r.match.tier !== 'suggestion');
  return listed.length === 1 && listed[0]?.match.tier === 'other' ? listed[0].id : null;
}

/** A registrant as the check-in list shows them: why they are listed, and how they matched. */
export interface CheckInRow extends Registration {
  match: RegistrantMatch;
  /** Why it is listed when not by name: a suggestion's "Bob is a form of Robert", an answer's "VIP ticket"; else empty. */
  reason: string;
}

/** One answer of the check-in search: for exactly the text in `query`. */
export interface CheckInResults {
  query: string;
  rows: CheckInRow[];
  suggestions: CheckInRow[];
  identified: number | null;
  /** The text was longer than the search reads; only its start was searched. */
  cut: boolean;
}

/** The check-in search reads this much of what was typed or pasted. */
export const CHECK_IN_QUERY_MAX = 200;

/** How many registrants the check-in list shows at once: the person at the table types more to narrow. */
export const FIND_LIMIT = 30;

/**
 * What was typed at the table, read the way the search uses it (at the hub and on a door device
 * searching offline). A query starting with a digit may be a ticket; four or more such characters
 * are a ticket being typed or scanned, not a name.
 */
export function readCheckInQuery(query: string): { words: string[]; ticketOnly: boolean; code: string } {
  const code = mayBeTicket(query) ? normalizeTicketCode(query) : '';
  const ticketOnly = code.length >= 4;
  return { words: ticketOnly ? [] : searchTokens(query), ticketOnly, code: code.length >= 3 ? code : '' };
}
