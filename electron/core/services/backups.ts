import type { BackupInfo, BackupRotation } from '../../../shared/contract';
import { notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { backupDatabase, backupPath, dailyBackup, DEFAULT_ROTATION, listBackups, rotateBackups, type BackupFile } from '../db/backup';
import { removeStaged } from '../db/staging';
import { stagedBookPath } from '../db/swap';
import { exclusive } from '../jobs/exclusive';
import { runJob, workersDone } from '../jobs/host';
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

/**
 * Backs the book up for `reason`: copied on the main connection (so its own writes go into the
 * copy), checked in the job worker (reading a large copy takes seconds the table cannot spare).
 */
export function backUp(ctx: CoreContext, reason: string): Promise<string> {
  return backupDatabase(ctx.db, ctx.store.dataDir, reason, ctx.now(), (file) => runJob(ctx, { kind: 'check-copy', file }));
}

export async function backUpNow(ctx: CoreContext): Promise<BackupInfo> {
  return exclusive(ctx.store, 'A backup', 'this backup', async () => {
    const file = await backUp(ctx, 'manual');
    const taken = listBackups(ctx.store.dataDir).find((b) => b.path === file);
    if (!taken) throw new Error('The backup was written but cannot be found.');
    return toInfo(taken);
  });
}

/** The day's first start keeps a checked copy (db/backup.ts dailyBackup), as the book's one long job of the moment. */
export async function dailyBackupOnStart(ctx: CoreContext): Promise<string | null> {
  return exclusive(
    ctx.store,
    'The daily backup',
    'the daily backup',
    () => dailyBackup(ctx.db, ctx.store.dataDir, ctx.now(), backupRotation(ctx), (file) => runJob(ctx, { kind: 'check-copy', file })),
    true,
  );
}

/**
 * The book just swapped out, checked like every backup (and made self-contained) in the job worker,
 * after the swap so the table does not wait for it. The restore has happened either way: a copy
 * that fails its check is reported, and kept, since it is all there is of the book as it was.
 */
export async function checkSafetyCopy(ctx: CoreContext, file: string): Promise<void> {
  try {
    await runJob(ctx, { kind: 'check-copy', file });
  } catch (error) {
    console.error(`[rapport] the safety copy ${file} did not pass its check:`, error);
  }
}

/**
 * Replaces the book with a backup. The backup is copied, checked and brought up to the current
 * format in the job worker while the book keeps working; then, in one synchronous step, the book
 * (with every write acknowledged until then) becomes the safety copy and the prepared file takes
 * its place (Store.swapIn). No write can fall between the copy and the swap: there is no gap.
 */
export async function restoreBackup(ctx: CoreContext, name: string): Promise<{ restored: BackupInfo; safetyCopy: BackupInfo }> {
  return exclusive(ctx.store, 'A restore', 'the restore', async () => {
    const { dataDir } = ctx.store;
    const chosen = listBackups(dataDir).find((b) => b.name === name);
    if (!chosen) throw notFound('This backup');
    const now = ctx.now();
    const staged = stagedBookPath(dataDir, 'restoring', now);
    await runJob(ctx, { kind: 'stage-backup', source: chosen.path, target: staged, name });
    const safetyPath = backupPath(dataDir, 'before-restore', now);
    // A preview still reading the book keeps its own connection open: the book leaves whole only once it is the last.
    await workersDone(ctx.store);
    try {
      ctx.store.swapIn(staged, safetyPath);
    } finally {
      removeStaged(staged);
    }
    await checkSafetyCopy(ctx, safetyPath);
    const safety = listBackups(dataDir).find((b) => b.path === safetyPath);
    if (!safety) throw new Error('The safety copy cannot be found.');
    return { restored: toInfo(chosen), safetyCopy: toInfo(safety) };
  });
}
