import type { Migration } from './index';

/**
 * Door devices (issue 15): which device checked each registrant in, and the first answer to every
 * action a client sent with its own id, so a repeat (a retry whose answer was lost, an offline
 * queue replayed twice) gets that answer again and never acts twice.
 */
export const m012DoorDevices: Migration = {
  version: 12,
  name: 'door devices: who checked in, answered requests',
  up(db) {
    db.exec(`
      -- NULL: the owner's own table (or not checked in); else the name the device gave itself.
      ALTER TABLE registrations ADD COLUMN checked_in_by TEXT
        CHECK (checked_in_by IS NULL OR (length(checked_in_by) BETWEEN 1 AND 40 AND checked_in_at IS NOT NULL));

      CREATE TABLE client_requests (
        client_id TEXT PRIMARY KEY CHECK (length(client_id) BETWEEN 8 AND 64),
        method TEXT NOT NULL,
        -- What the action was about ("registration 12"): the same id for another action is refused.
        subject TEXT NOT NULL,
        device TEXT,
        -- The first answer, as sent: 1 with the value, or 0 with the error body.
        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
        answer TEXT NOT NULL CHECK (json_valid(answer)),
        answered_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX client_requests_by_time ON client_requests (answered_at);
    `);
  },
};
