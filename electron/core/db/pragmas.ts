import type Database from 'better-sqlite3';
import { JOURNAL_LIMIT_BYTES } from './journal';

/**
 * WAL keeps readers off the writer's back; synchronous=FULL makes a returned write durable
 * (a check-in is on disk when the call returns, even if the power cord is pulled next).
 */
export function applyPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A journal that has started over is cut back to this size by the next commit (journal.ts).
  db.pragma(`journal_size_limit = ${JOURNAL_LIMIT_BYTES}`);
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
