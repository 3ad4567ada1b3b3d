import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { OWNER } from '../../../shared/access';
import { AppError, type ApiErrorBody } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { storeFailure } from '../db/failures';
import { emptyJournal, restartLongJournal } from '../db/journal';
import { applyPragmas } from '../db/pragmas';
import type { GoMessage, WorkerInput, WorkerMessage } from '../jobs/host';
import { waitForMainThread } from '../jobs/turns';
import { performJob } from '../jobs/work';

/**
 * The job worker (built as out/main/import-worker.js): one long job — an import preview or run, an
 * undo, a backup staged for a restore, a full export staged — on its own connection, off the main
 * thread, so the app keeps answering (progress, cancel, check-ins) while it runs. Between its short
 * write steps it gives the main thread its turn (jobs/turns.ts).
 */
const PROGRESS_EVERY_MS = 100;

const input = workerData as WorkerInput;
const post = (m: WorkerMessage) => parentPort?.postMessage(m);

function errorBody(error: unknown): ApiErrorBody {
  const known = storeFailure(error);
  if (known) return known.toBody();
  return { code: 'internal', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

async function main(): Promise<void> {
  const db = new Database(input.dbPath, { fileMustExist: true });
  let outcome: WorkerMessage;
  try {
    applyPragmas(db);
    const ctx: CoreContext = {
      db,
      store: { db, dataDir: input.dataDir, path: input.dbPath, migrationBackup: null, close: () => db.close(), swapIn: () => {
        throw new Error('A job worker does not swap books.');
      } },
      mode: input.mode,
      version: input.version,
      now: () => new Date(input.startedAt),
      // Only the owner may start a long job (shared/access.ts, checked in dispatch).
      caller: OWNER,
      door: null,
    };
    let last = 0;
    const value = await performJob(ctx, input.request, {
      progress(done, total) {
        const t = Date.now();
        if (t - last < PROGRESS_EVERY_MS && done < total) return;
        last = t;
        post({ type: 'progress', done, total });
      },
      cancelled: () => Atomics.load(input.cancel, 0) === 1,
      between: () => {
        restartLongJournal(db, input.dbPath);
        waitForMainThread(input.turns);
      },
      ready(info) {
        post({ type: 'ready', info });
        return new Promise((resolve) => parentPort?.once('message', (m: GoMessage) => resolve({ backup: m.backup })));
      },
    });
    outcome = { type: 'done', value };
    // The journal is copied into the book and emptied here, off the main thread: not by the next
    // check-in after an import's steps, and not inside a restore's swap.
    if (input.request.kind !== 'preview' && input.request.kind !== 'check-copy') emptyJournal(db);
  } catch (error) {
    outcome = { type: 'error', error: error instanceof AppError ? error.toBody() : errorBody(error) };
  } finally {
    db.close();
  }
  // Only once the connection is closed: a restore renames the book as soon as it hears this.
  post(outcome);
}

void main();
