import Papa from 'papaparse';
import { PersonInputSchema, type PersonData, type PersonInput } from '../../../shared/domain/person';
import { decodeText, type ImportEncoding } from './encoding';

/**
 * Reading people from the CSV files other programs export (corpus/import/FORMATS.md §2–§6): the
 * layout is recognised from its header, columns are matched by name (never by position: every
 * exporter varies the count), and each row becomes a person or a line-numbered problem.
 */

export const CSV_FORMATS = {
  google: 'Google Contacts (older layout)',
  'google-current': 'Google Contacts',
  outlook: 'Outlook',
  linkedin: 'LinkedIn Connections',
  eventbrite: 'Eventbrite attendees',
  thunderbird: 'Thunderbird address book',
  other: 'Other CSV',
} as const;
export type CsvFormat = keyof typeof CSV_FORMATS;

export interface ImportRecord {
  /** Line in the file where the row starts (1-based, as an editor shows it). */
  line: number;
  person: PersonData;
}

export interface ImportProblem {
  line: number;
  /** What is wrong; whether the row was still imported is in the words ("left out" vs "no one to import"). */
  message: string;
}

export interface CsvPreview {
  format: CsvFormat;
  encoding: ImportEncoding;
  header: string[];
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
  return 'other';
}

/** The header is the first row naming at least two columns a contact export has (LinkedIn puts notes above it). */
const HEADER_WORDS = ['first name', 'last name', 'given name', 'family name', 'name', 'display name', 'e-mail address', 'email', 'email address', 'primary email', 'company', 'order #'];

interface Row {
  line: number;
  cells: string[];
}

function rows(text: string): { rows: Row[]; errors: ImportProblem[] } {
  const out: Row[] = [];
  const errors: ImportProblem[] = [];
  // Papa's cursor is the offset after each row; counting line breaks up to it numbers the rows.
  let offset = 0;
  let line = 1;
  const linesIn = (from: number, to: number) => {
    let n = 0;
    for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
    return n;
  };
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (result) => {
      const start = line;
      const end = result.meta.cursor;
      line += linesIn(offset, end);
      offset = end;
      for (const e of result.errors) errors.push({ line: start, message: `The row could not be read: ${e.message}.` });
      out.push({ line: start, cells: result.data });
    },
  });
  return { rows: out, errors };
}

/** Values in one cell: Google joins several with " ::: " and marks the primary one with "* ". */
const values = (cell: string | undefined) =>
  (cell ?? '')
    .split(' ::: ')
    .map((v) => v.replace(/^\*\s*/, '').trim())
    .filter(Boolean);

// Google's built-in groups say nothing about the person; the owner's own labels become tags.
const GOOGLE_SYSTEM_GROUPS = new Set(['mycontacts', 'my contacts', 'starred', 'friends', 'family', 'coworkers']);

