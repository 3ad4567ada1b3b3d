import type { Migration } from './index';

/**
 * Relationships: what the owner knows about each person (needs, desired results, boundaries,
 * links to other people), the client test with its history, purchases, interactions, advocacy,
 * and the standing derived from them. Kind lists are written out here, not imported: a released
 * migration must not change when the domain's lists grow.
 */
export const m003Relationships: Migration = {
  version: 3,
  name: 'relationships and standing',
  up(db) {
    db.exec(`
      ALTER TABLE people ADD COLUMN desired_results TEXT NOT NULL DEFAULT '';
      ALTER TABLE people ADD COLUMN their_work TEXT NOT NULL DEFAULT '';
      ALTER TABLE people ADD COLUMN boundaries TEXT NOT NULL DEFAULT '';
      ALTER TABLE people ADD COLUMN friend INTEGER NOT NULL DEFAULT 0 CHECK (friend IN (0, 1));
      ALTER TABLE people ADD COLUMN future_client INTEGER NOT NULL DEFAULT 0 CHECK (future_client IN (0, 1));
      ALTER TABLE people ADD COLUMN cultivate INTEGER NOT NULL DEFAULT 0 CHECK (cultivate IN (0, 1));

      -- The standing, derived (services/standing.ts) and kept here so lists can sort and filter by it.
      -- The defaults are the standing of someone with nothing recorded.
      ALTER TABLE people ADD COLUMN stage TEXT NOT NULL DEFAULT 'prospect' CHECK (stage IN ('prospect', 'customer', 'client'));
      ALTER TABLE people ADD COLUMN score INTEGER NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 100);
      -- The score's parts (shared/domain/standing.ts, SCORE_PARTS), so reports can show and export them.
      ALTER TABLE people ADD COLUMN part_client_test INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE people ADD COLUMN part_recency INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE people ADD COLUMN part_frequency INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE people ADD COLUMN part_home_visits INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE people ADD COLUMN part_advocacy INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE people ADD COLUMN part_overdue_follow_ups INTEGER NOT NULL DEFAULT 0 CHECK (part_overdue_follow_ups <= 0);
      ALTER TABLE people ADD COLUMN test_yeses INTEGER NOT NULL DEFAULT 0 CHECK (test_yeses BETWEEN 0 AND 4);
      -- '' = never touched personally.
      ALTER TABLE people ADD COLUMN last_personal_on TEXT NOT NULL DEFAULT '';
      CREATE INDEX people_by_score ON people (score DESC, sort_key, id);
      CREATE INDEX people_by_stage ON people (stage, score DESC, sort_key, id);

      CREATE TABLE purchases (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        what TEXT NOT NULL CHECK (what <> ''),
        bought_on TEXT NOT NULL,
        -- Hundredths of the owner's currency; NULL when no amount was given.
        amount_cents INTEGER CHECK (amount_cents IS NULL OR amount_cents >= 0),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX purchases_by_person ON purchases (person_id, bought_on);

      -- Every answering is kept; the latest (by day, then by id) decides.
      CREATE TABLE client_tests (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        answered_on TEXT NOT NULL,
        need_known INTEGER NOT NULL CHECK (need_known IN (0, 1)),
        need_known_evidence TEXT NOT NULL DEFAULT '',
        comfortable_asking INTEGER NOT NULL CHECK (comfortable_asking IN (0, 1)),
        comfortable_asking_evidence TEXT NOT NULL DEFAULT '',
        reference INTEGER NOT NULL CHECK (reference IN (0, 1)),
        reference_evidence TEXT NOT NULL DEFAULT '',
        trust INTEGER NOT NULL CHECK (trust IN (0, 1)),
        trust_evidence TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX client_tests_by_person ON client_tests (person_id, answered_on, id);

      CREATE TABLE stage_changes (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        changed_at TEXT NOT NULL,
        from_stage TEXT NOT NULL CHECK (from_stage IN ('prospect', 'customer', 'client')),
        to_stage TEXT NOT NULL CHECK (to_stage IN ('prospect', 'customer', 'client')),
        reason TEXT NOT NULL,
        CHECK (from_stage <> to_stage)
      ) STRICT;
      CREATE INDEX stage_changes_by_person ON stage_changes (person_id, changed_at);

      CREATE TABLE needs (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        what TEXT NOT NULL CHECK (what <> ''),
        problem TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('noticed', 'discussed', 'proposed', 'met')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX needs_by_person ON needs (person_id);

      -- One row per link; "works with", "partner" and "family" read the same from both sides.
      CREATE TABLE person_links (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        other_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('introduced_by', 'works_with', 'partner', 'family')),
        created_at TEXT NOT NULL,
        CHECK (person_id <> other_id),
        UNIQUE (person_id, other_id, kind)
      ) STRICT;
      CREATE INDEX person_links_by_other ON person_links (other_id);

      -- Touches logged by hand. Seminar attendance comes from check-ins (see the touches view).
      CREATE TABLE interactions (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('meeting', 'call', 'meal', 'message', 'visit', 'gift', 'home_visit',
                                           'newsletter', 'mailing', 'annual_checkin')),
        occurred_on TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- Covering for the standing's aggregates: person, day and kind without touching the rows.
      CREATE INDEX interactions_by_person ON interactions (person_id, occurred_on, kind);
      CREATE INDEX interactions_home_visits ON interactions (person_id) WHERE kind = 'home_visit';

      CREATE TABLE advocacy (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('referral', 'testimonial', 'recommendation', 'reference')),
        occurred_on TEXT NOT NULL,
        referred_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        CHECK (referred_id IS NULL OR kind = 'referral'),
        CHECK (referred_id IS NULL OR referred_id <> person_id)
      ) STRICT;
      CREATE INDEX advocacy_by_person ON advocacy (person_id, occurred_on);
      CREATE INDEX advocacy_by_referred ON advocacy (referred_id) WHERE referred_id IS NOT NULL;

      -- Every touch, logged or from a check-in (on the day of the check-in, local time).
      CREATE VIEW touches (person_id, kind, occurred_on) AS
        SELECT person_id, kind, occurred_on FROM interactions
        UNION ALL
        SELECT person_id, 'seminar', date(checked_in_at, 'localtime') FROM registrations WHERE state = 'checked_in';
    `);
  },
};
