import type Database from 'better-sqlite3';
import { PLATFORM_CODE_MAX, platformCodeOf, type PlatformCode, type PlatformTicket, type TicketPlatform } from '../../../shared/domain/ticket';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';

/**
 * Platform tickets (migration 7): the identifiers, ticket type and form answers an Eventbrite or
 * Zoom import brought for a registration. A platform code finds its registration by exact match
 * within one seminar — never by prefix, so a half-scanned barcode finds no one.
 */

/**
 * The registrations of this seminar holding exactly this platform code (attendee #, order #,
 * barcode, registrant id), in id order; every state, cancelled included, so a caller can say why
 * it will not check someone in. An order # shared by several tickets finds them all.
 */
export function findByPlatformCode(ctx: CoreContext, seminarId: number, code: string): number[] {
  const exact = platformCodeOf(code);
  if (!exact || exact.length > PLATFORM_CODE_MAX) return [];
  return stmt<[string, number], { id: number }>(
    ctx.db,
    `SELECT DISTINCT c.registration_id AS id FROM registration_codes c JOIN registrations r ON r.id = c.registration_id
     WHERE c.code = ? AND r.seminar_id = ? ORDER BY c.registration_id`,
  )
    .all(exact, seminarId)
    .map((r) => r.id);
}

/**
 * The platform tickets of these registrations (those without one are absent), read in three
 * indexed queries for the whole list: a seminar's 5,000 registrations cost milliseconds, not a
 * subquery per row.
 */
export function ticketsOf(ctx: CoreContext, registrationIds: readonly number[]): Map<number, PlatformTicket> {
  const found = new Map<number, PlatformTicket>();
  if (registrationIds.length === 0) return found;
  const ids = JSON.stringify(registrationIds);
  const of = (id: number) => {
    let t = found.get(id);
    if (!t) {
      t = { platform: 'eventbrite', ticketType: '', codes: [], answers: [] };
      found.set(id, t);
    }
    return t;
  };
  // The first import's ticket is the one shown; a later import's type or platform only where none came before.
  const tickets = stmt<[string], { id: number; platform: TicketPlatform; ticket_type: string }>(
    ctx.db,
    'SELECT registration_id AS id, platform, ticket_type FROM registration_tickets t WHERE registration_id IN (SELECT value FROM json_each(?)) ORDER BY t.id DESC',
  ).all(ids);
  for (const t of tickets) {
    const ticket = of(t.id);
    ticket.platform = t.platform;
    ticket.ticketType = t.ticket_type || ticket.ticketType;
  }
  const codes = stmt<[string], { id: number; kind: PlatformCode['kind']; code: string }>(
    ctx.db,
    `SELECT DISTINCT registration_id AS id, kind, code FROM registration_codes WHERE registration_id IN (SELECT value FROM json_each(?))
     ORDER BY registration_id, instr('attendee order barcode registrant', kind), code`,
  ).all(ids);
  for (const c of codes) of(c.id).codes.push({ kind: c.kind, code: c.code });
  const answers = stmt<[string], { id: number; question: string; answer: string }>(
    ctx.db,
    'SELECT registration_id AS id, question, answer FROM registration_answers a WHERE registration_id IN (SELECT value FROM json_each(?)) ORDER BY a.registration_id, a.id',
  ).all(ids);
  for (const a of answers) {
    const t = of(a.id);
    if (!t.answers.some((x) => x.question === a.question)) t.answers.push({ question: a.question, answer: a.answer });
  }
  // Codes whose ticket row went with an undone import still name their platform by their kind.
  const withRow = new Set(tickets.map((t) => t.id));
  for (const [id, t] of found) if (!withRow.has(id) && t.codes.some((c) => c.kind === 'registrant')) t.platform = 'zoom';
  return found;
}

/**
 * Keeps what a platform says about a registration, as brought by one import (null: not by an
 * import). Each import's rows are its own, so undoing it takes back exactly what it brought.
 * Part of the import's transaction.
 */
export function attachTicket(db: Database.Database, registrationId: number, ticket: PlatformTicket, importId: number | null): void {
  // Once per registration and import; `IS` compares a null import as a value.
  stmt(
    db,
    `INSERT INTO registration_tickets (registration_id, platform, ticket_type, import_id) SELECT @registrationId, @platform, @ticketType, @importId
     WHERE NOT EXISTS (SELECT 1 FROM registration_tickets WHERE registration_id = @registrationId AND import_id IS @importId)`,
  ).run({ registrationId, platform: ticket.platform, ticketType: ticket.ticketType, importId });
  const code = stmt(
    db,
    `INSERT INTO registration_codes (registration_id, kind, code, import_id) SELECT @registrationId, @kind, @code, @importId
     WHERE NOT EXISTS (SELECT 1 FROM registration_codes WHERE registration_id = @registrationId AND kind = @kind AND code = @code AND import_id IS @importId)`,
  );
  for (const c of ticket.codes) code.run({ registrationId, kind: c.kind, code: c.code, importId });
  const answer = stmt(
    db,
    `INSERT INTO registration_answers (registration_id, question, answer, import_id) SELECT @registrationId, @question, @answer, @importId
     WHERE NOT EXISTS (SELECT 1 FROM registration_answers WHERE registration_id = @registrationId AND question = @question AND import_id IS @importId)`,
  );
  for (const a of ticket.answers) answer.run({ registrationId, question: a.question, answer: a.answer, importId });
}

/** Takes back what one import added to registrations it did not create (those it created go whole, with their tickets). */
export function detachImportTickets(db: Database.Database, importId: number): void {
  for (const table of ['registration_tickets', 'registration_codes', 'registration_answers']) stmt(db, `DELETE FROM ${table} WHERE import_id = ?`).run(importId);
}

/**
 * Before two people become one: where both are registered for the same seminar only one
 * registration stays, so each of the pair takes the other's platform codes and answers first —
 * whichever stays, the ticket in the attendee's hand still scans.
 */
export function shareTicketsBeforeMerge(db: Database.Database, keep: number, other: number): void {
  const pairs = stmt<[number, number], { a: number; b: number }>(
    db,
    `SELECT k.id AS a, o.id AS b FROM registrations k JOIN registrations o ON o.seminar_id = k.seminar_id
     WHERE k.person_id = ? AND o.person_id = ?`,
  ).all(keep, other);
  const copy = (from: number, to: number) => {
    for (const [table, columns, same] of [
      ['registration_tickets', 'platform, ticket_type', ''],
      ['registration_codes', 'kind, code', 'AND x.kind = t.kind AND x.code = t.code'],
      ['registration_answers', 'question, answer', 'AND x.question = t.question'],
    ] as const) {
      stmt(
        db,
        `INSERT INTO ${table} (registration_id, ${columns}, import_id)
         SELECT @to, ${columns}, import_id FROM ${table} t WHERE registration_id = @from
           AND NOT EXISTS (SELECT 1 FROM ${table} x WHERE x.registration_id = @to AND x.import_id IS t.import_id ${same}) ORDER BY id`,
      ).run({ from, to });
    }
  };
  for (const { a, b } of pairs) {
    copy(a, b);
    copy(b, a);
  }
}
