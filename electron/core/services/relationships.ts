import type { z } from 'zod';
import {
  ADVOCACY_KINDS,
  INTERACTION_KINDS,
  LINK_KINDS,
  NEED_STATUS_LABELS,
  type NeedStatus,
  type AdvocacyAct,
  type AdvocacyInputSchema,
  type ClientTestAnswering,
  type ClientTestInputSchema,
  type Interaction,
  type LoggedInteraction,
  type InteractionInputSchema,
  type LogInteractionInputSchema,
  type LinkInputSchema,
  type Need,
  type NeedInputSchema,
  type PersonLink,
  type PersonRef,
  type Purchase,
  type PurchaseInputSchema,
  type Relationship,
  type StageChange,
  STANDING_LISTS,
  type StandingList,
  type StandingListPage,
  type StandingRow,
  type TimelineEntry,
} from '../../../shared/domain/relationship';
import { PersonInputSchema } from '../../../shared/domain/person';
import { dueToReconnect } from '../../../shared/domain/followup';
import {
  CLIENT_TEST_QUESTIONS,
  SCORE_PARTS,
  SCORE_PART_LABELS,
  STAGE_LABELS,
  explainPart,
  partMaximum,
  yesCount,
  type Mark,
  type Stage,
} from '../../../shared/domain/standing';
import { AppError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { expectVersion } from './versions';
import { stmt } from '../db/statements';
import { insertPerson } from './people';
import { ensureStandingsFresh, localDay, standingOf, today } from './standing';
import { CADENCE_SQL, DUE_TO_RECONNECT_SQL, cadenceParams, keepInTouch } from './keep-in-touch';
import { completeByTouch } from './followups';
import { boundaryCrossings } from './boundaries';
import { fieldError, notAhead, ownerOf, personRef, refOf, writeAbout, type NameRow, type PersonTable } from './person-records';

type InteractionInput = z.output<typeof InteractionInputSchema>;
/** The two choices may be left out by callers inside the core (sample data, tests): the rule, and no confirm. */
type LogInteractionInput = InteractionInput & Partial<Pick<z.output<typeof LogInteractionInputSchema>, 'completeFollowUps' | 'confirmBoundaries'>>;
type PurchaseInput = z.output<typeof PurchaseInputSchema>;
type ClientTestInput = z.output<typeof ClientTestInputSchema>;
type NeedInput = z.output<typeof NeedInputSchema>;
type AdvocacyInput = z.output<typeof AdvocacyInputSchema>;
type LinkInput = z.output<typeof LinkInputSchema>;

// Interactions ----------------------------------------------------------------------------------

interface InteractionRow {
  id: number;
  kind: Interaction['kind'];
  occurred_on: string;
  note: string;
  version: number;
}

const toInteraction = (r: InteractionRow): Interaction => ({ id: r.id, kind: r.kind, on: r.occurred_on, note: r.note, version: r.version });

/**
 * Logs a touch. Open follow-ups of its kind that are already due are done with it (or exactly
 * those the owner ticked); a touch that crosses one of the person's boundaries needs a confirm.
 */
export function logInteraction(ctx: CoreContext, input: LogInteractionInput): LoggedInteraction {
  notAhead(ctx, input.on);
  const { id, completedFollowUps } = writeAbout(ctx, input.personId, () => {
    boundaryCrossings(ctx, [input.personId], { touch: input.kind }, input.confirmBoundaries ? 'include' : 'ask');
    const at = ctx.now().toISOString();
    const id = Number(
      stmt(ctx.db, 'INSERT INTO interactions (person_id, kind, occurred_on, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        input.personId,
        input.kind,
        input.on,
        input.note,
        at,
        at,
      ).lastInsertRowid,
    );
    return { id, completedFollowUps: completeByTouch(ctx, input.personId, input.kind, input.on, id, input.completeFollowUps ?? null) };
  });
  return { ...getInteraction(ctx, id), completedFollowUps };
}

function getInteraction(ctx: CoreContext, id: number): Interaction {
  const row = stmt<[number], InteractionRow>(ctx.db, 'SELECT id, kind, occurred_on, note, version FROM interactions WHERE id = ?').get(id);
  if (!row) throw notFound('This interaction');
  return toInteraction(row);
}

export function updateInteraction(ctx: CoreContext, id: number, version: number, input: Omit<InteractionInput, 'personId'>): Interaction {
  notAhead(ctx, input.on);
  const personId = ownerOf(ctx, 'interactions', id, 'This interaction');
  writeAbout(ctx, personId, () => {
    expectVersion(ctx.db, 'interactions', id, version, 'This touch');
    stmt(ctx.db, 'UPDATE interactions SET kind = ?, occurred_on = ?, note = ?, updated_at = ? WHERE id = ?').run(
      input.kind,
      input.on,
      input.note,
      ctx.now().toISOString(),
      id,
    );
  });
  return getInteraction(ctx, id);
}

/** Deletes a row of a person's records and refreshes their standing, in one transaction. */
function deleteOwned(ctx: CoreContext, table: PersonTable, id: number, what: string): { id: number } {
  const personId = ownerOf(ctx, table, id, what);
  writeAbout(ctx, personId, () => stmt(ctx.db, `DELETE FROM ${table} WHERE id = ?`).run(id));
  return { id };
}

// Deleting a touch goes through the trash (services/trash.ts), so it can be put back.

// Purchases -------------------------------------------------------------------------------------

export function addPurchase(ctx: CoreContext, input: PurchaseInput): Purchase {
  notAhead(ctx, input.on);
  const cents = input.amount === null ? null : Math.round(input.amount * 100);
  const id = writeAbout(ctx, input.personId, () =>
    Number(
      stmt(ctx.db, 'INSERT INTO purchases (person_id, what, bought_on, amount_cents, created_at) VALUES (?, ?, ?, ?, ?)').run(
        input.personId,
        input.what,
        input.on,
        cents,
        ctx.now().toISOString(),
      ).lastInsertRowid,
    ),
  );
  return { id, what: input.what, on: input.on, amount: cents === null ? null : cents / 100 };
}

export const deletePurchase = (ctx: CoreContext, id: number) => deleteOwned(ctx, 'purchases', id, 'This purchase');

// The client test -------------------------------------------------------------------------------

const TEST_COLUMNS: Record<(typeof CLIENT_TEST_QUESTIONS)[number]['key'], string> = {
  needKnown: 'need_known',
  comfortableAsking: 'comfortable_asking',
  reference: 'reference',
  trust: 'trust',
};

export function answerClientTest(ctx: CoreContext, input: ClientTestInput): ClientTestAnswering {
  notAhead(ctx, input.on);
  const columns = CLIENT_TEST_QUESTIONS.flatMap((q) => [TEST_COLUMNS[q.key], `${TEST_COLUMNS[q.key]}_evidence`]);
  const values = CLIENT_TEST_QUESTIONS.flatMap((q) => [input.answers[q.key].yes ? 1 : 0, input.answers[q.key].evidence]);
  const id = writeAbout(ctx, input.personId, () =>
    Number(
      stmt(
        ctx.db,
        `INSERT INTO client_tests (person_id, answered_on, ${columns.join(', ')}, created_at) VALUES (?, ?, ${columns.map(() => '?').join(', ')}, ?)`,
      ).run(input.personId, input.on, ...values, ctx.now().toISOString()).lastInsertRowid,
    ),
  );
  const answering = clientTests(ctx, input.personId).find((t) => t.id === id);
  if (!answering) throw notFound('This answering');
  return answering;
}

type TestRow = Record<string, number | string> & { id: number; answered_on: string; created_at: string };

function clientTests(ctx: CoreContext, personId: number): ClientTestAnswering[] {
  const rows = stmt<[number], TestRow>(ctx.db, 'SELECT * FROM client_tests WHERE person_id = ? ORDER BY answered_on DESC, id DESC').all(personId);
  return rows.map((r) => {
    const answers = Object.fromEntries(
      CLIENT_TEST_QUESTIONS.map((q) => [q.key, { yes: r[TEST_COLUMNS[q.key]] === 1, evidence: String(r[`${TEST_COLUMNS[q.key]}_evidence`]) }]),
    ) as ClientTestAnswering['answers'];
    const flat = Object.fromEntries(CLIENT_TEST_QUESTIONS.map((q) => [q.key, answers[q.key].yes])) as Record<(typeof CLIENT_TEST_QUESTIONS)[number]['key'], boolean>;
    return { id: r.id, on: r.answered_on, answers, yeses: yesCount(flat), recordedAt: r.created_at };
  });
}

export const deleteClientTest = (ctx: CoreContext, id: number) => deleteOwned(ctx, 'client_tests', id, 'This answering');

// Needs -----------------------------------------------------------------------------------------

interface NeedRow {
  id: number;
  what: string;
  problem: string;
  status: Need['status'];
  updated_at: string;
  version: number;
}

const toNeed = (ctx: CoreContext, r: NeedRow): Need => ({
  id: r.id,
  what: r.what,
  problem: r.problem,
  status: r.status,
  updatedAt: r.updated_at,
  version: r.version,
  history: stmt<[number], { from_status: NeedStatus | null; to_status: NeedStatus; changed_on: string }>(
    ctx.db,
    'SELECT from_status, to_status, changed_on FROM need_changes WHERE need_id = ? ORDER BY changed_at, id',
  )
    .all(r.id)
    .map((c) => ({ from: c.from_status, to: c.to_status, on: c.changed_on })),
});

/** Every move of a need is dated (noticed → discussed → proposed → met), so the timeline can show it. */
function recordNeedChange(ctx: CoreContext, needId: number, from: NeedStatus | null, to: NeedStatus): void {
  stmt(ctx.db, 'INSERT INTO need_changes (need_id, from_status, to_status, changed_on, changed_at) VALUES (?, ?, ?, ?, ?)').run(
    needId,
    from,
    to,
    today(ctx),
    ctx.now().toISOString(),
  );
}

export function addNeed(ctx: CoreContext, personId: number, need: NeedInput): Need {
  const id = writeAbout(ctx, personId, () => {
    const at = ctx.now().toISOString();
    const needId = Number(
      stmt(ctx.db, 'INSERT INTO needs (person_id, what, problem, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        personId,
        need.what,
        need.problem,
        need.status,
        at,
        at,
      ).lastInsertRowid,
    );
    recordNeedChange(ctx, needId, null, need.status);
    return needId;
  });
  return getNeed(ctx, id);
}

function getNeed(ctx: CoreContext, id: number): Need {
  const row = stmt<[number], NeedRow>(ctx.db, 'SELECT id, what, problem, status, updated_at, version FROM needs WHERE id = ?').get(id);
  if (!row) throw notFound('This need');
  return toNeed(ctx, row);
}

export function updateNeed(ctx: CoreContext, id: number, version: number, need: NeedInput): Need {
  const personId = ownerOf(ctx, 'needs', id, 'This need');
  writeAbout(ctx, personId, () => {
    expectVersion(ctx.db, 'needs', id, version, 'This need');
    const before = getNeed(ctx, id).status;
    if (before !== need.status) recordNeedChange(ctx, id, before, need.status);
    stmt(ctx.db, 'UPDATE needs SET what = ?, problem = ?, status = ?, updated_at = ? WHERE id = ?').run(need.what, need.problem, need.status, ctx.now().toISOString(), id);
  });
  return getNeed(ctx, id);
}

export const deleteNeed = (ctx: CoreContext, id: number) => deleteOwned(ctx, 'needs', id, 'This need');

// Links between people --------------------------------------------------------------------------

const SYMMETRIC = new Set<string>(['works_with', 'partner', 'family']);

export function addLink(ctx: CoreContext, input: LinkInput): PersonLink {
  if (input.personId === input.otherId) throw fieldError('otherId', 'Choose someone else.');
  const other = personRef(ctx, input.otherId);
  const id = writeAbout(ctx, input.personId, () => {
    const reverse = SYMMETRIC.has(input.kind) ? ' OR (person_id = @otherId AND other_id = @personId)' : '';
    const exists = stmt(ctx.db, `SELECT 1 FROM person_links WHERE kind = @kind AND ((person_id = @personId AND other_id = @otherId)${reverse})`).get(input);
    if (exists) throw new AppError('conflict', `${other.name} is already linked this way.`);
    return Number(
      stmt(ctx.db, 'INSERT INTO person_links (person_id, other_id, kind, created_at) VALUES (?, ?, ?, ?)').run(input.personId, input.otherId, input.kind, ctx.now().toISOString())
        .lastInsertRowid,
    );
  });
  return { id, kind: input.kind, label: LINK_KINDS[input.kind].label, other };
}

export const deleteLink = (ctx: CoreContext, id: number) => deleteOwned(ctx, 'person_links', id, 'This link');

interface LinkRow extends NameRow {
  link_id: number;
  kind: PersonLink['kind'];
  inverse: 0 | 1;
}

function links(ctx: CoreContext, personId: number): PersonLink[] {
  const rows = stmt<[{ me: number }], LinkRow>(
    ctx.db,
    `SELECT l.id AS link_id, l.kind, 0 AS inverse, p.id, p.given_name, p.family_name, p.display_name
       FROM person_links l JOIN people p ON p.id = l.other_id WHERE l.person_id = @me
     UNION ALL
     SELECT l.id, l.kind, 1, p.id, p.given_name, p.family_name, p.display_name
       FROM person_links l JOIN people p ON p.id = l.person_id WHERE l.other_id = @me
     ORDER BY 2, 5, 6`,
  ).all({ me: personId });
  return rows.map((r) => ({ id: r.link_id, kind: r.kind, label: r.inverse ? LINK_KINDS[r.kind].inverse : LINK_KINDS[r.kind].label, other: refOf(r) }));
}

/** The people linked to `personId` as partner or family: their household. */
export function householdOf(ctx: CoreContext, personId: number): PersonRef[] {
  return links(ctx, personId)
    .filter((l) => l.kind === 'partner' || l.kind === 'family')
    .map((l) => l.other);
}

// Advocacy --------------------------------------------------------------------------------------

export function addAdvocacy(ctx: CoreContext, input: AdvocacyInput): AdvocacyAct {
  notAhead(ctx, input.on);
  const id = writeAbout(ctx, input.personId, () => {
    const at = ctx.now().toISOString();
    let referredId = input.referredId;
    if (referredId !== null) {
      if (referredId === input.personId) throw fieldError('referredId', 'Someone cannot refer themselves.');
      personRef(ctx, referredId);
    }
    if (input.referredNew) {
      const advocate = personRef(ctx, input.personId);
      const { givenName, familyName, email } = input.referredNew;
      referredId = insertPerson(
        ctx.db,
        PersonInputSchema.parse({ givenName, familyName, emails: email ? [{ label: '', address: email }] : [], howWeMet: `Referred by ${advocate.name}` }),
        at,
      );
    }
    return Number(
      stmt(ctx.db, 'INSERT INTO advocacy (person_id, kind, occurred_on, referred_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        input.personId,
        input.kind,
        input.on,
        referredId,
        input.note,
        at,
      ).lastInsertRowid,
    );
  });
  const act = advocacyActs(ctx, 'a.id = ?', id)[0];
  if (!act) throw notFound('This act of advocacy');
  return act;
}

export const deleteAdvocacy = (ctx: CoreContext, id: number) => deleteOwned(ctx, 'advocacy', id, 'This act of advocacy');

interface AdvocacyRow {
  id: number;
  kind: AdvocacyAct['kind'];
  occurred_on: string;
  note: string;
  by_id: number;
  by_given: string;
  by_family: string;
  by_display: string;
  ref_id: number | null;
  ref_given: string | null;
  ref_family: string | null;
  ref_display: string | null;
}

function advocacyActs(ctx: CoreContext, where: string, id: number): AdvocacyAct[] {
  const rows = stmt<[number], AdvocacyRow>(
    ctx.db,
    `SELECT a.id, a.kind, a.occurred_on, a.note,
        b.id AS by_id, b.given_name AS by_given, b.family_name AS by_family, b.display_name AS by_display,
        r.id AS ref_id, r.given_name AS ref_given, r.family_name AS ref_family, r.display_name AS ref_display
     FROM advocacy a JOIN people b ON b.id = a.person_id LEFT JOIN people r ON r.id = a.referred_id
     WHERE ${where} ORDER BY a.occurred_on DESC, a.id DESC`,
  ).all(id);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    on: r.occurred_on,
    note: r.note,
    by: refOf({ id: r.by_id, given_name: r.by_given, family_name: r.by_family, display_name: r.by_display }),
    referred:
      r.ref_id === null ? null : refOf({ id: r.ref_id, given_name: r.ref_given ?? '', family_name: r.ref_family ?? '', display_name: r.ref_display ?? '' }),
  }));
}

