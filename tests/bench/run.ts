/**
 * `npm run bench [-- --json]`: seeds a temporary store with 100,000 people and times, beside a
 * baseline measured in the same run on the same file:
 *   - people search through the API dispatch (validation + service), several realistic queries;
 *     baseline: the same SQL statements run bare through better-sqlite3;
 *   - a durable single-person write through the API (synchronous=FULL, one transaction);
 *     baseline: the same rows inserted by bare prepared statements in one durable transaction;
 *   - check-in search and a durable check-in with 5,000 registrants, beside the same SQL bare;
 *   - in Chromium against station mode: keystroke to painted results on the check-in screen,
 *     beside the bare HTTP round trip of the same search (needs `npm run build` and Chromium);
 *   - import of a 100,000-row CSV end to end, beside bare inserts of the same rows (import.ts);
 *   - find anything (Ctrl+K) over 1,000,000 touches with notes, beside the bare FTS query (palette.ts);
 *   - hostile import files at 1 and 10 MB, each pathological pattern of issue 14, beside decoding
 *     the same bytes and splitting them into lines (parsers.ts; time per MB must stay flat).
 *   - against the built station: a single write every 20 ms during that import and during a
 *     restore of the whole book, beside the same write on the idle book (concurrency.ts);
 *   - door devices: 3 × 200 check-ins at once, at the hub and until the other devices show them (door.ts).
 *   - what a person feels (felt.ts, cold-start.ts): People keystroke → paint, Relationships lists, report first page, person page, cold start to Home;
 *     cost growth at 10,000 / 100,000 / 1,000,000 people with `--growth` (growth.ts); every figure charted in bench-results/ (chart.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../../electron/core/api';
import { createContext } from '../../electron/core/context';
import { openStore } from '../../electron/core/db/store';
import { NO_FILTER, insertPerson, listPlan, peopleCountSql, peoplePageSql } from '../../electron/core/services/people';
import { PeopleListInput } from '../../shared/contract';
import { PersonInputSchema } from '../../shared/domain/person';
import { makePeople } from './synthetic-people';
import { seededBook } from './seed-book';
import { keystrokeToPaint } from './keystroke-to-paint';
import { reportToPdf } from './report-pdf';
import { importRows } from './import';
import { concurrencyRows } from './concurrency';
import { parserRows } from './parsers';
import { paletteRows } from './palette';
import { doorRows } from './door';
import { feltRows } from './felt';
import { coldStartRows } from './cold-start';
import { growthRows } from './growth';
import { writeChart } from './chart';
import { rapportRowsSql } from '../../electron/core/services/reports';
import type { CoreContext } from '../../electron/core/context';
import { FIND_LIMIT, FIND_SQL, readCheckInQuery } from '../../electron/core/services/registrant-search';
import { prefixMatchQuery } from '../../electron/core/services/search-index';
import { createSeminar, registerPeople } from '../../electron/core/services/seminars';
import { SeminarInputSchema } from '../../shared/domain/seminar';
import { localDay, refreshAllStandings } from '../../electron/core/services/standing';
import { dayMinus, SCORE_WEIGHTS } from '../../shared/domain/standing';
import type Database from 'better-sqlite3';

const PEOPLE = Number(process.env.RAPPORT_BENCH_PEOPLE ?? 100_000);
const SEARCH_ROUNDS = 60;
const WRITE_ROUNDS = 150;
const REGISTRANTS = 5_000;
// Prefixes, whole names, an organization, another script, nothing typed, and typos (the "did you mean" path).
const CHECKIN_QUERIES = ['ann', 'mar', 'smi', 'jose', 'garcia acme', '田中', 'zimmerman', '', 'marie smith', 'zimmermna', 'jsoe garica'];
const INTERACTIONS = Number(process.env.RAPPORT_BENCH_INTERACTIONS ?? 1_000_000);
const STANDING_ROUNDS = 5;
const QUERIES = ['jose', 'alv', 'smi', 'mar', 'ann lee', 'garcia acme', '田中', 'maria.g', 'o’bri', 'zimmerman'];
const json = process.argv.includes('--json');
/** `--only checkin,keystroke`: run only these parts (search, writes, checkin, standing, report, palette, keystroke, pdf, import, parsers, door, concurrency). */
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? new Set((process.argv[onlyArg + 1] ?? '').split(',')) : null;
const want = (part: string) => only === null || only.has(part);

