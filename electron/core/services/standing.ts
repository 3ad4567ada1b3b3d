import type Database from 'better-sqlite3';
import { PERSONAL_KINDS } from '../../../shared/domain/relationship';
import {
  SCORE_PARTS,
  SCORE_WEIGHTS,
  dayMinus,
  deriveStage,
  rapportScore,
  yesCount,
  type ClientTestAnswers,
  type ScoreFacts,
  type ScorePartKey,
  type ScoreParts,
  type StageVerdict,
} from '../../../shared/domain/standing';
import type { CoreContext } from '../context';
import { isUnwritable } from '../db/failures';
import { stmt } from '../db/statements';
import { getSetting, setSetting } from './settings';

/**
 * Keeps each person's derived standing (stage, score and its parts) in the people row, so lists
 * can sort and filter by it. Writes that change a person's facts refresh that person in the same
 * transaction; because recency decays with the calendar, the whole book is refreshed once a day.
 */

const AS_OF_KEY = 'standing.asOf';

/** Today's calendar day on this machine, YYYY-MM-DD. */
export function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function today(ctx: CoreContext): string {
  return localDay(ctx.now());
}

/** Where each part of the score is kept in the people row. */
export const PART_COLUMNS = {
  clientTest: 'part_client_test',
  recency: 'part_recency',
  frequency: 'part_frequency',
  homeVisits: 'part_home_visits',
  advocacy: 'part_advocacy',
  overdueFollowUps: 'part_overdue_follow_ups',
} as const satisfies Record<ScorePartKey, string>;

const PERSONAL_SQL = PERSONAL_KINDS.map((k) => `'${k}'`).join(', ');
const CHECKED_IN = "registrations WHERE person_id = p.id AND state = 'checked_in'";

/** The facts of one person, column by column, in the order `factsSql` selects them. */
const FACT_COLUMNS = {
  id: 'p.id',
  stage: 'p.stage',
  score: 'p.score',
  testYeses: 'p.test_yeses',
  lastPersonalOn: 'p.last_personal_on',
  knownSince: 'p.known_since',
  // The earliest day the book knows of them: added, or an older touch of any kind, purchase or client test.
  firstKnown: `min(date(p.created_at, 'localtime'),
    coalesce((SELECT min(occurred_on) FROM interactions WHERE person_id = p.id), '9999'),
    coalesce((SELECT min(bought_on) FROM purchases WHERE person_id = p.id), '9999'),
    coalesce((SELECT min(answered_on) FROM client_tests WHERE person_id = p.id), '9999'))`,
  // Keyed by column name: the part keys (homeVisits, advocacy) are also names of facts below.
  ...(Object.fromEntries(SCORE_PARTS.map((k) => [PART_COLUMNS[k], `p.${PART_COLUMNS[k]}`])) as Record<(typeof PART_COLUMNS)[ScorePartKey], string>),
  purchases: '(SELECT count(*) FROM purchases WHERE person_id = p.id)',
  needKnown: 't.need_known',
  comfortableAsking: 't.comfortable_asking',
  reference: 't.reference',
  trust: 't.trust',
  lastLogged: `(SELECT max(occurred_on) FROM interactions WHERE person_id = p.id AND kind IN (${PERSONAL_SQL}))`,
  windowLogged: `(SELECT count(*) FROM interactions WHERE person_id = p.id AND occurred_on >= @since AND kind IN (${PERSONAL_SQL}))`,
  homeVisits: "(SELECT count(*) FROM interactions INDEXED BY interactions_home_visits WHERE person_id = p.id AND kind = 'home_visit')",
  lastCheckIn: `(SELECT max(date(checked_in_at, 'localtime')) FROM ${CHECKED_IN})`,
  windowCheckIns: `(SELECT count(*) FROM ${CHECKED_IN} AND date(checked_in_at, 'localtime') >= @since)`,
  advocacy: '(SELECT count(*) FROM advocacy WHERE person_id = p.id)',
  overdueFollowUps: "(SELECT count(*) FROM follow_ups WHERE person_id = p.id AND state IN ('open', 'snoozed') AND coalesce(snoozed_until, due_on) < @today)",
};
type FactKey = keyof typeof FACT_COLUMNS;
const FACT_KEYS = Object.keys(FACT_COLUMNS) as FactKey[];
const AT = Object.fromEntries(FACT_KEYS.map((k, i) => [k, i])) as Record<FactKey, number>;