// Marks and tags on a selection -----------------------------------------------------------------

const MARK_COLUMNS: Record<Mark, string> = { friend: 'friend', futureClient: 'future_client', cultivate: 'cultivate' };

export function setMark(ctx: CoreContext, personIds: number[], mark: Mark, on: boolean): { changed: number } {
  const changed = ctx.db
    .transaction(
      () =>
        stmt(
          ctx.db,
          `UPDATE people SET ${MARK_COLUMNS[mark]} = ?, updated_at = ? WHERE ${MARK_COLUMNS[mark]} <> ? AND id IN (SELECT value FROM json_each(?))`,
        ).run(on ? 1 : 0, ctx.now().toISOString(), on ? 1 : 0, JSON.stringify(personIds)).changes,
    )
    .immediate();
  return { changed };
}

// The person's relationship, whole --------------------------------------------------------------

interface MarkRow {
  friend: number;
  future_client: number;
  cultivate: number;
}

export function getRelationship(ctx: CoreContext, personId: number): Relationship {
  ensureStandingsFresh(ctx);
  const standing = standingOf(ctx, personId);
  const marks = stmt<[number], MarkRow & { cadence_days: number | null; created_at: string }>(
    ctx.db,
    'SELECT friend, future_client, cultivate, cadence_days, created_at FROM people WHERE id = ?',
  ).get(personId);
  if (!standing || !marks) throw notFound('This person');
  const day = today(ctx);
  const stageCadence = keepInTouch(ctx).cadence[standing.verdict.stage];
  const purchases = stmt<[number], { id: number; what: string; bought_on: string; amount_cents: number | null }>(
    ctx.db,
    'SELECT id, what, bought_on, amount_cents FROM purchases WHERE person_id = ? ORDER BY bought_on DESC, id DESC',
  )
    .all(personId)
    .map((r) => ({ id: r.id, what: r.what, on: r.bought_on, amount: r.amount_cents === null ? null : r.amount_cents / 100 }));
  const needs = stmt<[number], NeedRow>(
    ctx.db,
    "SELECT id, what, problem, status, updated_at, version FROM needs WHERE person_id = ? ORDER BY status = 'met', id",
  )
    .all(personId)
    .map((r) => toNeed(ctx, r));
  return {
    personId,
    stage: standing.verdict.stage,
    reason: standing.verdict.reason,
    score: {
      score: standing.score,
      parts: SCORE_PARTS.map((key) => ({
        key,
        label: SCORE_PART_LABELS[key],
        points: standing.parts[key],
        max: partMaximum(key),
        detail: explainPart(key, standing.facts, day),
      })),
    },
    facts: standing.facts,
    marks: { friend: marks.friend === 1, futureClient: marks.future_client === 1, cultivate: marks.cultivate === 1 },
    cadence: {
      own: marks.cadence_days,
      stageDefault: stageCadence,
      due: dueToReconnect(standing.facts.lastPersonalOn, standing.facts.knownSince || localDay(new Date(marks.created_at)), marks.cadence_days ?? stageCadence, day),
    },
    tests: clientTests(ctx, personId),
    stageHistory: stageHistory(ctx, personId),
    purchases,
    needs,
    links: links(ctx, personId),
    advocacyGiven: advocacyActs(ctx, 'a.person_id = ?', personId),
    referredBy: advocacyActs(ctx, 'a.referred_id = ?', personId),
    asOf: day,
  };
}

