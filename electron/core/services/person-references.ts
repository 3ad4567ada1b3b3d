import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';

/**
 * Rows of the person's own that go with them and say nothing of a relationship: their emails,
 * phones, tags, and the stage history Rapport writes itself.
 */
const OWN_PARTS = new Set(['person_emails', 'person_phones', 'person_tags', 'stage_changes']);

const columnsCache = new WeakMap<Database.Database, { table: string; column: string }[]>();

/** Every column of the schema that refers to a person, read from the schema itself so a new table is never missed. */
function referringColumns(db: Database.Database): { table: string; column: string }[] {
  let found = columnsCache.get(db);
  if (!found) {
    found = stmt<[], { table: string; column: string }>(
      db,
      `SELECT m.name AS "table", f."from" AS "column" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
       WHERE m.type = 'table' AND f."table" = 'people' ORDER BY m.name, f."from"`,
    )
      .all()
      .filter((c) => !OWN_PARTS.has(c.table));
    columnsCache.set(db, found);
  }
  return found;
}

/**
 * Whether anything in the book refers to this person besides their own parts and the one
 * registration named: another registration, a touch, a follow-up, a link, a guest list…
 */
export function isReferencedBeyond(db: Database.Database, personId: number, exceptRegistrationId: number): boolean {
  return referringColumns(db).some(({ table, column }) => {
    const extra = table === 'registrations' ? ' AND id != ?' : '';
    const params = table === 'registrations' ? [personId, exceptRegistrationId] : [personId];
    return stmt(db, `SELECT 1 FROM "${table}" WHERE "${column}" = ?${extra} LIMIT 1`).get(...params) !== undefined;
  });
}
