import Database from 'better-sqlite3';
import type { BackupInfo, BackupRotation } from '../../../shared/contract';
import { AppError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { backupDatabase, DEFAULT_ROTATION, listBackups, passesIntegrityCheck, rotateBackups, type BackupFile } from '../db/backup';
import { migrate } from '../db/migrate';
import { LATEST_VERSION } from '../db/migrations/index';
import { applyPragmas, schemaVersion } from '../db/pragmas';
import { readSetting, setSetting } from './settings';

const toInfo = (b: BackupFile): BackupInfo => ({ name: b.name, takenAt: b.takenAt, reason: b.reason, bytes: b.bytes });

const ROTATION_KEY = 'backups.rotation';

/** How many backups the owner keeps (Settings → Backups); the defaults until they choose. */
export function backupRotation(ctx: CoreContext): BackupRotation {
  // A rotation that does not pass BackupRotationSchema (a bad full import, a hand edit) is never applied: it could delete every backup.
  return { ...DEFAULT_ROTATION, ...readSetting<Partial<BackupRotation>>(ctx, ROTATION_KEY) };
}

export function setBackupRotation(ctx: CoreContext, rotation: BackupRotation): { rotation: BackupRotation; removed: string[] } {
  setSetting(ctx, ROTATION_KEY, JSON.stringify(rotation));
  return { rotation, removed: rotateBackups(ctx.store.dataDir, rotation) };
}

export function backups(ctx: CoreContext): BackupInfo[] {
  return listBackups(ctx.store.dataDir).map(toInfo);
}

export async function backUpNow(ctx: CoreContext): Promise<BackupInfo> {
  const file = await backupDatabase(ctx.db, ctx.store.dataDir, 'manual', ctx.now());
  const taken = listBackups(ctx.store.dataDir).find((b) => b.path === file);
  if (!taken) throw new Error('The backup was written but cannot be found.');
  return toInfo(taken);
}

function versionOf(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return schemaVersion(db);
  } finally {
    db.close();
  }
}

/**
 * Replaces the book with a backup, in place (SQLite's backup API, so every open statement sees
 * it): the current state is backed up first, the backup is checked, and an older one is brought
 * up to the current format afterwards.
 */
export async function restoreBackup(ctx: CoreContext, name: string): Promise<{ restored: BackupInfo; safetyCopy: BackupInfo }> {
  const chosen = listBackups(ctx.store.dataDir).find((b) => b.name === name);
  if (!chosen) throw notFound('This backup');
  if (!passesIntegrityCheck(chosen.path)) throw new AppError('conflict', `The backup ${name} is damaged; choose another one.`);
  if (versionOf(chosen.path) > LATEST_VERSION) throw new AppError('conflict', `The backup ${name} was made by a newer version of Rapport.`);
  const safetyPath = await backupDatabase(ctx.db, ctx.store.dataDir, 'before-restore', ctx.now());
  const source = new Database(chosen.path, { readonly: true, fileMustExist: true });
  try {
    await source.backup(ctx.store.path);
  } finally {
    source.close();
  }
  applyPragmas(ctx.db);
  migrate(ctx.db);
  const safety = listBackups(ctx.store.dataDir).find((b) => b.path === safetyPath);
  if (!safety) throw new Error('The safety copy cannot be found.');
  return { restored: toInfo(chosen), safetyCopy: toInfo(safety) };
}
