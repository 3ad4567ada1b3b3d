import type { Migration } from './index';

/**
 * What a ticketing platform (Eventbrite, Zoom) knows about a registration, kept as the import read
 * it: the platform's own identifiers (attendee #, order #, barcode, registrant id) — exact-match
 * lookup keys at the check-in table — the ticket type, and every other column of the attendee
 * report as a question and its answer. Each row names the import that brought it, so undoing that
 * import takes back exactly what it added to a registration that was already there.
 */
export const m007PlatformTickets: Migration = {
  version: 7,
  name: 'platform tickets',
  up(db) {
    db.exec(`
      -- One row per import that brought a ticket for the registration; the first one shown.
      CREATE TABLE registration_tickets (
        id INTEGER PRIMARY KEY,
        registration_id INTEGER NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
        platform TEXT NOT NULL CHECK (platform IN ('eventbrite', 'zoom')),
        ticket_type TEXT NOT NULL DEFAULT '' CHECK (length(ticket_type) <= 200),
        import_id INTEGER REFERENCES imports (id) ON DELETE SET NULL,
        UNIQUE (registration_id, import_id)
      ) STRICT;
      CREATE INDEX registration_tickets_by_import ON registration_tickets (import_id) WHERE import_id IS NOT NULL;

      -- Rows are per import too: the same code brought by two imports is held by both, so undoing one leaves it.
      CREATE TABLE registration_codes (
        id INTEGER PRIMARY KEY,
        registration_id INTEGER NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('attendee', 'order', 'barcode', 'registrant')),
        -- As the platform wrote it (trimmed); looked up by exact match only, never by prefix.
        code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 100 AND code = trim(code)),
        import_id INTEGER REFERENCES imports (id) ON DELETE SET NULL,
        UNIQUE (registration_id, kind, code, import_id)
      ) STRICT;
      -- A code finds its registrations from the index alone.
      CREATE INDEX registration_codes_by_code ON registration_codes (code, registration_id);
      CREATE INDEX registration_codes_by_import ON registration_codes (import_id) WHERE import_id IS NOT NULL;

      -- In the order the form asked them (row order); a question answered by two imports shows the first answer.
      CREATE TABLE registration_answers (
        id INTEGER PRIMARY KEY,
        registration_id INTEGER NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
        question TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 500),
        answer TEXT NOT NULL CHECK (length(answer) BETWEEN 1 AND 5000),
        import_id INTEGER REFERENCES imports (id) ON DELETE SET NULL,
        UNIQUE (registration_id, question, import_id)
      ) STRICT;
      CREATE INDEX registration_answers_by_import ON registration_answers (import_id) WHERE import_id IS NOT NULL;
    `);
  },
};
