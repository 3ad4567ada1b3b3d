import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { PeopleListInput } from '../../../shared/contract';
import { foldText, nameSortKey, personName } from '../../../shared/domain/names';
import type { PeoplePage, Person, PersonData, PersonSummary, TagCount } from '../../../shared/domain/person';
import { notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { indexPerson, prefixMatchQuery, rankFor, unindexPerson, type SearchDocument } from './search-index';
import { ensureStandingsFresh } from './standing';
import { expectVersion } from './versions';
import { phoneRegion } from './phones';
import { phoneKey, storedKinds } from '../../../shared/domain/phone';
import type { Stage } from '../../../shared/domain/standing';
import { parseBoundaryFlags } from '../../../shared/domain/boundaries';

interface PersonRow {
  id: number;
  given_name: string;
  family_name: string;
  display_name: string;
  organization: string;
  role: string;
  address_street: string;
  address_city: string;
  address_region: string;
  address_postal_code: string;
  address_country: string;
  website: string;
  linkedin: string;
  notes: string;
  introduce_as: string;
  how_we_met: string;
  desired_results: string;
  their_work: string;
  boundaries: string;
  boundary_flags: string;
  created_at: string;
  updated_at: string;
  version: number;
}

const COLUMNS = `given_name, family_name, display_name, sort_key, organization, organization_key, role,
  address_street, address_city, address_region, address_postal_code, address_country,
  website, linkedin, notes, introduce_as, how_we_met, desired_results, their_work, boundaries`;

const INSERT_PERSON = `INSERT INTO people (${COLUMNS}, search_rank, created_at, updated_at)
  VALUES (${COLUMNS.split(',').map(() => '?').join(', ')}, CAST(? AS INTEGER), ?, ?)`;
/** Where the sort key is in columnValues. */
const SORT_KEY_COLUMN = 3;

function columnValues(p: PersonData): unknown[] {
  return [
    p.givenName,
    p.familyName,
    p.displayName,
    nameSortKey(p),
    p.organization,
    foldText(p.organization),
    p.role,
    p.address.street,
    p.address.city,
    p.address.region,
    p.address.postalCode,
    p.address.country,
    p.website,
    p.linkedin,
    p.notes,
    p.introduceAs,
    p.howWeMet,
    p.desiredResults,
    p.theirWork,
    p.boundaries,
  ];
}

function tagId(db: Database.Database, name: string): number {
  const existing = stmt<[string], { id: number }>(db, 'SELECT id FROM tags WHERE name = ?').get(name);
  if (existing) return existing.id;
  return Number(stmt(db, 'INSERT INTO tags (name) VALUES (?)').run(name).lastInsertRowid);
}

/** What the search index holds for a person. */
export function searchDocument(p: PersonData): SearchDocument {
  return { names: [p.givenName, p.familyName, p.displayName, personName(p)], organization: p.organization, emails: p.emails.map((e) => e.address) };
}

/** Emails, phones, tags and (unless an import indexes later, in rank order) the search row: everything that hangs off the people row. */
function writeDependents(db: Database.Database, id: number, rank: number, p: PersonData, replacing: boolean, index = true): void {
  if (replacing) {
    stmt(db, 'DELETE FROM person_emails WHERE person_id = ?').run(id);
    stmt(db, 'DELETE FROM person_phones WHERE person_id = ?').run(id);
    stmt(db, 'DELETE FROM person_tags WHERE person_id = ?').run(id);
  }
  const addEmail = stmt(db, 'INSERT INTO person_emails (person_id, position, label, address, address_key) VALUES (?, ?, ?, ?, ?)');
  p.emails.forEach((e, i) => addEmail.run(id, i, e.label, e.address, e.address.toLowerCase()));
  if (p.phones.length) {
    const addPhone = stmt(db, 'INSERT INTO person_phones (person_id, position, label, number, digits, kinds, phone_key) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const region = phoneRegion(db);
    p.phones.forEach((ph, i) => addPhone.run(id, i, ph.label, ph.number, ph.number.replace(/\D/g, ''), ph.kinds.join(','), phoneKey(ph.number, region)));
  }
  const addTag = stmt(db, 'INSERT OR IGNORE INTO person_tags (person_id, tag_id) VALUES (?, ?)');
  for (const tag of p.tags) addTag.run(id, tagId(db, tag));
  if (index) indexPerson(db, rank, searchDocument(p));
}

export function dropUnusedTags(db: Database.Database): void {
  stmt(db, 'DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM person_tags WHERE tag_id = tags.id)').run();
}

/**
 * Inserts one person; the caller owns the transaction (sample loading inserts hundreds in one).
 * An import passes the rank it planned for everyone at once (search-index.ts, planRanks) and
 * indexes them itself at the end: FTS5 flushes its pending data whenever a row id is lower than
 * the one before, so a file's people are indexed in rank order, not file order.
 */
export function insertPerson(db: Database.Database, p: PersonData, at: string, plan?: { rank: number; deferIndex: boolean }): number {
  const values = columnValues(p);
  const rank = plan?.rank ?? rankFor(db, values[SORT_KEY_COLUMN] as string);
  const result = stmt(db, INSERT_PERSON).run(...values, rank, at, at);
  const id = Number(result.lastInsertRowid);
  writeDependents(db, id, rank, p, false, !plan?.deferIndex);
  return id;
}

function currentRank(db: Database.Database, id: number): { rank: number; sortKey: string } {
  const row = stmt<[number], { rank: number; sortKey: string }>(db, 'SELECT search_rank AS rank, sort_key AS sortKey FROM people WHERE id = ?').get(id);
  if (!row) throw notFound('This person');
  return row;
}

export function createPerson(ctx: CoreContext, p: PersonData): Person {
  const id = ctx.db.transaction(() => insertPerson(ctx.db, p, ctx.now().toISOString())).immediate();
  return getPerson(ctx, id);
}

/**
 * Replaces one person's details; the caller owns the transaction (an import rewrites many in one,
 * and with `deferIndex` takes the search row out and puts it back itself, in rank order). Returns the rank.
 */
export function rewritePerson(db: Database.Database, id: number, p: PersonData, at: string, deferIndex = false): number {
  const before = currentRank(db, id);
  if (!deferIndex) unindexPerson(db, before.rank);
  const sortKey = nameSortKey(p);
  // A changed name moves the person in name order, and so in the search index.
  const rank = sortKey === before.sortKey ? before.rank : rankFor(db, sortKey, id);
  const assignments = COLUMNS.split(',')
    .map((c) => `${c.trim()} = ?`)
    .join(', ');
  stmt(db, `UPDATE people SET ${assignments}, search_rank = CAST(? AS INTEGER), updated_at = ? WHERE id = ?`).run(...columnValues(p), rank, at, id);
  writeDependents(db, id, rank, p, true, !deferIndex);
  dropUnusedTags(db);
  return rank;
}

/** The owner's edit of one person, made on `version` (refused as stale if the person changed since). */
export function updatePerson(ctx: CoreContext, id: number, version: number, p: PersonData): Person {
  ctx.db
    .transaction(() => {
      expectVersion(ctx.db, 'people', id, version, 'This person');
      rewritePerson(ctx.db, id, p, ctx.now().toISOString());
    })
    .immediate();
  return getPerson(ctx, id);
}

/** Deletes one person and everything recorded about them; the caller owns the transaction. */
export function removePerson(db: Database.Database, id: number): void {
  unindexPerson(db, currentRank(db, id).rank);
  stmt(db, 'DELETE FROM people WHERE id = ?').run(id);
  dropUnusedTags(db);
}

/** Deletes many people at once (an import undone): search rows in rank order, one sweep of unused tags. The caller owns the transaction. */
export function removePeople(db: Database.Database, ids: number[]): void {
  const rows = stmt<[string], { id: number; rank: number }>(db, 'SELECT id, search_rank AS rank FROM people WHERE id IN (SELECT value FROM json_each(?)) ORDER BY search_rank').all(JSON.stringify(ids));
  for (const r of rows) unindexPerson(db, r.rank);
  const remove = stmt(db, 'DELETE FROM people WHERE id = ?');
  for (const r of rows) remove.run(r.id);
  dropUnusedTags(db);
}

export function deletePerson(ctx: CoreContext, id: number): { id: number } {
  ctx.db.transaction(() => removePerson(ctx.db, id)).immediate();
  return { id };
}

function readPerson(ctx: CoreContext, id: number): { row: PersonRow; data: PersonData } {
  const row = stmt<[number], PersonRow>(ctx.db, 'SELECT * FROM people WHERE id = ?').get(id);
  if (!row) throw notFound('This person');
  const emails = stmt<[number], { label: string; address: string }>(
    ctx.db,
    'SELECT label, address FROM person_emails WHERE person_id = ? ORDER BY position',
  ).all(id);
  const phones = stmt<[number], { label: string; number: string; kinds: string }>(
    ctx.db,
    'SELECT label, number, kinds FROM person_phones WHERE person_id = ? ORDER BY position',
  )
    .all(id)
    .map((r) => ({ label: r.label, number: r.number, kinds: storedKinds(r.kinds) }));
  const tags = stmt<[number], { name: string }>(
    ctx.db,
    'SELECT t.name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.person_id = ? ORDER BY t.name',
  )
    .all(id)
    .map((t) => t.name);
  const data: PersonData = {
    givenName: row.given_name,
    familyName: row.family_name,
    displayName: row.display_name,
    organization: row.organization,
    role: row.role,
    emails,
    phones,
    address: {
      street: row.address_street,
      city: row.address_city,
      region: row.address_region,
      postalCode: row.address_postal_code,
      country: row.address_country,
    },
    website: row.website,
    linkedin: row.linkedin,
    tags,
    notes: row.notes,
    introduceAs: row.introduce_as,
    howWeMet: row.how_we_met,
    desiredResults: row.desired_results,
    theirWork: row.their_work,
    boundaries: row.boundaries,
  };
  return { row, data };
}

/** A person's details as they are written (what an import's merge keeps to put back on undo). */
export function getPersonData(ctx: CoreContext, id: number): PersonData {
  return readPerson(ctx, id).data;
}

export function getPerson(ctx: CoreContext, id: number): Person {
  const { row, data } = readPerson(ctx, id);
  return {
    ...data,
    id: row.id,
    name: personName(data),
    boundaryFlags: parseBoundaryFlags(row.boundary_flags),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

type ListInput = z.output<typeof PeopleListInput>;

/** Each sort has an index that yields people already in that order. */
const ORDERS: Record<ListInput['sort'], { index: string; asc: string; desc: string }> = {
  name: { index: 'people_by_sort_key', asc: 'p.sort_key ASC, p.id ASC', desc: 'p.sort_key DESC, p.id DESC' },
  organization: {
    index: 'people_by_organization',
    asc: "p.organization_key = '' ASC, p.organization_key ASC, p.sort_key ASC, p.id ASC",
    desc: "p.organization_key = '' DESC, p.organization_key DESC, p.sort_key DESC, p.id DESC",
  },
  updated: { index: 'people_by_updated', asc: 'p.updated_at ASC, p.id ASC', desc: 'p.updated_at DESC, p.id DESC' },
  // Highest first reads names A to Z within a score, walking the index forwards.
  score: { index: 'people_by_score', asc: 'p.score ASC, p.sort_key DESC, p.id DESC', desc: 'p.score DESC, p.sort_key ASC, p.id ASC' },
};

/**
 * With another sort than name, above this many matches walking that sort's index and keeping the
 * matching people beats fetching every match and sorting it. Measured with `npm run bench`.
 */
export const WALK_INDEX_ABOVE = 5000;

interface SummaryRow extends Pick<PersonRow, 'id' | 'given_name' | 'family_name' | 'display_name' | 'organization' | 'role' | 'updated_at'> {
  stage: Stage;
  score: number;
  primary_email: string | null;
  primary_phone: string | null;
  tags: string | null;
}

const SUMMARY_COLUMNS = `p.id, p.given_name, p.family_name, p.display_name, p.organization, p.role, p.updated_at, p.stage, p.score,
  (SELECT address FROM person_emails WHERE person_id = p.id ORDER BY position LIMIT 1) AS primary_email,
  (SELECT number FROM person_phones WHERE person_id = p.id ORDER BY position LIMIT 1) AS primary_phone,
  (SELECT group_concat(name, char(31)) FROM (SELECT t.name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id
     WHERE pt.person_id = p.id ORDER BY t.name)) AS tags`;

const FILTERS = {
  tag: 'p.id IN (SELECT pt.person_id FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = @tag)',
  stage: 'p.stage = @stage',
  minScore: 'p.score >= @minScore',
} as const;

/** Which of the list's filters are in use (their values go in as @tag and @stage). */
export type ListFilter = Record<keyof typeof FILTERS, boolean>;
export const NO_FILTER: ListFilter = { tag: false, stage: false, minScore: false };

const filtered = (f: ListFilter) => f.tag || f.stage || f.minScore;

function filterConditions(f: ListFilter): string[] {
  return (Object.keys(FILTERS) as (keyof typeof FILTERS)[]).filter((k) => f[k]).map((k) => FILTERS[k]);
}

export type ListPlan = 'rank' | 'sort' | 'walk';

function filterSql(searching: boolean, f: ListFilter): string {
  const where = filterConditions(f);
  if (searching) where.unshift('p.search_rank IN (SELECT rowid FROM people_search WHERE people_search MATCH @match)');
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

const andFilters = (f: ListFilter) => filterConditions(f).map((c) => `AND ${c}`).join(' ');

/** How many people match: the list's total, and what its plan is chosen by. */
export function peopleCountSql(searching: boolean, f: ListFilter): string {
  return searching
    ? `SELECT count(*) AS n FROM people_search s JOIN people p ON p.search_rank = s.rowid WHERE people_search MATCH @match ${andFilters(f)}`
    : `SELECT count(*) AS n FROM people p ${filterSql(false, f)}`;
}

/**
 * The page the People list shows; exported so the benchmark can time it bare, as its baseline.
 * The page is chosen first (ids only) and only its rows get their email, phone and tags.
 * Plans: `rank` streams search matches in name order straight from the index; `walk` walks a sort
 * index keeping members; `sort` collects the matches and sorts them.
 */
export function peoplePageSql(input: Pick<ListInput, 'sort' | 'direction'>, searching: boolean, f: ListFilter, plan: ListPlan): string {
  const order = ORDERS[input.sort];
  let ids: string;
  if (plan === 'rank') {
    ids = `SELECT p.id FROM people_search s JOIN people p ON p.search_rank = s.rowid
      WHERE people_search MATCH @match ${andFilters(f)}
      ORDER BY s.rowid ${input.direction === 'asc' ? 'ASC' : 'DESC'} LIMIT @limit OFFSET @offset`;
  } else {
    const from = plan === 'walk' ? `people p INDEXED BY ${order.index}` : 'people p';
    ids = `SELECT p.id FROM ${from} ${filterSql(searching, f)} ORDER BY ${order[input.direction]} LIMIT @limit OFFSET @offset`;
  }
  return `SELECT ${SUMMARY_COLUMNS} FROM people p WHERE p.id IN (${ids}) ORDER BY ${order[input.direction]}`;
}

/** Which plan the list uses for a query with this many matches. */
export function listPlan(sort: ListInput['sort'], searching: boolean, f: ListFilter, total: number): ListPlan {
  if (searching && sort === 'name') return 'rank';
  return !(searching || filtered(f)) || total > WALK_INDEX_ABOVE ? 'walk' : 'sort';
}

export function listPeople(ctx: CoreContext, input: ListInput): PeoplePage {
  ensureStandingsFresh(ctx);
  const match = prefixMatchQuery(input.query);
  if (input.query.trim() && !match) return { total: 0, offset: input.offset, items: [] };
  const f: ListFilter = { tag: input.tag !== null && input.tag !== '', stage: input.stage !== null, minScore: input.minScore > 0 };
  const params: Record<string, unknown> = {};
  if (match) params.match = match;
  if (f.tag) params.tag = input.tag;
  if (f.stage) params.stage = input.stage;
  if (f.minScore) params.minScore = input.minScore;
  const searching = match !== null;
  const total = (stmt(ctx.db, peopleCountSql(searching, f)).get(params) as { n: number }).n;
  if (total === 0 || input.offset >= total) return { total, offset: input.offset, items: [] };
  const page = peoplePageSql(input, searching, f, listPlan(input.sort, searching, f, total));
  const rows = stmt(ctx.db, page).all({ ...params, limit: input.limit, offset: input.offset }) as SummaryRow[];
  return { total, offset: input.offset, items: rows.map(toSummary) };
}

function toSummary(r: SummaryRow): PersonSummary {
  return {
    id: r.id,
    name: personName({ givenName: r.given_name, familyName: r.family_name, displayName: r.display_name }),
    organization: r.organization,
    role: r.role,
    primaryEmail: r.primary_email ?? '',
    primaryPhone: r.primary_phone ?? '',
    tags: r.tags ? r.tags.split('\u001f') : [],
    updatedAt: r.updated_at,
    stage: r.stage,
    score: r.score,
  };
}

/** Adds a tag to each of a selection of people (a bulk action). */
export function tagPeople(ctx: CoreContext, personIds: number[], tag: string): { changed: number } {
  return ctx.db
    .transaction(() => {
      const id = tagId(ctx.db, tag);
      const added = stmt(
        ctx.db,
        'INSERT OR IGNORE INTO person_tags (person_id, tag_id) SELECT id, ? FROM people WHERE id IN (SELECT value FROM json_each(?))',
      ).run(id, JSON.stringify(personIds)).changes;
      stmt(ctx.db, 'UPDATE people SET updated_at = ? WHERE id IN (SELECT value FROM json_each(?))').run(ctx.now().toISOString(), JSON.stringify(personIds));
      return { changed: added };
    })
    .immediate();
}

export function listTags(ctx: CoreContext): TagCount[] {
  return stmt<[], TagCount>(
    ctx.db,
    'SELECT t.name AS name, count(pt.person_id) AS count FROM tags t JOIN person_tags pt ON pt.tag_id = t.id GROUP BY t.id ORDER BY t.name',
  ).all();
}

export function countPeople(ctx: CoreContext): number {
  return (stmt(ctx.db, 'SELECT count(*) AS n FROM people').get() as { n: number }).n;
}
