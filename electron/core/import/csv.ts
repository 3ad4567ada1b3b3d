import type { ImportedExtras } from './extras';
import Papa from 'papaparse';
import type { PersonData, PersonInput } from '../../../shared/domain/person';
import { kindsOf, labelForKinds, PHONE_KINDS, sortedKinds, type PhoneKind } from '../../../shared/domain/phone';
import { admit } from './admit';
import type { ColumnMapping, CsvFormat, ImportEncoding, MappableField } from '../../../shared/domain/import';
import { googleValues, listIn } from './cell-values';
import { csvShape } from './csv-shape';
import { decodeText, decodeValue, detect, view } from './encoding';
import { fieldOfHeader, PHONE_FIELD_KINDS, suggestMapping } from './header-words';
import type { PlatformTicket } from '../../../shared/domain/ticket';
import { ticketColumns, ticketOf } from './ticket-columns';
import { IMPORT_LIMITS, checkFileSize, tooManyRecords } from './limits';
import { splitValues } from '../export/multi-value';
import { unreadableWords } from './unreadable';

/**
 * Reading people from the CSV files other programs export (corpus/import/FORMATS.md §2–§6): the
 * layout is recognised from its header, columns are matched by name (never by position: every
 * exporter varies the count), and each row becomes a person or a line-numbered problem.
 */

export interface ImportRecord {
  /** Line in the file where the row starts (1-based, as an editor shows it). */
  line: number;
  person: PersonData;
  /** An attendee report's ticket for this row: platform identifiers, ticket type, answers. */
  ticket?: PlatformTicket;
  /** Important dates and a photo the file gave (vCard BDAY, ANNIVERSARY, PHOTO). */
  extras?: ImportedExtras;
}

export interface ImportProblem {
  line: number;
  /** What is wrong; whether the row was still imported is in the words ("left out" vs "no one to import"). */
  message: string;
}

interface MappedColumn {
  index: number;
  field: MappableField;
  /** For an email or phone column: the label its name gives ("Email (work)" → Work) and, for a phone, its kinds. */
  label: string;
  kinds: PhoneKind[];
}

/** A mapping's columns worked out once per file, not once per row. */
const mappedColumns = new WeakMap<ColumnMapping, Map<string[], MappedColumn[]>>();

function columnsOfMapping(header: string[], mapping: ColumnMapping): MappedColumn[] {
  let byHeader = mappedColumns.get(mapping);
  if (!byHeader) mappedColumns.set(mapping, (byHeader = new Map()));
  let columns = byHeader.get(header);
  if (!columns) {
    columns = header.flatMap((h, index) => {
      const chosen = Object.hasOwn(mapping, h) ? mapping[h] : undefined;
      if (!chosen) return [];
      // "Fax", "Mobile phone"… are phones of that kind, with whatever else the column's name says.
      const phoneKinds = PHONE_FIELD_KINDS[chosen];
      const field: MappableField = phoneKinds ? 'phone' : chosen;
      const kinds = phoneKinds ? sortedKinds([...kindsOf(h), ...phoneKinds]) : field === 'email' ? kindsOf(h) : [];
      const label = field === 'email' ? labelForKinds(kinds.filter((k) => k === 'home' || k === 'work' || k === 'other')) : labelForKinds(kinds);
      return [{ index, field, label, kinds: field === 'phone' ? kinds : [] }];
    });
    byHeader.set(header, columns);
  }
  return columns;
}

