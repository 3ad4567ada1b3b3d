import fs from 'node:fs';
import type Database from 'better-sqlite3';

/**
 * How long the write-ahead journal may grow while a job writes in steps (~40 MB) before it is
 * made to start over; also the size a journal is cut back to once it has started over.
 */
export const JOURNAL_LIMIT_BYTES = 40 * 1024 * 1024;

/**
 * SQLite starts the journal over only when a write begins with every frame already copied into
 * the book — never while a job and the main thread take turns writing, so a 100,000-row import
 * left a 660 MB journal, and the next swap or truncation of it kept a check-in waiting 350–550 ms.
 * Between a job's steps: once the journal is past the limit, copy it into the book without
 * holding anyone up (PASSIVE), then copy the few frames written meanwhile and have the next write
 * start the journal over (RESTART: briefly holds writers, for those frames and one sync).
 */
export function restartLongJournal(db: Database.Database, bookFile: string): void {
  const size = fs.statSync(`${bookFile}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  if (size <= JOURNAL_LIMIT_BYTES) return;
  db.pragma('wal_checkpoint(PASSIVE)');
  db.pragma('wal_checkpoint(RESTART)');
}

/**
 * At a job's end, off the main thread: the journal copied into the book and emptied, so neither
 * the next check-in nor a restore's swap has it to copy or delete.
 */
export function emptyJournal(db: Database.Database): void {
  db.pragma('wal_checkpoint(PASSIVE)');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