function stageHistory(ctx: CoreContext, personId: number): StageChange[] {
  return stmt<[number], { id: number; changed_at: string; from_stage: Stage; to_stage: Stage; reason: string }>(
    ctx.db,
    'SELECT id, changed_at, from_stage, to_stage, reason FROM stage_changes WHERE person_id = ? ORDER BY changed_at DESC, id DESC',
  )
    .all(personId)
    .map((r) => ({ id: r.id, at: r.changed_at, from: r.from_stage, to: r.to_stage, reason: r.reason }));
}

// The timeline ----------------------------------------------------------------------------------

const ORDER_OF_TYPE: Record<TimelineEntry['type'], number> = { stage: 0, clientTest: 1, need: 2, purchase: 3, advocacy: 4, interaction: 5, seminar: 6 };

/** Everything that happened with a person, newest first. */
export function personTimeline(ctx: CoreContext, personId: number): TimelineEntry[] {
  const relationship = getRelationship(ctx, personId);
  const entries: TimelineEntry[] = [];
  const interactions = stmt<[number], InteractionRow>(ctx.db, 'SELECT id, kind, occurred_on, note, version FROM interactions WHERE person_id = ?').all(personId);
  for (const i of interactions) {
    const kind = INTERACTION_KINDS[i.kind];
    entries.push({ type: 'interaction', id: i.id, on: i.occurred_on, kind: i.kind, personal: kind.personal, title: kind.label, note: i.note, version: i.version });
  }
  const seminars = stmt<[number], { id: number; title: string; state: string; mode: string; on: string; note: string }>(
    ctx.db,
    `SELECT r.id, s.title, r.state, r.mode, r.note,
       CASE WHEN r.state = 'checked_in' THEN date(r.checked_in_at, 'localtime') ELSE date(s.starts_at, 'localtime') END AS "on"
     FROM registrations r JOIN seminars s ON s.id = r.seminar_id WHERE r.person_id = ? AND r.state <> 'cancelled'`,
  ).all(personId);
  for (const s of seminars) {
    const title =
      s.state === 'checked_in'
        ? `Attended “${s.title}”${s.mode === 'stream' ? ' on the live stream' : ''}`
        : s.state === 'no_show'
          ? `Did not come to “${s.title}”`
          : `Registered for “${s.title}”`;
    entries.push({ type: 'seminar', id: s.id, on: s.on, title, note: s.note });
  }
  for (const c of relationship.stageHistory) {
    entries.push({ type: 'stage', id: c.id, on: c.at.slice(0, 10), title: `Became a ${STAGE_LABELS[c.to].toLowerCase()}`, note: `${STAGE_LABELS[c.to]} — ${c.reason}` });
  }
  for (const t of relationship.tests) {
    const no = CLIENT_TEST_QUESTIONS.filter((q) => !t.answers[q.key].yes).map((q) => q.short.toLowerCase());
    entries.push({ type: 'clientTest', id: t.id, on: t.on, title: `Client test: ${t.yeses} of 4 yes`, note: no.length ? `Not yet: ${no.join(', ')}` : 'Every answer yes' });
  }
  for (const n of relationship.needs) {
    for (const c of n.history) {
      const title = c.to === 'met' ? `Need met: ${n.what}` : c.from === null ? `Need noted (${NEED_STATUS_LABELS[c.to].toLowerCase()}): ${n.what}` : `Need ${NEED_STATUS_LABELS[c.to].toLowerCase()}: ${n.what}`;
      entries.push({ type: 'need', id: n.id, on: c.on, title, note: c.from === null ? n.problem : `${NEED_STATUS_LABELS[c.from]} → ${NEED_STATUS_LABELS[c.to]}` });
    }
  }
  for (const p of relationship.purchases) entries.push({ type: 'purchase', id: p.id, on: p.on, title: `Bought ${p.what}`, note: '' });
  for (const a of relationship.advocacyGiven) {
    const title = a.kind === 'referral' ? `Referred ${a.referred?.name ?? 'someone'}` : ADVOCACY_KINDS[a.kind].verb;
    entries.push({ type: 'advocacy', id: a.id, on: a.on, title, note: a.note });
  }
  for (const a of relationship.referredBy) entries.push({ type: 'advocacy', id: a.id, on: a.on, title: `Referred by ${a.by.name}`, note: a.note });
  return entries.sort((a, b) => (a.on === b.on ? ORDER_OF_TYPE[a.type] - ORDER_OF_TYPE[b.type] || b.id - a.id : a.on < b.on ? 1 : -1));
}

