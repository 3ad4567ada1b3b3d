import type Database from 'better-sqlite3';
import { PLATFORM_CODE_MAX, platformCodeOf, type PlatformCode, type PlatformTicket, type TicketAnswer, type TicketPlatform } from '../../../shared/domain/ticket';
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
 * A registration's platform ticket as one JSON value, for the registration select (`r` is the
 * registration): null when no import brought anything for it.
 */
export const TICKET_JSON_SQL = `(SELECT CASE WHEN t.registration_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM registration_codes WHERE registration_id = r.id)
    AND NOT EXISTS (SELECT 1 FROM registration_answers WHERE registration_id = r.id) THEN NULL ELSE json_object(
    'platform', t.platform,
    'ticketType', coalesce(t.ticket_type, ''),
    'codes', json((SELECT json_group_array(json_object('kind', kind, 'code', code) ORDER BY instr('attendee order barcode registrant', kind), code)
              FROM registration_codes WHERE registration_id = r.id)),
    'answers', json((SELECT json_group_array(json_object('question', question, 'answer', answer) ORDER BY position)
                FROM registration_answers WHERE registration_id = r.id))
  ) END FROM (SELECT 1) LEFT JOIN registration_tickets t ON t.registration_id = r.id)`;

/** The column TICKET_JSON_SQL yields, read back. */
export function parseTicket(json: string | null): PlatformTicket | null {
  if (json === null) return null;
  const t = JSON.parse(json) as { platform: TicketPlatform | null; ticketType: string; codes: PlatformCode[]; answers: TicketAnswer[] };
  // Codes whose ticket row went with an undone import still name their platform by their kind.
  const platform = t.platform ?? (t.codes.some((c) => c.kind === 'registrant') ? 'zoom' : 'eventbrite');
  return { platform, ticketType: t.ticketType, codes: t.codes, answers: t.answers };
}

/**
 * Keeps what a platform says about a registration. What is already there stays: a later import
 * adds the codes and answers it lacks and changes none, so undoing it takes back exactly what it
 * added. Part of the import's transaction.
 */
export function attachTicket(db: Database.Database, registrationId: number, ticket: PlatformTicket, importId: number | null): void {
  stmt(db, 'INSERT OR IGNORE INTO registration_tickets (registration_id, platform, ticket_type, import_id) VALUES (?, ?, ?, ?)').run(
    registrationId,
    ticket.platform,
    ticket.ticketType,
    importId,
  );
  const code = stmt(db, 'INSERT OR IGNORE INTO registration_codes (registration_id, kind, code, import_id) VALUES (?, ?, ?, ?)');
  for (const c of ticket.codes) code.run(registrationId, c.kind, c.code, importId);
  // New answers go after those already kept, in the order the form asked them.
  const next = stmt<[number], { n: number }>(db, 'SELECT coalesce(max(position), -1) + 1 AS n FROM registration_answers WHERE registration_id = ?').get(registrationId)?.n ?? 0;
  const answer = stmt(db, 'INSERT OR IGNORE INTO registration_answers (registration_id, position, question, answer, import_id) VALUES (?, ?, ?, ?, ?)');
  ticket.answers.forEach((a, i) => answer.run(registrationId, next + i, a.question, a.answer, importId));
}

/** Takes back what one import added to registrations it did not create (those it created go whole, with their tickets). */
export function detachImportTickets(db: Database.Database, importId: number): void {
  stmt(db, 'DELETE FROM registration_codes WHERE import_id = ?').run(importId);
  stmt(db, 'DELETE FROM registration_answers WHERE import_id = ?').run(importId);
  stmt(
    db,
    `DELETE FROM registration_tickets WHERE import_id = @importId
       AND NOT EXISTS (SELECT 1 FROM registration_codes c WHERE c.registration_id = registration_tickets.registration_id)
       AND NOT EXISTS (SELECT 1 FROM registration_answers a WHERE a.registration_id = registration_tickets.registration_id)`,
  ).run({ importId });
  // A ticket another import still holds codes or answers for stays, now belonging to that import.
  stmt(
    db,
    `UPDATE registration_tickets SET import_id = coalesce(
       (SELECT import_id FROM registration_codes c WHERE c.registration_id = registration_tickets.registration_id AND import_id IS NOT NULL LIMIT 1),
       (SELECT import_id FROM registration_answers a WHERE a.registration_id = registration_tickets.registration_id AND import_id IS NOT NULL LIMIT 1))
     WHERE import_id = @importId`,
  ).run({ importId });
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
    const after = stmt<[number], { n: number }>(db, 'SELECT coalesce(max(position), -1) + 1 AS n FROM registration_answers WHERE registration_id = ?').get(to)?.n ?? 0;
    stmt(
      db,
      `INSERT OR IGNORE INTO registration_tickets (registration_id, platform, ticket_type, import_id)
       SELECT @to, platform, ticket_type, import_id FROM registration_tickets WHERE registration_id = @from`,
    ).run({ from, to });
    stmt(
      db,
      `INSERT OR IGNORE INTO registration_codes (registration_id, kind, code, import_id)
       SELECT @to, kind, code, import_id FROM registration_codes WHERE registration_id = @from`,
    ).run({ from, to });
    stmt(
      db,
      `INSERT OR IGNORE INTO registration_answers (registration_id, position, question, answer, import_id)
       SELECT @to, position + @after, question, answer, import_id FROM registration_answers WHERE registration_id = @from`,
    ).run({ from, to, after });
  };
  for (const { a, b } of pairs) {
    copy(a, b);
    copy(b, a);
  }
}
