/**
 * Hostile import files cost linear time (issue 14, item 3): each pathological pattern of the
 * issue, tiled record after record within the import limits so the whole file is read, is parsed
 * at 1, 2, 5 and 10 MB. Time per MB must stay roughly constant from 1 to 10 MB; the baseline is
 * the least any reader must do with the same bytes: decode them and split them into lines. Two
 * patterns that break a limit (an unclosed quote, a million columns) show that a refusal costs
 * no more than the decoding either. Run alone with `tsx tests/bench/parsers.ts`.
 */
import { performance } from 'node:perf_hooks';
import { readImportFile } from '../../electron/core/import/read';
import { IMPORT_LIMITS } from '../../electron/core/import/limits';
import { AppError } from '../../shared/errors';
import type { Row } from './run';

const MB = 1024 * 1024;
const SIZES_MB = [1, 2, 5, 10];
const ROUNDS = 5;

/** `unit` repeated to about `bytes` (whole units only, so every record is complete). */
const tile = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.round(bytes / unit.length)));
const card = (body: string) => `BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lee;Ann\r\n${body}END:VCARD\r\n`;

interface Pattern {
  name: string;
  file: string;
  text: (bytes: number) => string;
}

const COLUMNS = IMPORT_LIMITS.columns - 1;

export const PATTERNS: Pattern[] = [
  { name: 'vCard, a parameter repeated 90 times per phone', file: 'a.vcf', text: (b) => tile(card(`TEL${';TYPE=WORK'.repeat(90)}:+1 717 555 0100\r\n`), b) },
  { name: 'vCard, addresses continued by backslashes over 200 lines', file: 'a.vcf', text: (b) => tile(card(`ADR;HOME:;;Main St\\\r\n${'more street\\\r\n'.repeat(200)}x\r\n`), b) },
  { name: 'vCard, notes of 2,000 quoted-printable soft breaks', file: 'a.vcf', text: (b) => tile(card(`NOTE;ENCODING=QUOTED-PRINTABLE:${'=41=\r\n'.repeat(2000)}x\r\n`), b) },
  { name: 'vCard, notes folded over 2,000 lines', file: 'a.vcf', text: (b) => tile(card(`NOTE:x${'\r\n abcdefgh'.repeat(2000)}\r\n`), b) },
  {
    name: `CSV, rows of ${COLUMNS} columns`,
    file: 'a.csv',
    text: (b) => `First Name,Last Name,${Array.from({ length: COLUMNS - 2 }, (_, i) => `c${i}`).join(',')}\r\n${tile(`Ann,Lee,${'abc,'.repeat(COLUMNS - 3)}abc\r\n`, b)}`,
  },
  { name: 'CSV, quoted notes of doubled quotes and line breaks', file: 'a.csv', text: (b) => `First Name,Last Name,Notes\r\n${tile(`Ann,Lee,"${'say ""hi""\r\n'.repeat(800)}"\r\n`, b)}` },
  { name: 'CSV, an unclosed quote to the end (refused at its row)', file: 'a.csv', text: (b) => `First Name,Last Name,Notes\r\nAnn,Lee,"${tile('a,b\r\n', b)}` },
  { name: 'CSV, a million columns (refused at the header)', file: 'a.csv', text: (b) => `First Name,Last Name,${tile('x,', b)}\r\n` },
];

const percentile = (xs: number[], p: number) => Number([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]?.toFixed(1));

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function parse(file: string, bytes: Uint8Array): void {
  try {
    readImportFile(file, bytes);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

export async function parserRows(log: (m: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  log('Parsers: hostile patterns at 1, 2, 5 and 10 MB (time per MB should stay flat) …');
  for (const pattern of PATTERNS) {
    const perMb: string[] = [];
    for (const size of SIZES_MB) {
      const bytes = new TextEncoder().encode(pattern.text(size * MB));
      const mb = bytes.length / MB;
      const own: number[] = [];
      const bare: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        own.push(timed(() => parse(pattern.file, bytes)));
        bare.push(timed(() => Buffer.from(bytes).toString('utf8').split(/\r\n|\n|\r/).length));
      }
      perMb.push(`${size} MB ${(percentile(own, 50) / mb).toFixed(0)} ms/MB`);
      if (size === 1 || size === 10) {
        rows.push({
          name: `parse ${pattern.name}, ${size} MB`,
          p50_ms: percentile(own, 50),
          p95_ms: percentile(own, 95),
          baseline_p50_ms: percentile(bare, 50),
          baseline_p95_ms: percentile(bare, 95),
        });
      }
    }
    log(`  ${pattern.name}: ${perMb.join(', ')}`);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await parserRows(console.log);
  for (const r of rows) console.log(`${r.name}: p50 ${r.p50_ms} ms, p95 ${r.p95_ms} ms; baseline p50 ${r.baseline_p50_ms} ms`);
  for (let i = 0; i + 1 < rows.length; i += 2) {
    const one = rows[i] as Row;
    const ten = rows[i + 1] as Row;
    console.log(`${one.name.replace(/, 1 MB$/, '')}: 10 MB took ${(ten.p50_ms / one.p50_ms).toFixed(1)}× the time of 1 MB`);
  }
}
