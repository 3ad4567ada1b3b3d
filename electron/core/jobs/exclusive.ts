import { AppError } from '../../../shared/errors';

/**
 * One long job at a time per book: an import, an undo, a restore, a backup, a merge. A second one
 * would fight the first for the write lock, or (a backup while a worker writes) start over again
 * and again; so it is refused at once with `busy`, naming what is under way. A job that only keeps
 * a copy (the daily backup at start) is waited for instead: it ends on its own, soon.
 */
interface Running {
  what: string;
  waitable: boolean;
  done: Promise<unknown>;
}

const running = new WeakMap<object, Running>();

/** What is under way on this book ("An import"), or null. */
export function jobUnderWay(store: object): string | null {
  return running.get(store)?.what ?? null;
}

/**
 * Runs `job` as the book's one long job; `what` names it in a sentence ("An import"), `refused`
 * what was asked ("the backup"). `waitable`: others wait for this job rather than being refused.
 */
export async function exclusive<T>(store: object, what: string, refused: string, job: () => Promise<T>, waitable = false): Promise<T> {
  for (let current = running.get(store); current; current = running.get(store)) {
    if (!current.waitable) throw new AppError('busy', `${current.what} is under way, so ${refused} was not started. Try again when it has finished.`);
    await current.done;
  }
  let finished = () => {};
  running.set(store, { what, waitable, done: new Promise<void>((resolve) => (finished = resolve)) });
  try {
    return await job();
  } finally {
    running.delete(store);
    finished();
  }
}
