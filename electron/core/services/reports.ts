import {
  rapportCsvColumns,
  type IntimacyReport,
  type RapportFilter,
  type RapportReport,
  type RapportRow,
  type SeminarReport,
} from '../../../shared/domain/report';
import { SCORE_PARTS, STAGES, STAGE_LABELS, dayMinus, type ScoreParts, type Stage } from '../../../shared/domain/standing';
import { notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { writeCsv } from '../export/csv';
import { listOccasions, intimacyMeasure } from './hospitality';
import { cadenceParams } from './keep-in-touch';
import { refOf, type NameRow } from './person-records';
import { householdOf, STANDING_LIST_FROM, STANDING_LIST_SQL } from './relationships';
import { ensureStandingsFresh, PART_COLUMNS, today } from './standing';

// The rapport report ---------------------------------------------------------------------------

/** The segment as SQL over `people p`, with its parameters. */
function segmentSql(f: RapportFilter): { where: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.tags.length) {
    where.push('p.id IN (SELECT pt.person_id FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name IN (SELECT value FROM json_each(@tags)))');
    params.tags = JSON.stringify(f.tags);
  }
  if (f.stages.length) {
    where.push('p.stage IN (SELECT value FROM json_each(@stages))');
    params.stages = JSON.stringify(f.stages);
  }
  if (f.seminarId !== null) {
    where.push("p.id IN (SELECT person_id FROM registrations WHERE seminar_id = @seminarId AND state <> 'cancelled')");
    params.seminarId = f.seminarId;
  }
  if (f.from || f.to) {
    where.push("EXISTS (SELECT 1 FROM touches t WHERE t.person_id = p.id AND t.occurred_on BETWEEN @from AND @to)");
    params.from = f.from ?? '0000-01-01';
    params.to = f.to ?? '9999-12-31';
  }
  return { where: where.length ? where.join(' AND ') : '1', params };
}

function segmentText(ctx: CoreContext, f: RapportFilter): string {
  const parts: string[] = [];
  if (f.stages.length) parts.push(`Stage: ${f.stages.map((s) => STAGE_LABELS[s]).join(', ')}`);
  if (f.tags.length) parts.push(`Tags: ${f.tags.join(', ')}`);
  if (f.seminarId !== null) {
    const s = stmt<[number], { title: string }>(ctx.db, 'SELECT title FROM seminars WHERE id = ?').get(f.seminarId);
    if (!s) throw notFound('This seminar');
    parts.push(`Seminar: ${s.title}`);
  }
  if (f.from || f.to) parts.push(`Touched ${f.from ?? 'any time'} to ${f.to ?? 'today'}`);
  return parts.length ? parts.join(' · ') : 'Whole book';
}

/** The SQL behind the report's table: exported so the benchmark can time it bare. */
export function rapportRowsSql(where: string, paged: boolean): string {
  return `SELECT p.id, p.given_name, p.family_name, p.display_name, p.organization, p.stage, p.score,
      ${SCORE_PARTS.map((k) => `p.${PART_COLUMNS[k]}`).join(', ')}, p.last_personal_on,
      p.address_street, p.address_city, p.address_region, p.address_postal_code, p.address_country,
      (SELECT count(*) FROM follow_ups f WHERE f.person_id = p.id AND f.state IN ('open', 'snoozed')) AS open_follow_ups,
      (SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.person_id = p.id ORDER BY t.name)) AS tags
    FROM people p WHERE ${where}
    ORDER BY p.score DESC, p.sort_key, p.id ${paged ? 'LIMIT @limit OFFSET @offset' : ''}`;
}

type RowOf = NameRow &
  Record<string, unknown> & {
    organization: string;
    stage: Stage;
    score: number;
    last_personal_on: string;
    open_follow_ups: number;
    tags: string | null;
    address_street: string;
    address_city: string;
    address_region: string;
    address_postal_code: string;
    address_country: string;
  };

