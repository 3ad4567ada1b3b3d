import type { Migration } from './index';

/**
 * Relationships every day (issue 17): when someone entered the book (so the never-touched are
 * due once their cadence has passed), structured boundaries, dated need changes, important
 * dates, photos, a trash for deletes, and a full-text index of the notes for "find anything".
 * Kind lists are written out here, not imported: a released migration must not change.
 */
export const m015EverydayRelationships: Migration = {
  version: 15,
  name: 'everyday relationships',
  up(db) {
    db.exec(`
      -- The earliest day the book knows of this person (added, first touch of any kind, first
      -- purchase, first client test); derived by services/standing.ts. '' = not yet worked out.
      ALTER TABLE people ADD COLUMN known_since TEXT NOT NULL DEFAULT '';
      -- Boundaries the app acts on: flag keys (shared/domain/boundaries.ts), comma-separated.
      ALTER TABLE people ADD COLUMN boundary_flags TEXT NOT NULL DEFAULT '';
      -- Re-score the book on its next look, which works out known_since for everyone.
      DELETE FROM settings WHERE key = 'standing.asOf';

      -- Every move of a need (noticed → discussed → proposed → met), dated; from_status NULL when noted.
      CREATE TABLE need_changes (
        id INTEGER PRIMARY KEY,
        need_id INTEGER NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
        from_status TEXT CHECK (from_status IS NULL OR from_status IN ('noticed', 'discussed', 'proposed', 'met')),
        to_status TEXT NOT NULL CHECK (to_status IN ('noticed', 'discussed', 'proposed', 'met')),
        changed_on TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        CHECK (from_status IS NULL OR from_status <> to_status)
      ) STRICT;
      CREATE INDEX need_changes_by_need ON need_changes (need_id, changed_at);
      INSERT INTO need_changes (need_id, from_status, to_status, changed_on, changed_at)
        SELECT id, NULL, status, date(updated_at, 'localtime'), updated_at FROM needs;

      -- Birthdays, anniversaries and any dated life event; year unknown for many birthdays.
      CREATE TABLE important_dates (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('birthday', 'anniversary', 'event')),
        label TEXT NOT NULL DEFAULT '',
        month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
        day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
        year INTEGER CHECK (year IS NULL OR year BETWEEN 1900 AND 2200),
        -- Yearly dates come back every year; a one-off event (a move, a new job) does not.
        yearly INTEGER NOT NULL DEFAULT 1 CHECK (yearly IN (0, 1)),
        remind_days_before INTEGER NOT NULL DEFAULT 7 CHECK (remind_days_before BETWEEN 0 AND 60),
        created_at TEXT NOT NULL,
        CHECK (yearly = 1 OR year IS NOT NULL),
        CHECK (kind <> 'event' OR label <> '')
      ) STRICT;
      CREATE INDEX important_dates_by_person ON important_dates (person_id);
      CREATE INDEX important_dates_by_day ON important_dates (month, day);

      -- One photo per person, kept in the book (base64, small: resized before it is stored).
      CREATE TABLE person_photos (
        person_id INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
        mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp', 'image/gif')),
        data TEXT NOT NULL CHECK (length(data) BETWEEN 1 AND 2000000),
        on_badges INTEGER NOT NULL DEFAULT 0 CHECK (on_badges IN (0, 1)),
        updated_at TEXT NOT NULL
      ) STRICT;

      -- What was deleted, kept 30 days to be put back: every row that went with it, as JSON.
      CREATE TABLE trash (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'interaction', 'follow_up')),
        -- The person it was, or was about (not a reference: they may be gone too).
        person_id INTEGER NOT NULL,
        label TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        deleted_at TEXT NOT NULL,
        rows TEXT NOT NULL CHECK (json_valid(rows))
      ) STRICT;
      CREATE INDEX trash_by_deleted ON trash (deleted_at);

      -- Full-text indexes over the notes (external content, kept by triggers so every way of
      -- writing — forms, imports, merges, full imports — keeps them in step).
      CREATE VIRTUAL TABLE people_notes_search USING fts5 (notes, content = 'people', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
      CREATE TRIGGER people_notes_ai AFTER INSERT ON people WHEN NEW.notes <> '' BEGIN
        INSERT INTO people_notes_search (rowid, notes) VALUES (NEW.id, NEW.notes);
      END;
      CREATE TRIGGER people_notes_ad AFTER DELETE ON people WHEN OLD.notes <> '' BEGIN
        INSERT INTO people_notes_search (people_notes_search, rowid, notes) VALUES ('delete', OLD.id, OLD.notes);
      END;
      CREATE TRIGGER people_notes_au AFTER UPDATE OF notes ON people WHEN OLD.notes IS NOT NEW.notes BEGIN
        INSERT INTO people_notes_search (people_notes_search, rowid, notes) SELECT 'delete', OLD.id, OLD.notes WHERE OLD.notes <> '';
        INSERT INTO people_notes_search (rowid, notes) SELECT NEW.id, NEW.notes WHERE NEW.notes <> '';
      END;
      INSERT INTO people_notes_search (rowid, notes) SELECT id, notes FROM people WHERE notes <> '';

      CREATE VIRTUAL TABLE interactions_search USING fts5 (note, content = 'interactions', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
      CREATE TRIGGER interactions_note_ai AFTER INSERT ON interactions WHEN NEW.note <> '' BEGIN
        INSERT INTO interactions_search (rowid, note) VALUES (NEW.id, NEW.note);
      END;
      CREATE TRIGGER interactions_note_ad AFTER DELETE ON interactions WHEN OLD.note <> '' BEGIN
        INSERT INTO interactions_search (interactions_search, rowid, note) VALUES ('delete', OLD.id, OLD.note);
      END;
      CREATE TRIGGER interactions_note_au AFTER UPDATE OF note ON interactions WHEN OLD.note IS NOT NEW.note BEGIN
        INSERT INTO interactions_search (interactions_search, rowid, note) SELECT 'delete', OLD.id, OLD.note WHERE OLD.note <> '';
        INSERT INTO interactions_search (rowid, note) SELECT NEW.id, NEW.note WHERE NEW.note <> '';
      END;
      INSERT INTO interactions_search (rowid, note) SELECT id, note FROM interactions WHERE note <> '';

      CREATE VIRTUAL TABLE needs_search USING fts5 (what, problem, content = 'needs', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
      CREATE TRIGGER needs_text_ai AFTER INSERT ON needs BEGIN
        INSERT INTO needs_search (rowid, what, problem) VALUES (NEW.id, NEW.what, NEW.problem);
      END;
      CREATE TRIGGER needs_text_ad AFTER DELETE ON needs BEGIN
        INSERT INTO needs_search (needs_search, rowid, what, problem) VALUES ('delete', OLD.id, OLD.what, OLD.problem);
      END;
      CREATE TRIGGER needs_text_au AFTER UPDATE OF what, problem ON needs BEGIN
        INSERT INTO needs_search (needs_search, rowid, what, problem) VALUES ('delete', OLD.id, OLD.what, OLD.problem);
        INSERT INTO needs_search (rowid, what, problem) VALUES (NEW.id, NEW.what, NEW.problem);
      END;
      INSERT INTO needs_search (rowid, what, problem) SELECT id, what, problem FROM needs;
    `);
  },
};
