import type { Migration } from './index';

/** Occasions at the owner's home, their guests, and every change of a guest's state. */
export const m005Hospitality: Migration = {
  version: 5,
  name: 'home occasions',
  up(db) {
    db.exec(`
      CREATE TABLE occasions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('dinner', 'barbecue', 'holiday_party', 'other')),
        title TEXT NOT NULL DEFAULT '',
        -- Wall-clock day and time at the owner's home.
        day TEXT NOT NULL,
        time TEXT NOT NULL,
        -- 0 = no limit.
        seats INTEGER NOT NULL DEFAULT 0 CHECK (seats >= 0),
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX occasions_by_day ON occasions (day);

      CREATE TABLE occasion_guests (
        id INTEGER PRIMARY KEY,
        occasion_id INTEGER NOT NULL REFERENCES occasions (id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        state TEXT NOT NULL CHECK (state IN ('invited', 'accepted', 'declined', 'attended', 'absent')),
        changed_at TEXT NOT NULL,
        -- The home-visit touch an attendance made (removed if the attendance is taken back).
        interaction_id INTEGER REFERENCES interactions (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        UNIQUE (occasion_id, person_id),
        CHECK (interaction_id IS NULL OR state = 'attended')
      ) STRICT;
      CREATE INDEX occasion_guests_by_person ON occasion_guests (person_id, state);

      CREATE TABLE occasion_guest_changes (
        id INTEGER PRIMARY KEY,
        guest_id INTEGER NOT NULL REFERENCES occasion_guests (id) ON DELETE CASCADE,
        state TEXT NOT NULL CHECK (state IN ('invited', 'accepted', 'declined', 'attended', 'absent')),
        changed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX occasion_guest_changes_by_guest ON occasion_guest_changes (guest_id, id);
    `);
  },
};
