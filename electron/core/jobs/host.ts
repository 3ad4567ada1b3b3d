import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ApiErrorBody } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { bookTurns } from './turns';
import { performJob, type ImportReady, type JobRequest } from './work';

/** What the job worker is given (workerData). */
export interface WorkerInput {
  dbPath: string;
  dataDir: string;
  request: JobRequest;
  /** The main thread's calls in progress (turns.ts). */
  turns: Int32Array;
  /** [0] becomes 1 when the owner cancels. */
  cancel: Int32Array;
  startedAt: string;
  mode: CoreContext['mode'];
  version: string;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'ready'; info: ImportReady }
  | { type: 'done'; value: unknown }
  | { type: 'error'; error: ApiErrorBody };

/** What the main thread answers to `ready`. */
export interface GoMessage {
  type: 'go';
  backup: string;
}

export interface JobControl {
  progress?(done: number, total: number): void;
  ready?(info: ImportReady): Promise<{ backup: string }>;
  cancel?: Int32Array;
}

/**
 * The job worker's script: out/main/import-worker.js beside the bundle this module was built into
 * (or one folder up, from a shared chunk); from source under tsx (a station started from source,
 * as the integration tests do), the TypeScript entry itself. Under vitest neither applies, and
 * jobs run in-thread: the same code, without a second thread.
 */
function workerScript(): URL | null {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const underTsx = process.execArgv.some((a) => /(^|[/\\])tsx([/\\]|$)/.test(a) || a === 'tsx');
    return underTsx ? new URL('../import/worker.ts', import.meta.url) : null;
  }
  const dir = path.dirname(here);
  const built = [path.join(dir, 'import-worker.js'), path.join(dir, '..', 'import-worker.js')].find((f) => fs.existsSync(f));
  return built ? pathToFileURL(built) : null;
}

/** Jobs that write to the live book in steps. */
export const writesBook = (request: JobRequest) => request.kind === 'import' || request.kind === 'finish-undo' || request.kind === 'finish-unfinished';

/**
 * While a worker writes in steps, the main thread leaves checkpoints to it (the worker checkpoints
 * every ~40 MB of journal, and once at its end): a check-in's commit must not be the one that
 * happens to copy megabytes of the import into the book.
 */
function leaveCheckpointsToWorker(ctx: CoreContext): () => void {
  const every = ctx.db.pragma('wal_autocheckpoint', { simple: true }) as number;
  ctx.db.pragma('wal_autocheckpoint = 0');
  return () => ctx.db.pragma(`wal_autocheckpoint = ${every}`);
}

/** Job workers with a connection to each book, until they have closed it. */
const working = new WeakMap<object, Set<Promise<unknown>>>();

/** Resolves once no job worker has the book open (a swap needs the main connection to be the last). */
export async function workersDone(store: object): Promise<void> {
  for (let open = working.get(store); open?.size; open = working.get(store)) await Promise.allSettled([...open]);
}

function fromBody(body: ApiErrorBody): Error {
  return body.code === 'internal' ? new Error(body.message) : new AppError(body.code, body.message, body.fields);
}

/**
 * Runs a long job in the job worker, with its own connection to the book, so the main thread keeps
 * answering every other call; resolves once the worker has closed its connection (a restore may
 * then rename the book). From source without tsx (vitest), runs it in-thread.
 */
export function runJob<T>(ctx: CoreContext, request: JobRequest, control: JobControl = {}): Promise<T> {
  const cancel = control.cancel ?? new Int32Array(new SharedArrayBuffer(4));
  const ready = control.ready ?? (() => Promise.resolve({ backup: '' }));
  const script = workerScript();
  if (!script) {
    return performJob(ctx, request, { progress: control.progress, cancelled: () => Atomics.load(cancel, 0) === 1, ready }) as Promise<T>;
  }
  const data: WorkerInput = {
    dbPath: ctx.store.path,
    dataDir: ctx.store.dataDir,
    request,
    turns: bookTurns(ctx.store),
    cancel,
    startedAt: ctx.now().toISOString(),
    mode: ctx.mode,
    version: ctx.version,
  };
  const resumeCheckpoints = writesBook(request) ? leaveCheckpointsToWorker(ctx) : () => {};
  const open = working.get(ctx.store) ?? new Set<Promise<unknown>>();
  working.set(ctx.store, open);
  const job = new Promise<T>((resolve, reject) => {
    const worker = new Worker(script, { workerData: data });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') control.progress?.(m.done, m.total);
      else if (m.type === 'ready') {
        ready(m.info).then(
          ({ backup }) => worker.postMessage({ type: 'go', backup } satisfies GoMessage),
          (error: unknown) => {
            settle(() => reject(error));
            void worker.terminate();
          },
        );
      } else if (m.type === 'done') settle(() => resolve(m.value as T));
      else settle(() => reject(fromBody(m.error)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`The job worker stopped with exit code ${code} before it finished.`))));
  }).finally(() => {
    resumeCheckpoints();
    open.delete(job);
  });
  open.add(job);
  return job;
}
