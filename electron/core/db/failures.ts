import { AppError } from '../../../shared/errors';

/**
 * Failures of the disk or of the one-writer lock that the owner can act on, told as such: a
 * check-in that cannot be saved must say why and what to do, never "something went wrong".
 * SQLite reports them as SqliteError codes, Node's fs as errno codes; both carry `code`.
 */
const BUSY = /^SQLITE_(BUSY|LOCKED)/;
const FULL = /^(SQLITE_FULL|ENOSPC|EDQUOT)$/;
const READ_ONLY = /^(SQLITE_READONLY.*|EROFS|EACCES|EPERM)$/;

export const BUSY_MESSAGE = 'Rapport is finishing another task on the book, so this was not saved. Try again in a moment.';
export const DISK_FULL_MESSAGE = 'The disk that holds your book is full, so this was not saved. Free some space on it, then try again.';
export const READ_ONLY_MESSAGE =
  'Rapport cannot write to your book: the book file or its folder is read-only, so this was not saved. ' +
  'Make them writable again (or move the data folder to a disk you can write to), then restart Rapport.';

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

/** The owner-facing error for a disk or lock failure, or null when the failure is a bug. */
export function storeFailure(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const code = codeOf(error);
  if (BUSY.test(code)) return new AppError('busy', BUSY_MESSAGE);
  if (FULL.test(code)) return new AppError('disk_full', DISK_FULL_MESSAGE);
  if (READ_ONLY.test(code)) return new AppError('read_only', READ_ONLY_MESSAGE);
  return null;
}

/** Whether an error means the disk or folder refuses writes (read-only or full), as opposed to a damaged file. */
export function isUnwritable(error: unknown): boolean {
  const code = codeOf(error);
  return FULL.test(code) || READ_ONLY.test(code);
}
