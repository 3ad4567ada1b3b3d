import crypto from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import type { z } from 'zod';
import { personName } from '../../../shared/domain/names';
import type {
  AttendanceMode,
  PersonSeminar,
  Registration,
  RegistrationCounts,
  RegistrationSource,
  Seminar,
  SeminarData,
  SeminarSummary,
} from '../../../shared/domain/seminar';
import { wallClock } from '../../../shared/domain/seminar';
import type { SeminarListInput } from '../../../shared/contract';
import { AppError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { expectVersion } from './versions';
import { stmt } from '../db/statements';
import { ticketsOf } from './platform-tickets';
import { seminarChanged } from './door-roster';
import { mayBeTicket, normalizeTicketCode, TICKET_LENGTH } from '../../../shared/domain/ticket';

/** The instants of a seminar's wall-clock date and times in its own zone. */
export function seminarInstants(s: Pick<SeminarData, 'date' | 'startTime' | 'endTime' | 'timeZone'>): { startsAt: string; endsAt: string } {
  const [y, m, d] = s.date.split('-').map(Number) as [number, number, number];
  const at = (time: string) => {
    const [h, min] = time.split(':').map(Number) as [number, number];
    return new Date(new TZDate(y, m - 1, d, h, min, s.timeZone).getTime()).toISOString();
  };
  return { startsAt: at(s.startTime), endsAt: at(s.endTime) };
}

interface SeminarRow {
  id: number;
  title: string;
  description: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  venue_name: string;
  venue_address: string;
  stream_url: string;
  capacity: number;
  archived: number;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export function registrationCounts(ctx: CoreContext, seminarId: number): RegistrationCounts {
  const row = stmt<[number], Record<keyof RegistrationCounts, number | null>>(
    ctx.db,
    `SELECT
       count(*) FILTER (WHERE state != 'cancelled') AS registered,
       count(*) FILTER (WHERE state != 'cancelled' AND mode = 'in_person') AS registeredInPerson,
       count(*) FILTER (WHERE state != 'cancelled' AND mode = 'stream') AS registeredStream,
       count(*) FILTER (WHERE state = 'checked_in') AS checkedIn,
       count(*) FILTER (WHERE state = 'checked_in' AND mode = 'in_person') AS checkedInInPerson,
       count(*) FILTER (WHERE state = 'checked_in' AND mode = 'stream') AS checkedInStream,
       count(*) FILTER (WHERE source = 'walk_in' AND state != 'cancelled') AS walkIns,
       count(*) FILTER (WHERE state = 'cancelled') AS cancelled,
       count(*) FILTER (WHERE state = 'no_show') AS noShows,
       count(*) FILTER (WHERE state = 'registered') AS expected
     FROM registrations WHERE seminar_id = ?`,
  ).get(seminarId);
  const n = (v: number | null | undefined) => v ?? 0;
  return {
    registered: n(row?.registered),
    registeredInPerson: n(row?.registeredInPerson),
    registeredStream: n(row?.registeredStream),
    checkedIn: n(row?.checkedIn),
    checkedInInPerson: n(row?.checkedInInPerson),
    checkedInStream: n(row?.checkedInStream),
    walkIns: n(row?.walkIns),
    cancelled: n(row?.cancelled),
    noShows: n(row?.noShows),
    expected: n(row?.expected),
  };
}

export function getSeminar(ctx: CoreContext, id: number): Seminar {
  const row = stmt<[number], SeminarRow>(ctx.db, 'SELECT * FROM seminars WHERE id = ?').get(id);
  if (!row) throw notFound('This seminar');
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    ...wallClock(row.starts_at, row.ends_at, row.time_zone),
    timeZone: row.time_zone,
    venueName: row.venue_name,
    venueAddress: row.venue_address,
    streamUrl: row.stream_url,
    capacity: row.capacity === 0 ? null : row.capacity,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    archived: row.archived === 1,
    closed: row.closed_at !== null,
    counts: registrationCounts(ctx, row.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function values(s: SeminarData): unknown[] {
  const { startsAt, endsAt } = seminarInstants(s);
  return [s.title, s.description, startsAt, endsAt, s.timeZone, s.venueName, s.venueAddress, s.streamUrl, s.capacity ?? 0];
}

export function createSeminar(ctx: CoreContext, s: SeminarData): Seminar {
  const at = ctx.now().toISOString();
  const id = ctx.db
    .transaction(
      () =>
        stmt(
          ctx.db,
          `INSERT INTO seminars (title, description, starts_at, ends_at, time_zone, venue_name, venue_address, stream_url, capacity, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(...values(s), at, at).lastInsertRowid,
    )
    .immediate();
  return getSeminar(ctx, Number(id));
}

export function updateSeminar(ctx: CoreContext, id: number, version: number, s: SeminarData): Seminar {
  ctx.db
    .transaction(() => {
      expectVersion(ctx.db, 'seminars', id, version, 'This seminar');
      const result = stmt(
        ctx.db,
        `UPDATE seminars SET title = ?, description = ?, starts_at = ?, ends_at = ?, time_zone = ?, venue_name = ?, venue_address = ?,
           stream_url = ?, capacity = ?, updated_at = ? WHERE id = ?`,
      ).run(...values(s), ctx.now().toISOString(), id);
      if (result.changes === 0) throw notFound('This seminar');
    })
    .immediate();
  seminarChanged(ctx, id, 'seminar');
  return getSeminar(ctx, id);
}

export function setSeminarArchived(ctx: CoreContext, id: number, archived: boolean): Seminar {
  const result = stmt(ctx.db, 'UPDATE seminars SET archived = ?, updated_at = ? WHERE id = ?').run(archived ? 1 : 0, ctx.now().toISOString(), id);
  if (result.changes === 0) throw notFound('This seminar');
  return getSeminar(ctx, id);
}

/** Closing turns everyone still only registered into a no-show; reopening turns them back. */
export function setSeminarClosed(ctx: CoreContext, id: number, closed: boolean): Seminar {
  ctx.db
    .transaction(() => {
      const at = ctx.now().toISOString();
      const result = stmt(ctx.db, 'UPDATE seminars SET closed_at = ?, updated_at = ? WHERE id = ?').run(closed ? at : null, at, id);
      if (result.changes === 0) throw notFound('This seminar');
      const [from, to] = closed ? ['registered', 'no_show'] : ['no_show', 'registered'];
      stmt(ctx.db, 'UPDATE registrations SET state = ?, updated_at = ? WHERE seminar_id = ? AND state = ?').run(to, at, id, from);
    })
    .immediate();
  seminarChanged(ctx, id, 'seminar');
  return getSeminar(ctx, id);
}

type ListInput = z.output<typeof SeminarListInput>;

export function listSeminars(ctx: CoreContext, input: ListInput): SeminarSummary[] {
  const now = ctx.now().toISOString();
  const where =
    input.when === 'archived' ? 's.archived = 1' : input.when === 'upcoming' ? 's.archived = 0 AND s.ends_at >= @now' : 's.archived = 0 AND s.ends_at < @now';
  const order = input.when === 'upcoming' ? 's.starts_at ASC' : 's.starts_at DESC';
  const rows = stmt(
    ctx.db,
    `SELECT s.id, s.title, s.starts_at, s.ends_at, s.time_zone, s.venue_name, s.stream_url, s.archived, s.closed_at,
       (SELECT count(*) FROM registrations r WHERE r.seminar_id = s.id AND r.state != 'cancelled') AS registered,
       (SELECT count(*) FROM registrations r WHERE r.seminar_id = s.id AND r.state = 'checked_in') AS checked_in
     FROM seminars s WHERE ${where} ORDER BY ${order}`,
  ).all(input.when === 'archived' ? {} : { now }) as (Omit<SeminarRow, 'description' | 'venue_address' | 'capacity' | 'created_at' | 'updated_at'> & {
    registered: number;
    checked_in: number;
  })[];
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    timeZone: r.time_zone,
    venueName: r.venue_name,
    streaming: r.stream_url !== '',
    archived: r.archived === 1,
    closed: r.closed_at !== null,
    registered: r.registered,
    checkedIn: r.checked_in,
  }));
}

/** Crockford's base-32 letters: no I, L, O or U, so a code read aloud or typed is unambiguous. */
const TICKET_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
// The pure rules of ticket codes are shared with the door devices, which search offline.
export { mayBeTicket, normalizeTicketCode, TICKET_LENGTH };

/**
 * About 38 random bits: short enough to type, far too many to guess. The first character is a
 * digit, so a search that starts with a letter is a name and one that starts with a digit may be
 * a ticket — "alv" never pulls up a stranger whose ticket happens to begin with A-1-V.
 */
export function newTicketCode(): string {
  const bytes = crypto.randomBytes(TICKET_LENGTH);
  return Array.from(bytes, (b, i) => (i === 0 ? String(b % 10) : TICKET_ALPHABET[b % 32])).join('');
}

interface RegistrationRow {
  id: number;
  seminar_id: number;
  person_id: number;
  mode: AttendanceMode;
  source: RegistrationSource;
  state: Registration['state'];
  checked_in_at: string | null;
  checked_in_by: string | null;
  ticket_code: string;
  note: string;
  badge_printed_at: string | null;
  given_name: string;
  family_name: string;
  display_name: string;
  organization: string;
  role: string;
  introduce_as: string;
  primary_email: string | null;
}

const REGISTRATION_COLUMNS = `r.id, r.seminar_id, r.person_id, r.mode, r.source, r.state, r.checked_in_at, r.checked_in_by, r.ticket_code, r.note,
    r.badge_printed_at,
    p.given_name, p.family_name, p.display_name, p.organization, p.role, p.introduce_as,
    (SELECT address FROM person_emails WHERE person_id = p.id ORDER BY position LIMIT 1) AS primary_email`;
const REGISTRATION_FROM = 'FROM registrations r JOIN people p ON p.id = r.person_id';
const REGISTRATION_SELECT = `SELECT ${REGISTRATION_COLUMNS} ${REGISTRATION_FROM}`;

/** The registrations with what their ticketing platform said about them (platform-tickets.ts). */
function withTickets(ctx: CoreContext, registrations: Registration[]): Registration[] {
  const tickets = ticketsOf(
    ctx,
    registrations.map((r) => r.id),
  );
  for (const r of registrations) r.ticket = tickets.get(r.id) ?? null;
  return registrations;
}

function toRegistration(r: RegistrationRow): Registration {
  return {
    id: r.id,
    seminarId: r.seminar_id,
    personId: r.person_id,
    name: personName({ givenName: r.given_name, familyName: r.family_name, displayName: r.display_name }),
    organization: r.organization,
    role: r.role,
    primaryEmail: r.primary_email ?? '',
    introduceAs: r.introduce_as,
    mode: r.mode,
    source: r.source,
    state: r.state,
    checkedInAt: r.checked_in_at,
    checkedInBy: r.checked_in_by,
    ticketCode: r.ticket_code,
    note: r.note,
    badgePrintedAt: r.badge_printed_at,
    ticket: null,
  };
}

export function listRegistrations(ctx: CoreContext, seminarId: number): Registration[] {
  if (!stmt(ctx.db, 'SELECT 1 FROM seminars WHERE id = ?').get(seminarId)) throw notFound('This seminar');
  return withTickets(ctx, (stmt(ctx.db, `${REGISTRATION_SELECT} WHERE r.seminar_id = ? ORDER BY p.sort_key, r.id`).all(seminarId) as RegistrationRow[]).map(toRegistration));
}

/** Several registrations in one query, in the order of `ids` (missing ones left out). */
export function getRegistrations(ctx: CoreContext, ids: number[]): Registration[] {
  if (ids.length === 0) return [];
  const rows = stmt(ctx.db, `${REGISTRATION_SELECT} WHERE r.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as RegistrationRow[];
  const byId = new Map(withTickets(ctx, rows.map(toRegistration)).map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A registration as the check-in search ranks it: with the person's name parts, every email and name order. */
export interface RankableRegistration {
  registration: Registration;
  names: string[];
  emails: string;
  sortKey: string;
}

/** Registrations by id with what the ranking reads, in one query (tickets in three more, for all of them). */
export function rankableRegistrations(ctx: CoreContext, ids: number[]): RankableRegistration[] {
  if (ids.length === 0) return [];
  const rows = stmt(
    ctx.db,
    `SELECT ${REGISTRATION_COLUMNS}, p.sort_key, (SELECT group_concat(address, ' ') FROM person_emails WHERE person_id = p.id) AS all_emails
     ${REGISTRATION_FROM} WHERE r.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as (RegistrationRow & { sort_key: string; all_emails: string | null })[];
  const registrations = withTickets(ctx, rows.map(toRegistration));
  return rows.map((r, i) => ({
    registration: registrations[i] as Registration,
    names: [r.given_name, r.family_name, r.display_name],
    emails: r.all_emails ?? '',
    sortKey: r.sort_key,
  }));
}

export function getRegistration(ctx: CoreContext, id: number): Registration {
  const row = stmt(ctx.db, `${REGISTRATION_SELECT} WHERE r.id = ?`).get(id) as RegistrationRow | undefined;
  if (!row) throw notFound('This registration');
  return withTickets(ctx, [toRegistration(row)])[0] as Registration;
}

/**
 * Registers people who are not registered yet (a cancelled registration comes back as
 * registered, keeping its ticket). Returns how many were added or restored.
 */
export function registerPeople(
  ctx: CoreContext,
  seminarId: number,
  personIds: number[],
  mode: AttendanceMode,
  source: RegistrationSource = 'ahead',
): { added: number; alreadyRegistered: number } {
  const changed: number[] = [];
  const result = ctx.db
    .transaction(() => {
      const seminar = stmt<[number], { closed_at: string | null }>(ctx.db, 'SELECT closed_at FROM seminars WHERE id = ?').get(seminarId);
      if (!seminar) throw notFound('This seminar');
      if (seminar.closed_at) throw new AppError('conflict', 'This seminar is closed. Reopen it to register more people.');
      const at = ctx.now().toISOString();
      let added = 0;
      let alreadyRegistered = 0;
      for (const personId of new Set(personIds)) {
        if (!stmt(ctx.db, 'SELECT 1 FROM people WHERE id = ?').get(personId)) throw notFound('One of these people');
        const existing = stmt<[number, number], { id: number; state: string }>(
          ctx.db,
          'SELECT id, state FROM registrations WHERE seminar_id = ? AND person_id = ?',
        ).get(seminarId, personId);
        if (existing && existing.state !== 'cancelled') {
          alreadyRegistered += 1;
          continue;
        }
        if (existing) {
          stmt(ctx.db, "UPDATE registrations SET state = 'registered', mode = ?, updated_at = ? WHERE id = ?").run(mode, at, existing.id);
          changed.push(existing.id);
        } else {
          const inserted = stmt(
            ctx.db,
            `INSERT INTO registrations (seminar_id, person_id, mode, source, state, ticket_code, created_at, updated_at)
             VALUES (?, ?, ?, ?, 'registered', ?, ?, ?)`,
          ).run(seminarId, personId, mode, source, newTicketCode(), at, at);
          changed.push(Number(inserted.lastInsertRowid));
        }
        added += 1;
      }
      return { added, alreadyRegistered };
    })
    .immediate();
  if (changed.length) seminarChanged(ctx, seminarId, 'registrations', { changed });
  return result;
}

export function updateRegistration(
  ctx: CoreContext,
  id: number,
  change: { mode?: AttendanceMode | undefined; cancelled?: boolean | undefined },
): Registration {
  ctx.db
    .transaction(() => {
      const current = getRegistration(ctx, id);
      const at = ctx.now().toISOString();
      if (change.mode) stmt(ctx.db, 'UPDATE registrations SET mode = ?, updated_at = ? WHERE id = ?').run(change.mode, at, id);
      if (change.cancelled === true && current.state !== 'cancelled') {
        if (current.state === 'checked_in') throw new AppError('conflict', `${current.name} is checked in. Undo the check-in before cancelling.`);
        stmt(ctx.db, "UPDATE registrations SET state = 'cancelled', updated_at = ? WHERE id = ?").run(at, id);
      }
      if (change.cancelled === false && current.state === 'cancelled') {
        stmt(ctx.db, "UPDATE registrations SET state = 'registered', updated_at = ? WHERE id = ?").run(at, id);
      }
    })
    .immediate();
  const registration = getRegistration(ctx, id);
  seminarChanged(ctx, registration.seminarId, 'registrations', { changed: [id] });
  return registration;
}

/** The seminars a person registered for, newest first, and how they took part. */
export function seminarsOfPerson(ctx: CoreContext, personId: number): PersonSeminar[] {
  if (!stmt(ctx.db, 'SELECT 1 FROM people WHERE id = ?').get(personId)) throw notFound('This person');
  return stmt<[number], PersonSeminar>(
    ctx.db,
    `SELECT r.id AS registrationId, s.id AS seminarId, s.title, s.starts_at AS startsAt, s.ends_at AS endsAt, s.time_zone AS timeZone,
       r.mode, r.source, r.state, r.checked_in_at AS checkedInAt
     FROM registrations r JOIN seminars s ON s.id = r.seminar_id
     WHERE r.person_id = ? ORDER BY s.starts_at DESC`,
  ).all(personId);
}
