import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { PRIVATE_FILE } from '../private-files';
import { migrate } from './migrate';
import { LATEST_VERSION } from './migrations/index';
import { schemaVersion } from './pragmas';
import { syncFile } from './swap';

const DAMAGED = /^SQLITE_(CORRUPT|NOTADB)/;
const CHUNK = 8 * 1024 * 1024;

/**
 * Copies a file, flushing it to disk every 8 MB: the main thread's commits meanwhile wait for
 * their own pages only, not for the whole copy sitting in the page cache.
 */
export function copyFlushing(source: string, target: string): void {
  const from = fs.openSync(source, 'r');
  // A new file, private from its first byte (DESIGN.md, Security).
  const to = fs.openSync(target, 'w', PRIVATE_FILE);
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let read = fs.readSync(from, buffer, 0, CHUNK, null); read > 0; read = fs.readSync(from, buffer, 0, CHUNK, null)) {
      fs.writeSync(to, buffer, 0, read);
      fs.fdatasyncSync(to);
    }
  } finally {
    fs.closeSync(from);
    fs.closeSync(to);
  }
}

/** Removes a staged book that will not be used, with any journal SQLite left beside it. */
export function removeStaged(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/**
 * A backup made ready to take the book's place (restore): copied beside the book, checked,
 * brought to the current format, a self-contained file on disk. Runs in the job worker: checking
 * and migrating a large book takes seconds, and the live book is not touched at all meanwhile.
 */
export function stageBackup(source: string, target: string, name: string): void {
  const damaged = () => new AppError('conflict', `The backup ${name} is damaged; choose another one.`);
  try {
    copyFlushing(source, target);
    const db = new Database(target, { fileMustExist: true });
    try {
      db.pragma('journal_mode = DELETE');
      if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw damaged();
      if (schemaVersion(db) > LATEST_VERSION) throw new AppError('conflict', `The backup ${name} was made by a newer version of Rapport.`);
      db.pragma('foreign_keys = ON');
      migrate(db);
    } finally {
      db.close();
    }
    syncFile(target);
  } catch (error) {
    removeStaged(target);
    const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : '';
    throw DAMAGED.test(code) ? damaged() : error;
  }
}
