import type { z } from 'zod';
import type { ImportFileInputSchema, ImportFormat, ImportRunInputSchema } from '../../../shared/domain/import';
import { AppError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { checkCopy } from '../db/backup';
import { stageBackup } from '../db/staging';
import { applyImport, finishUndo, finishUnfinishedImports, type ImportHooks } from '../import/apply';
import { previewImport, readForImport } from '../import/preview';
import { stageFullExport } from '../services/full-import';

/** A long job, as data: what the main thread asks the job worker (or, from source, itself) to do. */
export type JobRequest =
  | { kind: 'preview'; input: z.output<typeof ImportFileInputSchema> }
  | { kind: 'import'; input: z.output<typeof ImportRunInputSchema> }
  | { kind: 'finish-undo'; importId: number }
  | { kind: 'finish-unfinished' }
  | { kind: 'check-copy'; file: string }
  | { kind: 'stage-backup'; source: string; target: string; name: string }
  | { kind: 'stage-full-export'; content: string; target: string };

/** What an import tells the main thread once its file is read and accepted, before it writes anything. */
export interface ImportReady {
  format: ImportFormat;
  header: string[];
  /** The file named its columns (else "Column 1"…, and no mapping is remembered for it). */
  headerRow: boolean;
  people: number;
}

export interface JobHooks extends ImportHooks {
  /** The import's file is read and accepted: the main thread backs the book up (and remembers a mapping), then the import goes on. */
  ready(info: ImportReady): Promise<{ backup: string }>;
}

/**
 * Does one job on `ctx` (the worker's own connection, or the main one from source). Reading a
 * file, matching it against the book, writing an import in steps, checking and migrating a backup:
 * the parts that take long, none of them holding the write lock for more than a step.
 */
export async function performJob(ctx: CoreContext, request: JobRequest, hooks: JobHooks): Promise<unknown> {
  switch (request.kind) {
    case 'preview':
      return previewImport(ctx, request.input);
    case 'import': {
      const { input } = request;
      const { file } = readForImport(ctx, input);
      if (file.records.length === 0) throw new AppError('invalid_input', 'There is no one in this file to import.', { file: 'There is no one in this file to import.' });
      if (file.problems.length > 0 && !input.acceptProblems) {
        throw new AppError('invalid_input', 'This file has problems. Read them, then confirm to import the good records.', {
          acceptProblems: 'Confirm to import without the rows that have problems.',
        });
      }
      const { backup } = await hooks.ready({ format: file.format, header: file.header, headerRow: file.headerRow, people: file.records.length });
      const job = { fileName: input.fileName, file, duplicates: input.duplicates, byLine: input.byLine, seminarId: input.seminarId, mode: input.mode, backup };
      return applyImport(ctx, job, hooks);
    }
    case 'finish-undo':
      return finishUndo(ctx, request.importId, hooks);
    case 'finish-unfinished':
      return finishUnfinishedImports(ctx, hooks);
    case 'check-copy':
      return checkCopy(request.file);
    case 'stage-backup':
      return stageBackup(request.source, request.target, request.name);
    case 'stage-full-export':
      return stageFullExport(ctx, request.content, request.target);
  }
}