/** A row of a CSV of no known layout, read as its mapping says. */
function personFromMapping(header: string[], cells: string[], mapping: ColumnMapping): PersonInput {
  const one: Partial<Record<MappableField, string>> = {};
  const emails: { label: string; address: string }[] = [];
  const phones: { label: string; number: string; kinds: PhoneKind[] }[] = [];
  const tags: string[] = [];
  for (const c of columnsOfMapping(header, mapping)) {
    const value = (cells[c.index] ?? '').trim();
    if (!value) continue;
    if (c.field === 'email') for (const address of listIn(value, 'email')) emails.push({ label: c.label, address });
    else if (c.field === 'phone') for (const number of listIn(value, 'phone')) phones.push({ label: c.label, number, kinds: c.kinds });
    else if (c.field === 'tags') tags.push(...listIn(value, 'tags'));
    else if (c.field === 'notes' && one.notes) one.notes = `${one.notes}\n${value}`;
    else if (c.field === 'street' && one.street) one.street = `${one.street}\n${value}`;
    else if (!one[c.field]) one[c.field] = value;
  }
  return {
    givenName: one.givenName ?? '',
    familyName: one.familyName ?? '',
    displayName: one.fullName ?? '',
    organization: one.organization ?? '',
    role: one.role ?? '',
    emails: dedupe(emails, (e) => e.address.toLowerCase()),
    phones: dedupe(phones, (p) => p.number.replace(/\D/g, '') || p.number.toLowerCase()),
    address: { street: one.street ?? '', city: one.city ?? '', region: one.region ?? '', postalCode: one.postalCode ?? '', country: one.country ?? '' },
    website: one.website ?? '',
    linkedin: one.linkedin ?? '',
    tags,
    notes: one.notes ?? '',
  };
}

export interface CsvPreview {
  format: CsvFormat;
  encoding: ImportEncoding;
  header: string[];
  /** For an unknown layout: how its columns are read (as given, or as suggested). */
  mapping: ColumnMapping | null;
  /** Whether the first row names the columns; a file without such a row has columns "Column 1", "Column 2"… */
  headerRow: boolean;
  /** The first few values of each column. */
  samples: string[][];
  records: ImportRecord[];
  problems: ImportProblem[];
}

const norm = (h: string) => h.trim().toLowerCase();
const has = (headers: Set<string>, ...names: string[]) => names.every((n) => headers.has(n.toLowerCase()));

function detectFormat(header: string[]): CsvFormat {
  const h = new Set(header.map(norm));
  if (has(h, 'given name', 'family name', 'display name', 'emails', 'phones')) return 'rapport';
  if (has(h, 'email address', 'tags') && (h.has('member_rating') || h.has('leid') || h.has('euid') || h.has('optin_time'))) return 'mailchimp';
  if (has(h, 'order #', 'attendee status')) return 'eventbrite';
  if (has(h, 'first name', 'last name', 'connected on')) return 'linkedin';
  if (has(h, 'given name', 'family name') && (h.has('group membership') || h.has('e-mail 1 - value'))) return 'google';
  if (has(h, 'first name', 'labels', 'file as')) return 'google-current';
  if (has(h, 'first name', 'last name', 'e-mail address')) return 'outlook';
  if (has(h, 'first name', 'last name', 'display name', 'primary email')) return 'thunderbird';
  if (has(h, 'attended', 'user name (original name)', 'email')) return 'zoom-attendees';
  if (has(h, 'name (original name)', 'user email')) return 'zoom-participants';
  if (has(h, 'first name', 'last name', 'email', 'registration time')) return 'zoom-registrants';
  if (has(h, 'name', 'user id') && (h.has('rsvp') || h.has('url of member profile'))) return 'meetup';
  return 'other';
}

/** Column names of the known layouts that no field's words cover. */
const LAYOUT_WORDS = new Set([
  'order #',
  'name (original name)',
  'user name (original name)',
  'user email',
  'user id',
  'url of member profile',
  'attended',
  'e-mail 2 address',
  'e-mail 3 address',
  'connected on',
  'e-mail 1 - value',
  'phone 1 - value',
]);

/** The header is the first row naming at least two columns a contact export has (LinkedIn puts notes above it). */
function isHeader(cells: string[]): boolean {
  let named = 0;
  for (const c of cells) if ((LAYOUT_WORDS.has(norm(c)) || looksLikeName(c)) && ++named >= 2) return true;
  return false;
}

