import type Database from 'better-sqlite3';
import { PERSONAL_KINDS } from '../../../shared/domain/relationship';
import {
  SCORE_WEIGHTS,
  dayMinus,
  deriveStage,
  rapportScore,
  yesCount,
  type ClientTestAnswers,
  type ScoreFacts,
  type ScoreParts,
  type Stage,
  type StageVerdict,
} from '../../../shared/domain/standing';
import type { CoreContext } from '../context';
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

const PERSONAL_SQL = PERSONAL_KINDS.map((k) => `'${k}'`).join(', ');

/** The aggregate queries, for one person (`@person`) or for everyone. Exported for the benchmark's baseline. */
export function factQueries(one: boolean) {
  const where = one ? 'WHERE person_id = @person' : '';
  const and = one ? 'AND person_id = @person' : '';
  return {
    people: `SELECT id, stage, score, score_parts, test_yeses, last_personal_on FROM people ${one ? 'WHERE id = @person' : ''}`,
    purchases: `SELECT person_id, count(*) AS n FROM purchases ${where} GROUP BY person_id`,
    // With one max() SQLite reads the bare columns from the row holding the maximum: the latest answering.
    tests: `SELECT person_id, max(answered_on || '#' || printf('%012d', id)) AS latest,
              need_known, comfortable_asking, reference, trust
            FROM client_tests ${where} GROUP BY person_id`,
    interactions: `SELECT person_id,
              max(occurred_on) FILTER (WHERE kind IN (${PERSONAL_SQL})) AS last_personal,
              count(*) FILTER (WHERE kind IN (${PERSONAL_SQL}) AND occurred_on >= @since) AS in_window,
              count(*) FILTER (WHERE kind = 'home_visit') AS home_visits
            FROM interactions ${where} GROUP BY person_id`,
    checkIns: `SELECT person_id, max(day) AS last_personal, count(*) FILTER (WHERE day >= @since) AS in_window
            FROM (SELECT person_id, date(checked_in_at, 'localtime') AS day FROM registrations WHERE state = 'checked_in' ${and})
            GROUP BY person_id`,
    advocacy: `SELECT person_id, count(*) AS n FROM advocacy ${where} GROUP BY person_id`,
  };
}

interface PersonStandingRow {
  id: number;
  stage: Stage;
  score: number;
  score_parts: string;
  test_yeses: number;
  last_personal_on: string;
}

export interface PersonFacts extends ScoreFacts {
  purchases: number;
  latestTest: ClientTestAnswers | null;
}

export interface Standing {
  verdict: StageVerdict;
  score: number;
  parts: ScoreParts;
  facts: PersonFacts;
}

function byPerson<T extends { person_id: number }>(rows: T[]): Map<number, T> {
  return new Map(rows.map((r) => [r.person_id, r]));
}

/** Gathers every person's facts (or one person's) with six grouped queries, then applies the domain's pure functions. */
function computeStandings(db: Database.Database, day: string, person: number | null): { row: PersonStandingRow; standing: Standing }[] {
  const q = factQueries(person !== null);
  const params: Record<string, unknown> = { since: dayMinus(day, SCORE_WEIGHTS.frequency.windowDays) };
  if (person !== null) params.person = person;
  // Named parameters a statement does not use are ignored by better-sqlite3.
  const all = <T>(sql: string) => stmt(db, sql).all(params) as T[];
  const people = all<PersonStandingRow>(q.people);
  const purchases = byPerson(all<{ person_id: number; n: number }>(q.purchases));
  const tests = byPerson(
    all<{ person_id: number; need_known: number; comfortable_asking: number; reference: number; trust: number }>(q.tests),
  );
  const touches = byPerson(all<{ person_id: number; last_personal: string | null; in_window: number; home_visits: number }>(q.interactions));
  const checkIns = byPerson(all<{ person_id: number; last_personal: string | null; in_window: number }>(q.checkIns));
  const advocacy = byPerson(all<{ person_id: number; n: number }>(q.advocacy));

  return people.map((row) => {
    const t = tests.get(row.id);
    const latestTest: ClientTestAnswers | null = t
      ? { needKnown: t.need_known === 1, comfortableAsking: t.comfortable_asking === 1, reference: t.reference === 1, trust: t.trust === 1 }
      : null;
    const logged = touches.get(row.id);
    const seminars = checkIns.get(row.id);
    const lastDays = [logged?.last_personal, seminars?.last_personal].filter((d): d is string => !!d).sort();
    const facts: PersonFacts = {
      purchases: purchases.get(row.id)?.n ?? 0,
      latestTest,
      yeses: yesCount(latestTest),
      lastPersonalOn: lastDays.at(-1) ?? null,
      personalInWindow: (logged?.in_window ?? 0) + (seminars?.in_window ?? 0),
      homeVisits: logged?.home_visits ?? 0,
      advocacyActs: advocacy.get(row.id)?.n ?? 0,
      // Follow-ups arrive with their own issue; until then nothing is overdue.
      overdueFollowUps: 0,
    };
    const { score, parts } = rapportScore(facts, day);
    return { row, standing: { verdict: deriveStage(facts), score, parts, facts } };
  });
}

/** Writes what changed; a changed stage is also kept as history. The caller owns the transaction. */
function store(db: Database.Database, computed: ReturnType<typeof computeStandings>, at: string): number {
  const update = stmt(db, 'UPDATE people SET stage = ?, score = ?, score_parts = ?, test_yeses = ?, last_personal_on = ? WHERE id = ?');
  const history = stmt(db, 'INSERT INTO stage_changes (person_id, changed_at, from_stage, to_stage, reason) VALUES (?, ?, ?, ?, ?)');
  let changed = 0;
  for (const { row, standing } of computed) {
    const parts = JSON.stringify(standing.parts);
    const last = standing.facts.lastPersonalOn ?? '';
    const stage = standing.verdict.stage;
    if (row.stage === stage && row.score === standing.score && row.score_parts === parts && row.test_yeses === standing.facts.yeses && row.last_personal_on === last) {
      continue;
    }
    update.run(stage, standing.score, parts, standing.facts.yeses, last, row.id);
    if (row.stage !== stage) history.run(row.id, at, row.stage, stage, standing.verdict.reason);
    changed++;
  }
  return changed;
}

/** After a write about this person, inside its transaction. */
export function refreshStanding(ctx: CoreContext, personId: number): void {
  store(ctx.db, computeStandings(ctx.db, today(ctx), personId), ctx.now().toISOString());
}

/** Recomputes everyone's standing for `day`; returns how many rows changed. The caller owns the transaction. */
export function refreshAllStandings(db: Database.Database, day: string, at: string): number {
  return store(db, computeStandings(db, day, null), at);
}

/** Before anything shows scores: if the book was last scored on another day, score it again. */
export function ensureStandingsFresh(ctx: CoreContext): void {
  const day = today(ctx);
  if (getSetting(ctx, AS_OF_KEY) === day) return;
  ctx.db
    .transaction(() => {
      if (getSetting(ctx, AS_OF_KEY) === day) return;
      refreshAllStandings(ctx.db, day, ctx.now().toISOString());
      setSetting(ctx, AS_OF_KEY, day);
    })
    .immediate();
}

/** One person's standing as of today, with the facts behind it (for explaining the score). */
export function standingOf(ctx: CoreContext, personId: number): Standing | null {
  return computeStandings(ctx.db, today(ctx), personId)[0]?.standing ?? null;
}
