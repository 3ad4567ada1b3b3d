import type { Migration } from './index';

/**
 * Imports and what each one changed, so a whole import can be undone: the people it created,
 * the people it merged into (with their details as they were before), the registrations it made.
 */
export const m006Imports: Migration = {
  version: 6,
  name: 'imports',
  up(db) {
    db.exec(`
      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        format TEXT NOT NULL,
        encoding TEXT NOT NULL,
        seminar_id INTEGER REFERENCES seminars (id) ON DELETE SET NULL,
        created INTEGER NOT NULL DEFAULT 0,
        merged INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0,
        registered INTEGER NOT NULL DEFAULT 0,
        imported_at TEXT NOT NULL,
        undone_at TEXT
      ) STRICT;

      CREATE TABLE import_people (
        import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN ('created', 'merged')),
        -- For a merge: the person's details before it (JSON of PersonData), put back by undo.
        before TEXT,
        PRIMARY KEY (import_id, person_id),
        CHECK ((action = 'merged') = (before IS NOT NULL))
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX import_people_by_person ON import_people (person_id);

      CREATE TABLE import_registrations (
        import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        registration_id INTEGER NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
        PRIMARY KEY (import_id, registration_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX import_registrations_by_registration ON import_registrations (registration_id);
    `);
  },
};