// Lists that drive action -----------------------------------------------------------------------

/** Who is on each list, as SQL over `people p` (cadences and today bound as in keep-in-touch.ts). */
export const STANDING_LIST_SQL: Record<StandingList, string> = {
  ready: "p.stage = 'customer' AND (p.test_yeses = 3 OR p.cultivate = 1)",
  atRisk: `p.stage = 'client' AND ${DUE_TO_RECONNECT_SQL}`,
  futureClients: "p.stage = 'prospect' AND p.future_client = 1",
  dueToReconnect: DUE_TO_RECONNECT_SQL,
};

/**
 * Where each list reads its people from. Ready and At risk have their own partial indexes
 * (migration 16), named here because the planner, without statistics, would walk every customer
 * or client by stage and read each row instead.
 */
export const STANDING_LIST_FROM: Record<StandingList, string> = {
  ready: 'people p INDEXED BY people_ready',
  atRisk: 'people p INDEXED BY people_clients',
  futureClients: 'people p',
  dueToReconnect: 'people p',
};

/** At most this many rows of a list are sent; its total says how many there are. */
export const STANDING_LIST_LIMIT = 1000;

const listTotal = (ctx: CoreContext, list: StandingList, params: Record<string, unknown>) =>
  (stmt(ctx.db, `SELECT count(*) AS n FROM ${STANDING_LIST_FROM[list]} WHERE ${STANDING_LIST_SQL[list]}`).get(params) as { n: number }).n;

