import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { createContext } from '../context';
import { finishUnfinishedImports } from '../import/apply';
import { backupDatabase, listBackups, passesIntegrityCheck, removePartialBackups, type BackupFile } from './backup';
import { isUnwritable } from './failures';
import { ensurePrivateFile, ensurePrivateFolder, makePrivate, PRIVATE_FILE } from '../private-files';
import { migrate, tooNewError } from './migrate';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index';
import { applyPragmas, schemaVersion } from './pragmas';
import { finishSwap, swapFiles } from './swap';

export const DATABASE_FILE = 'rapport.db';

export interface Store {
  /** The one connection of the main thread; replaced when another book is swapped in (swapIn). */
  db: Database.Database;
  dataDir: string;
  path: string;
  /** The backup taken before this opening migrated the file, if it did. */
  migrationBackup: string | null;
  close(): void;
  /**
   * Puts a staged book (complete, at the latest format, without a WAL) in place of this one: the
   * current book is moved to `aside` whole (still in WAL mode: check it with checkCopy, which also
   * makes it self-contained), then the staged file takes its name, then it is opened.
   * `check` runs on the current book first and may refuse by throwing. Synchronous, so no call can
   * write between the last acknowledged write (in `aside`) and the swap.
   */
  swapIn(staged: string, aside: string, check?: (db: Database.Database) => void): void;
}

/** Tells start-up failures the owner can fix (a full disk, a read-only file or folder) from a damaged book. */
function unwritableError(error: unknown, where: string): AppError {
  const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : '';
  if (/FULL|ENOSPC|EDQUOT/.test(code)) {
    return new AppError('disk_full', `The disk that holds ${where} is full, so Rapport could not open your book. Nothing was changed. Free some space on that disk, then start Rapport again.`);
  }
  return new AppError(
    'read_only',
    `Rapport cannot write to ${where}: it is read-only (${code || 'permission denied'}), so Rapport did not open your book. Nothing was changed. ` +
      'Make it writable again — or choose a data folder you can write to (RAPPORT_DATA_DIR, or --data for a station) — then start Rapport again.',
  );
}