/** A cell short enough to be a column's name, with no data in it, naming a field. */
const looksLikeName = (c: string) => c.length <= 60 && !c.includes('@') && !/\d{5}/.test(c) && c.trim().split(/\s+/).length <= 5 && fieldOfHeader(c) !== null;

/** How far down a header row is looked for: past LinkedIn's notes and a Zoom report's summary, not into the people. */
const HEADER_SEARCH_ROWS = 50;

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_LIKE = /^\+?[\d\s().\-/]{7,}$/;
const looksLikeData = (v: string) => EMAIL_LIKE.test(v.trim()) || PHONE_LIKE.test(v.trim()) || /^https?:\/\//i.test(v.trim());

/**
 * A first row in words no list knows (another language, a home-made sheet) is still a header when
 * none of its cells looks like data while the rows below hold emails, phones or links in the same columns.
 */
function namesItsColumns(first: string[], below: string[][]): boolean {
  if (first.some((c) => looksLikeData(c)) || first.every((c) => !c.trim())) return false;
  return first.some((_, i) => below.some((r) => looksLikeData(r[i] ?? '')));
}

interface Row {
  line: number;
  cells: string[];
}

/**
 * Papaparse turns `""` into `"` with a global replace by a plain string, which V8 returns as a rope
 * of one piece per quote: a field of doubled quotes held 20 times its size in memory. Joined again,
 * it is one flat string.
 */
const flat = (cell: string) => (cell.includes('"') ? cell.split('"').join('"') : cell);

/** The rows of a CSV that are not blank, each with its line; every row that could not be read or breaks a limit, by line. */
function rows(text: string): { rows: Row[]; errors: ImportProblem[]; limit: ImportProblem | null } {
  const out: Row[] = [];
  const errors: ImportProblem[] = [];
  const shape = csvShape(text);
  const readable = shape.cut === null ? text : text.slice(0, shape.cut);
  // Papa's cursor is the offset after each row; counting line breaks up to it numbers the rows.
  let offset = 0;
  let line = 1;
  let records = 0;
  const linesIn = (from: number, to: number) => {
    let n = 0;
    for (let i = from; i < to; i++) if (readable.charCodeAt(i) === 10) n++;
    return n;
  };
  const step = (raw: string[], rowErrors: Papa.ParseError[], end: number) => {
    const cells = raw.map(flat);
    const start = line;
    line += linesIn(offset, end);
    offset = end;
    // A malformed row can carry one error per stray quote: each different word once.
    if (rowErrors.length) for (const message of new Set(rowErrors.map((e) => e.message))) errors.push({ line: start, message: `The row could not be read: ${message}.` });
    // A blank row holds no one: it is not kept (a file of a million blank lines costs no memory).
    if (cells.length === 1 && (cells[0] as string).trim() === '') return;
    if (cells.every((c) => c.trim() === '')) return;
    if (++records > IMPORT_LIMITS.records) throw tooManyRecords();
    out.push({ line: start, cells });
  };
  if (shape.delimiter) {
    // Delimiter and line break known: papaparse's own row parser, without the wrapper that costs several times more per row.
    // Its step gets the row inside a list of one, where papaparse's wrapper hands it over bare.
    const parser = new Papa.Parser({
      delimiter: shape.delimiter,
      newline: shape.newline as '\r\n',
      step: (r: { data: string[][]; errors: Papa.ParseError[]; meta: Papa.ParseMeta }) => step(r.data[0] ?? [], r.errors, r.meta.cursor),
    });
    parser.parse(readable, 0, false);
  } else {
    Papa.parse<string[]>(readable, { skipEmptyLines: false, step: (r) => step(r.data, r.errors, r.meta.cursor) });
  }
  if (shape.problem) errors.push(shape.problem);
  return { rows: out, errors, limit: shape.problem };
}

