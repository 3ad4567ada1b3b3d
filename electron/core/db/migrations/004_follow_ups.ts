import type { Migration } from './index';

/** Follow-ups (promised next steps) and a keep-in-touch cadence per person. */
export const m004FollowUps: Migration = {
  version: 4,
  name: 'follow-ups and cadence',
  up(db) {
    db.exec(`
      -- NULL: the cadence of the person's stage (Settings).
      ALTER TABLE people ADD COLUMN cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days BETWEEN 1 AND 3650);

      CREATE TABLE follow_ups (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        what TEXT NOT NULL CHECK (what <> ''),
        kind TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'meal', 'message', 'visit', 'gift', 'task')),
        -- NULL: no date yet.
        due_on TEXT,
        state TEXT NOT NULL CHECK (state IN ('open', 'snoozed', 'done', 'dropped')),
        snoozed_until TEXT,
        done_on TEXT,
        drop_reason TEXT NOT NULL DEFAULT '',
        seminar_id INTEGER REFERENCES seminars (id) ON DELETE SET NULL,
        source TEXT NOT NULL CHECK (source IN ('person', 'check_in', 'people_list', 'seminar', 'review', 'reconnect')),
        -- The touch logged when it was done, if one was.
        interaction_id INTEGER REFERENCES interactions (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((state = 'snoozed') = (snoozed_until IS NOT NULL)),
        CHECK ((state = 'done') = (done_on IS NOT NULL)),
        CHECK (state <> 'dropped' OR drop_reason <> '')
      ) STRICT;
      CREATE INDEX follow_ups_by_person ON follow_ups (person_id, state);
      -- The agenda: open follow-ups by the day they come up.
      CREATE INDEX follow_ups_agenda ON follow_ups (coalesce(snoozed_until, due_on)) WHERE state IN ('open', 'snoozed');
      CREATE INDEX follow_ups_by_seminar ON follow_ups (seminar_id) WHERE seminar_id IS NOT NULL;
    `);
  },
};
