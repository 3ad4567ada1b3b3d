import path from 'node:path';
import type { z } from 'zod';
import type { ImportFileInputSchema, ImportPreview, ImportProgress, ImportRunInputSchema, ImportSummary, ImportUndone } from '../../../shared/domain/import';
import { AppError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { beginUndo } from '../import/apply';
import { mappingKey } from '../import/preview';
import { exclusive } from '../jobs/exclusive';
import { runJob } from '../jobs/host';
import { backUp } from './backups';
import { setSetting } from './settings';

export { previewImport } from '../import/preview';

type FileInput = z.output<typeof ImportFileInputSchema>;
type RunInput = z.output<typeof ImportRunInputSchema>;

/** `imports.preview`: the file read and matched in the job worker; a hostile file costs the worker's time only. */
export function previewInWorker(ctx: CoreContext, input: FileInput): Promise<ImportPreview> {
  return runJob<ImportPreview>(ctx, { kind: 'preview', input });
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
 * A job worker that died mid-job (not an error it reported: those it cleans up itself) leaves its
 * import running or its undo halfway: finished off now in a new worker, not at the next start.
 */
async function finishAfter<T>(ctx: CoreContext, job: Promise<T>): Promise<T> {
  try {
    return await job;
  } catch (error) {
    if (!(error instanceof AppError)) await runJob(ctx, { kind: 'finish-unfinished' }).catch(() => {});
    throw error;
  }
}

/**
 * Imports a file: read and checked in the job worker; a backup; then written by the worker in
 * short steps (import/apply.ts), so progress, cancel and every other call are answered while it
 * runs; then the summary. A file with problems needs the owner's word that the good records
 * should come in without the others.
 */
export async function runImport(ctx: CoreContext, input: RunInput): Promise<ImportSummary> {
  return exclusive(ctx.store, 'An import', 'this import', async () => {
    const state: Running = { progress: { running: true, done: 0, total: 0 }, cancel: new Int32Array(new SharedArrayBuffer(4)) };
    running = state;
    try {
      return await finishAfter(ctx, runJob<ImportSummary>(ctx, { kind: 'import', input }, {
        cancel: state.cancel,
        progress: (done, total) => (state.progress = { running: true, done, total }),
        async ready(file) {
          state.progress = { running: true, done: 0, total: 2 * file.people };
          if (file.format === 'other' && file.headerRow && input.mapping) setSetting(ctx, mappingKey(file.header), JSON.stringify(input.mapping));
          return { backup: path.basename(await backUp(ctx, 'before-import')) };
        },
      }));
    } finally {
      running = null;
    }
  });
}

/** `imports.undo`: marked as under way at once (a crash then finishes it at the next start), taken back by the worker in steps. */
export function undoInWorker(ctx: CoreContext, importId: number): Promise<ImportUndone> {
  return exclusive(ctx.store, 'An undo of an import', 'the undo', async () => {
    beginUndo(ctx, importId);
    return finishAfter(ctx, runJob<ImportUndone>(ctx, { kind: 'finish-undo', importId }));
  });
}