/** Values in one cell: Google joins several with " ::: " and marks the primary one with "* ". */
const values = googleValues;

/** "Ann Lee (Ann L.)" → "Ann Lee". Bounded: on a long run of " (" the open pattern `\s+\([^)]*\)$` backtracks quadratically. */
const ZOOM_ORIGINAL_NAME = /\s{1,20}\([^)]{0,300}\)$/;

const SINGLE_NAME_FORMATS = new Set<CsvFormat>(['google', 'thunderbird', 'zoom-attendees', 'zoom-participants', 'meetup', 'other']);

// Google's built-in groups say nothing about the person; the owner's own labels become tags.
const GOOGLE_SYSTEM_GROUPS = new Set(['mycontacts', 'my contacts', 'starred', 'friends', 'family', 'coworkers']);

interface Columns {
  normalized: string[];
  index: Map<string, number>;
  /** Eventbrite's "How did you hear about this event?" column, as headed. */
  heard: string | undefined;
  /** The columns whose names match a pattern ("e-mail 2 - value"…). */
  matching(re: RegExp): number[];
}

/** A file's columns looked up once, not once per row (a big export has 100,000 rows of up to 81 columns). */
const columnsCache = new WeakMap<string[], Columns>();

function columnsOf(header: string[]): Columns {
  const cached = columnsCache.get(header);
  if (cached) return cached;
  const normalized = header.map(norm);
  const index = new Map<string, number>();
  normalized.forEach((h, i) => index.set(h, i));
  const patterns = new Map<RegExp, number[]>();
  const columns: Columns = {
    normalized,
    index,
    heard: header.find((h) => norm(h).startsWith('how did you hear')),
    matching(re) {
      let found = patterns.get(re);
      if (!found) {
        found = normalized.flatMap((h, i) => (re.test(h) ? [i] : []));
        patterns.set(re, found);
      }
      return found;
    },
  };
  columnsCache.set(header, columns);
  return columns;
}

const EMAIL_VALUE = /^e-mail \d+ - value$/;
const PHONE_VALUE = /^phone \d+ - value$/;
const WEBSITE_VALUE = /^website \d+ - value$/;

