import { z } from 'zod';
import type { MatchReason } from './merge';
import { ATTENDANCE_MODES } from './seminar';

/** The layouts an import recognises (corpus/import/FORMATS.md), as the preview names them. */
export const IMPORT_FORMATS = {
  vcard: 'vCard',
  google: 'Google Contacts (older layout)',
  'google-current': 'Google Contacts',
  outlook: 'Outlook',
  linkedin: 'LinkedIn Connections',
  eventbrite: 'Eventbrite attendees',
  thunderbird: 'Thunderbird address book',
  'zoom-registrants': 'Zoom registration report',
  'zoom-participants': 'Zoom participants report',
  'zoom-attendees': 'Zoom webinar attendee report',
  meetup: 'Meetup attendee or member list',
  mailchimp: 'Mailchimp audience',
  rapport: 'Rapport people export',
  other: 'Other CSV',
} as const;
export type ImportFormat = keyof typeof IMPORT_FORMATS;
export type CsvFormat = Exclude<ImportFormat, 'vcard'>;

export const DUPLICATE_CHOICES = ['merge', 'skip', 'create'] as const;
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number];

/** The character encodings people's files come in (corpus/import/FORMATS.md §8), as the preview names them. */
export const IMPORT_ENCODINGS = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Western European)',
  'windows-1250': 'Windows-1250 (Central European)',
  shift_jis: 'Shift_JIS (Japanese)',
} as const;
export type ImportEncoding = keyof typeof IMPORT_ENCODINGS;
const ENCODING_NAMES = Object.keys(IMPORT_ENCODINGS) as [ImportEncoding, ...ImportEncoding[]];

/** What a column of an unknown CSV can hold; the owner maps each column to one of these (or none). */
export const MAPPABLE_FIELDS = {
  givenName: 'First name',
  familyName: 'Last name',
  fullName: 'Full name',
  organization: 'Organization',
  role: 'Job title',
  email: 'Email',
  phone: 'Phone',
  mobilePhone: 'Mobile phone',
  workPhone: 'Work phone',
  homePhone: 'Home phone',
  fax: 'Fax',
  website: 'Website',
  linkedin: 'LinkedIn',
  street: 'Street',
  city: 'City',
  region: 'State or region',
  postalCode: 'Postal code',
  country: 'Country',
  tags: 'Tags',
  notes: 'Notes',
} as const;
export type MappableField = keyof typeof MAPPABLE_FIELDS;
const FIELD_NAMES = Object.keys(MAPPABLE_FIELDS) as [MappableField, ...MappableField[]];
/** Column (as headed in the file) → field; a column left out is not imported. */
export type ColumnMapping = Record<string, MappableField>;
export const ColumnMappingSchema = z.record(z.string(), z.enum(FIELD_NAMES));

/** A file as chosen in the wizard: its name, its bytes (base64) and how to read it. */
export const ImportFileInputSchema = z.object({
  fileName: z.string().trim().min(1).max(300),
  /** Base64 of the file's bytes. */
  content: z.string().max(64 * 1024 * 1024, 'This file is larger than 48 MB; split it into smaller files.'),
  /** null: detect it. */
  encoding: z.enum(ENCODING_NAMES).nullable().default(null),
  /** For a CSV of no known layout: column (as headed) → field. null: the remembered or suggested mapping. */
  mapping: ColumnMappingSchema.nullable().default(null),
  /** For a CSV of no known layout: whether its first row names the columns. null: as Rapport judges. */
  headerRow: z.boolean().nullable().default(null),
  /** Register everyone in the file for this seminar as well. */
  seminarId: z.number().int().positive().nullable().default(null),
  mode: z.enum(ATTENDANCE_MODES).default('in_person'),
});

export const ImportRunInputSchema = ImportFileInputSchema.extend({
  /** For every match in the book unless chosen line by line. */
  duplicates: z.enum(DUPLICATE_CHOICES).default('merge'),
  /** Line (or card) number → the choice for that match. */
  byLine: z.record(z.string().regex(/^\d+$/), z.enum(DUPLICATE_CHOICES)).default({}),
  /** The owner has seen the problems and wants the good records imported anyway. */
  acceptProblems: z.boolean().default(false),
});

export interface ImportRow {
  line: number;
  name: string;
  organization: string;
  email: string;
  phone: string;
}

export interface ImportMatch {
  line: number;
  incoming: ImportRow;
  existing: { id: number; name: string; organization: string; email: string };
  reason: MatchReason;
}

export interface ImportPreview {
  format: ImportFormat;
  formatLabel: string;
  encoding: ImportEncoding;
  header: string[];
  /** For a CSV of no known layout: how each column is read (remembered for this set of columns, or suggested). */
  mapping: ColumnMapping | null;
  mappingRemembered: boolean;
  /** For a CSV of no known layout: whether its first row was read as the columns' names (else they are "Column 1", "Column 2"…). */
  headerRow: boolean;
  /** For a CSV: the first few values of each column, as they stand in the file. */
  samples: string[][];
  /** How many people the file holds. */
  people: number;
  /** The first rows as they will be imported. */
  rows: ImportRow[];
  problems: { line: number; message: string }[];
  matches: ImportMatch[];
  /** How many rows match someone already in the book (the list above may be shortened). */
  matchCount: number;
}

export interface ImportSummary {
  importId: number;
  created: number;
  merged: number;
  skipped: number;
  registered: number;
  rejected: { line: number; message: string }[];
  /** The backup taken just before the import. */
  backup: string;
}

/** What undoing an import did; `kept` counts the people and registrations left as they are because they were changed since the import. */
export interface ImportUndone {
  removed: number;
  restored: number;
  unregistered: number;
  kept: number;
}

export interface ImportProgress {
  running: boolean;
  done: number;
  total: number;
}

export interface ImportHistoryEntry {
  id: number;
  fileName: string;
  format: ImportFormat;
  importedAt: string;
  undoneAt: string | null;
  created: number;
  merged: number;
  skipped: number;
  rejected: number;
  registered: number;
  seminarTitle: string | null;
}
