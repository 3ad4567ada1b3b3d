import { AppError } from '../../../shared/errors';
import { decodeText } from './encoding';

/**
 * What a chosen file is, from its first bytes, before any reader is tried: contacts (vCard, or a
 * CSV / tab-separated text) are read; a calendar, a spreadsheet workbook, an empty or a binary
 * file each get their own words, instead of being read as a CSV with no header.
 */

export type FileKind = 'vcard' | 'csv';

const refuse = (message: string) => new AppError('invalid_input', message, { file: message });

const startsWith = (bytes: Uint8Array, ...magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** A zip archive's entry names are stored in the clear: enough to tell a workbook from a document. */
function zipHolds(bytes: Uint8Array, name: string): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 64 * 1024)).toString('latin1');
  return head.includes(name);
}

const SAVE_AS_CSV = 'In your spreadsheet program, save the sheet with the people as “CSV UTF-8 (comma delimited)” and import that file.';

/** The start of the file as text, whatever its encoding (UTF-16 included), for the words it begins with. */
function opening(bytes: Uint8Array): string {
  return decodeText(bytes.subarray(0, 2048)).text.replace(/\0/g, '').replace(/^\uFEFF/, '');
}

/** Control characters other than TAB, CR, LF and FF: plain text has next to none of them, any binary file many. */
function looksBinary(bytes: Uint8Array, text: string): boolean {
  const sample = text.slice(0, 2048);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) controls++;
  }
  // UTF-16 text decodes without NULs; zero bytes left in what decoded as 8-bit text are binary.
  return controls > sample.length * 0.1 || (sample.length === 0 && bytes.length > 0);
}

export function fileKind(fileName: string, bytes: Uint8Array): FileKind {
  if (bytes.length === 0) throw refuse('This file is empty: there is nothing in it to import.');
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    if (zipHolds(bytes, 'xl/')) throw refuse(`This is an Excel workbook (.xlsx), not a CSV file. ${SAVE_AS_CSV}`);
    if (zipHolds(bytes, 'application/vnd.oasis.opendocument.spreadsheet')) throw refuse(`This is an OpenDocument spreadsheet (.ods), not a CSV file. ${SAVE_AS_CSV}`);
    if (zipHolds(bytes, 'Index/Document.iwa')) throw refuse(`This is a Numbers spreadsheet, not a CSV file. In Numbers, choose File → Export To → CSV and import that file.`);
    throw refuse('This is a zip archive, not a contacts file. Unpack it, then import the .vcf or .csv file inside.');
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) throw refuse(`This is an Excel 97–2003 workbook (.xls), not a CSV file. ${SAVE_AS_CSV}`);
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) throw refuse('This is a PDF document. Rapport imports contacts from vCard (.vcf) and CSV files; export those from the program that made the PDF.');
  const text = opening(bytes);
  if (text.trim() === '') throw refuse('This file is empty: it holds only blank space.');
  if (/^\s*BEGIN:VCALENDAR/i.test(text)) {
    const vcs = /^\s*BEGIN:VCALENDAR[\s\S]*?VERSION:1\.0/i.test(text);
    throw refuse(
      vcs
        ? 'This is a vCalendar file (calendar entries, version 1.0), not contacts. Save the contacts from your phone or address book as vCards (.vcf) instead.'
        : 'This is a calendar file (iCalendar), not contacts. Rapport imports people from vCard (.vcf) and CSV files.',
    );
  }
  if (/^\s*BEGIN:VCARD/i.test(text)) return 'vcard';
  if (looksBinary(bytes, text)) throw refuse('This is not a text file: Rapport imports contacts from vCard (.vcf) and CSV files.');
  if (/\.(vcf|vcard)$/i.test(fileName)) {
    if (/BEGIN:VCARD/i.test(decodeText(bytes.subarray(0, 64 * 1024)).text)) return 'vcard';
    throw refuse('This file is named .vcf but holds no vCard (no BEGIN:VCARD line). Check that it is the file you meant.');
  }
  if (/\.(ics|ical|ifb|vcs)$/i.test(fileName)) throw refuse('This is a calendar file, not contacts. Rapport imports people from vCard (.vcf) and CSV files.');
  return 'csv';
}
