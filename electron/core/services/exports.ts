import ICAL from 'ical.js';
import type { Person } from '../../../shared/domain/person';
import type { CoreContext } from '../context';
import { LATEST_VERSION } from '../db/migrations/index';
import { stmt } from '../db/statements';
import { writeCsv } from '../export/csv';
import { joinValues } from '../export/multi-value';
import { contentText, contentUri, foldContentLines } from '../export/content-lines';
import { getPerson } from './people';
import { today } from './standing';
import { RAPPORT_PROPERTIES } from '../export/rapport-properties';
import { kindsLabel, sortedKinds, type PhoneKind } from '../../../shared/domain/phone';

/**
 * Getting the book out: vCard 4.0 (any address book), CSV (any spreadsheet) and the full export
 * (everything, as documented JSON). Home addresses and family links are personal: they go out
 * only when the owner asks for them on that export.
 */

export interface ExportOptions {
  personIds: number[] | null;
  tag?: string | null;
  includePersonal: boolean;
}

export interface ExportFile {
  filename: string;
  content: string;
  count: number;
}

function chosenIds(ctx: CoreContext, personIds: number[] | null, tag: string | null): number[] {
  const rows = stmt<[{ ids: string | null; tag: string | null }], { id: number }>(
    ctx.db,
    `SELECT id FROM people
     WHERE (:ids IS NULL OR id IN (SELECT value FROM json_each(:ids)))
       AND (:tag IS NULL OR id IN (SELECT pt.person_id FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = :tag))
     ORDER BY sort_key, id`,
  ).all({ ids: personIds === null ? null : JSON.stringify(personIds), tag });
  return rows.map((r) => r.id);
}

/** vCard's registered TYPE words for an email label; other labels are not standard types and are left out. */
const VCARD_TYPES: Record<string, string> = { work: 'work', home: 'home', personal: 'home', mobile: 'cell', cell: 'cell', fax: 'fax', pager: 'pager' };
const typeOf = (label: string): string | undefined => VCARD_TYPES[label.trim().toLowerCase()];
/** The label a reader (Rapport's among them) makes of an email's TYPE when no label of its own comes with it. */
const EMAIL_LABEL_OF_TYPE: Record<string, string> = { work: 'Work', home: 'Home', cell: 'Mobile', fax: 'Fax', pager: 'Pager' };

/** A phone's kinds as vCard TYPE values (RFC 6350 §6.4.1): a mobile is a "cell"; "other" is an IANA-style token readers keep. */
const telTypes = (kinds: readonly PhoneKind[]) => sortedKinds(kinds).map((k) => (k === 'mobile' ? 'cell' : k));

/** Properties whose values are URIs, which have no escapes: nothing but the address may stay in them. */
const URI_PROPERTIES = new Set(['url', 'uid']);

