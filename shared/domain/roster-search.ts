import type { RosterEntry } from './door';
import { nameSortKey } from './names';
import {
  CHECK_IN_QUERY_MAX,
  compareRows,
  FIND_LIMIT,
  identify,
  matchRegistrant,
  readCheckInQuery,
  type CheckInResults,
  type CheckInRow,
  type RankedRow,
  type RegistrantMatch,
} from './registrant-match';
import { PLATFORM_CODE_MAX, platformCodeOf, TICKET_LENGTH } from './ticket';

/**
 * The check-in search run on a door device over the roster it keeps, for when the hub cannot be
 * reached: the same reading of the text, the same match tiers, ranking and `identify` as the hub's
 * (registrant-search.ts), over every registrant instead of the hub's index. Close-name suggestions
 * need the hub; offline there are none, and a suggestion is never selected anyway.
 */

const PLAIN: RegistrantMatch = { tier: 'other', exact: false, completeness: 0 };
const CODE_PREFIX_LIMIT = 5;

interface Keyed {
  entry: RosterEntry;
  /** Name order, as the hub's search rank: sort key, then who was in the book first. */
  sortKey: string;
}

/** The roster in name order with its sort keys, made once per roster and searched many times. */
export interface PreparedRoster {
  readonly keyed: readonly Keyed[];
}

export function prepareRoster(entries: readonly RosterEntry[]): PreparedRoster {
  return { keyed: keyed(entries) };
}

function keyed(entries: readonly RosterEntry[]): Keyed[] {
  return entries
    .filter((e) => e.state !== 'cancelled')
    .map((entry) => ({ entry, sortKey: nameSortKey(entry) }))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.entry.personId - b.entry.personId));
}

const row = (entry: RosterEntry, match: RegistrantMatch): CheckInRow => ({ ...entry, match, reason: '' });

export function searchRoster(roster: readonly RosterEntry[] | PreparedRoster, typed: string): CheckInResults {
  const cut = typed.length > CHECK_IN_QUERY_MAX;
  const query = typed.slice(0, CHECK_IN_QUERY_MAX);
  const { words, ticketOnly, code } = readCheckInQuery(query);
  const all = 'keyed' in roster ? roster.keyed : keyed(roster);

  if (words.length === 0 && !code) {
    const expected = all.filter((k) => k.entry.state === 'registered');
    const others = all.filter((k) => k.entry.state !== 'registered');
    const listed = [...expected, ...others].slice(0, FIND_LIMIT);
    return { query: typed, rows: listed.map((k) => row(k.entry, PLAIN)), suggestions: [], identified: null, cut };
  }

  const platform = platformCodeOf(query);
  const tickets = new Set<number>();
  if (query.trim().length >= 4 && platform.length <= PLATFORM_CODE_MAX) {
    for (const k of all) if (k.entry.ticket?.codes.some((c) => c.code === platform)) tickets.add(k.entry.id);
  }
  if (code.length === TICKET_LENGTH) for (const k of all) if (k.entry.ticketCode === code) tickets.add(k.entry.id);
  const prefixes = new Set(
    code
      ? all
          .filter((k) => k.entry.ticketCode.startsWith(code))
          .sort((a, b) => (a.entry.ticketCode < b.entry.ticketCode ? -1 : 1))
          .slice(0, CODE_PREFIX_LIMIT)
          .map((k) => k.entry.id)
      : [],
  );

  const ranked: (RankedRow & { entry: RosterEntry })[] = [];
  for (const k of all) {
    const e = k.entry;
    const byWords = ticketOnly ? null : matchRegistrant(words, { names: [e.givenName, e.familyName, e.displayName], organization: e.organization, emails: e.emails });
    const m: RegistrantMatch | null = tickets.has(e.id)
      ? { tier: 'code', exact: true, completeness: 1 }
      : byWords && byWords.tier !== 'suggestion'
        ? byWords
        : prefixes.has(e.id)
          ? { tier: 'codePrefix', exact: false, completeness: code.length / TICKET_LENGTH }
          : null;
    if (m) ranked.push({ id: e.id, match: m, expected: e.state === 'registered', sortKey: k.sortKey, entry: e });
  }
  ranked.sort(compareRows);
  const shown = ranked.slice(0, FIND_LIMIT);
  return { query: typed, rows: shown.map((r) => row(r.entry, r.match)), suggestions: [], identified: identify(shown), cut };
}
