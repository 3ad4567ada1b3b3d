import type { Migration } from './index';

/**
 * A walk-in registration remembers whether it brought a new person into the book, so undoing
 * the walk-in can take that person out again when nothing else refers to them.
 */
export const m011WalkInPeople: Migration = {
  version: 11,
  name: 'walk-ins that created a person',
  up(db) {
    db.exec(`
      ALTER TABLE registrations ADD COLUMN created_person INTEGER NOT NULL DEFAULT 0
        CHECK (created_person IN (0, 1) AND (created_person = 0 OR source = 'walk_in'));
    `);
  },
};
