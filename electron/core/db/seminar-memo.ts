import type Database from 'better-sqlite3';
import { stmt } from './statements';

/** Changes on this connection and commits from any other (the import worker's) both move it. */
function bookVersion(db: Database.Database): string {
  const changes = stmt<[], { c: number }>(db, 'SELECT total_changes() AS c').get()?.c ?? 0;
  return `${changes}:${db.pragma('data_version', { simple: true }) as number}`;
}

/**
 * Something worked out from one seminar's rows and kept until the book changes: the check-in
 * table asks on every keystroke, and a seminar's registrants are read once, not per keystroke.
 */
export function seminarMemo<T>(build: (db: Database.Database, seminarId: number) => T): (db: Database.Database, seminarId: number) => T {
  const cache = new WeakMap<Database.Database, Map<number, { version: string; value: T }>>();
  return (db, seminarId) => {
    let bySeminar = cache.get(db);
    if (!bySeminar) {
      bySeminar = new Map();
      cache.set(db, bySeminar);
    }
    const version = bookVersion(db);
    const hit = bySeminar.get(seminarId);
    if (hit?.version === version) return hit.value;
    const value = build(db, seminarId);
    bySeminar.set(seminarId, { version, value });
    return value;
  };
}
