import {
  CHECK_IN_QUERY_MAX,
  compareRows,
  FIND_LIMIT,
  identify,
  matchRegistrant,
  readCheckInQuery,
  type CheckInResults,
  type CheckInRow,
  type RegistrantMatch,
} from '../../../shared/domain/registrant-match';
import { notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { findByPlatformCode } from './platform-tickets';
import { findByTicketText } from './registrant-answers';
import { suggestRegistrants } from './registrant-suggestions';
import { prefixMatchQuery } from './search-index';
import { getRegistrations, rankableRegistrations, TICKET_LENGTH } from './seminars';

// The reading of the typed text and the list's length are shared with door devices searching offline.
export { FIND_LIMIT, readCheckInQuery };

/**
 * The statements behind the check-in search, exported so the benchmark can time them bare.
 * Matches stream out of the search index in name order (its rowid is the name rank) and stop at
 * the limit; those still expected are read before those already in.
 */
export const FIND_SQL = {
  // Nothing typed: walk people in name order (the rank index) and keep this seminar's registrants.
  all: `SELECT r.id FROM people p INDEXED BY people_by_search_rank
      JOIN registrations r ON r.seminar_id = @seminarId AND r.person_id = p.id
    WHERE (r.state = 'registered') = @expected AND r.state != 'cancelled'
    ORDER BY p.search_rank LIMIT @limit`,
  byText: `SELECT r.id FROM people_search s
      JOIN people p ON p.search_rank = s.rowid
      JOIN registrations r ON r.seminar_id = @seminarId AND r.person_id = p.id
    WHERE people_search MATCH @match AND (r.state = 'registered') = @expected AND r.state != 'cancelled'
    ORDER BY s.rowid LIMIT @limit`,
  byCode: `SELECT id FROM registrations WHERE seminar_id = @seminarId AND state != 'cancelled'
    AND ticket_code >= @code AND ticket_code < @code || 'Z~' LIMIT 5`,
  ticket: `SELECT id FROM registrations WHERE seminar_id = @seminarId AND ticket_code = @code AND state != 'cancelled'`,
};

/** Enough registrants sharing an answer for the list's page to be the first in name order among those still expected. */
const TICKET_TEXT_CANDIDATES = 500;

const ids = (rows: unknown[]) => (rows as { id: number }[]).map((r) => r.id);
const cancelled = (ctx: CoreContext, id: number) => stmt<[number], { state: string }>(ctx.db, 'SELECT state FROM registrations WHERE id = ?').get(id)?.state === 'cancelled';

/** Up to `limit` ids of a statement, those still expected first, then those already in. */
function expectedFirst(ctx: CoreContext, sql: string, params: Record<string, unknown>, limit: number): number[] {
  const found = ids(stmt(ctx.db, sql).all({ ...params, limit, expected: 1 }));
  if (found.length < limit) found.push(...ids(stmt(ctx.db, sql).all({ ...params, limit: limit - found.length, expected: 0 })));
  return found;
}

/**
 * Registrants of one seminar for what was typed, best match first, and the one the text
 * identifies if it does. Candidates come from the search index: everyone whose names begin with
 * every typed word (so the ranking sees them all when there are fewer than a page), everyone whose
 * names hold every typed word whole (so a unique whole-name match is never missed behind a page of
 * longer names), then matches through organization or email; plus ticket codes. When nothing
 * matches as typed, close names are offered as suggestions.
 */
export function searchRegistrants(ctx: CoreContext, seminarId: number, typed: string): CheckInResults {
  if (!stmt(ctx.db, 'SELECT 1 FROM seminars WHERE id = ?').get(seminarId)) throw notFound('This seminar');
  const cut = typed.length > CHECK_IN_QUERY_MAX;
  const query = typed.slice(0, CHECK_IN_QUERY_MAX);
  const { words, ticketOnly, code } = readCheckInQuery(query);

  if (words.length === 0 && !code) {
    const listed = expectedFirst(ctx, FIND_SQL.all, { seminarId }, FIND_LIMIT);
    const plain: RegistrantMatch = { tier: 'other', exact: false, completeness: 0 };
    return { query: typed, rows: getRegistrations(ctx, listed).map((r) => ({ ...r, match: plain, reason: '' })), suggestions: [], identified: null, cut };
  }

  // Whole codes only: Rapport's own ticket, or a platform's (Eventbrite barcode or attendee #, Zoom registrant id).
  const platform = query.trim().length >= 4 ? findByPlatformCode(ctx, seminarId, query).filter((id) => !cancelled(ctx, id)) : [];
  const tickets = [...platform, ...(code.length === TICKET_LENGTH ? ids(stmt(ctx.db, FIND_SQL.ticket).all({ seminarId, code })) : [])];
  const codePrefixes = code ? ids(stmt(ctx.db, FIND_SQL.byCode).all({ seminarId, code })) : [];
  const candidates = new Set<number>([...tickets, ...codePrefixes]);
  const match = ticketOnly ? null : prefixMatchQuery(words.join(' '));
  if (match) {
    const exact = words.map((w) => `"${w}"`).join(' AND ');
    expectedFirst(ctx, FIND_SQL.byText, { seminarId, match: `names : (${match})` }, FIND_LIMIT).forEach((id) => candidates.add(id));
    expectedFirst(ctx, FIND_SQL.byText, { seminarId, match: `names : (${exact})` }, 2).forEach((id) => candidates.add(id));
    if (candidates.size < FIND_LIMIT) expectedFirst(ctx, FIND_SQL.byText, { seminarId, match }, FIND_LIMIT).forEach((id) => candidates.add(id));
  }
  // Ticket types and form answers rank below every name, organization and email match: read only when those leave room.
  const byTicket = match && candidates.size < FIND_LIMIT ? findByTicketText(ctx, seminarId, words) : new Map<number, string>();
  [...byTicket.keys()].slice(0, TICKET_TEXT_CANDIDATES).forEach((id) => candidates.add(id));

  const found = rankableRegistrations(ctx, [...candidates]);
  const ticketSet = new Set(tickets);
  const prefixSet = new Set(codePrefixes);
  const ranked = found.map(({ registration: r, names, emails, sortKey }) => {
    const byWords = matchRegistrant(words, { names, organization: r.organization, emails: emails ? [emails] : [] });
    const m: RegistrantMatch = ticketSet.has(r.id)
      ? { tier: 'code', exact: true, completeness: 1 }
      : byWords.tier !== 'suggestion'
        ? byWords
        : prefixSet.has(r.id)
          ? { tier: 'codePrefix', exact: false, completeness: code.length / TICKET_LENGTH }
          : byTicket.has(r.id)
            ? { tier: 'answer', exact: false, completeness: 0 }
            : byWords;
    return { id: r.id, match: m, expected: r.state === 'registered', sortKey, registration: r };
  });
  ranked.sort(compareRows);
  const shown = ranked.filter((r) => r.match.tier !== 'suggestion').slice(0, FIND_LIMIT);
  const rows: CheckInRow[] = shown.map((r) => ({ ...r.registration, match: r.match, reason: r.match.tier === 'answer' ? (byTicket.get(r.id) ?? '') : '' }));

  let suggestions: CheckInRow[] = [];
  if (rows.length === 0 && words.length > 0) {
    const offered = suggestRegistrants(ctx, seminarId, words);
    const reasons = new Map(offered.map((s) => [s.id, s.reason]));
    const closeMatch: RegistrantMatch = { tier: 'suggestion', exact: false, completeness: 0 };
    suggestions = getRegistrations(ctx, offered.map((s) => s.id)).map((r) => ({ ...r, match: closeMatch, reason: reasons.get(r.id) ?? '' }));
  }
  return { query: typed, rows, suggestions, identified: identify(shown), cut };
}
