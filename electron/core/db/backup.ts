import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/**
 * Copies the live database with SQLite's online backup API (consistent even while it is in
 * use) and checks the copy before calling it a backup.
 */
export async function backupDatabase(db: Database.Database, dataDir: string, reason: string, now = new Date()): Promise<string> {
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `rapport-${stamp(now)}-${reason}.db`);
  const partial = `${target}.partial`;
  await db.backup(partial);
  const copy = new Database(partial, { readonly: true, fileMustExist: true });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`The backup copy failed its integrity check: ${String(result)}`);
  } finally {
    copy.close();
  }
  fs.renameSync(partial, target);
  return target;
}
