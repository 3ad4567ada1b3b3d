import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { dispatch } from '../../electron/core/api';
import { createContext } from '../../electron/core/context';
import { openStore } from '../../electron/core/db/store';
import { NO_FILTER, listPlan, peopleCountSql, peoplePageSql } from '../../electron/core/services/people';
import { FIND_LIMIT, FIND_SQL, readCheckInQuery } from '../../electron/core/services/registrant-search';
import { rapportRowsSql } from '../../electron/core/services/reports';
import { prefixMatchQuery } from '../../electron/core/services/search-index';
import { createSeminar, registerPeople } from '../../electron/core/services/seminars';
import { PeopleListInput } from '../../shared/contract';
import { SeminarInputSchema } from '../../shared/domain/seminar';
import { percentile } from './browser';
import type { GrowthRow } from './chart';
import { seededBook } from './seed-book';

/**
 * Cost growth: the people search, the check-in search and the rapport report's first page at
 * 10,000 / 100,000 / 1,000,000 people, each beside the same SQL run bare on the same file.
 * `RAPPORT_BENCH_GROWTH=10000,100000` chooses the sizes. The 1,000,000-person template is seeded
 * once (minutes) and reused.
 */
const SIZES = (process.env.RAPPORT_BENCH_GROWTH ?? '10000,100000,1000000').split(',').map(Number);
const ROUNDS = 30;
const REGISTRANTS = 5_000;
const SEARCHES = ['mar', 'smi', 'jose', 'garcia acme', 'zimmerman'];
const CHECKINS = ['ann', 'mar', 'smi', 'jose', 'marie smith'];

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function point(figure: string, people: number, service: number[], bare: number[]): GrowthRow {
  return {
    name: `growth: ${figure} at ${people.toLocaleString('en')} people`,
    figure,
    people,
    p50_ms: percentile(service, 50),
    p95_ms: percentile(service, 95),
    baseline_p50_ms: percentile(bare, 50),
    baseline_p95_ms: percentile(bare, 95),
  };
}

/** The statements the check-in search runs for this text, bare (as in run.ts). */
function bareFinder(db: Database.Database, seminarId: number) {
  const s = { all: db.prepare(FIND_SQL.all), byText: db.prepare(FIND_SQL.byText), byCode: db.prepare(FIND_SQL.byCode), ticket: db.prepare(FIND_SQL.ticket) };
  return (query: string) => {
    const { words, code } = readCheckInQuery(query);
    const both = (statement: Database.Statement, params: object, limit: number) => {
      const first = statement.all({ ...params, limit, expected: 1 });
      if (first.length < limit) statement.all({ ...params, limit: limit - first.length, expected: 0 });
    };
    if (code.length === 8) s.ticket.all({ seminarId, code });
    if (code) s.byCode.all({ seminarId, code });
    const match = words.length ? prefixMatchQuery(words.join(' ')) : null;
    if (!match && !code) return both(s.all, { seminarId }, FIND_LIMIT);
    if (!match) return;
    both(s.byText, { seminarId, match: `names : (${match})` }, FIND_LIMIT);
    both(s.byText, { seminarId, match: `names : (${words.map((w) => `"${w}"`).join(' AND ')})` }, 2);
    both(s.byText, { seminarId, match }, FIND_LIMIT);
  };
}

async function atSize(people: number, log: (m: string) => void): Promise<GrowthRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-growth-'));
  try {
    await seededBook(dir, people, log);
    const store = await openStore(dir);
    try {
      const ctx = createContext(store, 'station', 'bench');
      const db = store.db;
      const unwrap = (r: ReturnType<typeof dispatch>) => {
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      };
      // Scores are computed on the first look of the day: done here, so the figures are of a warm day.
      unwrap(dispatch(ctx, 'reports.rapport', { filter: {}, limit: 1 }));

      const search: number[] = [];
      const searchBare: number[] = [];
      for (const query of SEARCHES) {
        const input = PeopleListInput.parse({ query, limit: 100 });
        const params = { match: prefixMatchQuery(query) };
        const count = db.prepare(peopleCountSql(true, NO_FILTER));
        const matches = (count.get(params) as { n: number }).n;
        const page = db.prepare(peoplePageSql(input, true, NO_FILTER, listPlan(input.sort, true, NO_FILTER, matches)));
        for (let round = 0; round < ROUNDS; round++) {
          search.push(time(() => unwrap(dispatch(ctx, 'people.list', { query, limit: 100 }))));
          searchBare.push(time(() => (count.get(params), page.all({ ...params, limit: 100, offset: 0 }))));
        }
      }

      const seminar = createSeminar(ctx, SeminarInputSchema.parse({ title: 'Growth', date: '2031-01-16', startTime: '09:00', endTime: '12:00', timeZone: 'America/New_York' }));
      const registrants = Math.min(REGISTRANTS, Math.floor(people / 2));
      registerPeople(ctx, seminar.id, Array.from({ length: registrants }, (_, i) => 1 + Math.floor((i * people) / registrants)), 'in_person');
      const bareFind = bareFinder(db, seminar.id);
      const find: number[] = [];
      const findBare: number[] = [];
      for (const query of CHECKINS) {
        for (let round = 0; round < ROUNDS; round++) {
          find.push(time(() => unwrap(dispatch(ctx, 'checkin.find', { seminarId: seminar.id, query }))));
          findBare.push(time(() => bareFind(query)));
        }
      }

      const mix = db.prepare('SELECT p.stage, count(*) AS n FROM people p WHERE 1 GROUP BY p.stage');
      const page = db.prepare(rapportRowsSql('1', true));
      const report: number[] = [];
      const reportBare: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        report.push(time(() => unwrap(dispatch(ctx, 'reports.rapport', { filter: {}, limit: 100 }))));
        reportBare.push(time(() => (mix.all(), page.all({ limit: 100, offset: 0 }))));
      }
      log(`measured growth at ${people.toLocaleString()} people`);
      return [
        point('people search', people, search, searchBare),
        point(`check-in search (${REGISTRANTS.toLocaleString('en')} registrants at most)`, people, find, findBare),
        point('rapport report first page', people, report, reportBare),
      ];
    } finally {
      store.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function growthRows(log: (m: string) => void): Promise<GrowthRow[]> {
  const rows: GrowthRow[] = [];
  for (const size of SIZES) rows.push(...(await atSize(size, log)));
  return rows;
}
