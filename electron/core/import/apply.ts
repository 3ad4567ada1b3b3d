import { applyExtras } from '../services/important-dates';
import type { AttendanceMode } from '../../../shared/domain/seminar';
import type { DuplicateChoice, ImportHistoryEntry, ImportSummary } from '../../../shared/domain/import';
import type { PersonData } from '../../../shared/domain/person';
import { AppError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { addsAnything, fillFrom } from '../services/merge';
import { getPersonData, insertPerson, removePeople, rewritePerson, searchDocument } from '../services/people';
import { newTicketCode } from '../services/seminars';
import { attachTicket, detachImportTickets } from '../services/platform-tickets';
import type { PlatformTicket } from '../../../shared/domain/ticket';
import { indexPerson, planRanks, unindexPerson } from '../services/search-index';
import { nameSortKey } from '../../../shared/domain/names';
import { BookIndex } from './matching';
import type { ImportFile } from './read';

export interface ImportJob {
  fileName: string;
  file: ImportFile;
  duplicates: DuplicateChoice;
  byLine: Record<string, DuplicateChoice>;
  seminarId: number | null;
  mode: AttendanceMode;
  /** The backup taken before the import (named in its history). */
  backup: string;
}

export interface ImportHooks {
  /**
   * Called every few hundred steps, and at the end. The work is two passes over the file (matching
   * and writing people, then their search rows), so `total` is twice the people in it.
   */
  progress?(done: number, total: number): void;
  /** Checked as often as progress; true rolls the whole import back. */
  cancelled?(): boolean;
}

const TICK = 200;

/** Lines with a problem and no person: the rows or cards that were rejected, with why. */
function rejectedOf(file: ImportFile): { line: number; message: string }[] {
  const imported = new Set(file.records.map((r) => r.line));
  return file.problems.filter((p) => !imported.has(p.line));
}

/**
 * Imports a read file in one transaction: each person is matched against the book (and against
 * those already imported from the file) and created, merged or skipped as chosen; with a seminar,
 * everyone is registered too. Every change is recorded so the import can be undone as a whole.
 */
export function applyImport(ctx: CoreContext, job: ImportJob, hooks: ImportHooks = {}): ImportSummary {
  const { db } = ctx;
  const at = ctx.now().toISOString();
  const records = job.file.records;
  const rejected = rejectedOf(job.file);
  return db
    .transaction((): ImportSummary => {
      if (job.seminarId !== null) {
        const seminar = stmt<[number], { closed_at: string | null }>(db, 'SELECT closed_at FROM seminars WHERE id = ?').get(job.seminarId);
        if (!seminar) throw notFound('This seminar');
        if (seminar.closed_at) throw new AppError('conflict', 'This seminar is closed. Reopen it to register more people.');
      }
      const importId = Number(
        stmt(db, 'INSERT INTO imports (file_name, format, encoding, seminar_id, rejected, imported_at) VALUES (?, ?, ?, ?, ?, ?)').run(
          job.fileName,
          job.file.format,
          job.file.encoding,
          job.seminarId,
          rejected.length,
          at,
        ).lastInsertRowid,
      );
      const rankOf = stmt<[number], { r: number }>(db, 'SELECT search_rank AS r FROM people WHERE id = ?');
      const recordChange = stmt(db, 'INSERT OR IGNORE INTO import_people (import_id, person_id, action, before) VALUES (?, ?, ?, ?)');
      const index = BookIndex.load(db);
      const ranks = planRanks(db, records.map((r) => nameSortKey(r.person)));
      const touched = new Set<number>();
      // Search rows are written last, in rank order (see insertPerson): what each person will hold, and the rows to take out first.
      const toIndex = new Map<number, { rank: number; person: PersonData }>();
      const toUnindex: number[] = [];
      const toRegister: number[] = [];
      // Each row's ticket, for the registration of whoever the row became.
      const tickets: { personId: number; ticket: PlatformTicket }[] = [];
      const counts = { created: 0, merged: 0, skipped: 0 };
      const total = 2 * records.length;
      const tick = (done: number) => {
        if (hooks.cancelled?.()) throw new AppError('cancelled', 'The import was cancelled; nothing was imported.');
        hooks.progress?.(done, total);
      };
      records.forEach((record, i) => {
        if (i % TICK === 0) tick(i);
        const person = record.person;
        const match = index.match(person);
        const choice: DuplicateChoice = match ? (job.byLine[String(record.line)] ?? job.duplicates) : 'create';
        if (!match || choice === 'create') {
          const rank = ranks[i] as number;
          const id = insertPerson(db, person, at, { rank, deferIndex: true });
          if (record.extras) applyExtras(ctx, id, record.extras);
          if (record.ticket) tickets.push({ personId: id, ticket: record.ticket });
          toIndex.set(id, { rank, person });
          recordChange.run(importId, id, 'created', null);
          touched.add(id);
          index.add(id, person);
          toRegister.push(id);
          counts.created++;
          return;
        }
        toRegister.push(match.id);
        if (record.ticket) tickets.push({ personId: match.id, ticket: record.ticket });
        if (choice === 'skip') {
          counts.skipped++;
          return;
        }
        if (record.extras) applyExtras(ctx, match.id, record.extras);
        const existing = getPersonData(ctx, match.id);
        if (addsAnything(existing, person)) {
          // The first merge into someone keeps how they were; a person created by this very import needs no copy.
          if (!touched.has(match.id)) recordChange.run(importId, match.id, 'merged', JSON.stringify(existing));
          if (!toIndex.has(match.id)) toUnindex.push(rankOf.get(match.id)?.r as number);
          touched.add(match.id);
          const merged = fillFrom(existing, person);
          toIndex.set(match.id, { rank: rewritePerson(db, match.id, merged, at, true), person: merged });
          index.add(match.id, person);
        }
        counts.merged++;
      });
      toUnindex.sort((a, b) => a - b).forEach((rank) => unindexPerson(db, rank));
      const indexing = [...toIndex.values()].sort((a, b) => a.rank - b.rank);
      indexing.forEach(({ rank, person }, j) => {
        if (j % TICK === 0) tick(records.length + Math.floor((j / indexing.length) * records.length));
        indexPerson(db, rank, searchDocument(person));
      });
      tick(total);
      let registered = 0;
      if (job.seminarId !== null) {
        const register = stmt(
          db,
          `INSERT INTO registrations (seminar_id, person_id, mode, source, state, ticket_code, created_at, updated_at)
           VALUES (?, ?, ?, 'imported', 'registered', ?, ?, ?) ON CONFLICT (seminar_id, person_id) DO NOTHING`,
        );
        const recordRegistration = stmt(db, 'INSERT INTO import_registrations (import_id, registration_id) VALUES (?, ?)');
        for (const personId of new Set(toRegister)) {
          const result = register.run(job.seminarId, personId, job.mode, newTicketCode(), at, at);
          if (result.changes === 0) continue;
          recordRegistration.run(importId, Number(result.lastInsertRowid));
          registered++;
        }
        // Also onto a registration made before this import: the platform's ticket in the attendee's hand must scan.
        const registrationOf = stmt<[number, number], { id: number }>(db, 'SELECT id FROM registrations WHERE seminar_id = ? AND person_id = ?');
        for (const { personId, ticket } of tickets) {
          const registration = registrationOf.get(job.seminarId, personId);
          if (registration) attachTicket(db, registration.id, ticket, importId);
        }
      }
      stmt(db, 'UPDATE imports SET created = ?, merged = ?, skipped = ?, registered = ? WHERE id = ?').run(counts.created, counts.merged, counts.skipped, registered, importId);
      return { importId, ...counts, registered, rejected, backup: job.backup };
    })
    .immediate();
}

/** Takes a whole import back: its registrations and the people it created are removed, the people it merged into get their details back. */
export function undoImport(ctx: CoreContext, importId: number): { removed: number; restored: number; unregistered: number } {
  const { db } = ctx;
  return db
    .transaction(() => {
      const row = stmt<[number], { undone_at: string | null }>(db, 'SELECT undone_at FROM imports WHERE id = ?').get(importId);
      if (!row) throw notFound('This import');
      if (row.undone_at) throw new AppError('conflict', 'This import has already been undone.');
      const unregistered = stmt(db, 'DELETE FROM registrations WHERE id IN (SELECT registration_id FROM import_registrations WHERE import_id = ?)').run(importId).changes;
      detachImportTickets(db, importId);
      const changes = stmt<[number], { person_id: number; action: 'created' | 'merged'; before: string | null }>(
        db,
        'SELECT person_id, action, before FROM import_people WHERE import_id = ?',
      ).all(importId);
      const at = ctx.now().toISOString();
      let restored = 0;
      for (const c of changes) {
        if (c.action === 'merged' && c.before) {
          rewritePerson(db, c.person_id, JSON.parse(c.before) as PersonData, at);
          restored++;
        }
      }
      const created = changes.filter((c) => c.action === 'created').map((c) => c.person_id);
      removePeople(db, created);
      stmt(db, 'UPDATE imports SET undone_at = ? WHERE id = ?').run(at, importId);
      return { removed: created.length, restored, unregistered };
    })
    .immediate();
}

export function importHistory(ctx: CoreContext): ImportHistoryEntry[] {
  return stmt<[], ImportHistoryEntry>(
    ctx.db,
    `SELECT i.id, i.file_name AS fileName, i.format, i.imported_at AS importedAt, i.undone_at AS undoneAt,
       i.created, i.merged, i.skipped, i.rejected, i.registered, s.title AS seminarTitle
     FROM imports i LEFT JOIN seminars s ON s.id = i.seminar_id ORDER BY i.id DESC LIMIT 100`,
  ).all();
}