/** What a row says about a person, read by column name. */
function personFrom(format: CsvFormat, header: string[], cells: string[]): PersonInput {
  const col = new Map<string, string>();
  header.forEach((h, i) => col.set(norm(h), (cells[i] ?? '').trim()));
  const get = (...names: string[]) => names.map((n) => col.get(n.toLowerCase()) ?? '').find(Boolean) ?? '';
  const matching = (re: RegExp) => header.map((h, i) => ({ h: norm(h), v: (cells[i] ?? '').trim() })).filter((c) => re.test(c.h) && c.v);

  const emails: { label: string; address: string }[] = [];
  for (const c of matching(/^e-mail \d+ - value$/)) {
    const label = values(col.get(c.h.replace('value', 'type')) || col.get(c.h.replace('value', 'label')))[0] ?? '';
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
    for (const address of values(col.get(name))) emails.push({ label, address });
  }
  const phones: { label: string; number: string }[] = [];
  for (const c of matching(/^phone \d+ - value$/)) {
    const label = values(col.get(c.h.replace('value', 'type')) || col.get(c.h.replace('value', 'label')))[0] ?? '';
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
    for (const number of values(col.get(name))) phones.push({ label, number });
  }
  const website = matching(/^website \d+ - value$/)[0]?.v ?? get('web page', 'website', 'web page 1');
  const groups = format === 'outlook' ? get('categories').split(';') : values(get('group membership', 'labels', 'categories'));
  const tags = groups.map((g) => g.replace(/^\*\s*/, '').trim()).filter((g) => g && !GOOGLE_SYSTEM_GROUPS.has(g.toLowerCase()));
  const notes = [get('notes')];
  if (format === 'eventbrite') {
    const heard = header.find((h) => norm(h).startsWith('how did you hear'));
    if (heard) notes.push(`${heard}: ${col.get(norm(heard)) ?? ''}`.trim());
  }
  return {
    givenName: get('given name', 'first name'),
    familyName: get('family name', 'last name'),
    displayName: format === 'google' || format === 'thunderbird' ? get('name', 'display name') : '',
    organization: get('organization 1 - name', 'organization name', 'company'),
    role: get('organization 1 - title', 'organization title', 'job title', 'position'),
    emails: dedupe(emails, (e) => e.address.toLowerCase()),
    // The same number written twice is one phone; text that is no number at all is kept to be reported.
    phones: dedupe(phones, (p) => p.number.replace(/\D/g, '') || p.number.toLowerCase()),
    address: {
      street: get('address 1 - street', 'home street', 'home address', 'home address 1'),
      city: get('address 1 - city', 'home city'),
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

function dedupe<T>(list: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const k = key(t);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const NAME_FIELDS = new Set(['givenName', 'familyName', 'displayName']);

/**
 * Validates an imported person, leaving out (with a word each) values that are not what their
 * field holds — a phone "car phone test", a website "not a url" — so the person still comes in.
 * Only a row with no name at all is not a person.
 */
function admit(raw: PersonInput, warn: (message: string) => void) {
  const person: PersonInput = { ...raw, emails: [...(raw.emails ?? [])], phones: [...(raw.phones ?? [])], address: { ...raw.address } };
  for (let attempt = 0; attempt < 50; attempt++) {
    const parsed = PersonInputSchema.safeParse(person);
    if (parsed.success) return parsed;
    const issue = parsed.error.issues[0];
    const [field, index] = issue?.path ?? [];
    if (!issue || typeof field !== 'string' || NAME_FIELDS.has(field)) return parsed;
    if ((field === 'emails' || field === 'phones') && typeof index === 'number') {
      const list = person[field] as { address?: string; number?: string }[];
      const value = list[index];
      warn(field === 'emails' ? `“${value?.address}” is not an email address; left out.` : `“${value?.number}” is not a phone number; left out.`);
      list.splice(index, 1);
    } else if (field === 'address' && typeof index === 'string') {
      warn(`The ${index} of the address is too long; left out.`);
      (person.address as Record<string, string>)[index] = '';
    } else {
      warn(`“${String((person as Record<string, unknown>)[field])}” is not a valid ${field}; left out.`);
      (person as Record<string, unknown>)[field] = field === 'tags' ? [] : '';
    }
  }
  return PersonInputSchema.safeParse(person);
}

/** Reads a CSV export: its layout and encoding, every person in it, every row that is not one, by line. */
export function readCsv(bytes: Uint8Array, encoding: ImportEncoding | null = null): CsvPreview {
  const decoded = decodeText(bytes, encoding);
  const { rows: all, errors } = rows(decoded.text);
  const headerAt = all.findIndex((r) => r.cells.filter((c) => HEADER_WORDS.includes(norm(c))).length >= 2);
  if (headerAt < 0) {
    return { format: 'other', encoding: decoded.encoding, header: [], records: [], problems: [{ line: 1, message: 'No header row naming the columns was found.' }] };
  }
  const header = (all[headerAt] as Row).cells.map((h) => h.trim());
  const format = detectFormat(header);
  const records: ImportRecord[] = [];
  const problems: ImportProblem[] = errors.filter((e) => e.line > (all[headerAt] as Row).line);
  for (const row of all.slice(headerAt + 1)) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const parsed = admit(personFrom(format, header, row.cells), (message) => problems.push({ line: row.line, message }));
    if (parsed.success) {
      records.push({ line: row.line, person: parsed.data });
      continue;
    }
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` (${first.path.join(' ')})` : '';
    const message = first?.path[0] === 'givenName' ? 'No name in this row, so no one to import.' : `${first?.message ?? 'Not a valid contact.'}${where}`;
    problems.push({ line: row.line, message });
  }
  return { format, encoding: decoded.encoding, header, records, problems: problems.sort((a, b) => a.line - b.line) };
}
