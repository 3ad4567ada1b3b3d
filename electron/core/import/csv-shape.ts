import Papa from 'papaparse';
import type { ImportProblem } from './csv';
import { IMPORT_LIMITS, LIMIT_WORDS, tooManyRows } from './limits';

/**
 * One pass over a CSV's text, before papaparse builds any row, that holds it to IMPORT_LIMITS: a
 * million columns in one row or a 40 MB field behind an unclosed quote would otherwise become one
 * huge array or string first, and be refused only after. Quotes are read as papaparse reads them
 * (a field is quoted when it starts with a quote; `""` is a quote inside it). Where the text breaks
 * a limit, it is read only up to that row, and the row gets a problem saying so.
 */

export interface CsvShape {
  /** The delimiter and line break papaparse would guess; null where it cannot tell (it is then left to guess). */
  delimiter: string | null;
  newline: string;
  /** Read only up to this offset (the start of the first row that breaks a limit); the whole text when null. */
  cut: number | null;
  problem: ImportProblem | null;
}

/**
 * Papaparse guesses the line break from the first 1 MB and the delimiter from the first ten rows;
 * here both come from the first 64 KB, which holds the first rows of any contact export (and all of
 * most), while each of the six delimiters papaparse tries would otherwise read a hostile first row in full.
 */
const GUESS_CHARS = 64 * 1024;

export function csvShape(text: string): CsvShape {
  const prefix = text.slice(0, GUESS_CHARS);
  const newline = Papa.parse<string[]>(prefix, { preview: 1, delimiter: ',' }).meta.linebreak;
  // Empty lines (the one after the last row among them) are no rows: counted, their one field made "; " look as steady a
  // delimiter as "," in a short file whose cells hold "; "-joined values (Rapport's own export of one person).
  const guess = Papa.parse<string[]>(prefix, { preview: 10, newline: newline as '\r\n', skipEmptyLines: true });
  const delimiter = guess.errors.some((e) => e.code === 'UndetectableDelimiter') ? null : guess.meta.delimiter;
  const delim = delimiter ?? ',';
  const nl0 = newline.charCodeAt(0);
  const nl1 = newline.length > 1 ? newline.charCodeAt(1) : -1;
  const d = delim.charCodeAt(0);
  const QUOTE = 34;
  const LF = 10;
  const n = text.length;

  let line = 1; // of the character at i
  let rows = 0;
  let rowStart = 0;
  let rowLine = 1;
  let columns = 1;
  let fieldStart = 0;
  const stop = (message: string): CsvShape => ({ delimiter, newline, cut: rowStart, problem: { line: rowLine, message } });
  const fieldTooLong = () =>
    stop(`A field on this line runs on for more than ${LIMIT_WORDS.valueChars} (is a quote not closed?); this row and the rest of the file were not read.`);

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && i === fieldStart) {
      // A quoted field: to the next quote that is not doubled.
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        const end = q < 0 ? n : q;
        if (end - i > IMPORT_LIMITS.valueChars) return fieldTooLong();
        for (let k = j; k < end; k++) if (text.charCodeAt(k) === LF) line++;
        if (q < 0) {
          j = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      i = j;
      continue;
    }
    if (c === d && delim.length === 1) {
      if (i - fieldStart > IMPORT_LIMITS.valueChars) return fieldTooLong();
      if (++columns > IMPORT_LIMITS.columns) return stop(`This row has more than ${LIMIT_WORDS.columns}; it and the rest of the file were not read.`);
      fieldStart = i + 1;
    } else if (c === nl0 && (nl1 < 0 || text.charCodeAt(i + 1) === nl1)) {
      if (i - fieldStart > IMPORT_LIMITS.valueChars) return fieldTooLong();
      if (++rows > IMPORT_LIMITS.rows) throw tooManyRows();
      i += newline.length;
      if (newline.includes('\n')) line++;
      rowStart = fieldStart = i;
      rowLine = line;
      columns = 1;
      continue;
    }
    if (c === LF) line++;
    i++;
  }
  if (n - fieldStart > IMPORT_LIMITS.valueChars) return fieldTooLong();
  return { delimiter, newline, cut: null, problem: null };
}
