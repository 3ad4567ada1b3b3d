import type { Migration } from './index';

/** Seminars and who registered for them (in person or on the live stream), with check-ins. */
export const m002Seminars: Migration = {
  version: 2,
  name: 'seminars and registrations',
  up(db) {
    db.exec(`
      CREATE TABLE seminars (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        venue_name TEXT NOT NULL DEFAULT '',
        venue_address TEXT NOT NULL DEFAULT '',
        stream_url TEXT NOT NULL DEFAULT '',
        -- 0 = no limit (kept NOT NULL like every column).
        capacity INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        closed_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (ends_at > starts_at)
      ) STRICT;
      CREATE INDEX seminars_by_start ON seminars (archived, starts_at);

      CREATE TABLE registrations (
        id INTEGER PRIMARY KEY,
        seminar_id INTEGER NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        mode TEXT NOT NULL CHECK (mode IN ('in_person', 'stream')),
        source TEXT NOT NULL CHECK (source IN ('imported', 'ahead', 'walk_in')),
        state TEXT NOT NULL CHECK (state IN ('registered', 'checked_in', 'cancelled', 'no_show')),
        checked_in_at TEXT,
        ticket_code TEXT NOT NULL UNIQUE,
        badge_printed_at TEXT,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (seminar_id, person_id),
        CHECK ((state = 'checked_in') = (checked_in_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX registrations_by_person ON registrations (person_id);
      CREATE INDEX registrations_by_seminar_state ON registrations (seminar_id, state);
    `);
  },
};
