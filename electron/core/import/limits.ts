import { AppError } from '../../../shared/errors';

/**
 * How much of anything one imported file may hold. Real exports stay far below each number (an
 * Outlook CSV has 92 columns; a 20,000-character note in quoted-printable Japanese is 180,000
 * characters); a file beyond one is hostile or broken, and is answered with a clear problem at
 * once instead of minutes of work and a gigabyte of memory.
 */
export const IMPORT_LIMITS = {
  /** The bytes of one file (the API takes 64 MB of base64). */
  fileBytes: 48 * 1024 * 1024,
  /** People (vCards, or CSV rows that are not blank) in one file. */
  records: 500_000,
  /** Rows of a CSV, blank ones included. */
  rows: 1_000_000,
  /** Columns of a CSV row. */
  columns: 1_000,
  /** Characters of one CSV field, or of one vCard property once its lines are joined. */
  valueChars: 256 * 1024,
  /** Characters of a vCard property's name and parameters (what comes before its first colon). */
  headChars: 4_096,
  /** Parameters of one vCard property (TYPE=WORK;TYPE=VOICE;…). */
  params: 100,
  /** Properties of one vCard. */
  propertiesPerCard: 1_000,
} as const;

const count = (n: number) => n.toLocaleString('en-US');

/** A problem with the whole file: it is refused, with the reason at the file field. */
export function fileTooBig(what: string): AppError {
  const message = `${what} Split it into smaller files, or check that it is the file you meant.`;
  return new AppError('invalid_input', message, { file: message });
}

export function checkFileSize(bytes: Uint8Array): void {
  if (bytes.length > IMPORT_LIMITS.fileBytes) throw fileTooBig(`This file is larger than ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB.`);
}

export const tooManyRecords = () => fileTooBig(`This file holds more than ${count(IMPORT_LIMITS.records)} people.`);
export const tooManyRows = () => fileTooBig(`This file has more than ${count(IMPORT_LIMITS.rows)} rows.`);

export const LIMIT_WORDS = {
  valueChars: `${count(IMPORT_LIMITS.valueChars)} characters`,
  headChars: `${count(IMPORT_LIMITS.headChars)} characters`,
  columns: `${count(IMPORT_LIMITS.columns)} columns`,
  params: `${count(IMPORT_LIMITS.params)} parameters`,
  propertiesPerCard: `${count(IMPORT_LIMITS.propertiesPerCard)} properties`,
};

/** A value quoted in a problem's words: never the whole of a long one. */
export function quoted(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : Array.isArray(value) ? value.slice(0, 3).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',') : String(value);
  return `“${text.length > max ? `${text.slice(0, max)}…` : text}”`;
}