/** Whether the folder takes new files (the WAL and backups need it), tried for real: permissions lie to root, a read-only disk does not. */
function checkWritableFolder(dataDir: string): void {
  const probe = path.join(dataDir, `.rapport-write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, '', { mode: PRIVATE_FILE });
    fs.rmSync(probe);
  } catch (error) {
    throw unwritableError(error, `the data folder ${dataDir}`);
  }
}

function checkWritableFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'r+'));
  } catch (error) {
    throw unwritableError(error, `the book file ${file}`);
  }
}

/**
 * The version stored in an existing file, read without changing a byte of it; a file that is not
 * a sound SQLite database is reported as damaged (and left alone), with the backup that can replace it.
 */
function storedVersion(file: string, dataDir: string): number {
  let probe: Database.Database | null = null;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    if (probe.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('quick_check failed');
    return schemaVersion(probe);
  } catch (error) {
    if (isUnwritable(error)) throw unwritableError(error, `the book file ${file}`);
    throw damagedError(file, dataDir);
  } finally {
    probe?.close();
  }
}

function backupOffer(dataDir: string, file: string): { offer: string; latest: BackupFile | null } {
  const latest = latestGoodBackup(dataDir);
  const offer = latest
    ? ` The latest good backup is ${latest.name}, taken ${latest.takenAt.slice(0, 16).replace('T', ' ')} UTC: Rapport can put it in place and keep the damaged file beside it.`
    : ` There is no backup in ${path.join(dataDir, 'backups')} to restore from. To start a new, empty book, move ${file} to another folder first; to recover, put back a copy of it you keep elsewhere.`;
  return { offer, latest };
}

function damagedError(file: string, dataDir: string): AppError {
  const { offer, latest } = backupOffer(dataDir, file);
  return new AppError('database_damaged', `The book in ${file} is damaged and was not changed.${offer}`, latest ? { latestBackup: latest.name } : undefined);
}

/**
 * A book whose stored format number does not match its tables (an odd `user_version`: a file
 * edited by hand, or by another program) cannot be migrated: said plainly, with the way out.
 */
function oddVersionError(file: string, dataDir: string, found: number, error: unknown): AppError {
  const failed = MIGRATIONS.filter((m) => m.version > found).sort((a, b) => a.version - b.version)[0];
  const reason = error instanceof Error ? error.message : String(error);
  const { offer, latest } = backupOffer(dataDir, file);
  return new AppError(
    'database_damaged',
    `The book in ${file} says it is in data format ${found}, but its tables do not match that format, so it cannot be brought up to date ` +
      `(step ${failed?.version ?? '?'}, “${failed?.name ?? '?'}”, failed: ${reason}). It was not changed.${offer}`,
    latest ? { latestBackup: latest.name } : undefined,
  );
}

/** The newest backup that passes an integrity check. */
export function latestGoodBackup(dataDir: string): BackupFile | null {
  return listBackups(dataDir).find((b) => passesIntegrityCheck(b.path)) ?? null;
}

/**
 * Puts the latest good backup in place of a damaged book. The damaged file (and its journal) is
 * moved aside under a dated name, never deleted. Returns the backup used.
 */
export function restoreLatestGoodBackup(dataDir: string, now = new Date()): BackupFile {
  const latest = latestGoodBackup(dataDir);
  if (!latest) {
    throw new AppError('not_found', `There is no good backup in ${path.join(dataDir, 'backups')} to restore from. Nothing was changed.`);
  }
  const file = path.join(dataDir, DATABASE_FILE);
  const aside = path.join(dataDir, `rapport-damaged-${now.toISOString().replace(/[:.]/g, '-')}.db`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
  }
  fs.copyFileSync(latest.path, file);
  makePrivate(file);
  return latest;
}

function connect(file: string): Database.Database {
  // SQLite gives the WAL and shared-memory files the book's own mode, so a private book keeps them private.
  for (const suffix of ['-wal', '-shm']) makePrivate(file + suffix);
  ensurePrivateFile(file);
  const db = new Database(file);
  try {
    applyPragmas(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens (creating if needed) `<dataDir>/rapport.db`, refuses a file from a newer Rapport,
 * backs up an existing file before migrating it, and brings it to the latest schema. Before that,
 * it finishes what a crash interrupted: a swap of books (restore), copies and staged books left
 * half-written; after it, an import left running is taken back and an undo left halfway is finished.
 */
export async function openStore(dataDir: string): Promise<Store> {
  const file = path.join(dataDir, DATABASE_FILE);
  try {
    ensurePrivateFolder(dataDir);
  } catch (error) {
    throw unwritableError(error, `the data folder ${dataDir}`);
  }
  checkWritableFolder(dataDir);
  finishSwap(dataDir, file);
  removePartialBackups(dataDir);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  let found = 0;
  if (existed) {
    checkWritableFile(file);
    found = storedVersion(file, dataDir);
    if (found > LATEST_VERSION) throw tooNewError(found);
  }

  let db: Database.Database;
  try {
    db = connect(file);
  } catch (error) {
    if (isUnwritable(error)) throw unwritableError(error, `the data folder ${dataDir}`);
    throw error;
  }
  try {
    let migrationBackup: string | null = null;
    if (existed && found < LATEST_VERSION) {
      migrationBackup = await backupDatabase(db, dataDir, `before-migration-v${found}-to-v${LATEST_VERSION}`);
    }
    try {
      migrate(db);
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (isUnwritable(error)) throw unwritableError(error, `the data folder ${dataDir}`);
      // Nothing was changed (one transaction), so the copy just taken is the same odd file: not a backup to offer.
      if (migrationBackup) fs.rmSync(migrationBackup, { force: true });
      throw oddVersionError(file, dataDir, found, error);
    }
    let closed = false;
    const store: Store = {
      db,
      dataDir,
      path: file,
      migrationBackup,
      close() {
        if (closed) return;
        closed = true;
        try {
          store.db.pragma('optimize');
        } catch {
          // Only an optimisation: a full or read-only disk must not stop the book from closing.
        } finally {
          store.db.close();
        }
      },
      swapIn(staged, aside, check) {
        const current = store.db;
        check?.(current);
        // The last connection to close copies the WAL into the book and deletes it: the book leaves
        // as one self-contained file with every acknowledged write (swapFiles refuses otherwise).
        current.close();
        try {
          swapFiles(file, staged, aside);
        } finally {
          // The new book if the swap happened, the same one if it did not: the table keeps working either way.
          store.db = connect(file);
        }
      },
    };
    finishUnfinishedImports(createContext(store, 'station', 'start'));
    return store;
  } catch (err) {
    db.close();
    throw err;
  }
}
