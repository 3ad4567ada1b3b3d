import type { Migration } from './index';

/**
 * The two lists a report's first page counts, each kept as its own small index in score order.
 * Ready to become clients (customers with three yeses, or marked to cultivate): counting them read
 * every customer's row, 48 ms of the rapport report's 60 ms first page at 100,000 people; the index
 * holds only them, and its condition is STANDING_LIST_SQL.ready term for term (SQLite uses a
 * partial index only for a query that says so). At risk (clients due to reconnect): the clients'
 * index also carries what "due" is worked out from, so counting them reads no row.
 */
export const m016ListIndexes: Migration = {
  version: 16,
  name: 'the lists a report counts, indexed',
  up(db) {
    db.exec(`
      CREATE INDEX people_ready ON people (score DESC, sort_key, id) WHERE stage = 'customer' AND (test_yeses = 3 OR cultivate = 1);
      CREATE INDEX people_clients ON people (score DESC, sort_key, id, last_personal_on, known_since, created_at, cadence_days) WHERE stage = 'client';
    `);
  },
};
