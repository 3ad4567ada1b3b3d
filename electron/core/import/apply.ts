import type Database from 'better-sqlite3';
import { applyExtras } from '../services/important-dates';
import type { AttendanceMode } from '../../../shared/domain/seminar';
import type { DuplicateChoice, ImportHistoryEntry, ImportSummary, ImportUndone } from '../../../shared/domain/import';
import type { PersonData } from '../../../shared/domain/person';
import { AppError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { addsAnything, fillFrom } from '../services/merge';
import { dropUnusedTags, getPersonData, insertPerson, rewritePerson, searchDocument } from '../services/people';
import { newTicketCode } from '../services/seminars';
import { attachTicket } from '../services/platform-tickets';
import type { PlatformTicket } from '../../../shared/domain/ticket';
import { indexPerson, planRanks, rankFor, rankStillFits, unindexPerson } from '../services/search-index';
import { nameSortKey } from '../../../shared/domain/names';
import { BookIndex } from './matching';
import { phoneRegion } from '../services/phones';
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
   * Called every few hundred people, after every step, and at the end. Each person counts twice
   * (written, then put in the search index), so `total` is twice the people in the file.
   */
  progress?(done: number, total: number): void;
  /** Checked before every step and every few hundred people; true takes back whatever was written and throws `cancelled`. */
  cancelled?(): boolean;
  /** Between two steps, outside any transaction: a worker waits here while the main thread is in a call. */
  between?(): void;
}

/**
 * A step holds the write lock for about this long, so a check-in arriving meanwhile waits for at
 * most one step. Between steps the import is visible as it grows ("import in progress"); until its
 * last step marks it done it is `running`, and a cancel, a failure or the next start after a crash
 * takes all of it back (takeBack).
 */
const STEP_MS = 25;
const STEP_ROWS = 2000;
const STEPS_CHECKPOINT_PAGES = 10_000;
/** Progress is told this often within a step too, so a small file still shows it moving. */
const PROGRESS_ROWS = 200;

/** Lines with a problem and no person: the rows or cards that were rejected, with why. */
function rejectedOf(file: ImportFile): { line: number; message: string }[] {
  const imported = new Set(file.records.map((r) => r.line));
  return file.problems.filter((p) => !imported.has(p.line));
}

const stepEnds = (started: number) => performance.now() - started >= STEP_MS;

/**
 * Short steps are committed without waiting for the disk (synchronous=NORMAL: a crash may lose the
 * last steps, never corrupt, and WAL loses only a suffix, so never the `running` row before them);
 * the last, which makes the job count, is durable again like every other write. Checkpoints are
 * made rarer meanwhile (every ~40 MB of journal instead of 4 MB): hot pages, written at every step,
 * are copied into the book once per checkpoint, and a checkpoint waits for the disk.
 */
function withoutSyncPerStep<T>(db: Database.Database, work: () => T): T {
  const durable = db.pragma('synchronous', { simple: true }) as number;
  const checkpointEvery = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  db.pragma(`wal_autocheckpoint = ${STEPS_CHECKPOINT_PAGES}`);
  try {
    return work();
  } finally {
    db.pragma(`synchronous = ${durable}`);
    db.pragma(`wal_autocheckpoint = ${checkpointEvery}`);
  }
}

/**
 * A mark that moves when anyone but the running step writes: data_version counts other
 * connections' commits (the main thread, while the import runs in the worker); total_changes
 * counts this connection's own, which between two steps can only be someone else's (in-thread).
 */
const writeMark = (db: Database.Database) => {
  const { v, c } = stmt<[], { v: number; c: number }>(db, 'SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS c').get() as { v: number; c: number };
  return `${v}:${c}`;
};

/**
 * Imports a read file: each person is matched against the book (and against those already
 * imported from the file) and created, merged or skipped as chosen; with a seminar, everyone is
 * registered too. Written in short steps (see STEP_MS); all of it or none of it stays. Every
 * change is recorded so the import can be undone as a whole.
 */
