import type { Migration } from './index';

/**
 * Door devices paired with the hub (issue 15): each has its own revocable token, kept here only as a
 * digest, so a copy of the book (a backup, a stolen file) holds no key that lets anyone in. The
 * devices outlive a restart of the hub; closing the door revokes them all. Which check-ins each made
 * is kept beside the registration, so a device may undo its own and no one else's.
 */
export const m013PairedDevices: Migration = {
  version: 13,
  name: 'paired door devices',
  up(db) {
    db.exec(`
      CREATE TABLE door_devices (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 40),
        seminar_id INTEGER NOT NULL REFERENCES seminars (id) ON DELETE CASCADE,
        -- SHA-256 of the token (base64): the token itself is never stored.
        token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 44),
        paired_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        checkins_made INTEGER NOT NULL DEFAULT 0 CHECK (checkins_made >= 0),
        revoked_at TEXT
      ) STRICT;
      CREATE INDEX door_devices_by_seminar ON door_devices (seminar_id, revoked_at);

      -- The device that made a registration's current check-in; gone as soon as its state changes by any path.
      CREATE TABLE door_checkins (
        registration_id INTEGER PRIMARY KEY REFERENCES registrations (id) ON DELETE CASCADE,
        device_id INTEGER NOT NULL REFERENCES door_devices (id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX door_checkins_by_device ON door_checkins (device_id);
      CREATE TRIGGER door_checkins_follow_state AFTER UPDATE OF state ON registrations
        WHEN OLD.state IS NOT NEW.state
      BEGIN
        DELETE FROM door_checkins WHERE registration_id = NEW.id;
      END;

      -- The network listener is open while this row exists, so a restarted hub opens it again on the same port.
      CREATE TABLE door_listener (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
        opened_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
