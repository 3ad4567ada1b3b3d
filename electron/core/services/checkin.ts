import type { AttendanceMode, CheckInUndo, Registration } from '../../../shared/domain/seminar';
import type { PersonData } from '../../../shared/domain/person';
import { AppError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { refreshStanding } from './standing';
import { stmt } from '../db/statements';
import { insertPerson, removePerson } from './people';
import { isReferencedBeyond } from './person-references';
import { getRegistration, newTicketCode, normalizeTicketCode, TICKET_LENGTH } from './seminars';
import { findByPlatformCode } from './platform-tickets';
import { platformCodeOf } from '../../../shared/domain/ticket';
import { checkedInWhere } from '../../../shared/domain/door';
import { deviceName, once, type RequestOrigin } from './client-requests';
import { seminarChanged } from './door-roster';
import { recordDoorCheckIn } from './door-devices';

function openSeminar(ctx: CoreContext, seminarId: number): void {
  const s = stmt<[number], { closed_at: string | null }>(ctx.db, 'SELECT closed_at FROM seminars WHERE id = ?').get(seminarId);
  if (!s) throw notFound('This seminar');
  if (s.closed_at) throw new AppError('conflict', 'This seminar is closed. Reopen it to check people in.');
}

/**
 * A paired door device made this check-in (in the check-in's own transaction): remembered so it
 * may undo its own and no one else's, and counted on the owner's door panel. Only here, where the
 * check-in happens — a repeated answer (client-requests.ts) makes no check-in and claims none.
 */
function madeByDevice(ctx: CoreContext, registrationId: number): void {
  if (ctx.caller.role === 'door') recordDoorCheckIn(ctx, ctx.caller.deviceId, registrationId);
}

/** "9:02 AM" on the seminar's own clock: when someone was checked in, as the people at the door read it. */
function doorTime(ctx: CoreContext, seminarId: number, at: string): string {
  const zone = stmt<[number], { time_zone: string }>(ctx.db, 'SELECT time_zone FROM seminars WHERE id = ?').get(seminarId)?.time_zone ?? 'UTC';
  return new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(at));
}

/**
 * "Already checked in at 9:02 on Door 2": the refusal a second device gets, with when and where in
 * its fields so each screen can say it in its own words and clock.
 */
function alreadyCheckedIn(ctx: CoreContext, current: Registration): AppError {
  const at = current.checkedInAt ?? ctx.now().toISOString();
  const fields: Record<string, string> = { state: 'checked_in', checkedInAt: at };
  if (current.checkedInBy) fields.checkedInBy = current.checkedInBy;
  return new AppError('conflict', `${current.name} is already checked in at ${doorTime(ctx, current.seminarId, at)} on ${checkedInWhere(current.checkedInBy, 'device')}.`, fields);
}

/**
 * Checks a registrant in, once: the same person checked in at two devices at the same moment is
 * checked in by whichever commits first, and the other is told by whom and when. With a client id,
 * a repeat gets the first answer (client-requests.ts).
 */
export function checkIn(ctx: CoreContext, registrationId: number, note = '', origin: RequestOrigin = {}): Registration {
  return once(ctx, 'checkin.checkIn', `registration ${registrationId}`, origin, () => checkInOnce(ctx, registrationId, note, origin));
}

function checkInOnce(ctx: CoreContext, registrationId: number, note: string, origin: RequestOrigin): Registration {
  const by = deviceName(ctx, origin);
  ctx.db
    .transaction(() => {
      const at = ctx.now().toISOString();
      // The common case in one statement; only when it changes nothing do we look for why.
      const done = stmt<[string, string | null, string, number], { person_id: number }>(
        ctx.db,
        `UPDATE registrations SET state = 'checked_in', checked_in_at = ?, checked_in_by = ?, updated_at = ?
         WHERE id = ? AND state = 'registered' AND seminar_id IN (SELECT id FROM seminars WHERE closed_at IS NULL)
         RETURNING person_id`,
      ).get(at, by, at, registrationId);
      if (!done) {
        const current = getRegistration(ctx, registrationId);
        openSeminar(ctx, current.seminarId);
        if (current.state === 'checked_in') throw alreadyCheckedIn(ctx, current);
        throw new AppError('conflict', `${current.name}’s registration was cancelled. Restore it first.`);
      }
      if (note.trim()) addNote(ctx, registrationId, note, at);
      madeByDevice(ctx, registrationId);
      // Attending is a personal touch: the score counts it from this moment.
      refreshStanding(ctx, done.person_id);
    })
    .immediate();
  const registration = getRegistration(ctx, registrationId);
  seminarChanged(ctx, registration.seminarId, 'checked_in', { changed: [registrationId], by });
  return registration;
}

/**
 * A full ticket code (typed or scanned) checks its holder in directly: Rapport's own code, or a
 * platform's (an Eventbrite barcode or attendee #, a Zoom registrant id) matched exactly within
 * this seminar. A code that is anyone's but one registration's — a prefix, another seminar's, an
 * order # shared by several tickets — checks in no one.
 */