function toRow(ctx: CoreContext, r: RowOf, includePersonal: boolean): RapportRow {
  const row: RapportRow = {
    ...refOf(r),
    organization: r.organization,
    stage: r.stage,
    score: r.score,
    parts: Object.fromEntries(SCORE_PARTS.map((k) => [k, r[PART_COLUMNS[k]] as number])) as ScoreParts,
    lastPersonalOn: r.last_personal_on || null,
    openFollowUps: r.open_follow_ups,
    tags: r.tags ? r.tags.split('\u001f') : [],
  };
  if (includePersonal) {
    const cityLine = [r.address_city, [r.address_region, r.address_postal_code].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    row.address = [r.address_street, cityLine, r.address_country].filter(Boolean).join(', ');
    row.household = householdOf(ctx, r.id)
      .map((h) => h.name)
      .join(', ');
  }
  return row;
}

/**
 * The rapport report of a segment: stage mix, client-to-customer ratio, the people with their
 * score and its parts (a page of them, or all with `limit` null), ready to become clients, at risk.
 */
export function rapportReport(ctx: CoreContext, f: RapportFilter, offset: number, limit: number | null): RapportReport {
  ensureStandingsFresh(ctx);
  const { where, params } = segmentSql(f);
  const mixRows = stmt(ctx.db, `SELECT p.stage, count(*) AS n FROM people p WHERE ${where} GROUP BY p.stage`).all(params) as { stage: Stage; n: number }[];
  const stageMix = Object.fromEntries(STAGES.map((s) => [s, mixRows.find((m) => m.stage === s)?.n ?? 0])) as Record<Stage, number>;
  const total = STAGES.reduce((n, s) => n + stageMix[s], 0);
  const rows = (
    stmt(ctx.db, rapportRowsSql(where, limit !== null)).all(limit === null ? params : { ...params, limit, offset }) as RowOf[]
  ).map((r) => toRow(ctx, r, f.includePersonal));
  const listParams = { ...params, ...cadenceParams(ctx, today(ctx)), limit: limit ?? -1 };
  // A page of the report names as many of each list as it shows rows (thousands of names were most
  // of a first page's time and bytes); the whole report (limit null: print, CSV) names everyone.
  const list = <T>(name: 'ready' | 'atRisk', columns: string) =>
    stmt(
      ctx.db,
      `SELECT p.id, p.given_name, p.family_name, p.display_name, ${columns} FROM ${STANDING_LIST_FROM[name]} WHERE ${where} AND ${STANDING_LIST_SQL[name]} ORDER BY p.score DESC, p.sort_key LIMIT @limit`,
    ).all(listParams) as (NameRow & T)[];
  const count = (name: 'ready' | 'atRisk', shown: number) =>
    limit === null || shown < limit ? shown : (stmt(ctx.db, `SELECT count(*) AS n FROM ${STANDING_LIST_FROM[name]} WHERE ${where} AND ${STANDING_LIST_SQL[name]}`).get(listParams) as { n: number }).n;
  const ready = list<{ score: number; test_yeses: number }>('ready', 'p.score, p.test_yeses');
  const atRisk = list<{ score: number; last_personal_on: string }>('atRisk', 'p.score, p.last_personal_on');
  return {
    generatedAt: ctx.now().toISOString(),
    segment: segmentText(ctx, f),
    total,
    stageMix,
    clientToCustomer: stageMix.customer ? Math.round((stageMix.client / stageMix.customer) * 100) / 100 : null,
    rows,
    offset: limit === null ? 0 : offset,
    ready: ready.map((r) => ({ ...refOf(r), score: r.score, yeses: r.test_yeses })),
    atRisk: atRisk.map((r) => ({
      ...refOf(r),
      score: r.score,
      lastPersonalOn: r.last_personal_on || null,
    })),
    readyTotal: count('ready', ready.length),
    atRiskTotal: count('atRisk', atRisk.length),
  };
}

/** The report's table as CSV: UTF-8 with a byte-order mark (spreadsheets keep accents), ISO dates. */
export function rapportCsv(ctx: CoreContext, f: RapportFilter): { filename: string; content: string; rows: number } {
  const report = rapportReport(ctx, f, 0, null);
  const columns = rapportCsvColumns(f.includePersonal);
  const content = writeCsv({ fields: columns.map((c) => c.header), rows: report.rows.map((r) => columns.map((c) => c.value(r))) });
  return { filename: `rapport-report-${today(ctx)}.csv`, content, rows: report.rows.length };
}

// The intimacy report --------------------------------------------------------------------------

export function intimacyReport(ctx: CoreContext): IntimacyReport {
  const measure = intimacyMeasure(ctx);
  const day = today(ctx);
  const since = `${dayMinus(day, 730).slice(0, 7)}-01`;
  const counted = stmt(
    ctx.db,
    `SELECT substr(o.day, 1, 7) AS month, count(DISTINCT g.person_id) AS people
     FROM occasion_guests g JOIN occasions o ON o.id = g.occasion_id
     WHERE g.state = 'attended' AND o.day >= ? AND o.day <= ? GROUP BY month`,
  ).all(since, day) as { month: string; people: number }[];
  const hostedByMonth: IntimacyReport['hostedByMonth'] = [];
  for (let d = new Date(`${since}T00:00:00Z`); d.toISOString().slice(0, 10) <= day; d.setUTCMonth(d.getUTCMonth() + 1)) {
    const month = d.toISOString().slice(0, 7);
    hostedByMonth.push({ month, people: counted.find((c) => c.month === month)?.people ?? 0 });
  }
  const invited = new Set(
    (stmt(ctx.db, 'SELECT DISTINCT person_id FROM occasion_guests').all() as { person_id: number }[]).map((r) => r.person_id),
  );
  return {
    generatedAt: ctx.now().toISOString(),
    top: measure.top,
    hosted: measure.hosted,
    clients: measure.clients,
    hostedByMonth,
    neverInvited: measure.clients.filter((c) => !invited.has(c.id)),
    upcoming: listOccasions(ctx, 'upcoming'),
  };
}

// The seminar report ---------------------------------------------------------------------------

export function seminarReport(ctx: CoreContext, seminarId: number): SeminarReport {
  ensureStandingsFresh(ctx);
  const s = stmt<[number], { id: number; title: string; starts_at: string; ends_at: string; time_zone: string; closed_at: string | null }>(
    ctx.db,
    'SELECT id, title, starts_at, ends_at, time_zone, closed_at FROM seminars WHERE id = ?',
  ).get(seminarId);
  if (!s) throw notFound('This seminar');
  const c = stmt(
    ctx.db,
    `SELECT count(*) FILTER (WHERE state <> 'cancelled') AS registered,
       count(*) FILTER (WHERE state = 'checked_in') AS attended,
       count(*) FILTER (WHERE state = 'checked_in' AND mode = 'in_person') AS in_person,
       count(*) FILTER (WHERE state = 'checked_in' AND mode = 'stream') AS stream,
       count(*) FILTER (WHERE state = 'checked_in' AND source = 'walk_in') AS walk_ins,
       count(*) FILTER (WHERE state = 'no_show') AS no_shows,
       count(*) FILTER (WHERE state = 'cancelled') AS cancelled
     FROM registrations WHERE seminar_id = ?`,
  ).get(seminarId) as Record<string, number>;
  const f = stmt(
    ctx.db,
    `SELECT count(*) AS captured, count(*) FILTER (WHERE state = 'done') AS done,
       count(*) FILTER (WHERE state IN ('open', 'snoozed')) AS open, count(*) FILTER (WHERE state = 'dropped') AS dropped
     FROM follow_ups WHERE seminar_id = ?`,
  ).get(seminarId) as SeminarReport['followUps'];
  // An attendee's stage on the day: the last move recorded before the seminar began, else prospect.
  const attendees = stmt(
    ctx.db,
    `SELECT p.id, p.given_name, p.family_name, p.display_name, p.stage AS now,
       coalesce((SELECT to_stage FROM stage_changes c WHERE c.person_id = p.id AND c.changed_at <= @startsAt ORDER BY c.changed_at DESC, c.id DESC LIMIT 1), 'prospect') AS on_the_day
     FROM registrations r JOIN people p ON p.id = r.person_id
     WHERE r.seminar_id = @seminarId AND r.state = 'checked_in' ORDER BY p.sort_key`,
  ).all({ seminarId, startsAt: s.starts_at }) as (NameRow & { now: Stage; on_the_day: Stage })[];
  const movement: SeminarReport['movement'] = [];
  for (const from of STAGES) {
    for (const to of STAGES) {
      const people = attendees.filter((a) => a.on_the_day === from && a.now === to).length;
      if (people) movement.push({ from, to, people });
    }
  }
  return {
    generatedAt: ctx.now().toISOString(),
    seminar: { id: s.id, title: s.title, startsAt: s.starts_at, endsAt: s.ends_at, timeZone: s.time_zone, closed: s.closed_at !== null },
    registered: c.registered ?? 0,
    attended: c.attended ?? 0,
    inPerson: c.in_person ?? 0,
    stream: c.stream ?? 0,
    walkIns: c.walk_ins ?? 0,
    noShows: c.no_shows ?? 0,
    cancelled: c.cancelled ?? 0,
    followUps: f,
    movement,
    moved: attendees.filter((a) => a.on_the_day !== a.now).map((a) => ({ ...refOf(a), from: a.on_the_day, to: a.now })),
  };
}
