import fs from 'node:fs';
import path from 'node:path';
import { makePrivate, PRIVATE_FILE } from '../private-files';

/**
 * Putting a whole other book in place of the open one (a restore, a full import) by renaming
 * files: the current book becomes a backup at once — it holds every write acknowledged before the
 * swap, because nothing can write while the main thread is doing it — and the staged book takes
 * its name. A crash between the two renames would leave no book at all, so a small journal file
 * says what is under way, and the next start finishes or undoes it (finishSwap).
 */
export const SWAP_JOURNAL = 'rapport-swap.json';

interface SwapJournal {
  /** The staged book, complete and synced, that takes the book's name. */
  staged: string;
  /** Where the current book goes (in backups/). */
  aside: string;
}

/** Writes a file's data to the disk, and a folder's entries (a rename is durable once its folder is synced). */
function sync(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function syncFile(file: string): void {
  sync(file);
}

function syncFolder(dir: string): void {
  try {
    sync(dir);
  } catch {
    // Some systems cannot open a folder to sync it (Windows); the rename is as durable as they make it.
  }
}

/** Where a book staged for a swap is written: beside the book, so the rename stays on one disk. */
export function stagedBookPath(dataDir: string, purpose: 'restoring' | 'building', now: Date): string {
  return path.join(dataDir, `rapport-${purpose}-${now.toISOString().replace(/[:.]/g, '-')}.db`);
}

const STAGED = /^rapport-(restoring|building)-.+\.db(-wal|-shm|-journal)?$/;

/**
 * Renames the closed book `book` to `aside` and `staged` to `book`, journaled. The caller has
 * closed every connection to `book`, and left it without a WAL (journal_mode=DELETE).
 */
export function swapFiles(book: string, staged: string, aside: string): void {
  const dataDir = path.dirname(book);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(book + suffix)) throw new Error(`The book still has its ${suffix} file; it was not swapped.`);
  }
  const journal = path.join(dataDir, SWAP_JOURNAL);
  fs.writeFileSync(journal, JSON.stringify({ staged, aside } satisfies SwapJournal), { mode: PRIVATE_FILE });
  sync(journal);
  syncFolder(dataDir);
  fs.renameSync(book, aside);
  fs.renameSync(staged, book);
  syncFolder(path.dirname(aside));
  syncFolder(dataDir);
  // Not synced: a journal that comes back after a crash finds the swap done and is removed then.
  fs.rmSync(journal);
}

/**
 * At start, before the book is opened: finishes a swap a crash interrupted between its renames (the
 * staged book is complete: it takes the book's name), or forgets one that had not begun; then
 * removes staged books nothing refers to (a restore or full import cut short before its swap).
 */
export function finishSwap(dataDir: string, book: string): void {
  const journal = path.join(dataDir, SWAP_JOURNAL);
  if (fs.existsSync(journal)) {
    const { staged, aside } = JSON.parse(fs.readFileSync(journal, 'utf8')) as SwapJournal;
    const hasBook = fs.existsSync(book);
    if (!hasBook && fs.existsSync(staged)) fs.renameSync(staged, book);
    else if (!hasBook && fs.existsSync(aside)) {
      fs.copyFileSync(aside, book);
      makePrivate(book);
    }
    syncFolder(dataDir);
    fs.rmSync(journal);
    syncFolder(dataDir);
  }
  for (const name of fs.readdirSync(dataDir)) {
    if (STAGED.test(name)) fs.rmSync(path.join(dataDir, name), { force: true });
  }
}