/**
 * Every fact the standing is computed from, one row per person, each from an index on person_id.
 * A check-in counts as a personal touch on its local day. Exported for the benchmark.
 */
export function factsSql(one: boolean): string {
  return `SELECT ${FACT_KEYS.map((k) => FACT_COLUMNS[k]).join(',\n      ')}
    FROM people p
    LEFT JOIN client_tests t ON t.id = (SELECT id FROM client_tests WHERE person_id = p.id ORDER BY answered_on DESC, id DESC LIMIT 1)
    ${one ? 'WHERE p.id = @person' : ''}`;
}

/** Rows come back as arrays (raw): for the whole book that is a third faster than objects. */
type FactRow = unknown[];
const num = (r: FactRow, k: FactKey) => r[AT[k]] as number;
const text = (r: FactRow, k: FactKey) => r[AT[k]] as string | null;

export interface PersonFacts extends ScoreFacts {
  purchases: number;
  /** The earliest day the book knows of them: what "never touched" is counted from. */
  knownSince: string;
  latestTest: ClientTestAnswers | null;
}

export interface Standing {
  verdict: StageVerdict;
  score: number;
  parts: ScoreParts;
  facts: PersonFacts;
}

function factsOf(r: FactRow): PersonFacts {
  const latestTest: ClientTestAnswers | null =
    r[AT.needKnown] === null
      ? null
      : { needKnown: num(r, 'needKnown') === 1, comfortableAsking: num(r, 'comfortableAsking') === 1, reference: num(r, 'reference') === 1, trust: num(r, 'trust') === 1 };
  const logged = text(r, 'lastLogged');
  const checkedIn = text(r, 'lastCheckIn');
  return {
    purchases: num(r, 'purchases'),
    latestTest,
    yeses: yesCount(latestTest),
    lastPersonalOn: logged !== null && (checkedIn === null || logged >= checkedIn) ? logged : checkedIn,
    personalInWindow: num(r, 'windowLogged') + num(r, 'windowCheckIns'),
    homeVisits: num(r, 'homeVisits'),
    advocacyActs: num(r, 'advocacy'),
    overdueFollowUps: num(r, 'overdueFollowUps'),
    knownSince: text(r, 'firstKnown') as string,
  };
}

function standingFrom(r: FactRow, day: string): Standing {
  const facts = factsOf(r);
  const { score, parts } = rapportScore(facts, day);
  return { verdict: deriveStage(facts), score, parts, facts };
}

function unchanged(r: FactRow, s: Standing): boolean {
  return (
    text(r, 'stage') === s.verdict.stage &&
    num(r, 'score') === s.score &&
    num(r, 'testYeses') === s.facts.yeses &&
    text(r, 'lastPersonalOn') === (s.facts.lastPersonalOn ?? '') &&
    text(r, 'knownSince') === s.facts.knownSince &&
    SCORE_PARTS.every((k) => num(r, PART_COLUMNS[k]) === s.parts[k])
  );
}

function readFacts(db: Database.Database, day: string, person: number | null): FactRow[] {
  const params: Record<string, unknown> = { since: dayMinus(day, SCORE_WEIGHTS.frequency.windowDays), today: day };
  if (person === null) return readAllFacts(db, params);
  params.person = person;
  return stmt(db, factsSql(true)).raw(true).all(params) as FactRow[];
}

/**
 * The same facts as `factsSql` for everyone, set-based: one grouped pass over each table (in its
 * person_id index order) instead of a dozen index look-ups per person. For 100,000 people and
 * 1,000,000 interactions the per-person form cost some ten times the bare grouped pass.
 */
