import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { z } from 'zod';
import type { ColumnMapping, ImportFileInputSchema, ImportMatch, ImportPreview, ImportProgress, ImportRow, ImportRunInputSchema, ImportSummary } from '../../../shared/domain/import';
import { personName } from '../../../shared/domain/names';
import type { PersonData } from '../../../shared/domain/person';
import { AppError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { backupDatabase } from '../db/backup';
import { applyImport, type ImportJob } from '../import/apply';
import { BookIndex } from '../import/matching';
import { readImportFile, type ImportFile } from '../import/read';
import type { WorkerInput, WorkerMessage } from '../import/worker';
import { getPerson } from './people';
import { readSetting, setSetting } from './settings';

type FileInput = z.output<typeof ImportFileInputSchema>;
type RunInput = z.output<typeof ImportRunInputSchema>;

const PREVIEW_ROWS = 20;
const LISTED = 500;

/** Mappings are remembered per set of column names, so next month's export of the same tool maps itself. */
const mappingKey = (header: string[]) => `import.mapping:${header.map((h) => h.trim().toLowerCase()).join('\u241f')}`;

function rememberedMapping(ctx: CoreContext, header: string[]): ColumnMapping | null {
  return readSetting<ColumnMapping>(ctx, mappingKey(header));
}

function read(ctx: CoreContext, input: FileInput): { file: ImportFile; remembered: boolean } {
  const bytes = new Uint8Array(Buffer.from(input.content, 'base64'));
  let remembered = false;
  const file = readImportFile(
    input.fileName,
    bytes,
    input.encoding,
    (header, named) => {
      if (input.mapping) return input.mapping;
      // Columns without names ("Column 1"…) say nothing about which file this is: no mapping is remembered for them.
      const saved = named ? rememberedMapping(ctx, header) : null;
      remembered = saved !== null;
      return saved;
    },
    input.headerRow,
  );
  return { file, remembered };
}

const rowOf = (line: number, p: PersonData): ImportRow => ({
  line,
  name: personName(p),
  organization: p.organization,
  email: p.emails[0]?.address ?? '',
  phone: p.phones[0]?.number ?? '',
});

/** The file as it will be imported: its layout and encoding, the first rows, every problem, and who is already in the book. */
export function previewImport(ctx: CoreContext, input: FileInput): ImportPreview {
  const { file, remembered } = read(ctx, input);
  const index = BookIndex.load(ctx.db);
  const matches: ImportMatch[] = [];
  let matchCount = 0;
  for (const r of file.records) {
    const match = index.match(r.person);
    if (!match) continue;
    matchCount++;
    if (matches.length >= LISTED) continue;
    const existing = getPerson(ctx, match.id);
    matches.push({
      line: r.line,
      incoming: rowOf(r.line, r.person),
      existing: { id: existing.id, name: existing.name, organization: existing.organization, email: existing.emails[0]?.address ?? '' },
      reason: match.reason,
    });
  }
  return {
    format: file.format,
    formatLabel: file.formatLabel,
    encoding: file.encoding,
    header: file.header,
    mapping: file.mapping,
    mappingRemembered: remembered,
    headerRow: file.headerRow,
    samples: file.samples,
    people: file.records.length,
    rows: file.records.slice(0, PREVIEW_ROWS).map((r) => rowOf(r.line, r.person)),
    problems: file.problems,
    matches,
    matchCount,
  };
}

interface Running {
  progress: ImportProgress;
  cancel: Int32Array;
}
let running: Running | null = null;

export function importProgress(): ImportProgress {
  return running ? { ...running.progress } : { running: false, done: 0, total: 0 };
}

export function cancelImport(): { cancelling: boolean } {
  if (!running) return { cancelling: false };
  Atomics.store(running.cancel, 0, 1);
  return { cancelling: true };
}

/**
 * The built worker, out/main/import-worker.js, beside the entry this module was bundled into (or
 * one folder up, from a shared chunk). Absent when the core runs from source, as in integration
 * tests, which then import in-thread: the same applyImport, without a second thread to poll it.
 */
function workerScript(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return [path.join(here, 'import-worker.js'), path.join(here, '..', 'import-worker.js')].find((f) => fs.existsSync(f)) ?? null;
}

function inWorker(ctx: CoreContext, script: string, job: ImportJob, state: Running): Promise<ImportSummary> {
  const data: WorkerInput = {
    dbPath: ctx.store.path,
    dataDir: ctx.store.dataDir,
    job,
    cancel: state.cancel,
    startedAt: ctx.now().toISOString(),
    mode: ctx.mode,
    version: ctx.version,
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: data });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') state.progress = { running: true, done: m.done, total: m.total };
      else if (m.type === 'done') resolve(m.summary);
      else reject(m.error.code === 'internal' ? new Error(m.error.message) : new AppError(m.error.code, m.error.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`The import worker stopped with exit code ${code}.`));
    });
  });
}

/**
 * Imports a file: a backup first, then one transaction (in a worker thread, so progress and
 * cancel are answered while it runs), then the summary. A file with problems needs the owner's
 * word that the good records should come in without the others.
 */
export async function runImport(ctx: CoreContext, input: RunInput): Promise<ImportSummary> {
  if (running) throw new AppError('conflict', 'An import is already running. Wait for it to finish or cancel it.');
  const { file } = read(ctx, input);
  if (file.records.length === 0) throw new AppError('invalid_input', 'There is no one in this file to import.', { file: 'There is no one in this file to import.' });
  if (file.problems.length > 0 && !input.acceptProblems) {
    throw new AppError('invalid_input', 'This file has problems. Read them, then confirm to import the good records.', { acceptProblems: 'Confirm to import without the rows that have problems.' });
  }
  const state: Running = { progress: { running: true, done: 0, total: file.records.length }, cancel: new Int32Array(new SharedArrayBuffer(4)) };
  running = state;
  try {
    if (file.format === 'other' && file.headerRow && input.mapping) setSetting(ctx, mappingKey(file.header), JSON.stringify(input.mapping));
    const backup = path.basename(await backupDatabase(ctx.db, ctx.store.dataDir, 'before-import', ctx.now()));
    const job: ImportJob = { fileName: input.fileName, file, duplicates: input.duplicates, byLine: input.byLine, seminarId: input.seminarId, mode: input.mode, backup };
    const script = workerScript();
    if (script) return await inWorker(ctx, script, job, state);
    return applyImport(ctx, job, {
      progress: (done, total) => (state.progress = { running: true, done, total }),
      cancelled: () => Atomics.load(state.cancel, 0) === 1,
    });
  } finally {
    running = null;
  }
}