export function applyImport(ctx: CoreContext, job: ImportJob, hooks: ImportHooks = {}): ImportSummary {
  const { db } = ctx;
  const at = ctx.now().toISOString();
  const rejected = rejectedOf(job.file);
  const importId = db
    .transaction(() => {
      if (job.seminarId !== null) openSeminar(db, job.seminarId);
      return Number(
        stmt(db, "INSERT INTO imports (file_name, format, encoding, seminar_id, rejected, imported_at, state) VALUES (?, ?, ?, ?, ?, ?, 'running')").run(
          job.fileName,
          job.file.format,
          job.file.encoding,
          job.seminarId,
          rejected.length,
          at,
        ).lastInsertRowid,
      );
    })
    .immediate();
  try {
    const counts = withoutSyncPerStep(db, () => writeImport(ctx, job, importId, at, hooks));
    db.transaction(() => {
      stmt(db, "UPDATE imports SET created = ?, merged = ?, skipped = ?, registered = ?, state = 'done' WHERE id = ?").run(
        counts.created,
        counts.merged,
        counts.skipped,
        counts.registered,
        importId,
      );
    }).immediate();
    return { importId, ...counts, rejected, backup: job.backup };
  } catch (error) {
    try {
      forgetImport(ctx, importId, hooks);
    } catch {
      // The import stays `running`: the next start takes it back.
    }
    throw error;
  }
}

function openSeminar(db: Database.Database, seminarId: number): void {
  const seminar = stmt<[number], { closed_at: string | null }>(db, 'SELECT closed_at FROM seminars WHERE id = ?').get(seminarId);
  if (!seminar) throw notFound('This seminar');
  if (seminar.closed_at) throw new AppError('conflict', 'This seminar is closed. Reopen it to register more people.');
}

function stopIfCancelled(hooks: ImportHooks): void {
  if (hooks.cancelled?.()) throw new AppError('cancelled', 'The import was cancelled; nothing was imported.');
}

function beforeStep(hooks: ImportHooks): void {
  hooks.between?.();
  stopIfCancelled(hooks);
}

const exists = (db: Database.Database, id: number) => stmt<[number], { id: number }>(db, 'SELECT id FROM people WHERE id = ?').get(id) !== undefined;

/** What becomes of one row of the file: a new person, or a person it merges into or skips to (in the book, or created from an earlier row). */
type Decision = { row: number; action: 'create' } | { row: number; action: 'merge' | 'skip'; target: number };

/** People the file itself creates stand in the matcher under these ids until they are written. */
const provisional = (row: number) => -(row + 1);
const rowOf = (id: number) => -id - 1;

/**
 * Decides every row in file order, in memory, as writing them in that order would: matched against
 * the book and against the rows before it (a file listing someone twice merges into the first), a
 * merge adding to what the matcher knows only when it adds anything. Reads the book, writes nothing.
 */
function decide(ctx: CoreContext, job: ImportJob, index: BookIndex): Decision[] {
  const records = job.file.records;
  const known = new Map<number, PersonData>();
  const region = phoneRegion(ctx.db);
  return records.map((record, row): Decision => {
    const person = record.person;
    const match = index.match(person);
    const choice: DuplicateChoice = match ? (job.byLine[String(record.line)] ?? job.duplicates) : 'create';
    if (!match || choice === 'create') {
      index.add(provisional(row), person);
      known.set(provisional(row), person);
      return { row, action: 'create' };
    }
    if (choice === 'skip') return { row, action: 'skip', target: match.id };
    const current = known.get(match.id) ?? getPersonData(ctx, match.id);
    if (addsAnything(current, person, region)) {
      known.set(match.id, fillFrom(current, person, region));
      index.add(match.id, person);
    }
    return { row, action: 'merge', target: match.id };
  });
}

/**
 * Writes the decisions in short steps: first everyone new, in name order — the people table, its
 * name and rank indexes and the search index all grow in order, so each step touches few pages
 * (every step commits the pages it touched: written in file order, each step touched a page of
 * each index per person) — then the merges and skips, in file order, into the people they were
 * decided for. So new people are numbered in name order, not file order.
 */