/**
 * How many are on each list asked for, without sending anyone's row. Only those asked for: Due to
 * reconnect is a scan of the whole book, which Home does not show.
 */
export function standingCounts(ctx: CoreContext, lists: readonly StandingList[] = STANDING_LISTS): Partial<Record<StandingList, number>> {
  ensureStandingsFresh(ctx);
  const params = cadenceParams(ctx, today(ctx));
  return Object.fromEntries(lists.map((list) => [list, listTotal(ctx, list, params)]));
}

export function standingList(ctx: CoreContext, list: StandingList): StandingListPage {
  ensureStandingsFresh(ctx);
  const params = { ...cadenceParams(ctx, today(ctx)), limit: STANDING_LIST_LIMIT };
  const total = listTotal(ctx, list, params);
  const rows = stmt(
    ctx.db,
    `SELECT p.id, p.given_name, p.family_name, p.display_name, p.organization, p.stage, p.score, p.test_yeses, p.last_personal_on,
        coalesce(nullif(p.known_since, ''), date(p.created_at, 'localtime')) AS known_since, p.friend, p.future_client, p.cultivate, ${CADENCE_SQL} AS cadence
     FROM ${STANDING_LIST_FROM[list]} WHERE ${STANDING_LIST_SQL[list]} ORDER BY p.score DESC, p.sort_key, p.id LIMIT @limit`,
  ).all(params) as (NameRow & MarkRow & { organization: string; stage: Stage; score: number; test_yeses: number; last_personal_on: string; known_since: string; cadence: number })[];
  const items: StandingRow[] = rows.map((r) => ({
    ...refOf(r),
    organization: r.organization,
    stage: r.stage,
    score: r.score,
    yeses: r.test_yeses,
    lastPersonalOn: r.last_personal_on || null,
    knownSince: r.known_since,
    cadenceDays: r.cadence,
    marks: { friend: r.friend === 1, futureClient: r.future_client === 1, cultivate: r.cultivate === 1 },
  }));
  return { total, items };
}
