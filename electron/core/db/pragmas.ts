import type Database from 'better-sqlite3';

/**
 * WAL keeps readers off the writer's back; synchronous=FULL makes a returned write durable
 * (a check-in is on disk when the call returns, even if the power cord is pulled next).
 */
export function applyPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
