import type Database from 'better-sqlite3';
import { notFound, staleCopy } from '../../../shared/errors';
import { stmt } from '../db/statements';

/** The records edited in forms; migration 8 gives each a version its triggers move on every change. */
export type VersionedTable = 'people' | 'seminars' | 'occasions' | 'interactions' | 'needs';

/** The version a record has now. */
export function versionOf(db: Database.Database, table: VersionedTable, id: number, what: string): number {
  const row = stmt<[number], { version: number }>(db, `SELECT version FROM ${table} WHERE id = ?`).get(id);
  if (!row) throw notFound(what);
  return row.version;
}

/**
 * Inside the write's own transaction: an edit made on the version the caller read goes through;
 * one made on an older copy is refused with the version now stored, so nobody's change is lost
 * without them knowing. Saving again with that version is the deliberate "save mine anyway".
 */
export function expectVersion(db: Database.Database, table: VersionedTable, id: number, version: number, what: string): void {
  const current = versionOf(db, table, id, what);
  if (current !== version) throw staleCopy(what, current);
}
