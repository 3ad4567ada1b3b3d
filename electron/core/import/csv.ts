import type { ImportedExtras } from './extras';
import Papa from 'papaparse';
import type { PersonData, PersonInput } from '../../../shared/domain/person';
import { admit } from './admit';
import type { ColumnMapping, CsvFormat, ImportEncoding, MappableField } from '../../../shared/domain/import';
import { csvShape } from './csv-shape';
import { decodeText } from './encoding';
import type { PlatformTicket } from '../../../shared/domain/ticket';
import { ticketColumns, ticketOf } from './ticket-columns';
import { IMPORT_LIMITS, checkFileSize, tooManyRecords } from './limits';

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

/** The header each field is read under, and the names other files give it (for the suggested mapping). */
const FIELD_COLUMNS: Record<MappableField, string[]> = {
  givenName: ['first name', 'given name', 'firstname', 'first', 'vorname', 'prénom'],
  familyName: ['last name', 'family name', 'surname', 'lastname', 'last', 'nachname', 'nom'],
  fullName: ['name', 'full name', 'display name', 'contact', 'contact name', 'attendee', 'attendee name'],
  organization: ['company', 'organization', 'organisation', 'organization name', 'employer', 'firma', 'société'],
  role: ['job title', 'title', 'position', 'role', 'occupation'],
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'mail', 'primary email', 'work email', 'home email'],
  phone: ['primary phone', 'phone', 'phone number', 'mobile', 'mobile phone', 'cell', 'telephone', 'tel', 'work phone', 'home phone'],
  website: ['website', 'web page', 'url', 'homepage', 'web site'],
  city: ['home city', 'city', 'town', 'location'],
  country: ['home country', 'country', 'country/region'],
  tags: ['categories', 'tags', 'labels', 'groups', 'group'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks'],
};
const MULTI_VALUED = new Set<MappableField>(['email', 'phone', 'tags']);

/** The mapping a person would most likely choose for these columns. */
export function suggestMapping(header: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<MappableField>();
  for (const h of header) {
    const field = (Object.keys(FIELD_COLUMNS) as MappableField[]).find((f) => FIELD_COLUMNS[f].includes(norm(h)) && (MULTI_VALUED.has(f) || !taken.has(f)));
    if (field && h.trim()) {
      mapping[h] = field;
      taken.add(field);
    }
  }
  return mapping;
}

/** The header `personFrom` reads a mapped file under: every mapped field, in a stable order (one array per mapping). */
const mappedHeaders = new WeakMap<ColumnMapping, { fields: MappableField[]; header: string[] }>();

/** Rewrites a row of an unknown CSV under the column names `personFrom` reads, as the mapping says. */
function mapped(header: string[], cells: string[], mapping: ColumnMapping): { header: string[]; cells: string[] } {
  let target = mappedHeaders.get(mapping);
  if (!target) {
    const fields = [...new Set(Object.values(mapping))];
    target = { fields, header: fields.map((f) => FIELD_COLUMNS[f][0] as string) };
    mappedHeaders.set(mapping, target);
  }
  const byField = new Map<MappableField, string[]>();
  // By the row's own cells: a short row costs its length, not the header's.
  cells.forEach((cell, i) => {
    const h = header[i];
    const field = h === undefined || !Object.hasOwn(mapping, h) ? undefined : mapping[h];
    const value = cell.trim();
    if (!field || !value) return;
    let list = byField.get(field);
    if (!list) byField.set(field, (list = []));
    list.push(value);
  });
  return {
    header: target.header,
    cells: target.fields.map((f) => {
      const list = byField.get(f) ?? [];
      return MULTI_VALUED.has(f) ? list.join(' ::: ') : (list[0] ?? '');
    }),
  };
}

export interface CsvPreview {
  format: CsvFormat;
  encoding: ImportEncoding;
  header: string[];
  /** For an unknown layout: how its columns are read (as given, or as suggested). */
  mapping: ColumnMapping | null;
  records: ImportRecord[];
  problems: ImportProblem[];
}

const norm = (h: string) => h.trim().toLowerCase();
const has = (headers: Set<string>, ...names: string[]) => names.every((n) => headers.has(n.toLowerCase()));