function writeImport(ctx: CoreContext, job: ImportJob, importId: number, at: string, hooks: ImportHooks) {
  const { db } = ctx;
  const records = job.file.records;
  let mark = writeMark(db);
  const region = phoneRegion(db);
  const sortKeys = records.map((r) => nameSortKey(r.person));
  const ranks = planRanks(db, sortKeys);
  const decisions = decide(ctx, job, BookIndex.load(db));
  const creates = decisions.filter((d) => d.action === 'create').sort((a, b) => (ranks[a.row] as number) - (ranks[b.row] as number));
  const others = decisions.filter((d): d is Extract<Decision, { target: number }> => d.action !== 'create');
  const recordChange = stmt(db, 'INSERT OR IGNORE INTO import_people (import_id, person_id, action, before) VALUES (?, ?, ?, ?)');
  const rankOf = stmt<[number], { r: number }>(db, 'SELECT search_rank AS r FROM people WHERE id = ?');
  const idOfRow = new Map<number, number>();
  const toRegister = new Set<number>();
  // Each row's platform ticket, for the registration of whoever the row became (in file order per person).
  const tickets = new Map<number, PlatformTicket[]>();
  const ticketFor = (personId: number, row: number) => {
    const ticket = (records[row] as (typeof records)[number]).ticket;
    if (!ticket) return;
    const list = tickets.get(personId);
    if (list) list.push(ticket);
    else tickets.set(personId, [ticket]);
  };
  const counts = { created: 0, merged: 0, skipped: 0, registered: 0 };
  const total = 2 * records.length;
  let done = 0;
  // Ranks were planned for the book as it was; once anyone else has written to it (or a rank had to be found afresh), each is checked before use.
  let checkRanks = false;
  const create = (row: number, planned: number | null): number => {
    let rank = planned;
    if (rank === null || (checkRanks && !rankStillFits(db, sortKeys[row] as string, rank))) rank = rankFor(db, sortKeys[row] as string);
    const record = records[row] as (typeof records)[number];
    const id = insertPerson(db, record.person, at, { rank, deferIndex: true });
    if (record.extras) applyExtras(ctx, id, record.extras);
    recordChange.run(importId, id, 'created', null);
    idOfRow.set(row, id);
    toRegister.add(id);
    ticketFor(id, row);
    counts.created++;
    return id;
  };
  const steps = <T>(items: T[], each: (item: T) => void, afterStep: () => void = () => {}) => {
    for (let k = 0; k < items.length; ) {
      beforeStep(hooks);
      db.transaction(() => {
        checkRanks ||= writeMark(db) !== mark;
        const started = performance.now();
        for (const first = k; k < items.length && k - first < STEP_ROWS && !(k > first && stepEnds(started)); k++) {
          if (k > first && k % PROGRESS_ROWS === 0) {
            // A cancel is heard within a few hundred people, the step in flight undone with the rest.
            stopIfCancelled(hooks);
            hooks.progress?.(done, total);
          }
          each(items[k] as T);
          done += 2;
        }
        afterStep();
      }).immediate();
      mark = writeMark(db);
      hooks.progress?.(done, total);
    }
  };
  hooks.progress?.(0, total);
  // Created in a step, indexed at its end in rank order (FTS5 flushes whenever a rowid goes down).
  let newcomers: { id: number; person: PersonData }[] = [];
  steps(
    creates,
    (d) => newcomers.push({ id: create(d.row, ranks[d.row] as number), person: (records[d.row] as (typeof records)[number]).person }),
    () => {
      // A rank found afresh may have spread its neighbours out: the ranks are read back, not assumed.
      const indexing = newcomers.map(({ id, person }) => ({ person, rank: (rankOf.get(id) as { r: number }).r })).sort((a, b) => a.rank - b.rank);
      for (const { rank, person } of indexing) indexPerson(db, rank, searchDocument(person));
      newcomers = [];
    },
  );
  steps(others, (d) => {
    const target = d.target < 0 ? (idOfRow.get(rowOf(d.target)) as number) : d.target;
    // Someone deleted or merged away meanwhile is no longer there to merge into: the row comes in as a new person.
    if (!exists(db, target)) {
      const id = create(d.row, null);
      indexPerson(db, (rankOf.get(id) as { r: number }).r, searchDocument(getPersonData(ctx, id)));
      return;
    }
    toRegister.add(target);
    ticketFor(target, d.row);
    if (d.action === 'skip') {
      counts.skipped++;
      return;
    }
    const { person, extras } = records[d.row] as (typeof records)[number];
    if (extras) applyExtras(ctx, target, extras);
    const existing = getPersonData(ctx, target);
    if (addsAnything(existing, person, region)) {
      // The first merge into someone keeps how they were; a person created by this very import needs no copy.
      recordChange.run(importId, target, 'merged', JSON.stringify(existing));
      rewritePerson(db, target, fillFrom(existing, person, region), at);
    }
    counts.merged++;
  });
  if (job.seminarId !== null) counts.registered = registerAll(db, job, importId, [...toRegister], tickets, at, hooks);
  return counts;
}

