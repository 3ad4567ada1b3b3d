import Papa from 'papaparse';
import { splitExtension } from '../../../shared/domain/phone';

/**
 * Every CSV Rapport writes goes out through `writeCsv`, so no cell can run as a formula when the
 * file is opened in a spreadsheet (OWASP, "CSV Injection"): a cell beginning with `=`, `+`, `-`,
 * `@`, TAB or CR gets a leading `'`, which spreadsheets take as "this is text" — unless it is
 * plainly a number (a score part of -5), or a phone number in a phone column (+1 717 555 0100).
 * Papaparse's own `escapeFormulae` is not used: its pattern misses a formula that holds a line break.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;
/** A phone number as PhoneSchema takes it, spaces only (no TAB or line break), opening with +, a digit or a bracket. */
const PHONE_NUMBER = /^\+?[0-9(][0-9 ().\-/]*$/;

const isPhoneNumber = (value: string) => {
  // An extension after the number ("ext. 102", "x102") is words and digits, never a formula's call.
  const { main, ext } = splitExtension(value);
  if (ext && !/^ (?:ext\. |x)\d+$/.test(value.slice(main.length))) return false;
  if (!PHONE_NUMBER.test(main)) return false;
  const digits = main.replace(/\D/g, '').length;
  return digits >= 5 && digits <= 15;
};

/** A phone column's cell: one number, or several joined by "; ". */
const isPhoneList = (text: string) => text.split('; ').every(isPhoneNumber);

export type CsvValue = string | number | null | undefined;

/** One cell as it may be written: text that a spreadsheet would run as a formula is made plain text. */
export function safeCell(value: CsvValue, phoneColumn = false): string {
  const text = value === null || value === undefined ? '' : String(value);
  if (!FORMULA_START.test(text)) return text;
  if (PLAIN_NUMBER.test(text)) return text;
  if (phoneColumn && isPhoneList(text)) return text;
  return `'${text}`;
}

export interface CsvTable {
  fields: string[];
  rows: CsvValue[][];
  /** Headers of the columns that hold phone numbers (kept as typed when they are phone numbers). */
  phoneColumns?: string[];
}

/** A CSV file as spreadsheets open it best: UTF-8 with a byte-order mark (accents kept), CRLF line ends, every cell safe. */
export function writeCsv(table: CsvTable): string {
  const phone = table.fields.map((f) => table.phoneColumns?.includes(f) ?? false);
  const fields = table.fields.map((f) => safeCell(f));
  const data = table.rows.map((row) => row.map((v, i) => safeCell(v, phone[i])));
  return `\ufeff${Papa.unparse({ fields, data }, { newline: '\r\n' })}\r\n`;
}