const ALL_FACTS_SQL = {
  // created_at as stored: its local day is found in JS (see localDayOfInstant).
  people: `SELECT p.id, p.stage, p.score, p.test_yeses, p.last_personal_on, p.known_since, p.created_at, ${SCORE_PARTS.map((k) => `p.${PART_COLUMNS[k]}`).join(', ')} FROM people p`,
  purchases: 'SELECT person_id, count(*), min(bought_on) FROM purchases GROUP BY person_id',
  firstTests: 'SELECT person_id, min(answered_on) FROM client_tests GROUP BY person_id',
  // Ordered so the last row kept for a person is their latest answer (as the per-person form picks it).
  tests: 'SELECT person_id, need_known, comfortable_asking, reference, trust FROM client_tests ORDER BY person_id, answered_on, id',
  interactions: `SELECT person_id,
      max(occurred_on) FILTER (WHERE kind IN (${PERSONAL_SQL})),
      min(occurred_on),
      count(*) FILTER (WHERE occurred_on >= @since AND kind IN (${PERSONAL_SQL})),
      count(*) FILTER (WHERE kind = 'home_visit')
    FROM interactions GROUP BY person_id`,
  checkIns: `SELECT person_id, max(date(checked_in_at, 'localtime')), count(*) FILTER (WHERE date(checked_in_at, 'localtime') >= @since)
    FROM registrations WHERE state = 'checked_in' GROUP BY person_id`,
  advocacy: 'SELECT person_id, count(*) FROM advocacy GROUP BY person_id',
  overdue: "SELECT person_id, count(*) FROM follow_ups WHERE state IN ('open', 'snoozed') AND coalesce(snoozed_until, due_on) < @today GROUP BY person_id",
};

/**
 * The local day of a stored instant, as SQLite's date(x, 'localtime') gives it. SQLite's modifier
 * costs about 2 µs a row (a fifth of a second for 100,000 people, most of a day's re-scoring read);
 * instants written by Rapport (toISOString) in the same minute share one Date here.
 */
function localDayOfInstant(days: Map<string, string>, instant: string): string {
  const key = instant.length === 24 && instant.endsWith('Z') ? instant.slice(0, 16) : instant;
  let day = days.get(key);
  if (day === undefined) {
    day = localDay(new Date(instant));
    days.set(key, day);
  }
  return day;
}

/** Where each score part's column sits in a fact row. */
const PART_AT = SCORE_PARTS.map((k) => AT[PART_COLUMNS[k]]);

/** Everyone's facts as `factsSql(false)` reads them (same columns, same values); exported for its test. */
export function readAllFacts(db: Database.Database, params: Record<string, unknown>): FactRow[] {
  const byPerson = (sql: string, needs: string[] = []) => {
    const map = new Map<number, unknown[]>();
    const own = Object.fromEntries(needs.map((n) => [n, params[n]]));
    for (const r of stmt(db, sql).raw(true).all(own) as unknown[][]) map.set(r[0] as number, r);
    return map;
  };
  const purchases = byPerson(ALL_FACTS_SQL.purchases);
  const tests = byPerson(ALL_FACTS_SQL.tests);
  const firstTests = byPerson(ALL_FACTS_SQL.firstTests);
  const interactions = byPerson(ALL_FACTS_SQL.interactions, ['since']);
  const checkIns = byPerson(ALL_FACTS_SQL.checkIns, ['since']);
  const advocacy = byPerson(ALL_FACTS_SQL.advocacy);
  const overdue = byPerson(ALL_FACTS_SQL.overdue, ['today']);
  const people = stmt(db, ALL_FACTS_SQL.people).raw(true).all() as unknown[][];
  const rows: FactRow[] = new Array(people.length);
  const days = new Map<string, string>();
  for (let i = 0; i < people.length; i++) {
    const p = people[i] as unknown[];
    const id = p[0] as number;
    const t = tests.get(id);
    const n = interactions.get(id);
    const c = checkIns.get(id);
    const row: unknown[] = new Array(FACT_KEYS.length);
    row[AT.id] = id;
    row[AT.stage] = p[1];
    row[AT.score] = p[2];
    row[AT.testYeses] = p[3];
    row[AT.lastPersonalOn] = p[4];
    row[AT.knownSince] = p[5];
    const bought = purchases.get(id);
    // As factsSql's firstKnown: added, or an older touch, purchase or client test ('9999' stands for none).
    row[AT.firstKnown] = [localDayOfInstant(days, p[6] as string), n?.[2], bought?.[2], firstTests.get(id)?.[1]].reduce<string>((a, b) => (typeof b === 'string' && b < a ? b : a), '9999');
    for (let j = 0; j < PART_AT.length; j++) row[PART_AT[j] as number] = p[7 + j];
    row[AT.purchases] = bought?.[1] ?? 0;
    row[AT.needKnown] = t ? t[1] : null;
    row[AT.comfortableAsking] = t ? t[2] : null;
    row[AT.reference] = t ? t[3] : null;
    row[AT.trust] = t ? t[4] : null;
    row[AT.lastLogged] = n ? n[1] : null;
    row[AT.windowLogged] = n ? n[3] : 0;
    row[AT.homeVisits] = n ? n[4] : 0;
    row[AT.lastCheckIn] = c ? c[1] : null;
    row[AT.windowCheckIns] = c ? c[2] : 0;
    row[AT.advocacy] = advocacy.get(id)?.[1] ?? 0;
    row[AT.overdueFollowUps] = overdue.get(id)?.[1] ?? 0;
    rows[i] = row;
  }
  return rows;
}

