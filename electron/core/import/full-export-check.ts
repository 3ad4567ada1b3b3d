import Database from 'better-sqlite3';
import { z } from 'zod';
import { Day, Instant } from '../../../shared/dates';
import { AppError, type FieldErrors } from '../../../shared/errors';
import { FOLLOW_UP_STATES, FollowUpInputSchema } from '../../../shared/domain/followup';
import { GuestStateSchema, OccasionInputSchema } from '../../../shared/domain/hospitality';
import { foldText, nameSortKey } from '../../../shared/domain/names';
import { PersonInputSchema, TagsSchema } from '../../../shared/domain/person';
import { DEFAULT_PHONE_REGION, kindsOf, PHONE_KINDS, phoneKey, sortedKinds, storedKinds, type PhoneRegion } from '../../../shared/domain/phone';
import {
  AdvocacyInputSchema,
  ClientTestInputSchema,
  INTERACTION_KINDS,
  InteractionInputSchema,
  LinkInputSchema,
  NEED_STATUSES,
  NeedInputSchema,
  PurchaseInputSchema,
  type InteractionKind,
} from '../../../shared/domain/relationship';
import { ATTENDANCE_MODES, REGISTRATION_SOURCES, REGISTRATION_STATES, SeminarInputSchema, isTimeZone, wallClock } from '../../../shared/domain/seminar';
import { CLIENT_TEST_QUESTIONS, STAGES } from '../../../shared/domain/standing';
import { BOUNDARY_FLAG_KEYS } from '../../../shared/domain/boundaries';
import { TRASH_KINDS } from '../../../shared/domain/trash';
import { ImportantDateInputSchema } from '../../../shared/domain/important-dates';
import { PHOTO_MAX_BASE64, PHOTO_MIMES } from '../../../shared/domain/photos';
import { LATEST_VERSION } from '../db/migrations/index';
import { migrate } from '../db/migrate';
import { FULL_EXPORT_TABLES } from '../services/exports';
import { checkSetting } from '../services/settings';

/**
 * A Rapport full export (docs/EXPORT.md) is checked whole before a single row of it is written:
 * every row through the same zod schemas the API uses for that record (a person's emails, phones
 * and tags together, as the person form sends them; settings through their own schemas), then every
 * row into a scratch copy of the book's tables in memory, which applies the tables' own rules and
 * foreign keys. One bad value refuses the file, naming the table, the row and the field.
 * What passes is returned as the rows to write, derived columns worked out afresh.
 */

type Cell = string | number | null;
type Row = Record<string, Cell>;

const RowSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export const FullExportSchema = z.object({
  format: z.literal('rapport-full-export'),
  formatVersion: z.literal(1),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string(),
  includesPersonal: z.boolean(),
  tables: z.record(z.string(), z.array(RowSchema)),
});
export type FullExport = z.output<typeof FullExportSchema>;

/** The tables of a full export, people first: the order rows are written in. */
export const FULL_IMPORT_TABLES = ['people', ...FULL_EXPORT_TABLES] as const;

/** Reads the file the owner chose (base64 of the JSON document): the document, or why it is not one. */
export function readFullExport(content: string): FullExport {
  let doc: FullExport;
  try {
    doc = FullExportSchema.parse(JSON.parse(Buffer.from(content, 'base64').toString('utf8')));
  } catch {
    throw new AppError('invalid_input', 'This is not a Rapport full export (format version 1).', { file: 'This is not a Rapport full export.' });
  }
  if (doc.schemaVersion > LATEST_VERSION) throw new AppError('conflict', 'This export was made by a newer version of Rapport; update Rapport to import it.');
  return doc;
}

// The rules per table ---------------------------------------------------------------------------

const Id = z.number({ message: 'Expected a numeric id.' }).int('Expected a numeric id.').positive('Expected a numeric id.');
const Flag = z.union([z.literal(0), z.literal(1)], { message: 'Expected 0 or 1.' });
const text = (max: number) => z.string({ message: 'Expected text.' }).max(max, `Keep this under ${max} characters.`);

