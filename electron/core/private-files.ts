import fs from 'node:fs';

/**
 * The book, its WAL and shared-memory files, backups and exports are the owner's alone: files
 * 0600, folders 0700 (DESIGN.md, Security). On Windows the user's profile ACL does this job and
 * POSIX modes mean little, so nothing here changes there.
 */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_FOLDER = 0o700;

const posix = process.platform !== 'win32';

/**
 * For every file the process creates from now on, including those SQLite and Chromium create
 * (WAL, downloads, PDFs). Call once at start, on the main thread (workers cannot set it).
 */
export function keepNewFilesPrivate(): void {
  if (posix) process.umask(0o077);
}

/** Creates `file` empty and private if it does not exist yet; an existing one is made private. */
export function ensurePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE));
  makePrivate(file);
}

/** Narrows an existing file (or folder) to its owner: books and backups written by older versions were 0644. */
export function makePrivate(target: string, mode = PRIVATE_FILE): void {
  if (!posix || !fs.existsSync(target)) return;
  if ((fs.statSync(target).mode & 0o777) !== mode) fs.chmodSync(target, mode);
}

/**
 * A folder only its owner can list, when we create it. An existing one is narrowed only if
 * `ours` (the backups folder is; a data folder given with --data may be anyone's, like ~).
 */
export function ensurePrivateFolder(dir: string, ours = false): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER });
  if (ours) makePrivate(dir, PRIVATE_FOLDER);
}