function vcardOf(p: Person, includePersonal: boolean): ICAL.Component {
  const card = new ICAL.Component(['vcard', [], []]);
  let groups = 0;
  // Structured values (N, ORG, ADR) are arrays of parts; CATEGORIES is a list of values.
  // Every value passes contentText (or contentUri) first: ical.js escapes LF but writes a bare CR as it is.
  const add = (name: string, raw: string | string[], params: Record<string, string | string[]> = {}) => {
    const clean = URI_PROPERTIES.has(name) ? contentUri : contentText;
    const value = typeof raw === 'string' ? clean(raw) : raw.map(clean);
    const prop = new ICAL.Property(name, card);
    if (name === 'categories') prop.setValues(value as string[]);
    else prop.setValue(value);
    for (const [k, v] of Object.entries(params)) prop.setParameter(k, v);
    card.addProperty(prop);
    return prop;
  };
  /** A property ical.js does not know, written as text (escaped) rather than as its "unknown" raw value. */
  const addText = (name: string, value: string, group?: string) => {
    card.addProperty(new ICAL.Property([name, group ? { group } : {}, 'text', contentText(value)], card));
  };
  /** A label the TYPE does not say: Apple's and Google's way, a group with its X-ABLabel. */
  const labelled = (prop: ICAL.Property, label: string) => {
    const group = `item${++groups}`;
    prop.setParameter('group', group);
    addText('x-ablabel', label, group);
  };
  add('version', '4.0');
  add('uid', `urn:rapport:person:${p.id}`);
  add('fn', p.name);
  add('n', [p.familyName, p.givenName, '', '', '']);
  if (p.organization) add('org', [p.organization]);
  if (p.role) add('title', p.role);
  p.emails.forEach((e, i) => {
    const type = typeOf(e.label);
    const prop = add('email', e.address, { ...(type ? { type } : {}), ...(i === 0 ? { pref: '1' } : {}) });
    if (e.label.trim() && e.label.trim() !== (type ? EMAIL_LABEL_OF_TYPE[type] : '')) labelled(prop, e.label);
  });
  p.phones.forEach((ph, i) => {
    const types = telTypes(ph.kinds);
    const prop = add('tel', ph.number, { value: 'text', ...(types.length ? { type: types.length === 1 ? (types[0] as string) : types } : {}), ...(i === 0 ? { pref: '1' } : {}) });
    if (ph.label.trim() && ph.label.trim() !== kindsLabel(ph.kinds)) labelled(prop, ph.label);
  });
  if (p.website) add('url', p.website);
  if (p.linkedin) add('url', p.linkedin, { type: 'x-linkedin' });
  if (p.tags.length) add('categories', p.tags);
  if (p.notes) add('note', p.notes);
  if (includePersonal && Object.values(p.address).some(Boolean)) {
    const a = p.address;
    add('adr', ['', '', a.street, a.city, a.region, a.postalCode, a.country], { type: 'home' });
  }
  for (const [field, name] of Object.entries(RAPPORT_PROPERTIES)) {
    const value = p[field as keyof typeof RAPPORT_PROPERTIES];
    if (value) addText(name.toLowerCase(), value);
  }
  add('rev', p.updatedAt.replace(/\.\d+Z$/, 'Z'));
  return card;
}

/** The people as vCard 4.0, one card each, in name order. */
export function exportVCards(ctx: CoreContext, o: ExportOptions): ExportFile {
  const people = chosenIds(ctx, o.personIds, o.tag ?? null).map((id) => getPerson(ctx, id));
  const content = people.map((p) => foldContentLines(vcardOf(p, o.includePersonal).toString())).join('\r\n');
  return { filename: `rapport-people-${today(ctx)}.vcf`, content: `${content}\r\n`, count: people.length };
}

/** The columns of Rapport's own people CSV (docs/EXPORT.md), which its import recognises and reads back whole. */
export const PEOPLE_CSV_FIELDS = [
  'Given name',
  'Family name',
  'Display name',
  'Organization',
  'Role',
  'Emails',
  'Email labels',
  'Phones',
  'Phone kinds',
  'Phone labels',
  'Website',
  'LinkedIn',
  'Tags',
  'Introduce as',
  'How we met',
  'Desired results',
  'Their work',
  'Boundaries',
  'Notes',
  'Stage',
  'Rapport score',
] as const;
export const PEOPLE_CSV_ADDRESS_FIELDS = ['Street', 'City', 'Region', 'Postal code', 'Country'] as const;

/**
 * The people as CSV: UTF-8 with a byte-order mark, one row per person. Several emails, phones and
 * tags share a cell, joined by "; " (a ";" inside one escaped); the labels and kinds of each email
 * and phone stand in their own columns, in the same order, a phone's kinds joined by spaces.
 */