export interface Row {
  name: string;
  p50_ms: number;
  p95_ms: number;
  baseline_p50_ms: number;
  baseline_p95_ms: number;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Number((sorted[Math.max(0, index)] ?? 0).toFixed(3));
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * Scores and stages for the whole book: 1,000,000 interactions (a tenth of them broadcasts), with
 * purchases, client tests and advocacy, re-scored as on the first look of a new day (so recency
 * moves and rows are rewritten), beside the bare aggregate over the interactions alone.
 */
/** The baseline: one grouped pass over every interaction, the least any score of everyone must read. */
const BARE_AGGREGATE = 'SELECT person_id, max(occurred_on) AS last, count(*) FILTER (WHERE occurred_on >= @since) AS recent FROM interactions GROUP BY person_id';

function standingRows(db: Database.Database, at: string): Row[] {
  const people = (db.prepare('SELECT max(id) AS n FROM people').get() as { n: number }).n;
  const today = localDay(new Date());
  log(`Seeding ${INTERACTIONS.toLocaleString()} interactions …`);
  const kinds = ['meeting', 'call', 'meal', 'message', 'visit', 'gift', 'home_visit', 'newsletter', 'mailing', 'annual_checkin'];
  const interaction = db.prepare('INSERT INTO interactions (person_id, kind, occurred_on, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const purchase = db.prepare('INSERT INTO purchases (person_id, what, bought_on, amount_cents, created_at) VALUES (?, ?, ?, ?, ?)');
  const test = db.prepare(
    'INSERT INTO client_tests (person_id, answered_on, need_known, comfortable_asking, reference, trust, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const advocacy = db.prepare("INSERT INTO advocacy (person_id, kind, occurred_on, created_at) VALUES (?, 'testimonial', ?, ?)");
  let seed = 7;
  const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  for (let i = 0; i < INTERACTIONS; i += 100_000) {
    db.transaction(() => {
      for (let j = i; j < Math.min(INTERACTIONS, i + 100_000); j++) {
        const kind = rand() < 0.1 ? kinds[7 + Math.floor(rand() * 3)] : kinds[Math.floor(rand() * 7)];
        interaction.run(1 + Math.floor(rand() * people), kind, dayMinus(today, Math.floor(rand() * 730)), '', at, at);
      }
    })();
  }
  db.transaction(() => {
    for (let id = 1; id <= people; id++) {
      if (rand() < 0.35) purchase.run(id, 'Coaching', dayMinus(today, Math.floor(rand() * 900)), 90000, at);
      if (rand() < 0.2) test.run(id, dayMinus(today, Math.floor(rand() * 400)), 1, rand() < 0.7 ? 1 : 0, rand() < 0.6 ? 1 : 0, rand() < 0.7 ? 1 : 0, at);
      if (rand() < 0.05) advocacy.run(id, dayMinus(today, Math.floor(rand() * 400)), at);
    }
  })();
  db.pragma('optimize');

  const bareAggregate = db.prepare(BARE_AGGREGATE);
  const since = dayMinus(today, SCORE_WEIGHTS.frequency.windowDays);
  const bare: number[] = [];
  const timeBare = () => bare.push(time(() => bareAggregate.all({ since })));
  // The first scoring of a book nobody scored yet rewrites every row (once, after an upgrade).
  let changed = 0;
  const first = time(() => (changed = db.transaction(() => refreshAllStandings(db, today, at)).immediate()));
  timeBare();
  log(`First scoring of ${people.toLocaleString()} people rewrote ${changed.toLocaleString()} rows.`);
  const daily: number[] = [];
  for (let round = 1; round <= STANDING_ROUNDS; round++) {
    // Alternate between two days, so each round finds the recency of many people moved.
    const day = dayMinus(today, -(round % 2));
    daily.push(time(() => (changed = db.transaction(() => refreshAllStandings(db, day, at)).immediate())));
    timeBare();
  }
  const clients = (db.prepare("SELECT count(*) AS n FROM people WHERE stage = 'client'").get() as { n: number }).n;
  log(`A day's re-scoring rewrote ${changed.toLocaleString()} rows; ${clients.toLocaleString()} clients.`);
  const what = `${people.toLocaleString()} people, ${INTERACTIONS.toLocaleString()} interactions`;
  const baseline = { baseline_p50_ms: percentile(bare, 50), baseline_p95_ms: percentile(bare, 95) };
  return [
    { name: `scores and stages, daily re-score (${what})`, p50_ms: percentile(daily, 50), p95_ms: percentile(daily, 95), ...baseline },
    { name: `scores and stages, first scoring, every row rewritten (${what})`, p50_ms: Number(first.toFixed(3)), p95_ms: Number(first.toFixed(3)), ...baseline },
  ];
}

/** The rapport report's data: its first page for the whole book (as the screen shows it), beside the bare SQL. */
function reportOnScreen(ctx: CoreContext, db: Database.Database): Row {
  const mix = db.prepare('SELECT p.stage, count(*) AS n FROM people p WHERE 1 GROUP BY p.stage');
  const page = db.prepare(rapportRowsSql('1', true));
  const service: number[] = [];
  const bare: number[] = [];
  let total = 0;
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    service.push(
      time(() => {
        const result = dispatch(ctx, 'reports.rapport', { filter: {}, limit: 100 });
        if (!result.ok) throw new Error(result.error.message);
        total = (result.value as { total: number }).total;
      }),
    );
    bare.push(
      time(() => {
        mix.all();
        page.all({ limit: 100, offset: 0 });
      }),
    );
  }
  return {
    name: `rapport report on screen, first page of ${total.toLocaleString()} people`,
    p50_ms: percentile(service, 50),
    p95_ms: percentile(service, 95),
    baseline_p50_ms: percentile(bare, 50),
    baseline_p95_ms: percentile(bare, 95),
  };
}

/** A book of 1,000 people: the whole rapport report's data, and in Chromium the report printed to PDF. */
async function smallBookReport(): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-report-'));
  try {
    const store = await openStore(dir);
    const ctx = createContext(store, 'station', 'bench');
    const people = makePeople(1000).map((p) => PersonInputSchema.parse(p));
    const at = new Date().toISOString();
    store.db.transaction(() => people.forEach((p) => insertPerson(store.db, p, at)))();
    const all = store.db.prepare(rapportRowsSql('1', false));
    const service: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < SEARCH_ROUNDS; round++) {
      service.push(
        time(() => {
          const result = dispatch(ctx, 'reports.rapport', { filter: {}, limit: null });
          if (!result.ok) throw new Error(result.error.message);
        }),
      );
      bare.push(time(() => all.all()));
    }
    store.close();
    const data: Row = {
      name: 'rapport report data, all 1,000 people',
      p50_ms: percentile(service, 50),
      p95_ms: percentile(service, 95),
      baseline_p50_ms: percentile(bare, 50),
      baseline_p95_ms: percentile(bare, 95),
    };
    return [data, await reportToPdf(dir, 1000, bare, log)];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function log(message: string) {
  if (!json) console.log(message);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
try {
  await seededBook(dataDir, PEOPLE, log);
  const store = await openStore(dataDir);
  const ctx = createContext(store, 'station', 'bench');
  const db = store.db;
  const at = new Date().toISOString();

  const rows: Row[] = [];

  if (want('search')) {
    // Search: service and bare SQL interleaved per round, so both see the same cache state.
    const serviceAll: number[] = [];
    const bareAll: number[] = [];
    for (const query of QUERIES) {
      const input = PeopleListInput.parse({ query, limit: 100 });
      const params = { match: prefixMatchQuery(query) };
      const count = db.prepare(peopleCountSql(true, NO_FILTER));
      // The baseline runs the plan the service would choose for this query, bare.
      const matches = (count.get(params) as { n: number }).n;
      const page = db.prepare(peoplePageSql(input, true, NO_FILTER, listPlan(input.sort, true, NO_FILTER, matches)));
      const service: number[] = [];
      const bare: number[] = [];
      let matched = 0;
      for (let round = 0; round < SEARCH_ROUNDS; round++) {
        service.push(
          time(() => {
            const result = dispatch(ctx, 'people.list', { query, limit: 100 });
            if (!result.ok) throw new Error(result.error.message);
            matched = (result.value as { total: number }).total;
          }),
        );
        bare.push(
          time(() => {
            count.get(params);
            page.all({ ...params, limit: 100, offset: 0 });
          }),
        );
      }
      serviceAll.push(...service);
      bareAll.push(...bare);
      rows.push({
        name: `people search “${query}” (${matched.toLocaleString()} matches)`,
        p50_ms: percentile(service, 50),
        p95_ms: percentile(service, 95),
        baseline_p50_ms: percentile(bare, 50),
        baseline_p95_ms: percentile(bare, 95),
      });
    }
    rows.unshift({
      name: `people search, all queries (${PEOPLE.toLocaleString()} people)`,
      p50_ms: percentile(serviceAll, 50),
      p95_ms: percentile(serviceAll, 95),
      baseline_p50_ms: percentile(bareAll, 50),
      baseline_p95_ms: percentile(bareAll, 95),
    });

  }
  if (want('writes')) {
    // Durable write: a whole person (2 emails, a phone, 2 tags, search row) through the API, vs the
    // same rows written by bare prepared statements in one transaction (no validation, no read-back).
    const bare = {
      person: db.prepare(
        'INSERT INTO people (given_name, family_name, sort_key, search_rank, organization, organization_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      email: db.prepare('INSERT INTO person_emails (person_id, position, label, address, address_key) VALUES (?, ?, ?, ?, ?)'),
      phone: db.prepare('INSERT INTO person_phones (person_id, position, label, number, digits) VALUES (?, ?, ?, ?, ?)'),
      tag: db.prepare('INSERT INTO person_tags (person_id, tag_id) VALUES (?, (SELECT id FROM tags WHERE name = ?))'),
      search: db.prepare('INSERT INTO people_search (rowid, names, organization, emails) VALUES (?, ?, ?, ?)'),
    };
    const bareWrite = db.transaction((round: number) => {
      // Past every real person in both name order and rank, so the index stays in order, without the
      // neighbour look-up the service does.
      const rank = 2 ** 52 + round;
      const sortKey = `\uffff bare ${String(round).padStart(4, '0')}`;
      const id = Number(bare.person.run('Bare', `Schäfer ${round}`, sortKey, rank, 'Bench & Co', 'bench & co', at, at).lastInsertRowid);
      bare.email.run(id, 0, 'Work', `x${round}@bench.example`, `x${round}@bench.example`);
      bare.email.run(id, 1, 'Personal', `x${round}@mail.example`, `x${round}@mail.example`);
      bare.phone.run(id, 0, 'Mobile', '+1 717 555 0100', '17175550100');
      bare.tag.run(id, 'Benchmark');
      bare.tag.run(id, 'Speakers');
      bare.search.run(rank, `bare schafer ${round}`, 'bench co', `x ${round} bench example x ${round} mail example`);
    });
    const writes: number[] = [];
    const bareWrites: number[] = [];
    for (let round = 0; round < WRITE_ROUNDS; round++) {
      writes.push(
        time(() => {
          const result = dispatch(ctx, 'people.create', {
            givenName: 'Benedikt',
            familyName: `Schäfer ${round}`,
            organization: 'Bench & Co',
            emails: [
              { label: 'Work', address: `b${round}@bench.example` },
              { label: 'Personal', address: `b${round}@mail.example` },
            ],
            phones: [{ label: 'Mobile', number: '+1 717 555 0100' }],
            tags: ['Benchmark', 'Speakers'],
          });
          if (!result.ok) throw new Error(result.error.message);
        }),
      );
      bareWrites.push(time(() => bareWrite.immediate(round)));
    }
    rows.push({
      name: 'durable single-person write (synchronous=FULL)',
      p50_ms: percentile(writes, 50),
      p95_ms: percentile(writes, 95),
      baseline_p50_ms: percentile(bareWrites, 50),
      baseline_p95_ms: percentile(bareWrites, 95),
    });
  }
  // Check-in: a seminar with 5,000 registrants spread through the book.
  const seminar = createSeminar(
    ctx,
    SeminarInputSchema.parse({ title: 'Bench seminar', date: '2031-01-16', startTime: '09:00', endTime: '12:00', timeZone: 'America/New_York' }),
  );
  const registrantIds = Array.from({ length: REGISTRANTS }, (_, i) => 1 + Math.floor((i * PEOPLE) / REGISTRANTS));
  registerPeople(ctx, seminar.id, registrantIds, 'in_person');
  const someTicket = (db.prepare('SELECT ticket_code FROM registrations WHERE seminar_id = ? LIMIT 1').get(seminar.id) as { ticket_code: string }).ticket_code;
  const findStatements = {
    all: db.prepare(FIND_SQL.all),
    byText: db.prepare(FIND_SQL.byText),
    byCode: db.prepare(FIND_SQL.byCode),
    ticket: db.prepare(FIND_SQL.ticket),
  };
  const findService: number[] = [];
  const findBare: number[] = [];
  const perQuery: Row[] = [];
  /** The same statements the service runs for this text, bare: candidates by name, whole name, any column, code. */
  const bareFind = (query: string) => {
    const { words, code } = readCheckInQuery(query);
    const both = (statement: typeof findStatements.all, params: object, limit: number) => {
      const first = statement.all({ ...params, limit, expected: 1 });
      if (first.length < limit) statement.all({ ...params, limit: limit - first.length, expected: 0 });
    };
    if (code.length === 8) findStatements.ticket.all({ seminarId: seminar.id, code });
    if (code) findStatements.byCode.all({ seminarId: seminar.id, code });
    const match = words.length ? prefixMatchQuery(words.join(' ')) : null;
    if (!match && !code) return both(findStatements.all, { seminarId: seminar.id }, FIND_LIMIT);
    if (!match) return;
    both(findStatements.byText, { seminarId: seminar.id, match: `names : (${match})` }, FIND_LIMIT);
    both(findStatements.byText, { seminarId: seminar.id, match: `names : (${words.map((w) => `"${w}"`).join(' AND ')})` }, 2);
    both(findStatements.byText, { seminarId: seminar.id, match }, FIND_LIMIT);
  };
  for (const query of [...CHECKIN_QUERIES, someTicket.slice(0, 4).toLowerCase(), someTicket]) {
    const before = findService.length;
    for (let round = 0; round < SEARCH_ROUNDS; round++) {
      findService.push(
        time(() => {
          const result = dispatch(ctx, 'checkin.find', { seminarId: seminar.id, query });
          if (!result.ok) throw new Error(result.error.message);
        }),
      );
      findBare.push(time(() => bareFind(query)));
    }
    perQuery.push({
      name: `  check-in search “${query}”`,
      p50_ms: percentile(findService.slice(before), 50),
      p95_ms: percentile(findService.slice(before), 95),
      baseline_p50_ms: percentile(findBare.slice(before), 50),
      baseline_p95_ms: percentile(findBare.slice(before), 95),
    });
  }
  rows.push({
    name: `check-in search (${REGISTRANTS.toLocaleString()} registrants, ${PEOPLE.toLocaleString()} people)`,
    p50_ms: percentile(findService, 50),
    p95_ms: percentile(findService, 95),
    baseline_p50_ms: percentile(findBare, 50),
    baseline_p95_ms: percentile(findBare, 95),
  });
  rows.push(...perQuery);

  // Durable check-in through the API vs the same UPDATE bare in one durable transaction.
  const registrationIds = (db.prepare("SELECT id FROM registrations WHERE seminar_id = ? AND state = 'registered' LIMIT ?").all(seminar.id, 2 * WRITE_ROUNDS) as {
    id: number;
  }[]).map((r) => r.id);
  const bareCheckIn = db.prepare("UPDATE registrations SET state = 'checked_in', checked_in_at = ?, updated_at = ? WHERE id = ? AND state = 'registered'");
  const checkIns: number[] = [];
  const bareCheckIns: number[] = [];
  for (let round = 0; round < WRITE_ROUNDS; round++) {
    const forService = registrationIds[2 * round] ?? 0;
    const forBare = registrationIds[2 * round + 1] ?? 0;
    checkIns.push(
      time(() => {
        const result = dispatch(ctx, 'checkin.checkIn', { registrationId: forService });
        if (!result.ok) throw new Error(result.error.message);
      }),
    );
    bareCheckIns.push(time(() => db.transaction(() => bareCheckIn.run(at, at, forBare)).immediate()));
  }
  rows.push({
    name: 'durable check-in (synchronous=FULL)',
    p50_ms: percentile(checkIns, 50),
    p95_ms: percentile(checkIns, 95),
    baseline_p50_ms: percentile(bareCheckIns, 50),
    baseline_p95_ms: percentile(bareCheckIns, 95),
  });
  if (want('standing')) rows.push(...standingRows(db, at));
  if (want('report')) rows.push(reportOnScreen(ctx, db));
  if (want('palette')) rows.push(...paletteRows(ctx, db, at, INTERACTIONS, log));
  store.close();

  if (want('keystroke')) rows.push(await keystrokeToPaint(dataDir, seminar.id, log));
  if (want('pdf')) rows.push(...(await smallBookReport()));
  if (want('import')) rows.push(...(await importRows(log)));
  if (want('parsers')) rows.push(...(await parserRows(log)));
  if (want('door')) rows.push(...(await doorRows(log)));
  if (want('concurrency')) rows.push(...(await concurrencyRows(log)));
  if (want('felt')) rows.push(...(await feltRows(dataDir, log)));
  if (want('coldstart')) rows.push(...(await coldStartRows(dataDir, log)));
  if (process.argv.includes('--growth') || only?.has('growth')) rows.push(...(await growthRows(log)));
  log(`chart: ${writeChart(rows)}`);

  if (json) {
    console.log(JSON.stringify(rows.map(({ name, p50_ms, p95_ms, baseline_p95_ms }) => ({ name, p50_ms, p95_ms, baseline_p95_ms }))));
  } else {
    const width = Math.max(...rows.map((r) => r.name.length));
    console.log(`${'measure'.padEnd(width)}   p50 ms   p95 ms │ baseline p50   p95 │ p95 ratio`);
    for (const r of rows) {
      const ratio = r.baseline_p95_ms > 0 ? (r.p95_ms / r.baseline_p95_ms).toFixed(2) : '–';
      console.log(
        `${r.name.padEnd(width)} ${r.p50_ms.toFixed(3).padStart(8)} ${r.p95_ms.toFixed(3).padStart(8)} │ ${r.baseline_p50_ms
          .toFixed(3)
          .padStart(8)} ${r.baseline_p95_ms.toFixed(3).padStart(8)} │ ${ratio.padStart(6)}×`,
      );
    }
    console.log('\nbaseline: the same SQL statements run bare through better-sqlite3 on the same file (no validation, no service layer).');
    console.log('parse rows: baseline is decoding the same bytes and splitting them into lines; 10 MB should take about 10× the time of 1 MB.');
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