/** Computes and writes what changed; a changed stage is also kept as history. The caller owns the transaction. */
function refresh(db: Database.Database, day: string, at: string, person: number | null): number {
  const update = stmt(
    db,
    `UPDATE people SET stage = ?, score = ?, test_yeses = ?, last_personal_on = ?, known_since = ?, ${SCORE_PARTS.map((k) => `${PART_COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`,
  );
  const history = stmt(db, 'INSERT INTO stage_changes (person_id, changed_at, from_stage, to_stage, reason) VALUES (?, ?, ?, ?, ?)');
  let changed = 0;
  // Read all first: better-sqlite3 cannot write while a statement is still being iterated.
  for (const row of readFacts(db, day, person)) {
    const s = standingFrom(row, day);
    if (unchanged(row, s)) continue;
    const id = num(row, 'id');
    update.run(s.verdict.stage, s.score, s.facts.yeses, s.facts.lastPersonalOn ?? '', s.facts.knownSince, ...SCORE_PARTS.map((k) => s.parts[k]), id);
    const before = text(row, 'stage');
    if (before !== s.verdict.stage) history.run(id, at, before, s.verdict.stage, s.verdict.reason);
    changed++;
  }
  return changed;
}

/** After a write about this person, inside its transaction. */
export function refreshStanding(ctx: CoreContext, personId: number): void {
  refresh(ctx.db, today(ctx), ctx.now().toISOString(), personId);
}

/** Recomputes everyone's standing for `day`; returns how many rows changed. The caller owns the transaction. */
export function refreshAllStandings(db: Database.Database, day: string, at: string): number {
  return refresh(db, day, at, null);
}

/** Before anything shows scores: if the book was last scored on another day, score it again. */
export function ensureStandingsFresh(ctx: CoreContext): void {
  const day = today(ctx);
  if (getSetting(ctx, AS_OF_KEY) === day) return;
  try {
    ctx.db
      .transaction(() => {
        if (getSetting(ctx, AS_OF_KEY) === day) return;
        refreshAllStandings(ctx.db, day, ctx.now().toISOString());
        setSetting(ctx, AS_OF_KEY, day);
      })
      .immediate();
  } catch (error) {
    // A read must not fail because the day's re-scoring cannot be written (a full or read-only
    // disk): it answers with the scores last stored, and the next read tries again. Writes still say why.
    if (!isUnwritable(error)) throw error;
  }
}

/** One person's standing as of today, with the facts behind it (for explaining the score). */
export function standingOf(ctx: CoreContext, personId: number): Standing | null {
  const day = today(ctx);
  const [row] = readFacts(ctx.db, day, personId);
  return row ? standingFrom(row, day) : null;
}