interface TableRule {
  /** Columns checked one by one (when present: an export from an older data format may lack later columns). */
  columns?: Record<string, z.ZodType>;
  /** The API's schema for the record: the row as the API's input, and the column each input path comes from. */
  api?: { schema: z.ZodType; input: (row: Row) => unknown; column: (path: PropertyKey[]) => string };
  /** Columns the book works out for itself: left out of the row, worked out again after the import. */
  derived?: string[];
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** The column of an API path: `on` → the table's own day column, `address.city` → `address_city`, `personId` → `person_id`. */
const columnOf =
  (renamed: Record<string, string> = {}) =>
  (path: PropertyKey[]): string => {
    const head = String(path[0] ?? '');
    if (renamed[head]) return renamed[head] as string;
    if (head === 'address' && path[1] !== undefined) return `address_${snake(String(path[1]))}`;
    return snake(head);
  };
const pick = (row: Row, columns: string[], renamed: Record<string, string> = {}) =>
  Object.fromEntries(columns.filter((c) => row[c] !== undefined).map((c) => [renamed[c] ?? camel(c), row[c]]));

const PERSON_COLUMNS = ['given_name', 'family_name', 'display_name', 'organization', 'role', 'website', 'linkedin', 'notes', 'introduce_as', 'how_we_met', 'desired_results', 'their_work', 'boundaries'];
const ADDRESS_COLUMNS = ['street', 'city', 'region', 'postal_code', 'country'];

/** A phone's kinds as the store keeps them: "work,fax". */
const StoredKinds = z
  .string({ message: 'Expected text.' })
  .refine((v) => v.split(',').every((k) => k === '' || (PHONE_KINDS as readonly string[]).includes(k)), `Expected kinds of phone, some of ${PHONE_KINDS.join(', ')}, joined by commas.`);

const ALL_INTERACTION_KINDS = Object.keys(INTERACTION_KINDS) as [InteractionKind, ...InteractionKind[]];

const RULES: Record<string, TableRule> = {
  people: {
    columns: {
      id: Id,
      friend: Flag,
      future_client: Flag,
      cultivate: Flag,
      cadence_days: z.number().int().min(1).max(3650).nullable(),
      created_at: Instant,
      updated_at: Instant,
      // The standing is worked out again after the import; the stage is kept, as moving from it is history (stage_changes).
      stage: z.enum(STAGES),
      score: z.number().int().min(0).max(100),
      test_yeses: z.number().int().min(0).max(4),
      last_personal_on: z.union([z.literal(''), Day]),
      known_since: z.union([z.literal(''), Day]),
      boundary_flags: z.string().max(500).refine((v) => v === '' || v.split(',').every((f) => (BOUNDARY_FLAG_KEYS as string[]).includes(f)), 'Not a list of boundary flags.'),
    },
    derived: ['sort_key', 'search_rank', 'organization_key'],
    // Emails, phones and tags join the person (see personInputs) so the API's rules about them apply as one.
  },
  person_emails: { columns: { id: Id, person_id: Id, position: z.number().int().min(0) }, derived: ['address_key'] },
  person_phones: { columns: { id: Id, person_id: Id, position: z.number().int().min(0), kinds: StoredKinds }, derived: ['digits', 'phone_key'] },
  tags: { columns: { id: Id }, api: { schema: TagsSchema, input: (r) => [r.name], column: () => 'name' } },
  person_tags: { columns: { person_id: Id, tag_id: Id } },
  purchases: {
    columns: { id: Id, amount_cents: z.number().int().min(0).nullable(), created_at: Instant },
    api: {
      schema: PurchaseInputSchema,
      input: (r) => ({ personId: r.person_id, what: r.what, on: r.bought_on, amount: typeof r.amount_cents === 'number' ? r.amount_cents / 100 : r.amount_cents }),
      column: columnOf({ on: 'bought_on', amount: 'amount_cents' }),
    },
  },
  client_tests: {
    columns: { id: Id, created_at: Instant, ...Object.fromEntries(CLIENT_TEST_QUESTIONS.map((q) => [snake(q.key), Flag])) },
    api: {
      schema: ClientTestInputSchema,
      input: (r) => ({
        personId: r.person_id,
        on: r.answered_on,
        answers: Object.fromEntries(CLIENT_TEST_QUESTIONS.map((q) => [q.key, { yes: r[snake(q.key)] === 1, evidence: r[`${snake(q.key)}_evidence`] ?? '' }])),
      }),
      column: (path) => (path[0] === 'answers' ? `${snake(String(path[1]))}${path[2] === 'evidence' ? '_evidence' : ''}` : columnOf({ on: 'answered_on' })(path)),
    },
  },
  stage_changes: { columns: { id: Id, person_id: Id, changed_at: Instant, from_stage: z.enum(STAGES), to_stage: z.enum(STAGES), reason: text(500) } },
  needs: {
    columns: { id: Id, person_id: Id, created_at: Instant, updated_at: Instant },
    api: { schema: NeedInputSchema, input: (r) => pick(r, ['what', 'problem', 'status']), column: columnOf() },
  },
  person_links: {
    columns: { id: Id, created_at: Instant },
    api: { schema: LinkInputSchema, input: (r) => pick(r, ['person_id', 'other_id', 'kind']), column: columnOf() },
  },
  interactions: {
    columns: { id: Id, created_at: Instant, updated_at: Instant },
    api: {
      // Home visits and seminars are touches the book makes itself; a full export carries them too.
      schema: InteractionInputSchema.extend({ kind: z.enum(ALL_INTERACTION_KINDS, { message: 'Not a kind of touch.' }) }),
      input: (r) => ({ personId: r.person_id, kind: r.kind, on: r.occurred_on, note: r.note ?? undefined }),
      column: columnOf({ on: 'occurred_on' }),
    },
  },
  advocacy: {
    columns: { id: Id, created_at: Instant },
    api: {
      schema: AdvocacyInputSchema,
      input: (r) => ({ personId: r.person_id, kind: r.kind, on: r.occurred_on, note: r.note ?? undefined, referredId: r.referred_id ?? null, referredNew: null }),
      column: columnOf({ on: 'occurred_on', referredId: 'referred_id' }),
    },
  },
  seminars: {
    columns: { id: Id, starts_at: Instant, ends_at: Instant, time_zone: z.string().refine(isTimeZone, 'Not a time zone.'), archived: Flag, closed_at: Instant.nullable(), created_at: Instant, updated_at: Instant },
    api: {
      schema: SeminarInputSchema,
      // The form's day and hours are the stored instants read in the seminar's zone (checked above first).
      input: (r) => ({
        ...wallClock(String(r.starts_at), String(r.ends_at), String(r.time_zone)),
        ...pick(r, ['title', 'description', 'venue_name', 'venue_address', 'stream_url']),
        timeZone: r.time_zone,
        capacity: r.capacity === 0 ? null : r.capacity,
      }),
      column: columnOf({ date: 'starts_at', startTime: 'starts_at', endTime: 'ends_at' }),
    },
  },
  registrations: {
    columns: {
      id: Id,
      seminar_id: Id,
      person_id: Id,
      mode: z.enum(ATTENDANCE_MODES),
      source: z.enum(REGISTRATION_SOURCES),
      state: z.enum(REGISTRATION_STATES),
      checked_in_at: Instant.nullable(),
      ticket_code: text(200).min(1, 'Expected a ticket code.'),
      badge_printed_at: Instant.nullable(),
      note: text(500),
      created_at: Instant,
      updated_at: Instant,
    },
  },
  follow_ups: {
    columns: { id: Id, state: z.enum(FOLLOW_UP_STATES), snoozed_until: Day.nullable(), done_on: Day.nullable(), drop_reason: text(300), interaction_id: Id.nullable(), created_at: Instant, updated_at: Instant },
    api: { schema: FollowUpInputSchema, input: (r) => ({ ...pick(r, ['person_id', 'what', 'kind', 'due_on', 'seminar_id', 'source']) }), column: columnOf() },
  },
  occasions: {
    columns: { id: Id, created_at: Instant, updated_at: Instant },
    api: { schema: OccasionInputSchema, input: (r) => pick(r, ['kind', 'title', 'day', 'time', 'seats', 'notes']), column: columnOf() },
  },
  occasion_guests: { columns: { id: Id, occasion_id: Id, person_id: Id, state: GuestStateSchema, changed_at: Instant, interaction_id: Id.nullable(), created_at: Instant } },
  occasion_guest_changes: { columns: { id: Id, guest_id: Id, state: GuestStateSchema, changed_at: Instant } },
  trash: { columns: { id: Id, kind: z.enum(TRASH_KINDS), person_id: Id, label: text(1000), detail: text(5000), deleted_at: Instant, rows: z.string() } },
  important_dates: {
    columns: { id: Id, person_id: Id, created_at: Instant, yearly: Flag },
    api: {
      schema: ImportantDateInputSchema,
      input: (r) => ({ kind: r.kind, label: r.label, month: r.month, day: r.day, year: r.year, yearly: r.yearly === 1, remindDaysBefore: r.remind_days_before }),
      column: columnOf({ remindDaysBefore: 'remind_days_before' }),
    },
  },
  person_photos: { columns: { person_id: Id, mime: z.enum(PHOTO_MIMES), data: z.string().max(PHOTO_MAX_BASE64), on_badges: Flag, updated_at: Instant } },
  need_changes: { columns: { id: Id, need_id: Id, from_status: z.enum(NEED_STATUSES).nullable(), to_status: z.enum(NEED_STATUSES), changed_on: Day, changed_at: Instant } },
  settings: { columns: { key: text(1000).min(1), value: z.string() } },
};

// Checking ---------------------------------------------------------------------------------------

interface Problem {
  table: string;
  /** 0-based place in the table's list. */
  index: number;
  column: string;
  message: string;
}

const MAX_LISTED = 20;

class Problems {
  readonly list: Problem[] = [];
  add(table: string, index: number, column: string, message: string): void {
    if (this.list.length < MAX_LISTED) this.list.push({ table, index, column, message });
  }
  get full(): boolean {
    return this.list.length >= MAX_LISTED;
  }
}

function rowName(doc: FullExport, table: string, index: number): string {
  if (index < 0) return `the table “${table}”`;
  const id = doc.tables[table]?.[index]?.id;
  return `${table}, row ${index + 1}${typeof id === 'number' ? ` (id ${id})` : ''}`;
}

function refuse(doc: FullExport, problems: Problem[]): never {
  const [first] = problems as [Problem];
  const more = problems.length > 1 ? ` (and ${problems.length >= MAX_LISTED ? 'more' : problems.length - 1} other problem${problems.length > 2 ? 's' : ''})` : '';
  const where = first.index < 0 ? rowName(doc, first.table, first.index) : `${rowName(doc, first.table, first.index)}, ${first.column}`;
  const message = `This file cannot be imported: ${where}: ${first.message.replace(/\.$/, '')}${more}. Nothing was imported; the book is unchanged.`;
  const fields: FieldErrors = { file: message };
  for (const p of problems) fields[p.index < 0 ? p.table : `${p.table}.${p.index + 1}.${p.column}`] ??= p.message;
  throw new AppError('invalid_input', message, fields);
}

function issueOf(error: z.ZodError): { path: PropertyKey[]; message: string } {
  const issue = error.issues[0];
  return { path: issue?.path ?? [], message: issue?.message ?? 'Not a valid value.' };
}

/** Each person as the person form would send them — their row with their emails, phones and tags — through PersonInputSchema. */
function checkPeople(doc: FullExport, problems: Problems): void {
  const people = doc.tables.people ?? [];
  const byPerson = <T>(table: string, value: (r: Row) => T) => {
    const map = new Map<Cell, { index: number; position: number; value: T }[]>();
    (doc.tables[table] ?? []).forEach((r, index) => {
      let list = map.get(r.person_id ?? null);
      if (!list) map.set(r.person_id ?? null, (list = []));
      list.push({ index, position: typeof r.position === 'number' ? r.position : index, value: value(r) });
    });
    for (const list of map.values()) list.sort((a, b) => a.position - b.position);
    return map;
  };
  const emails = byPerson('person_emails', (r) => ({ label: r.label ?? undefined, address: r.address }));
  const phones = byPerson('person_phones', (r) => ({ label: r.label ?? undefined, number: r.number, kinds: typeof r.kinds === 'string' ? storedKinds(r.kinds) : undefined }));
  const tagNames = new Map((doc.tables.tags ?? []).map((t) => [t.id, t.name]));
  const tags = byPerson('person_tags', (r) => tagNames.get(r.tag_id ?? null) ?? '');
  people.forEach((row, index) => {
    if (problems.full) return;
    const own = {
      emails: emails.get(row.id ?? null) ?? [],
      phones: phones.get(row.id ?? null) ?? [],
      tags: tags.get(row.id ?? null) ?? [],
    };
    const input = {
      ...pick(row, PERSON_COLUMNS),
      address: Object.fromEntries(ADDRESS_COLUMNS.filter((c) => row[`address_${c}`] !== undefined).map((c) => [camel(c), row[`address_${c}`]])),
      emails: own.emails.map((e) => e.value),
      phones: own.phones.map((p) => p.value),
      tags: own.tags.map((t) => t.value),
    };
    const parsed = PersonInputSchema.safeParse(input);
    if (parsed.success) return;
    const { path, message } = issueOf(parsed.error);
    const [head, at, field] = path;
    const listTable = { emails: 'person_emails', phones: 'person_phones', tags: 'person_tags' }[String(head)];
    if (listTable && typeof at === 'number') {
      const entry = own[head as 'emails' | 'phones' | 'tags'][at];
      problems.add(listTable, entry?.index ?? 0, head === 'tags' ? 'tag_id' : String(field ?? head), message);
    } else if (listTable) {
      problems.add('people', index, listTable, message);
    } else {
      problems.add('people', index, columnOf()(path), message);
    }
  });
}

function checkRows(doc: FullExport, problems: Problems): void {
  for (const table of Object.keys(doc.tables)) {
    if (!(FULL_IMPORT_TABLES as readonly string[]).includes(table)) problems.add(table, -1, 'table', 'This version of Rapport keeps no such table.');
  }
  for (const table of FULL_IMPORT_TABLES) {
    const rule = RULES[table];
    if (!rule) continue;
    (doc.tables[table] ?? []).forEach((row, index) => {
      if (problems.full) return;
      for (const [column, schema] of Object.entries(rule.columns ?? {})) {
        if (row[column] === undefined) continue;
        const parsed = schema.safeParse(row[column]);
        if (!parsed.success) return problems.add(table, index, column, issueOf(parsed.error).message);
      }
      if (rule.api) {
        let input: unknown;
        try {
          input = rule.api.input(row);
        } catch {
          return problems.add(table, index, 'row', 'Its values cannot be read together.');
        }
        const parsed = rule.api.schema.safeParse(input);
        if (!parsed.success) {
          const { path, message } = issueOf(parsed.error);
          return problems.add(table, index, rule.api.column(path), message);
        }
      }
      if (table === 'settings') {
        const checked = checkSetting(String(row.key), String(row.value));
        if (!checked.ok) problems.add(table, index, 'value', checked.message);
      }
    });
  }
  checkPeople(doc, problems);
}

/** A row as it is written: columns the table has, derived ones worked out afresh. */
function prepare(table: string, row: Row, columns: Set<string>, region: PhoneRegion): Record<string, Cell> {
  const derived = new Set(RULES[table]?.derived ?? []);
  const values: Record<string, Cell> = {};
  for (const [k, v] of Object.entries(row)) if (columns.has(k) && !derived.has(k)) values[k] = v;
  if (table === 'people') {
    values.sort_key = nameSortKey({ givenName: String(row.given_name ?? ''), familyName: String(row.family_name ?? ''), displayName: String(row.display_name ?? '') });
    values.organization_key = foldText(String(row.organization ?? ''));
    // Unique for now; the importer hands out every rank afresh.
    values.search_rank = -Number(row.id);
  } else if (table === 'person_emails') {
    values.address_key = String(row.address ?? '').toLowerCase();
  } else if (table === 'person_phones') {
    values.digits = String(row.number ?? '').replace(/\D/g, '');
    // As the person form would store them: the kinds its label names are among its kinds (an export older than kinds has none).
    values.kinds = sortedKinds([...storedKinds(String(row.kinds ?? '')), ...kindsOf(String(row.label ?? ''))]).join(',');
    values.phone_key = phoneKey(String(row.number ?? ''), region);
  }
  return values;
}

export interface PreparedTable {
  table: string;
  rows: Record<string, Cell>[];
}

/** SQLite's words for a broken table rule → the column it names, where it names one. */
function columnInError(message: string): string {
  const named = /(?:UNIQUE|NOT NULL) constraint failed: [\w]+\.(\w+)/.exec(message) ?? /(?:column|value) [\w]*\.?(\w+)$/.exec(message) ?? /CHECK constraint failed: (\w+)/.exec(message);
  return named?.[1] ?? 'row';
}

/**
 * Every row into a scratch copy of the tables (in memory, same migrations, foreign keys checked at
 * the end): a table rule or reference the file breaks is named by its row, before the book is
 * touched. Returns the rows as they are to be written.
 */
function checkTableRules(doc: FullExport, problems: Problems): PreparedTable[] {
  const scratch = new Database(':memory:');
  // Phone keys in the region the book being imported chose (its settings come with it).
  const saved = (doc.tables.settings ?? []).find((r) => r.key === 'phones');
  const checked = saved ? checkSetting('phones', String(saved.value)) : null;
  const region = checked?.ok ? (checked.value as { region: PhoneRegion }).region : DEFAULT_PHONE_REGION;
  try {
    migrate(scratch);
    scratch.pragma('foreign_keys = ON');
    const prepared = FULL_IMPORT_TABLES.map((table) => {
      const columns = new Set((scratch.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
      return { table, rows: (doc.tables[table] ?? []).map((r) => prepare(table, r, columns, region)) };
    });
    const rowids = new Map<string, Map<number, number>>();
    const statements = new Map<string, Database.Statement>();
    scratch.exec('BEGIN');
    scratch.pragma('defer_foreign_keys = ON');
    for (const { table, rows } of prepared) {
      const places = new Map<number, number>();
      rowids.set(table, places);
      rows.forEach((values, index) => {
        if (problems.full) return;
        const names = Object.keys(values);
        const sql = `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`;
        try {
          let insert = statements.get(sql);
          if (!insert) statements.set(sql, (insert = scratch.prepare(sql)));
          places.set(Number(insert.run(values).lastInsertRowid), index);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          problems.add(table, index, columnInError(message), `It breaks a rule of the table (${message})`);
        }
      });
    }
    if (problems.list.length === 0) {
      const broken = scratch.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string; fkid: number }[];
      for (const b of broken.slice(0, MAX_LISTED)) {
        const keys = scratch.pragma(`foreign_key_list(${b.table})`) as { id: number; from: string; to: string | null }[];
        const key = keys.find((k) => k.id === b.fkid);
        const column = key?.from ?? 'row';
        const rows = prepared.find((p) => p.table === b.table)?.rows ?? [];
        // A table without row ids (person_tags) is searched for the row whose reference finds nothing.
        const parentHas = scratch.prepare(`SELECT 1 FROM ${b.parent} WHERE ${key?.to ?? 'id'} = ?`);
        const index = b.rowid !== null ? (rowids.get(b.table)?.get(b.rowid) ?? 0) : Math.max(0, rows.findIndex((r) => r[column] !== null && r[column] !== undefined && !parentHas.get(r[column])));
        const value = rows[index]?.[column];
        problems.add(b.table, index, column, `${value} names no row of ${b.parent}`);
      }
    }
    scratch.exec('ROLLBACK');
    return prepared;
  } finally {
    scratch.close();
  }
}

/**
 * The whole check: every row through the API's schemas, then the tables' rules and references.
 * Throws `invalid_input` naming the first bad value (table, row, field) — and up to 19 more in
 * `fields` — otherwise returns the rows to write, table by table, people first.
 */
export function checkFullExport(doc: FullExport): PreparedTable[] {
  const problems = new Problems();
  checkRows(doc, problems);
  if (problems.list.length) refuse(doc, problems.list);
  const prepared = checkTableRules(doc, problems);
  if (problems.list.length) refuse(doc, problems.list);
  return prepared;
}