/** What a row says about a person, read by column name. `read` collects every column name looked up. */
function personFrom(format: CsvFormat, header: string[], cells: string[], read?: Set<string>): PersonInput {
  const columns = columnsOf(header);
  const cell = (name: string) => {
    read?.add(name);
    const i = columns.index.get(name);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const get = (...names: string[]) => {
    for (const n of names) {
      const v = cell(n);
      if (v) return v;
    }
    return '';
  };
  const matching = (re: RegExp) =>
    columns
      .matching(re)
      .map((i) => (read?.add(columns.normalized[i] as string), i))
      .map((i) => ({ h: columns.normalized[i] as string, v: (cells[i] ?? '').trim() }))
      .filter((c) => c.v);

  const emails: { label: string; address: string }[] = [];
  for (const c of matching(EMAIL_VALUE)) {
    const label = values(cell(c.h.replace('value', 'type')) || cell(c.h.replace('value', 'label')))[0] ?? '';
    for (const address of values(c.v)) emails.push({ label, address });
  }
  for (const [name, label] of [
    ['e-mail address', ''],
    ['e-mail 2 address', ''],
    ['e-mail 3 address', ''],
    ['email address', ''],
    ['email', ''],
    ['primary email', ''],
    ['secondary email', ''],
  ] as const) {
    for (const address of values(cell(name))) emails.push({ label, address });
  }
  for (const address of values(cell('user email'))) emails.push({ label: '', address });
  for (const address of values(cell('email address'))) if (format === 'mailchimp') emails.push({ label: '', address });
  const phones: { label: string; number: string }[] = [];
  for (const c of matching(PHONE_VALUE)) {
    const label = values(cell(c.h.replace('value', 'type')) || cell(c.h.replace('value', 'label')))[0] ?? '';
    for (const number of values(c.v)) phones.push({ label, number });
  }
  for (const [name, label] of [
    ['mobile phone', 'Mobile'],
    ['mobile number', 'Mobile'],
    ['cell phone', 'Mobile'],
    ['business phone', 'Work'],
    ['work phone', 'Work'],
    ['home phone', 'Home'],
    ['primary phone', ''],
    ['other phone', 'Other'],
    ['business fax', 'Work fax'],
    ['home fax', 'Home fax'],
    ['other fax', 'Other fax'],
    ['pager', 'Pager'],
    ['car phone', 'Mobile'],
    // Zoom's registration question and Mailchimp's field.
    ['phone', ''],
    ['phone number', ''],
  ] as const) {
    for (const number of values(cell(name))) phones.push({ label, number });
  }
  const website = matching(WEBSITE_VALUE)[0]?.v ?? get('web page', 'website', 'web page 1', 'url of member profile');
  const groups = format === 'outlook' ? get('categories').split(';') : format === 'mailchimp' ? listIn(get('tags'), 'tags') : values(get('group membership', 'labels', 'categories'));
  const tags = groups.map((g) => g.replace(/^\*\s*/, '').trim()).filter((g) => g && !GOOGLE_SYSTEM_GROUPS.has(g.toLowerCase()));
  const notes = [get('notes')];
  if (format === 'eventbrite') {
    const heard = columns.heard;
    if (heard) notes.push(`${heard}: ${cell(norm(heard))}`.trim());
  }
  return {
    givenName: get('given name', 'first name'),
    familyName: get('family name', 'last name'),
    // Zoom writes "Name (Original Name)": the name shown in the meeting, then the account's own in brackets.
    displayName: SINGLE_NAME_FORMATS.has(format) ? get('name', 'display name', 'user name (original name)', 'name (original name)').replace(ZOOM_ORIGINAL_NAME, '') : '',
    organization: get('organization 1 - name', 'organization name', 'company', 'organization'),
    role: get('organization 1 - title', 'organization title', 'job title', 'position'),
    emails: dedupe(emails, (e) => e.address.toLowerCase()),
    // The same number written twice is one phone; text that is no number at all is kept to be reported.
    phones: dedupe(phones, (p) => p.number.replace(/\D/g, '') || p.number.toLowerCase()),
    address: {
      // Eventbrite's checkout asks for two street lines; Zoom's registration for one "Address".
      street: [get('address 1 - street', 'home street', 'home address', 'home address 1', ...(format === 'mailchimp' ? [] : ['address'])), get('home address 2')].filter(Boolean).join('\n'),
      city: get('address 1 - city', 'home city', 'city', ...(format === 'meetup' ? ['location'] : [])),
      region: get('address 1 - region', 'home state', 'state/province'),
      postalCode: get('address 1 - postal code', 'home postal code', 'home zipcode', 'home zip', 'zip/postal code'),
      country: get('address 1 - country', 'home country', 'home country/region', 'country/region', 'country/region name'),
    },
    website: /^https?:\/\/([^/]*\.)?linkedin\.com\//i.test(website) ? '' : website,
    linkedin: format === 'linkedin' ? get('url') : '',
    tags,
    notes: notes.filter((n) => n && !n.endsWith(':')).join('\n'),
    howWeMet: format === 'linkedin' && get('connected on') ? `LinkedIn connection since ${get('connected on')}` : '',
  };
}

/** The columns a layout reads into the person's fields (looked up with every cell empty, so every name is tried). */
function takenColumns(format: CsvFormat, header: string[]): Set<number> {
  const names = new Set<string>();
  personFrom(format, header, [], names);
  return new Set(header.flatMap((h, i) => (names.has(norm(h)) ? [i] : [])));
}

function dedupe<T>(list: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const k = key(t);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const KIND_SET = new Set<string>(PHONE_KINDS);

/**
 * A row of Rapport's own people CSV (services/exports.ts): lists joined by "; " with escapes, the
 * labels and kinds of each email and phone in their own columns, in the same order.
 */
function personFromRapport(header: string[], cells: string[]): PersonInput {
  const columns = columnsOf(header);
  // The writer's guard against formulas (export/csv.ts) is taken off again: a ' before = + - @ TAB or CR.
  const cell = (name: string) => {
    const i = columns.index.get(name);
    return i === undefined ? '' : (cells[i] ?? '').replace(/^'(?=[=+\-@\t\r])/, '').trim();
  };
  const emailLabels = splitValues(cell('email labels'), true);
  const phoneLabels = splitValues(cell('phone labels'), true);
  const phoneKinds = splitValues(cell('phone kinds'), true);
  return {
    givenName: cell('given name'),
    familyName: cell('family name'),
    displayName: cell('display name'),
    organization: cell('organization'),
    role: cell('role'),
    emails: splitValues(cell('emails')).map((address, i) => ({ label: emailLabels[i] ?? '', address })),
    phones: splitValues(cell('phones')).map((number, i) => ({
      label: phoneLabels[i] ?? '',
      number,
      kinds: sortedKinds((phoneKinds[i] ?? '').split(/[\s,]+/).filter((k): k is PhoneKind => KIND_SET.has(k))),
    })),
    address: { street: cell('street'), city: cell('city'), region: cell('region'), postalCode: cell('postal code'), country: cell('country') },
    website: cell('website'),
    linkedin: cell('linkedin'),
    tags: splitValues(cell('tags')),
    introduceAs: cell('introduce as'),
    howWeMet: cell('how we met'),
    desiredResults: cell('desired results'),
    theirWork: cell('their work'),
    boundaries: cell('boundaries'),
    notes: cell('notes'),
  };
}

/** Each field of a person that holds a character no encoding could read, with its words for the problem. */
function unreadableValues(p: PersonInput): [string, string][] {
  const found: [string, string][] = [];
  const check = (what: string, v: string | undefined) => {
    if (v?.includes('\ufffd')) found.push([what, v]);
  };
  for (const [k, v] of Object.entries(p)) if (typeof v === 'string') check(`The ${k.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`, v);
  for (const [k, v] of Object.entries(p.address ?? {})) check(`The ${k}`, v);
  for (const e of p.emails ?? []) check('An email address', e.address);
  for (const ph of p.phones ?? []) check('A phone number', ph.number);
  for (const t of p.tags ?? []) check('A tag', t);
  return found;
}

/** How the columns of an unknown layout are read, once its header is known (null: as suggested). `named`: the header is the file's own row. */
export type MappingFor = (header: string[], named: boolean) => ColumnMapping | null;

/** Values shown for each column in the mapping step, and read to suggest it. */
const SAMPLE_ROWS = 50;
const SAMPLES = 3;

function samplesOf(width: number, data: Row[]): string[][] {
  const samples: string[][] = Array.from({ length: width }, () => []);
  for (const row of data.slice(0, SAMPLE_ROWS)) {
    row.cells.forEach((c, i) => {
      const v = c.trim();
      const list = samples[i];
      if (v && list && list.length < SAMPLES) list.push(v.length > 60 ? `${v.slice(0, 60)}…` : v);
    });
  }
  return samples;
}

/** Reads a CSV export: its layout and encoding, every person in it, every row that is not one, by line. */
export function readCsv(bytes: Uint8Array, encoding: ImportEncoding | null = null, mappingFor: MappingFor = () => null, headerRow: boolean | null = null): CsvPreview {
  checkFileSize(bytes);
  const found = detect(bytes);
  // A file that is not UTF-8 throughout is read byte for byte, and each field decoded on its own.
  const byBytes = encoding === null && found.mixed;
  const text = byBytes ? view(bytes.subarray(found.bom)).toString('latin1') : decodeText(bytes, encoding).text;
  const { rows: read, errors, limit } = rows(text);
  let usedLegacy = false;
  const all = byBytes
    ? read.map((r) => ({
        line: r.line,
        cells: r.cells.map((c) => {
          // eslint-disable-next-line no-control-regex
          if (!/[^\x00-\x7f]/.test(c)) return c;
          const value = decodeValue(view(Buffer.from(c, 'latin1')), found.legacy);
          if (value.encoding !== 'utf-8') usedLegacy = true;
          return value.text;
        }),
      }))
    : read;
  const fileEncoding: ImportEncoding = encoding ?? (byBytes ? (usedLegacy ? found.legacy : 'utf-8') : found.encoding);
  // A Zoom webinar report has host and panelist sections before the attendees' own table.
  const attendeeSection = all.findIndex((r) => norm(r.cells[0] ?? '') === 'attendee details');
  let headerAt = attendeeSection >= 0 ? attendeeSection + 1 : all.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => isHeader(r.cells));
  if (headerAt >= all.length) headerAt = -1;
  // No row names the columns in words Rapport knows: the first row may still (another language), or there is no header at all.
  if (headerAt < 0 && all.length && (headerRow === true || (headerRow === null && namesItsColumns((all[0] as Row).cells, all.slice(1, SAMPLE_ROWS).map((r) => r.cells))))) headerAt = 0;
  if (headerRow === false && headerAt >= 0 && attendeeSection < 0) {
    const named = detectFormat((all[headerAt] as Row).cells.map((h) => h.trim()));
    if (named === 'other') headerAt = -1;
  }
  const named = headerAt >= 0;
  const headerLine = named ? (all[headerAt] as Row).line : 0;
  const data = named ? all.slice(headerAt + 1) : all;
  const width = named ? (all[headerAt] as Row).cells.length : Math.max(0, ...data.slice(0, SAMPLE_ROWS).map((r) => r.cells.length));
  const header = named ? (all[headerAt] as Row).cells.map((h) => h.trim()) : Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  const format = named ? detectFormat(header) : 'other';
  const samples = samplesOf(header.length, data);
  const mapping = format === 'other' ? (mappingFor(header, named) ?? suggestMapping(header, samples, named)) : null;
  const tickets = mapping ? null : ticketColumns(format, header, takenColumns(format, header));
  const records: ImportRecord[] = [];
  const problems: ImportProblem[] = errors.filter((e) => e.line > headerLine);
  if (limit && !problems.includes(limit)) problems.push(limit);
  if (!data.length && !limit) problems.push({ line: 1, message: named ? 'There are no rows below the column names.' : 'This file has no rows.' });
  for (const row of data) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const raw = mapping ? personFromMapping(header, row.cells, mapping) : format === 'rapport' ? personFromRapport(header, row.cells) : personFrom(format, header, row.cells);
    // Only a row that holds a replacement character can hand one to a value.
    if (row.cells.some((c) => c.includes('\ufffd'))) for (const [what, value] of unreadableValues(raw)) problems.push({ line: row.line, message: unreadableWords(what, value) });
    const parsed = admit(raw, (message) => problems.push({ line: row.line, message }));
    if (parsed.success) {
      const ticket = tickets ? ticketOf(tickets, row.cells) : null;
      records.push(ticket ? { line: row.line, person: parsed.data, ticket } : { line: row.line, person: parsed.data });
      continue;
    }
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` (${first.path.join(' ')})` : '';
    const message = first?.path[0] === 'givenName' ? 'No name in this row, so no one to import.' : `${first?.message ?? 'Not a valid contact.'}${where}`;
    problems.push({ line: row.line, message });
  }
  return { format, encoding: fileEncoding, header, mapping, headerRow: named, samples, records, problems: problems.sort((a, b) => a.line - b.line) };
}