export function checkInByTicket(ctx: CoreContext, seminarId: number, ticket: string, origin: RequestOrigin = {}): Registration {
  return once(ctx, 'checkin.byTicket', `seminar ${seminarId} ticket ${platformCodeOf(ticket)}`, origin, () => checkInByTicketOnce(ctx, seminarId, ticket, origin));
}

function checkInByTicketOnce(ctx: CoreContext, seminarId: number, ticket: string, origin: RequestOrigin): Registration {
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
  return checkInOnce(ctx, only, '', origin);
}

export function undoCheckIn(ctx: CoreContext, registrationId: number, origin: RequestOrigin = {}): CheckInUndo {
  return once(ctx, 'checkin.undo', `registration ${registrationId}`, origin, () => {
    const seminarId = getRegistration(ctx, registrationId).seminarId;
    const undone = undoOnce(ctx, registrationId);
    seminarChanged(ctx, seminarId, 'undone', undone.outcome === 'expected_again' ? { changed: [registrationId] } : { removed: [registrationId] });
    return undone;
  });
}

function undoOnce(ctx: CoreContext, registrationId: number): CheckInUndo {
  return ctx.db
    .transaction((): CheckInUndo => {
      const current = getRegistration(ctx, registrationId);
      openSeminar(ctx, current.seminarId);
      if (current.state !== 'checked_in') throw new AppError('conflict', `${current.name} is not checked in.`);
      const base = { registrationId, name: current.name, personKept: null };
      if (current.source !== 'walk_in') {
        stmt(ctx.db, "UPDATE registrations SET state = 'registered', checked_in_at = NULL, checked_in_by = NULL, updated_at = ? WHERE id = ?").run(ctx.now().toISOString(), registrationId);
        refreshStanding(ctx, current.personId);
        return { ...base, outcome: 'expected_again' };
      }
      // A walk-in was never expected: undoing it leaves no registration behind, and no person the walk-in added.
      const created = stmt<[number], { created_person: number }>(ctx.db, 'SELECT created_person FROM registrations WHERE id = ?').get(registrationId)?.created_person === 1;
      const personKept = !created
        ? null
        : current.note
          ? `${current.name} stays in your book: a note was taken at the table.`
          : isReferencedBeyond(ctx.db, current.personId, registrationId)
            ? `${current.name} stays in your book: something else was recorded about them since.`
            : null;
      stmt(ctx.db, 'DELETE FROM registrations WHERE id = ?').run(registrationId);
      if (created && personKept === null) {
        removePerson(ctx.db, current.personId);
        return { ...base, outcome: 'walk_in_and_person_removed' };
      }
      refreshStanding(ctx, current.personId);
      return { ...base, outcome: 'walk_in_removed', personKept };
    })
    .immediate();
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

export function noteAtTable(ctx: CoreContext, registrationId: number, note: string, origin: RequestOrigin = {}): Registration {
  return once(ctx, 'checkin.note', `registration ${registrationId}`, origin, () => {
    ctx.db.transaction(() => addNote(ctx, registrationId, note, ctx.now().toISOString())).immediate();
    const registration = getRegistration(ctx, registrationId);
    seminarChanged(ctx, registration.seminarId, 'note', { changed: [registrationId], by: deviceName(ctx, origin) });
    return registration;
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
  origin: RequestOrigin = {},
): Registration {
  const subject = 'personId' in who ? `seminar ${seminarId} person ${who.personId}` : `seminar ${seminarId} new person`;
  return once(ctx, 'checkin.walkIn', subject, origin, () => walkInOnce(ctx, seminarId, who, mode, origin));
}

function walkInOnce(ctx: CoreContext, seminarId: number, who: { personId: number } | { person: PersonData }, mode: AttendanceMode, origin: RequestOrigin): Registration {
  const by = deviceName(ctx, origin);
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
      if (existing?.state === 'checked_in') throw alreadyCheckedIn(ctx, getRegistration(ctx, existing.id));
      let registrationId: number;
      if (existing) {
        stmt(ctx.db, "UPDATE registrations SET state = 'checked_in', checked_in_at = ?, checked_in_by = ?, mode = ?, updated_at = ? WHERE id = ?").run(at, by, mode, at, existing.id);
        registrationId = existing.id;
      } else {
        registrationId = Number(
          stmt(
            ctx.db,
            `INSERT INTO registrations (seminar_id, person_id, mode, source, state, checked_in_at, checked_in_by, ticket_code, created_person, created_at, updated_at)
             VALUES (?, ?, ?, 'walk_in', 'checked_in', ?, ?, ?, ?, ?, ?)`,
          ).run(seminarId, personId, mode, at, by, newTicketCode(), 'personId' in who ? 0 : 1, at, at).lastInsertRowid,
        );
      }
      madeByDevice(ctx, registrationId);
      refreshStanding(ctx, personId);
      return registrationId;
    })
    .immediate();
  seminarChanged(ctx, seminarId, 'walk_in', { changed: [id], by });
  return getRegistration(ctx, id);
}
