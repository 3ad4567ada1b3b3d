import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { ensurePrivateFile, ensurePrivateFolder, makePrivate } from '../private-files';
import { backupDatabase, listBackups, passesIntegrityCheck, type BackupFile } from './backup';
import { migrate, tooNewError } from './migrate';
import { LATEST_VERSION } from './migrations/index';
import { applyPragmas, schemaVersion } from './pragmas';

export const DATABASE_FILE = 'rapport.db';

export interface Store {
  db: Database.Database;
  dataDir: string;
  path: string;
  /** The backup taken before this opening migrated the file, if it did. */
  migrationBackup: string | null;
  close(): void;
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
  } catch {
    throw damagedError(file, dataDir);
  } finally {
    probe?.close();
  }
}

function damagedError(file: string, dataDir: string): AppError {
  const latest = latestGoodBackup(dataDir);
  const offer = latest
    ? ` The latest good backup is ${latest.name}, taken ${latest.takenAt.slice(0, 16).replace('T', ' ')} UTC: Rapport can put it in place and keep the damaged file beside it.`
    : ' There is no backup to restore from.';
  return new AppError('database_damaged', `The book in ${file} is damaged and was not changed.${offer}`, latest ? { latestBackup: latest.name } : undefined);
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
  if (!latest) throw new AppError('not_found', 'There is no good backup to restore from.');
  const file = path.join(dataDir, DATABASE_FILE);
  const aside = path.join(dataDir, `rapport-damaged-${now.toISOString().replace(/[:.]/g, '-')}.db`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
  }
  fs.copyFileSync(latest.path, file);
  makePrivate(file);
  return latest;
}

/**
 * Opens (creating if needed) `<dataDir>/rapport.db`, refuses a file from a newer Rapport,
 * backs up an existing file before migrating it, and brings it to the latest schema.
 */
export async function openStore(dataDir: string): Promise<Store> {
  ensurePrivateFolder(dataDir);
  const file = path.join(dataDir, DATABASE_FILE);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (existed) {
    const found = storedVersion(file, dataDir);
    if (found > LATEST_VERSION) throw tooNewError(found);
  }

  // SQLite gives the WAL and shared-memory files the book's own mode, so a private book keeps them private.
  for (const suffix of ['-wal', '-shm']) makePrivate(file + suffix);
  ensurePrivateFile(file);
  const db = new Database(file);
  try {
    applyPragmas(db);
    const current = schemaVersion(db);
    let migrationBackup: string | null = null;
    if (existed && current < LATEST_VERSION) {
      migrationBackup = await backupDatabase(db, dataDir, `before-migration-v${current}-to-v${LATEST_VERSION}`);
    }
    migrate(db);
    let closed = false;
    return {
      db,
      dataDir,
      path: file,
      migrationBackup,
      close() {
        if (closed) return;
        closed = true;
        try {
          db.pragma('optimize');
        } finally {
          db.close();
        }
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