/**
 * With a seminar, everyone in the file is registered (in steps too); those registered already stay
 * as they are. Each gets the platform tickets their rows brought — also onto a registration made
 * before this import: the platform's ticket in the attendee's hand must scan.
 */
function registerAll(
  db: Database.Database,
  job: ImportJob,
  importId: number,
  people: number[],
  tickets: Map<number, PlatformTicket[]>,
  at: string,
  hooks: ImportHooks,
): number {
  const register = stmt(
    db,
    `INSERT INTO registrations (seminar_id, person_id, mode, source, state, ticket_code, created_at, updated_at)
     SELECT ?, id, ?, 'imported', 'registered', ?, ?, ? FROM people WHERE id = ? ON CONFLICT (seminar_id, person_id) DO NOTHING`,
  );
  const recordRegistration = stmt(db, 'INSERT INTO import_registrations (import_id, registration_id) VALUES (?, ?)');
  const registrationOf = stmt<[number, number], { id: number }>(db, 'SELECT id FROM registrations WHERE seminar_id = ? AND person_id = ?');
  let registered = 0;
  for (let k = 0; k < people.length; ) {
    beforeStep(hooks);
    db.transaction(() => {
      openSeminar(db, job.seminarId as number);
      const started = performance.now();
      for (const first = k; k < people.length && k - first < STEP_ROWS && !(k > first && stepEnds(started)); k++) {
        const personId = people[k] as number;
        const result = register.run(job.seminarId, job.mode, newTicketCode(), at, at, personId);
        if (result.changes > 0) {
          recordRegistration.run(importId, Number(result.lastInsertRowid));
          registered++;
        }
        const own = tickets.get(personId);
        const registration = own && registrationOf.get(job.seminarId as number, personId);
        if (registration) for (const ticket of own) attachTicket(db, registration.id, ticket, importId);
      }
    }).immediate();
  }
  return registered;
}

/** What taking an import back did; `kept` counts the people and registrations left alone because someone changed them since. */
type TakeBack = ImportUndone;

// A person's own details, an import's birthdays and photo among them (migration 15): they go with the person it created.
const HANGS_OFF_PERSON = new Set(['person_emails', 'person_phones', 'person_tags', 'import_people', 'important_dates', 'person_photos']);
const usesCache = new WeakMap<Database.Database, { table: string; column: string }[]>();

