import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { dispatch } from '../../electron/core/api';
import type { CoreContext } from '../../electron/core/context';
import { prefixMatchQuery } from '../../electron/core/services/search-index';
import { localDay } from '../../electron/core/services/standing';
import { dayMinus } from '../../shared/domain/standing';
import type { Row } from './run';

/**
 * Find anything (Ctrl+K) on the book of the bench: 1,000,000 interactions with notes and notes
 * on a third of the people, searched through the API (people, phones, tags, the three notes
 * indexes, seminars, occasions), beside the bare FTS query over the touches' notes alone.
 */
const WORDS = ['referral', 'workshop', 'bookkeeper', 'coffee', 'marathon', 'board', 'lunch', 'cellar', 'garden', 'taxes', 'hiring', 'conference', 'daughter', 'move', 'renovation', 'invoice', 'podcast', 'sailing', 'chess', 'café'];
const QUERIES = ['marathon', 'book', 'referral workshop', 'ann', '717 546', 'garcia acme', 'taxes late', 'zzzz', 'caf', 'lancaster'];
const ROUNDS = 30;

const time = (fn: () => unknown) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number((sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0).toFixed(3));
}

export function paletteRows(ctx: CoreContext, db: Database.Database, at: string, interactions: number, log: (m: string) => void): Row[] {
  let seed = 11;
  const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const sentence = () => Array.from({ length: 4 + Math.floor(rand() * 8) }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  const people = (db.prepare('SELECT max(id) AS n FROM people').get() as { n: number }).n;
  const today = localDay(new Date());
  const have = (db.prepare('SELECT count(*) AS n FROM interactions').get() as { n: number }).n;
  log(`Find anything: giving notes to ${interactions.toLocaleString()} interactions and a third of the people …`);
  const start = performance.now();
  const insert = db.prepare("INSERT INTO interactions (person_id, kind, occurred_on, note, created_at, updated_at) VALUES (?, 'meeting', ?, ?, ?, ?)");
  const update = db.prepare("UPDATE interactions SET note = ? WHERE id = ? AND note = ''");
  for (let i = 0; i < interactions; i += 100_000) {
    db.transaction(() => {
      for (let j = i; j < Math.min(interactions, i + 100_000); j++) {
        if (j < have) update.run(sentence(), j + 1);
        else insert.run(1 + Math.floor(rand() * people), dayMinus(today, Math.floor(rand() * 730)), sentence(), at, at);
      }
    })();
  }
  const note = db.prepare('UPDATE people SET notes = ? WHERE id = ?');
  db.transaction(() => {
    for (let id = 1; id <= people; id += 3) note.run(sentence(), id);
  })();
  db.pragma('optimize');
  log(`  seeded in ${((performance.now() - start) / 1000).toFixed(1)} s`);

  const bareFts = db.prepare('SELECT rowid FROM interactions_search WHERE interactions_search MATCH ? ORDER BY rowid DESC LIMIT 6');
  const service: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of QUERIES) {
      service.push(
        time(() => {
          const r = dispatch(ctx, 'find.anything', { query });
          if (!r.ok) throw new Error(r.error.message);
        }),
      );
      const match = prefixMatchQuery(query);
      bare.push(time(() => match && bareFts.all(match)));
    }
  }
  return [
    {
      name: `find anything (Ctrl+K), ${people.toLocaleString()} people, ${interactions.toLocaleString()} touches with notes`,
      p50_ms: percentile(service, 50),
      p95_ms: percentile(service, 95),
      baseline_p50_ms: percentile(bare, 50),
      baseline_p95_ms: percentile(bare, 95),
    },
  ];
}
