import type { Migration } from './index';

/** The records edited in forms. */
export const VERSIONED_TABLES = ['people', 'seminars', 'occasions', 'interactions', 'needs'] as const;

/**
 * A version on every record edited in a form, so that a save made on an older copy is refused
 * (`conflict`) instead of silently undoing someone else's change. Triggers move it, so every
 * way of writing — forms, imports, merges, the check-in table's notes — is counted without
 * each having to remember. A person's version follows `updated_at`, which everything that
 * changes their details sets; their score and stage, refreshed by themselves, do not count.
 */
export const m008Versions: Migration = {
  version: 8,
  name: 'record versions',
  up(db) {
    for (const table of VERSIONED_TABLES) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)`);
      const when = table === 'people' ? 'UPDATE OF updated_at' : 'UPDATE';
      db.exec(`
        CREATE TRIGGER ${table}_version AFTER ${when} ON ${table}
        WHEN NEW.version = OLD.version
        BEGIN
          UPDATE ${table} SET version = OLD.version + 1 WHERE id = NEW.id;
        END`);
    }
  },
};