/** Every column elsewhere that points at a person (registrations, interactions, follow-ups…), read from the schema itself. */
function usesOfPeople(db: Database.Database): { table: string; column: string }[] {
  let uses = usesCache.get(db);
  if (!uses) {
    const tables = stmt<[], { name: string }>(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
    uses = tables
      .filter((t) => !HANGS_OFF_PERSON.has(t.name))
      .flatMap((t) =>
        (db.pragma(`foreign_key_list(${t.name})`) as { table: string; from: string }[]).filter((fk) => fk.table === 'people').map((fk) => ({ table: t.name, column: fk.from })),
      );
    usesCache.set(db, uses);
  }
  return uses;
}

/** Where an import keeps the platform tickets it brought (migration 7), each row naming the import. */
const TICKET_TABLES = ['registration_tickets', 'registration_codes', 'registration_answers'] as const;

/** Rows are taken back a few at a time, as many as a step's time allows. */
const CHUNK = 50;

/**
 * Walks rows in id order in short write steps (each one as many chunks as STEP_MS allows), from
 * any point a crash left. `withoutForeignKeys`: the step deletes only rows it has checked nothing
 * refers to, and their own dependents itself, so SQLite need not look for children of each row in
 * every table (some 250 µs a person, nine tenths of taking an import back).
 */
function walk<R extends { id: number }>(
  db: Database.Database,
  hooks: Pick<ImportHooks, 'between'>,
  fetch: (after: number, limit: number) => R[],
  handle: (rows: R[]) => void,
  withoutForeignKeys = false,
): void {
  let after = 0;
  for (let more = true; more; ) {
    hooks.between?.();
    // A connection setting, outside the transaction (SQLite ignores it inside one), back on at once.
    if (withoutForeignKeys) db.pragma('foreign_keys = OFF');
    try {
      more = db
        .transaction(() => {
          const started = performance.now();
          do {
            const rows = fetch(after, CHUNK);
            if (!rows.length) return false;
            handle(rows);
            after = (rows.at(-1) as R).id;
          } while (!stepEnds(started));
          return true;
        })
        .immediate();
    } finally {
      if (withoutForeignKeys) db.pragma('foreign_keys = ON');
    }
  }
}

/** Removes people nothing else refers to (checked by the caller): their search rows in rank order, what hangs off them, then them. */
function removeUnreferenced(db: Database.Database, ids: number[]): void {
  if (!ids.length) return;
  const list = JSON.stringify(ids);
  const ranks = stmt<[string], { r: number }>(db, 'SELECT search_rank AS r FROM people WHERE id IN (SELECT value FROM json_each(?)) ORDER BY search_rank').all(list);
  for (const { r } of ranks) unindexPerson(db, r);
  for (const table of HANGS_OFF_PERSON) stmt(db, `DELETE FROM ${table} WHERE person_id IN (SELECT value FROM json_each(?))`).run(list);
  stmt(db, 'DELETE FROM people WHERE id IN (SELECT value FROM json_each(?))').run(list);
  dropUnusedTags(db);
}

/**
 * Takes back what an import wrote, in short steps, whatever state it was left in (so it can be run
 * again after a crash): its registrations, the people it created, the details of people it merged
 * into. What someone changed since — a registration checked in, a person edited or given a
 * follow-up — is left as it is and counted as kept: an acknowledged write is never lost.
 */
function takeBack(ctx: CoreContext, importId: number, hooks: Pick<ImportHooks, 'between'>): TakeBack {
  const { db } = ctx;
  const row = stmt<[number], { at: string }>(db, 'SELECT imported_at AS at FROM imports WHERE id = ?').get(importId);
  if (!row) throw notFound('This import');
  const { at } = row;
  const done: TakeBack = { removed: 0, restored: 0, unregistered: 0, kept: 0 };
  const registrations = stmt<[number, number, number], { id: number; untouched: number }>(
    db,
    `SELECT r.id, (r.state = 'registered' AND r.updated_at = r.created_at AND r.badge_printed_at IS NULL AND r.note = '') AS untouched
     FROM import_registrations ir JOIN registrations r ON r.id = ir.registration_id
     WHERE ir.import_id = ? AND ir.registration_id > ? ORDER BY ir.registration_id LIMIT ?`,
  );
  const unregister = stmt(db, 'DELETE FROM registrations WHERE id = ?');
  walk(
    db,
    hooks,
    (after, limit) => registrations.all(importId, after, limit),
    (rows) => {
      for (const r of rows) {
        if (r.untouched) done.unregistered += unregister.run(r.id).changes;
        else done.kept++;
      }
    },
  );
  // What the import added to registrations it did not create (platform tickets, codes, answers) goes
  // too; those it created and that were removed took theirs with them, those kept keep theirs.
  for (const table of TICKET_TABLES) {
    const added = stmt<[number, number, number, number], { id: number }>(
      db,
      `SELECT id FROM ${table} WHERE import_id = ? AND id > ?
         AND registration_id NOT IN (SELECT registration_id FROM import_registrations WHERE import_id = ?)
       ORDER BY id LIMIT ?`,
    );
    const detach = stmt(db, `DELETE FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`);
    walk(
      db,
      hooks,
      (after, limit) => added.all(importId, after, importId, limit),
      (rows) => detach.run(JSON.stringify(rows.map((r) => r.id))),
    );
  }
  const people = stmt<[string, number, string, number, number], { id: number; before: string | null; untouched: number }>(
    db,
    `SELECT ip.person_id AS id, ip.before, (p.updated_at = ?) AS untouched
     FROM import_people ip JOIN people p ON p.id = ip.person_id
     WHERE ip.import_id = ? AND ip.action = ? AND ip.person_id > ? ORDER BY ip.person_id LIMIT ?`,
  );
  walk(
    db,
    hooks,
    (after, limit) => people.all(at, importId, 'merged', after, limit),
    (rows) => {
      for (const r of rows) {
        if (!r.untouched) {
          done.kept++;
          continue;
        }
        rewritePerson(db, r.id, JSON.parse(r.before as string) as PersonData, ctx.now().toISOString());
        done.restored++;
      }
    },
  );
  walk(
    db,
    hooks,
    (after, limit) => people.all(at, importId, 'created', after, limit),
    (rows) => {
      const ids = JSON.stringify(rows.map((r) => r.id));
      const used = new Set<number>();
      for (const use of usesOfPeople(db)) {
        for (const u of stmt<[string], { id: number }>(db, `SELECT DISTINCT ${use.column} AS id FROM ${use.table} WHERE ${use.column} IN (SELECT value FROM json_each(?))`).all(ids)) {
          used.add(u.id);
        }
      }
      const removable = rows.filter((r) => r.untouched && !used.has(r.id)).map((r) => r.id);
      removeUnreferenced(db, removable);
      done.removed += removable.length;
      done.kept += rows.length - removable.length;
    },
    true,
  );
  return done;
}

/** A running import that did not finish (cancelled, failed, or found at start after a crash): all of it goes, its history row too. */
export function forgetImport(ctx: CoreContext, importId: number, hooks: Pick<ImportHooks, 'between'> = {}): void {
  withoutSyncPerStep(ctx.db, () => takeBack(ctx, importId, hooks));
  ctx.db.transaction(() => stmt(ctx.db, 'DELETE FROM imports WHERE id = ?').run(importId)).immediate();
}

/** Marks an import as being undone: from here the undo is finished even across a crash (finishUnfinishedImports). */
export function beginUndo(ctx: CoreContext, importId: number): void {
  const { db } = ctx;
  db.transaction(() => {
    const row = stmt<[number], { undone_at: string | null; state: string }>(db, 'SELECT undone_at, state FROM imports WHERE id = ?').get(importId);
    if (!row) throw notFound('This import');
    if (row.state === 'running') throw new AppError('busy', 'This import is still running. Cancel it instead, or undo it once it has finished.');
    if (row.undone_at) throw new AppError('conflict', 'This import has already been undone.');
    stmt(db, "UPDATE imports SET state = 'undoing' WHERE id = ?").run(importId);
  }).immediate();
}

/** Completes an undo begun with beginUndo. */
export function finishUndo(ctx: CoreContext, importId: number, hooks: Pick<ImportHooks, 'between'> = {}): ImportUndone {
  const result = withoutSyncPerStep(ctx.db, () => takeBack(ctx, importId, hooks));
  ctx.db.transaction(() => stmt(ctx.db, "UPDATE imports SET state = 'done', undone_at = ? WHERE id = ?").run(ctx.now().toISOString(), importId)).immediate();
  return result;
}

/**
 * Takes a whole import back: its registrations and the people it created are removed, the people
 * it merged into get their details back — except what was changed since, which is kept.
 */
export function undoImport(ctx: CoreContext, importId: number, hooks: Pick<ImportHooks, 'between'> = {}): ImportUndone {
  beginUndo(ctx, importId);
  return finishUndo(ctx, importId, hooks);
}

/**
 * At start (or after a job worker died mid-job): an import left running is taken back whole; an
 * undo left halfway is finished.
 */
export function finishUnfinishedImports(ctx: CoreContext, hooks: Pick<ImportHooks, 'between'> = {}): { forgotten: number; undone: number } {
  const unfinished = stmt<[], { id: number; state: 'running' | 'undoing' }>(ctx.db, "SELECT id, state FROM imports WHERE state != 'done' ORDER BY id DESC").all();
  for (const { id, state } of unfinished) {
    if (state === 'running') forgetImport(ctx, id, hooks);
    else finishUndo(ctx, id, hooks);
  }
  return { forgotten: unfinished.filter((u) => u.state === 'running').length, undone: unfinished.filter((u) => u.state === 'undoing').length };
}

export function importHistory(ctx: CoreContext): ImportHistoryEntry[] {
  return stmt<[], ImportHistoryEntry>(
    ctx.db,
    `SELECT i.id, i.file_name AS fileName, i.format, i.imported_at AS importedAt, i.undone_at AS undoneAt,
       i.created, i.merged, i.skipped, i.rejected, i.registered, s.title AS seminarTitle
     FROM imports i LEFT JOIN seminars s ON s.id = i.seminar_id WHERE i.state != 'running' ORDER BY i.id DESC LIMIT 100`,
  ).all();
}
