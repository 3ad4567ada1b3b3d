import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupDatabase } from './backup';
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

/** The version stored in an existing file, read without changing a byte of it. */
function storedVersion(file: string): number {
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return schemaVersion(probe);
  } finally {
    probe.close();
  }
}

/**
 * Opens (creating if needed) `<dataDir>/rapport.db`, refuses a file from a newer Rapport,
 * backs up an existing file before migrating it, and brings it to the latest schema.
 */
export async function openStore(dataDir: string): Promise<Store> {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (existed) {
    const found = storedVersion(file);
    if (found > LATEST_VERSION) throw tooNewError(found);
  }

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
