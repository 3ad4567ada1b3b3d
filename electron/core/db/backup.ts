import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateFile, ensurePrivateFolder } from '../private-files';

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** Where a backup taken now for `reason` is kept. */
export function backupPath(dataDir: string, reason: string, now = new Date()): string {
  return path.join(backupsDir(dataDir), `rapport-${stamp(now)}-${reason}.db`);
}

/** A copy being written, and the journal files SQLite may have put beside it. */
const PARTIAL = /\.partial(-wal|-shm|-journal)?$/;

function removePartial(partial: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(partial + suffix, { force: true });
}

/** At start: copies a crash cut short (`….db.partial` and its journal files) are never backups; they go. */
export function removePartialBackups(dataDir: string): string[] {
  const dir = backupsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const litter = fs.readdirSync(dir).filter((name) => PARTIAL.test(name));
  for (const name of litter) fs.rmSync(path.join(dir, name), { force: true });
  return litter;
}

/**
 * Makes a finished copy a backup: a self-contained file (journal_mode=DELETE, so no -wal or -shm
 * is left beside it) that passes SQLite's integrity check. Reads the whole file: a job for the
 * job worker when the book is in use (services/backups.ts), in-thread otherwise.
 */
export function checkCopy(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`The backup copy failed its integrity check: ${String(result)}`);
  } finally {
    copy.close();
  }
}

export type CopyCheck = (file: string) => Promise<void>;

const inThread: CopyCheck = (file) => Promise.resolve(checkCopy(file));

/** Pages copied between two flushes of the copy to disk (8 MB). */
const FLUSH_PAGES = 2048;
const STEP_PAGES = 256;

/**
 * Copies the live database with SQLite's online backup API (consistent even while it is in
 * use; the main thread's own writes meanwhile go into the copy too) and checks the copy before
 * calling it a backup. The copy is flushed to disk as it grows: a check-in's commit waits for its
 * own few pages, not for a hundred megabytes of copy the kernel kept in memory.
 */
export async function backupDatabase(db: Database.Database, dataDir: string, reason: string, now = new Date(), check: CopyCheck = inThread): Promise<string> {
  ensurePrivateFolder(backupsDir(dataDir), true);
  const target = backupPath(dataDir, reason, now);
  const partial = `${target}.partial`;
  // Made private before SQLite writes a byte into it.
  ensurePrivateFile(partial);
  let fd: number | null = null;
  let unflushed = 0;
  try {
    await db.backup(partial, {
      progress: () => {
        unflushed += STEP_PAGES;
        if (unflushed >= FLUSH_PAGES) {
          fd ??= fs.openSync(partial, 'r');
          fs.fdatasyncSync(fd);
          unflushed = 0;
        }
        return STEP_PAGES;
      },
    });
    if (fd !== null) fs.closeSync(fd);
    fd = null;
    await check(partial);
    fs.renameSync(partial, target);
  } catch (error) {
    if (fd !== null) fs.closeSync(fd);
    removePartial(partial);
    throw error;
  }
  return target;
}

export interface BackupFile {
  name: string;
  path: string;
  bytes: number;
  /** When it was taken (from its name, which every backup carries). */
  takenAt: string;
  /** Why: daily, manual, before-restore, before-migration-…, before-import. */
  reason: string;
}

const NAME = /^rapport-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(.+)\.db$/;

function takenAtOf(stampText: string): string {
  const [date, time] = stampText.split('T') as [string, string];
  const [h, m, s, ms] = time.replace('Z', '').split('-');
  return `${date}T${h}:${m}:${s}.${ms}Z`;
}

/** Every finished backup in the folder, newest first. */
export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .map(({ name, match }) => {
      const file = path.join(dir, name);
      return { name, path: file, bytes: fs.statSync(file).size, takenAt: takenAtOf(match[1] as string), reason: match[2] as string };
    })
    .sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1));
}

export interface RotationPolicy {
  /** Daily backups kept, newest first. */
  daily: number;
  /** Beyond those, the newest daily backup of each of this many weeks. */
  weekly: number;
  /** Backups taken for a reason (before a migration, import or restore, or by hand) kept. */
  other: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, other: 20 };

/** Monday of the ISO week of a day, as a key for "one per week". */
function weekOf(iso: string): string {
  const d = new Date(iso);
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}

/** Deletes the backups the policy no longer keeps; returns their names. */
export function rotateBackups(dataDir: string, policy: RotationPolicy = DEFAULT_ROTATION): string[] {
  const all = listBackups(dataDir);
  const daily = all.filter((b) => b.reason === 'daily');
  const keep = new Set(daily.slice(0, policy.daily).map((b) => b.name));
  const weeks = new Set<string>();
  for (const b of daily.slice(policy.daily)) {
    const week = weekOf(b.takenAt);
    if (weeks.has(week) || weeks.size >= policy.weekly) continue;
    weeks.add(week);
    keep.add(b.name);
  }
  all.filter((b) => b.reason !== 'daily').slice(0, policy.other).forEach((b) => keep.add(b.name));
  const removed = all.filter((b) => !keep.has(b.name));
  for (const b of removed) fs.rmSync(b.path, { force: true });
  return removed.map((b) => b.name);
}

/** The day's first start takes a backup; later starts that day do not. Returns it, if one was taken. */
export async function dailyBackup(db: Database.Database, dataDir: string, now = new Date(), policy = DEFAULT_ROTATION, check?: CopyCheck): Promise<string | null> {
  const today = now.toISOString().slice(0, 10);
  if (listBackups(dataDir).some((b) => b.reason === 'daily' && b.takenAt.startsWith(today))) return null;
  const taken = await backupDatabase(db, dataDir, 'daily', now, check);
  rotateBackups(dataDir, policy);
  return taken;
}

/** Whether a file is an SQLite database whose pages are all sound. */
export function passesIntegrityCheck(file: string): boolean {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('integrity_check', { simple: true }) === 'ok';
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}