function detectFormat(header: string[]): CsvFormat {
  const h = new Set(header.map(norm));
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

/** The header is the first row naming at least two columns a contact export has (LinkedIn puts notes above it). */
const HEADER_WORDS = new Set([
    ...Object.values(FIELD_COLUMNS).flat(),
    'order #',
    'name (original name)',
    'user name (original name)',
    'user email',
    'user id',
    'url of member profile',
  'attended',
]);

/** At least two cells name columns a contact export has (stops counting at two). */
function isHeader(cells: string[]): boolean {
  let named = 0;
  for (const c of cells) if (HEADER_WORDS.has(norm(c)) && ++named >= 2) return true;
  return false;
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
const values = (cell: string | undefined) =>
  (cell ?? '')
    .split(' ::: ')
    .map((v) => v.replace(/^\*\s*/, '').trim())
    .filter(Boolean);

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
  ] as const) {
    for (const number of values(cell(name))) phones.push({ label, number });
  }
  const website = matching(WEBSITE_VALUE)[0]?.v ?? get('web page', 'website', 'web page 1', 'url of member profile');
  const groups = format === 'outlook' ? get('categories').split(';') : values(get('group membership', 'labels', 'categories'));
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
    organization: get('organization 1 - name', 'organization name', 'company'),
    role: get('organization 1 - title', 'organization title', 'job title', 'position'),
    emails: dedupe(emails, (e) => e.address.toLowerCase()),
    // The same number written twice is one phone; text that is no number at all is kept to be reported.
    phones: dedupe(phones, (p) => p.number.replace(/\D/g, '') || p.number.toLowerCase()),
    address: {
      street: get('address 1 - street', 'home street', 'home address', 'home address 1'),
      city: get('address 1 - city', 'home city', ...(format === 'meetup' ? ['location'] : [])),
      region: get('address 1 - region', 'home state'),
      postalCode: get('address 1 - postal code', 'home postal code', 'home zipcode', 'home zip'),
      country: get('address 1 - country', 'home country', 'home country/region'),
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

/** Reads a CSV export: its layout and encoding, every person in it, every row that is not one, by line. */
/** How the columns of an unknown layout are read, once its header is known (null: as suggested). */
export type MappingFor = (header: string[]) => ColumnMapping | null;

export function readCsv(bytes: Uint8Array, encoding: ImportEncoding | null = null, mappingFor: MappingFor = () => null): CsvPreview {
  checkFileSize(bytes);
  const decoded = decodeText(bytes, encoding);
  const { rows: all, errors, limit } = rows(decoded.text);
  // A Zoom webinar report has host and panelist sections before the attendees' own table.
  const attendeeSection = all.findIndex((r) => norm(r.cells[0] ?? '') === 'attendee details');
  const headerAt =
    attendeeSection >= 0 ? attendeeSection + 1 : all.findIndex((r) => isHeader(r.cells));
  if (headerAt < 0 || headerAt >= all.length) {
    const noHeader = { line: 1, message: 'No header row naming the columns was found.' };
    return { format: 'other', encoding: decoded.encoding, header: [], mapping: null, records: [], problems: limit ? [noHeader, limit].sort((a, b) => a.line - b.line) : [noHeader] };
  }
  const header = (all[headerAt] as Row).cells.map((h) => h.trim());
  const format = detectFormat(header);
  const mapping = format === 'other' ? (mappingFor(header) ?? suggestMapping(header)) : null;
  const tickets = mapping ? null : ticketColumns(format, header, takenColumns(format, header));
  const records: ImportRecord[] = [];
  const problems: ImportProblem[] = errors.filter((e) => e.line > (all[headerAt] as Row).line);
  for (const row of all.slice(headerAt + 1)) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const read = mapping ? mapped(header, row.cells, mapping) : { header, cells: row.cells };
    const parsed = admit(personFrom(format, read.header, read.cells), (message) => problems.push({ line: row.line, message }));
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
  return { format, encoding: decoded.encoding, header, mapping, records, problems: problems.sort((a, b) => a.line - b.line) };
}
