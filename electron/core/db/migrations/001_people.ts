import type { Migration } from './index';

/** The people book: people, their emails, phones and tags, the search index, settings. */
export const m001People: Migration = {
  version: 1,
  name: 'people book',
  up(db) {
    db.exec(`
      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        given_name TEXT NOT NULL DEFAULT '',
        family_name TEXT NOT NULL DEFAULT '',
        display_name TEXT NOT NULL DEFAULT '',
        sort_key TEXT NOT NULL,
        -- Position in name order, with gaps; the search index is keyed by it (see search-index.ts).
        search_rank INTEGER NOT NULL,
        organization TEXT NOT NULL DEFAULT '',
        organization_key TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '',
        address_street TEXT NOT NULL DEFAULT '',
        address_city TEXT NOT NULL DEFAULT '',
        address_region TEXT NOT NULL DEFAULT '',
        address_postal_code TEXT NOT NULL DEFAULT '',
        address_country TEXT NOT NULL DEFAULT '',
        website TEXT NOT NULL DEFAULT '',
        linkedin TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        introduce_as TEXT NOT NULL DEFAULT '',
        how_we_met TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX people_by_sort_key ON people (sort_key, id);
      CREATE UNIQUE INDEX people_by_search_rank ON people (search_rank);
      CREATE INDEX people_by_organization ON people (organization_key = '', organization_key, sort_key, id);
      CREATE INDEX people_by_updated ON people (updated_at, id);

      CREATE TABLE person_emails (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL,
        address_key TEXT NOT NULL
      ) STRICT;
      CREATE INDEX person_emails_by_person ON person_emails (person_id, position);
      CREATE INDEX person_emails_by_address ON person_emails (address_key);

      CREATE TABLE person_phones (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        number TEXT NOT NULL,
        digits TEXT NOT NULL
      ) STRICT;
      CREATE INDEX person_phones_by_person ON person_phones (person_id, position);
      CREATE INDEX person_phones_by_digits ON person_phones (digits);

      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE
      ) STRICT;

      CREATE TABLE person_tags (
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (person_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX person_tags_by_tag ON person_tags (tag_id, person_id);

      -- rowid = people.search_rank, so matches come out already in name order.
      -- Kept in step by the people service inside the same transaction.
      CREATE VIRTUAL TABLE people_search USING fts5 (
        names, organization, emails,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3 4 5 6'
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
