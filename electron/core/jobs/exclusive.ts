import { AppError } from '../../../shared/errors';

/**
 * One long job at a time per book: an import, an undo, a restore, a backup, a merge. A second one
 * would fight the first for the write lock, or (a backup while a worker writes) start over again
 * and again; so it is refused at once with `busy`, naming what is under way.
 */
const running = new WeakMap<object, string>();

/** What is under way on this book ("An import"), or null. */
export function jobUnderWay(store: object): string | null {
  return running.get(store) ?? null;
}

/** Runs `job` as the book's one long job; `what` names it in a sentence ("An import"), `refused` what was asked ("the backup"). */
export async function exclusive<T>(store: object, what: string, refused: string, job: () => Promise<T>): Promise<T> {
  const current = running.get(store);
  if (current) throw new AppError('busy', `${current} is under way, so ${refused} was not started. Try again when it has finished.`);
  running.set(store, what);
  try {
    return await job();
  } finally {
    running.delete(store);
  }
}
