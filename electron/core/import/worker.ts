import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { OWNER } from '../../../shared/access';
import { AppError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { applyPragmas } from '../db/pragmas';
import { applyImport, type ImportJob } from './apply';

/**
 * Runs one import on its own connection, off the main thread, so the app keeps answering (progress,
 * cancel, reads) while the import's single transaction is open. Built as out/main/import-worker.js.
 */
export interface WorkerInput {
  dbPath: string;
  dataDir: string;
  job: ImportJob;
  /** [0] becomes 1 when the owner cancels. */
  cancel: Int32Array;
  startedAt: string;
  mode: CoreContext['mode'];
  version: string;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; summary: ReturnType<typeof applyImport> }
  | { type: 'error'; error: { code: AppError['code']; message: string } };

const PROGRESS_EVERY_MS = 100;

const input = workerData as WorkerInput;
const post = (m: WorkerMessage) => parentPort?.postMessage(m);
const db = new Database(input.dbPath, { fileMustExist: true });
try {
  applyPragmas(db);
  const ctx: CoreContext = {
    db,
    store: { db, dataDir: input.dataDir, path: input.dbPath, migrationBackup: null, close: () => db.close() },
    mode: input.mode,
    version: input.version,
    now: () => new Date(input.startedAt),
    // Only the owner may import (shared/access.ts).
    caller: OWNER,
    door: null,
  };
  let last = 0;
  const summary = applyImport(ctx, input.job, {
    progress(done, total) {
      const t = Date.now();
      if (t - last < PROGRESS_EVERY_MS && done < total) return;
      last = t;
      post({ type: 'progress', done, total });
    },
    cancelled: () => Atomics.load(input.cancel, 0) === 1,
  });
  post({ type: 'done', summary });
} catch (error) {
  post({ type: 'error', error: error instanceof AppError ? { code: error.code, message: error.message } : { code: 'internal', message: String(error) } });
} finally {
  db.close();
}
