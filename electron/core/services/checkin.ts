import type { AttendanceMode, Registration } from '../../../shared/domain/seminar';
import type { PersonMatch } from '../../../shared/contract';
import { phoneKey, type PersonData } from '../../../shared/domain/person';
import { foldText, personName } from '../../../shared/domain/names';
import { AppError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { refreshStanding } from './standing';
import { stmt } from '../db/statements';
import { insertPerson } from './people';
import { prefixMatchQuery } from './search-index';
import { getRegistration, getRegistrations, mayBeTicket, newTicketCode, normalizeTicketCode, TICKET_LENGTH } from './seminars';
import { findByPlatformCode } from './platform-tickets';
import { platformCodeOf } from '../../../shared/domain/ticket';

/** How many registrants the check-in list shows at once: the person at the table types more to narrow. */
export const FIND_LIMIT = 30;

function openSeminar(ctx: CoreContext, seminarId: number): void {
  const s = stmt<[number], { closed_at: string | null }>(ctx.db, 'SELECT closed_at FROM seminars WHERE id = ?').get(seminarId);
  if (!s) throw notFound('This seminar');
  if (s.closed_at) throw new AppError('conflict', 'This seminar is closed. Reopen it to check people in.');
}

/**
 * Registrants of one seminar matching what was typed: a prefix of any name part, organization or
 * email, or of a ticket code. Not yet checked in first, then by name.
 */
export function findRegistrants(ctx: CoreContext, seminarId: number, query: string): Registration[] {
  if (!stmt(ctx.db, 'SELECT 1 FROM seminars WHERE id = ?').get(seminarId)) throw notFound('This seminar');
  return getRegistrations(ctx, findRegistrantIds(ctx, seminarId, query));
}

/** The statements behind the check-in search, exported so the benchmark can time them bare. */
export const FIND_SQL = {
  // Nothing typed: walk people in name order (the rank index) and keep this seminar's registrants.
  all: `SELECT r.id FROM people p INDEXED BY people_by_search_rank
      JOIN registrations r ON r.seminar_id = @seminarId AND r.person_id = p.id
    WHERE (r.state = 'registered') = @expected AND r.state != 'cancelled'
    ORDER BY p.search_rank LIMIT @limit`,
  // Matches stream out of the search index in name order; the first registrants found are the page.
  byName: `SELECT r.id FROM people_search s
      JOIN people p ON p.search_rank = s.rowid
      JOIN registrations r ON r.seminar_id = @seminarId AND r.person_id = p.id
    WHERE people_search MATCH @match AND (r.state = 'registered') = @expected AND r.state != 'cancelled'
    ORDER BY s.rowid LIMIT @limit`,
  byCode: `SELECT id FROM registrations WHERE seminar_id = @seminarId AND state != 'cancelled'
    AND ticket_code >= @code AND ticket_code < @code || 'Z~' LIMIT 5`,
};
/**
 * What was typed at the table, read the way the search uses it. A query starting with a digit may
 * be a ticket; four or more such characters are a ticket being typed or scanned, not a name.
 */
export function readCheckInQuery(query: string): { ticketOnly: boolean; match: string | null; code: string } {
  const code = mayBeTicket(query) ? normalizeTicketCode(query) : '';
  const ticketOnly = code.length >= 4;
  return { ticketOnly, match: ticketOnly ? null : prefixMatchQuery(query), code: code.length >= 3 ? code : '' };
}

/** The ids only, in display order. */
function findRegistrantIds(ctx: CoreContext, seminarId: number, query: string): number[] {
  const { ticketOnly, match, code } = readCheckInQuery(query);
  const sql = match ? FIND_SQL.byName : FIND_SQL.all;
  // Those still expected first, then those already checked in (or no-shows), each in name order.
  const params = match ? { seminarId, match } : { seminarId };
  const byName: { id: number }[] = [];
  if (!ticketOnly) {
    byName.push(...(stmt(ctx.db, sql).all({ ...params, limit: FIND_LIMIT, expected: 1 }) as { id: number }[]));
    if (byName.length < FIND_LIMIT) byName.push(...(stmt(ctx.db, sql).all({ ...params, limit: FIND_LIMIT - byName.length, expected: 0 }) as { id: number }[]));
  }
  const byCode = code ? (stmt(ctx.db, FIND_SQL.byCode).all({ seminarId, code }) as { id: number }[]) : [];
  // A platform's own code (Eventbrite barcode, attendee #…) typed in full: exact match only, never a prefix.
  const byPlatform = getRegistrations(ctx, findByPlatformCode(ctx, seminarId, query)).filter((r) => r.state !== 'cancelled');
  const ids = [...byPlatform, ...byCode, ...byName].map((r) => r.id);
  return [...new Set(ids)].slice(0, FIND_LIMIT);
}

export function checkIn(ctx: CoreContext, registrationId: number, note = ''): Registration {
  ctx.db
    .transaction(() => {
      const at = ctx.now().toISOString();
      // The common case in one statement; only when it changes nothing do we look for why.
      const done = stmt<[string, string, number], { person_id: number }>(
        ctx.db,
        `UPDATE registrations SET state = 'checked_in', checked_in_at = ?, updated_at = ?
         WHERE id = ? AND state = 'registered' AND seminar_id IN (SELECT id FROM seminars WHERE closed_at IS NULL)
         RETURNING person_id`,
      ).get(at, at, registrationId);
      if (!done) {
        const current = getRegistration(ctx, registrationId);
        openSeminar(ctx, current.seminarId);
        if (current.state === 'checked_in') throw new AppError('conflict', `${current.name} is already checked in.`);
        throw new AppError('conflict', `${current.name}’s registration was cancelled. Restore it first.`);
      }
      if (note.trim()) addNote(ctx, registrationId, note, at);
      // Attending is a personal touch: the score counts it from this moment.
      refreshStanding(ctx, done.person_id);
    })
    .immediate();
  return getRegistration(ctx, registrationId);
}

/**
 * A full ticket code (typed or scanned) checks its holder in directly: Rapport's own code, or a
 * platform's (an Eventbrite barcode or attendee #, a Zoom registrant id) matched exactly within
 * this seminar. A code that is anyone's but one registration's — a prefix, another seminar's, an
 * order # shared by several tickets — checks in no one.
 */
export function checkInByTicket(ctx: CoreContext, seminarId: number, ticket: string): Registration {
  const typed = platformCodeOf(ticket);
  if (!typed) throw new AppError('invalid_input', 'Type or scan a ticket code.', { ticket: 'Type or scan a ticket code.' });
  if (!stmt(ctx.db, 'SELECT 1 FROM seminars WHERE id = ?').get(seminarId)) throw notFound('This seminar');
  const holders = new Set(findByPlatformCode(ctx, seminarId, typed));
  const code = normalizeTicketCode(typed);
  if (code.length === TICKET_LENGTH) {
    const own = stmt<[number, string], { id: number }>(ctx.db, 'SELECT id FROM registrations WHERE seminar_id = ? AND ticket_code = ?').get(seminarId, code);
    if (own) holders.add(own.id);
  }
  const [only] = holders;
  if (only === undefined) {
    const hint = code.length === TICKET_LENGTH ? '' : ' A Rapport ticket code has 8 letters and digits; a platform’s code must be typed in full.';
    throw new AppError('not_found', `No registration for this seminar has the ticket ${typed}.${hint}`);
  }
  if (holders.size > 1) {
    throw new AppError('conflict', `The code ${typed} belongs to ${holders.size} registrations (an order of several tickets?). Find the person by name instead.`);
  }
  return checkIn(ctx, only);
}

export function undoCheckIn(ctx: CoreContext, registrationId: number): Registration {
  ctx.db
    .transaction(() => {
      const current = getRegistration(ctx, registrationId);
      openSeminar(ctx, current.seminarId);
      if (current.state !== 'checked_in') throw new AppError('conflict', `${current.name} is not checked in.`);
      // A walk-in who is un-checked-in was never expected: their registration goes with the check-in.
      if (current.source === 'walk_in') stmt(ctx.db, "UPDATE registrations SET state = 'cancelled', checked_in_at = NULL, updated_at = ? WHERE id = ?").run(ctx.now().toISOString(), registrationId);
      else stmt(ctx.db, "UPDATE registrations SET state = 'registered', checked_in_at = NULL, updated_at = ? WHERE id = ?").run(ctx.now().toISOString(), registrationId);
      refreshStanding(ctx, current.personId);
    })
    .immediate();
  return getRegistration(ctx, registrationId);
}

/** A word typed at the table: kept on the registration and, dated, in the person's notes. */
function addNote(ctx: CoreContext, registrationId: number, note: string, at: string): void {
  const line = note.trim().slice(0, 500);
  const reg = getRegistration(ctx, registrationId);
  const seminar = stmt<[number], { title: string }>(ctx.db, 'SELECT title FROM seminars WHERE id = ?').get(reg.seminarId);
  stmt(ctx.db, "UPDATE registrations SET note = trim(note || char(10) || ?, char(10, 32)), updated_at = ? WHERE id = ?").run(line, at, registrationId);
  stmt(ctx.db, "UPDATE people SET notes = trim(notes || char(10) || ?, char(10, 32)), updated_at = ? WHERE id = ?").run(
    `${at.slice(0, 10)} at ${seminar?.title ?? 'a seminar'}: ${line}`,
    at,
    reg.personId,
  );
}

export function noteAtTable(ctx: CoreContext, registrationId: number, note: string): Registration {
  ctx.db.transaction(() => addNote(ctx, registrationId, note, ctx.now().toISOString())).immediate();
  return getRegistration(ctx, registrationId);
}


/** People already in the book who may be the walk-in being typed: same email or phone, or a similar name. */
export function matchPeople(ctx: CoreContext, input: { name: string; email: string; phone: string }): PersonMatch[] {
  const found = new Map<number, PersonMatch['reason']>();
  const email = input.email.trim().toLowerCase();
  if (email.includes('@')) {
    for (const r of stmt(ctx.db, 'SELECT person_id FROM person_emails WHERE address_key = ?').all(email) as { person_id: number }[]) found.set(r.person_id, 'email');
  }
  const phone = phoneKey(input.phone);
  if (phone) {
    for (const r of stmt(ctx.db, 'SELECT person_id FROM person_phones WHERE substr(digits, -10) = ?').all(phone) as { person_id: number }[]) {
      if (!found.has(r.person_id)) found.set(r.person_id, 'phone');
    }
  }
  const words = foldText(input.name).split(/\s+/).filter((w) => w.length >= 2);
  if (words.length >= 2) {
    const match = prefixMatchQuery(words.join(' '));
    if (match) {
      const similar = stmt(ctx.db, 'SELECT p.id FROM people_search s JOIN people p ON p.search_rank = s.rowid WHERE people_search MATCH ? ORDER BY s.rowid LIMIT 5');
      for (const r of similar.all(match) as { id: number }[]) {
        if (!found.has(r.id)) found.set(r.id, 'name');
      }
    }
  }
  return [...found.entries()].slice(0, 5).map(([id, reason]) => {
    const p = stmt(
      ctx.db,
      `SELECT given_name, family_name, display_name, organization,
         (SELECT address FROM person_emails WHERE person_id = people.id ORDER BY position LIMIT 1) AS email
       FROM people WHERE id = ?`,
    ).get(id) as { given_name: string; family_name: string; display_name: string; organization: string; email: string | null };
    return {
      id,
      name: personName({ givenName: p.given_name, familyName: p.family_name, displayName: p.display_name }),
      organization: p.organization,
      primaryEmail: p.email ?? '',
      reason,
    };
  });
}

/**
 * Registers and checks in someone who arrived unannounced, in one transaction: an existing person
 * (the suggestion was accepted) or a new one.
 */
export function walkIn(
  ctx: CoreContext,
  seminarId: number,
  who: { personId: number } | { person: PersonData },
  mode: AttendanceMode,
): Registration {
  const id = ctx.db
    .transaction(() => {
      openSeminar(ctx, seminarId);
      const at = ctx.now().toISOString();
      const personId = 'personId' in who ? who.personId : insertPerson(ctx.db, who.person, at);
      if (!stmt(ctx.db, 'SELECT 1 FROM people WHERE id = ?').get(personId)) throw notFound('This person');
      const existing = stmt<[number, number], { id: number; state: string }>(
        ctx.db,
        'SELECT id, state FROM registrations WHERE seminar_id = ? AND person_id = ?',
      ).get(seminarId, personId);
      if (existing?.state === 'checked_in') throw new AppError('conflict', 'This person is already checked in.');
      let registrationId: number;
      if (existing) {
        stmt(ctx.db, "UPDATE registrations SET state = 'checked_in', checked_in_at = ?, mode = ?, updated_at = ? WHERE id = ?").run(at, mode, at, existing.id);
        registrationId = existing.id;
      } else {
        registrationId = Number(
          stmt(
            ctx.db,
            `INSERT INTO registrations (seminar_id, person_id, mode, source, state, checked_in_at, ticket_code, created_at, updated_at)
             VALUES (?, ?, ?, 'walk_in', 'checked_in', ?, ?, ?, ?)`,
          ).run(seminarId, personId, mode, at, newTicketCode(), at, at).lastInsertRowid,
        );
      }
      refreshStanding(ctx, personId);
      return registrationId;
    })
    .immediate();
  return getRegistration(ctx, id);
}