export function exportPeopleCsv(ctx: CoreContext, o: ExportOptions): ExportFile {
  const ids = chosenIds(ctx, o.personIds, o.tag ?? null);
  const standing = new Map(
    (stmt(ctx.db, 'SELECT id, stage, score FROM people').all() as { id: number; stage: string; score: number }[]).map((r) => [r.id, r]),
  );
  const fields: string[] = [...PEOPLE_CSV_FIELDS];
  if (o.includePersonal) fields.push(...PEOPLE_CSV_ADDRESS_FIELDS);
  const data = ids.map((id) => {
    const p = getPerson(ctx, id);
    const row: (string | number)[] = [
      p.givenName,
      p.familyName,
      p.displayName,
      p.organization,
      p.role,
      joinValues(p.emails.map((e) => e.address)),
      p.emails.some((e) => e.label) ? joinValues(p.emails.map((e) => e.label)) : '',
      joinValues(p.phones.map((ph) => ph.number)),
      p.phones.some((ph) => ph.kinds.length) ? joinValues(p.phones.map((ph) => ph.kinds.join(' '))) : '',
      p.phones.some((ph) => ph.label) ? joinValues(p.phones.map((ph) => ph.label)) : '',
      p.website,
      p.linkedin,
      joinValues(p.tags),
      p.introduceAs,
      p.howWeMet,
      p.desiredResults,
      p.theirWork,
      p.boundaries,
      p.notes,
      standing.get(id)?.stage ?? '',
      standing.get(id)?.score ?? 0,
    ];
    if (o.includePersonal) row.push(p.address.street, p.address.city, p.address.region, p.address.postalCode, p.address.country);
    return row;
  });
  return { filename: `rapport-people-${today(ctx)}.csv`, content: writeCsv({ fields, rows: data, phoneColumns: ['Phones'] }), count: ids.length };
}

/** Every table a full export carries, in an order that respects their references. */
export const FULL_EXPORT_TABLES = [
  'tags',
  'person_tags',
  'person_emails',
  'person_phones',
  'purchases',
  'client_tests',
  'stage_changes',
  'needs',
  'need_changes',
  'person_links',
  'interactions',
  'advocacy',
  'seminars',
  'registrations',
  'registration_tickets',
  'registration_codes',
  'registration_answers',
  'follow_ups',
  'occasions',
  'occasion_guests',
  'occasion_guest_changes',
  'important_dates',
  'person_photos',
  'trash',
  'settings',
] as const;

/** Rows that name the import which brought them; the import history stays with the book it describes. */
const IMPORT_LINKED = new Set<string>(['registration_tickets', 'registration_codes', 'registration_answers']);

const PERSONAL_PEOPLE_COLUMNS = ['address_street', 'address_city', 'address_region', 'address_postal_code', 'address_country'];

/**
 * Everything in the book as one JSON document (format described in docs/EXPORT.md): the people
 * rows and every related table, row for row. Without the personal choice, home addresses are
 * blanked and partner / family links left out.
 */
export function exportFull(ctx: CoreContext, includePersonal: boolean): ExportFile {
  const people = (stmt(ctx.db, 'SELECT * FROM people ORDER BY id').all() as Record<string, unknown>[]).map((row) => {
    if (includePersonal) return row;
    const copy = { ...row };
    for (const c of PERSONAL_PEOPLE_COLUMNS) copy[c] = '';
    return copy;
  });
  const tables: Record<string, unknown[]> = { people };
  for (const table of FULL_EXPORT_TABLES) {
    const where = table === 'person_links' && !includePersonal ? "WHERE kind NOT IN ('partner', 'family')" : '';
    const order = table === 'person_tags' ? 'person_id, tag_id' : table === 'person_photos' ? 'person_id' : table === 'settings' ? 'key' : 'id';
    const rows = stmt(ctx.db, `SELECT * FROM ${table} ${where} ORDER BY ${order}`).all() as Record<string, unknown>[];
    tables[table] = IMPORT_LINKED.has(table) ? rows.map((r) => ({ ...r, import_id: null })) : rows;
  }
  const document = {
    format: 'rapport-full-export',
    formatVersion: 1,
    schemaVersion: LATEST_VERSION,
    exportedAt: ctx.now().toISOString(),
    includesPersonal: includePersonal,
    tables,
  };
  return { filename: `rapport-full-export-${today(ctx)}.json`, content: JSON.stringify(document, null, 1), count: people.length };
}
