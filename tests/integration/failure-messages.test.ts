import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch, dispatchAsync } from '../../electron/core/api';
import { createContext } from '../../electron/core/context';
import { backupDatabase, listBackups } from '../../electron/core/db/backup';
import { DATABASE_FILE, openStore } from '../../electron/core/db/store';
import { createPerson } from '../../electron/core/services/people';
import { PersonInputSchema } from '../../shared/domain/person';
import { AppError } from '../../shared/errors';
import { call, startStationChild, StationExit } from '../helpers/station-child';
import { openTestContext, tempDataDir } from '../helpers/store';

/**
 * Issue 14, item 10: a write or a start that cannot be done says why and what to do — never
 * `internal`, never a stack trace. Tests run as root here, and root ignores file modes, so a
 * read-only disk and a full disk are real ones: a read-only bind mount and a small tmpfs, each in
 * a private mount namespace (`unshare -m`) around a station started from source.
 */
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const canMount = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs /mnt'], { stdio: 'ignore' }).status === 0;
if (!canMount) console.warn('failure-messages: cannot make a private mount here (unshare -m needs privileges): the read-only and full-disk start-ups are SKIPPED.');

/** A command prefix that runs the rest in a private mount namespace after `mounts` (shell). */
const inMountNamespace = (mounts: string) => ['unshare', '-m', '--propagation', 'private', 'sh', '-c', `${mounts} && exec "$@"`, 'sh'];

async function bookWith(dataDir: string, names: string[]): Promise<void> {
  const store = await openStore(dataDir);
  const ctx = createContext(store, 'station', 'test');
  for (const givenName of names) createPerson(ctx, PersonInputSchema.parse({ givenName }));
  store.close();
}

async function stationFails(dataDir: string, args: string[] = [], wrap: string[] = []): Promise<StationExit> {
  const error = await startStationChild(dataDir, args, wrap).then(
    async (s) => {
      await s.kill();
      return null;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StationExit);
  const exit = error as StationExit;
  expect(exit.code).toBe(1);
  // A message for a person: no stack trace.
  expect(exit.stderr).not.toMatch(/^\s+at /m);
  return exit;
}

describe('answers to writes that cannot be done', () => {
  it('a write kept waiting by another writer answers busy', async () => {
    const ctx = await openTestContext();
    ctx.db.pragma('busy_timeout = 50');
    const other = new Database(ctx.store.path);
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(dispatch(ctx, 'people.create', { givenName: 'Ann' })).toEqual({ ok: false, error: { code: 'busy', message: expect.stringMatching(/not saved\. Try again in a moment/) } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(dispatch(ctx, 'people.create', { givenName: 'Ann' })).toMatchObject({ ok: true });
  });

  it('a second long job answers busy, naming the one under way', async () => {
    const ctx = await openTestContext();
    const [first, second] = await Promise.all([dispatchAsync(ctx, 'backups.create', {}), dispatchAsync(ctx, 'backups.create', {})]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual({ ok: false, error: { code: 'busy', message: 'A backup is under way, so this backup was not started. Try again when it has finished.' } });
  });

  it('a write to a full book answers disk_full (PRAGMA max_page_count), and reading goes on', async () => {
    const ctx = await openTestContext();
    const pages = ctx.db.pragma('page_count', { simple: true }) as number;
    ctx.db.pragma(`max_page_count = ${pages + 2}`);
    const answer = dispatch(ctx, 'people.create', { givenName: 'Ann', notes: 'n'.repeat(19_000) });
    expect(answer).toEqual({ ok: false, error: { code: 'disk_full', message: expect.stringMatching(/disk .* is full.*not saved.*Free some space/) } });
    expect(dispatch(ctx, 'people.list', {})).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('a write to a read-only book answers read_only (PRAGMA query_only)', async () => {
    const ctx = await openTestContext();
    ctx.db.pragma('query_only = ON');
    expect(dispatch(ctx, 'people.create', { givenName: 'Ann' })).toEqual({ ok: false, error: { code: 'read_only', message: expect.stringMatching(/read-only.*not saved.*writable/) } });
  });

  it.skipIf(!canMount)('a full disk (a 3 MB tmpfs) answers disk_full to the write that does not fit, and the station keeps answering', async () => {
    const dataDir = tempDataDir();
    const station = await startStationChild(dataDir, [], inMountNamespace(`mount -t tmpfs -o size=3m tmpfs "${dataDir}"`));
    try {
      const answers: string[] = [];
      for (let n = 0; n < 400 && !answers.includes('disk_full'); n++) {
        const a = await call(station, 'people.create', { givenName: `Filler ${n}`, notes: crypto.randomBytes(9_000).toString('hex') });
        answers.push(a.ok ? 'ok' : (a.error?.code ?? '?'));
        if (!a.ok) expect(a.error?.message).toMatch(/disk that holds your book is full.*Free some space/);
      }
      expect(answers).toContain('disk_full');
      expect(answers.filter((a) => a !== 'ok' && a !== 'disk_full')).toEqual([]);
      const listed = await call<{ total: number }>(station, 'people.list', {});
      expect(listed).toMatchObject({ ok: true, value: { total: answers.filter((a) => a === 'ok').length } });
    } finally {
      await station.kill();
    }
  }, 120_000);
});

describe('start-up that cannot open the book', () => {
  it.skipIf(!canMount)('a read-only data folder is named as such, with what to do — not as a damaged book', async () => {
    const dataDir = tempDataDir();
    await bookWith(dataDir, ['Ann']);
    const { stderr } = await stationFails(dataDir, [], inMountNamespace(`mount --bind "${dataDir}" "${dataDir}" && mount -o remount,bind,ro "${dataDir}"`));
    expect(stderr).toMatch(/cannot write to the data folder .* read-only/);
    expect(stderr).toMatch(/Make it writable again/);
    expect(stderr).not.toMatch(/damaged|restore-latest-backup/);
  }, 60_000);

  it.skipIf(!canMount)('a read-only book file is named as such, and left unchanged', async () => {
    const dataDir = tempDataDir();
    await bookWith(dataDir, ['Ann']);
    const file = path.join(dataDir, DATABASE_FILE);
    const before = sha256(file);
    const { stderr } = await stationFails(dataDir, [], inMountNamespace(`mount --bind "${file}" "${file}" && mount -o remount,bind,ro "${file}"`));
    expect(stderr).toMatch(/cannot write to the book file .*rapport\.db: it is read-only/);
    expect(stderr).not.toMatch(/damaged/);
    expect(sha256(file)).toBe(before);
  }, 60_000);

  it('a book whose format number does not match its tables says so, changes nothing and leaves no copy of itself as a backup', async () => {
    const dataDir = tempDataDir();
    await bookWith(dataDir, ['Ann']);
    const file = path.join(dataDir, DATABASE_FILE);
    const db = new Database(file);
    db.pragma('user_version = 3');
    db.close();
    const before = sha256(file);
    const error = await openStore(dataDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('database_damaged');
    expect((error as AppError).message).toMatch(/says it is in data format 3, but its tables do not match that format/);
    expect((error as AppError).message).toMatch(/It was not changed\. There is no backup .* to restore from\. To start a new, empty book, move .* to another folder first/);
    expect(sha256(file)).toBe(before);
    expect(listBackups(dataDir)).toEqual([]);
    const { stderr } = await stationFails(dataDir);
    expect(stderr).toMatch(/data format 3/);
    expect(stderr).not.toMatch(/restore-latest-backup/);
  }, 60_000);

  it('a damaged book with no backup does not point at a flag that cannot help; the flag itself then answers plainly', async () => {
    const dataDir = tempDataDir();
    await bookWith(dataDir, ['Ann']);
    const file = path.join(dataDir, DATABASE_FILE);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 0, 100); // the header itself: not a database any more
    fs.writeFileSync(file, bytes);
    const plain = await stationFails(dataDir);
    expect(plain.stderr).toMatch(/damaged and was not changed\. There is no backup in .* to restore from/);
    expect(plain.stderr).not.toMatch(/restore-latest-backup/);
    const flagged = await stationFails(dataDir, ['--restore-latest-backup']);
    expect(flagged.stderr).toMatch(/There is no good backup in .* to restore from\. Nothing was changed\./);
  }, 60_000);

  it('a damaged book with a backup offers the flag, and the flag puts the backup in place', async () => {
    const dataDir = tempDataDir();
    await bookWith(dataDir, ['Ann']);
    {
      const store = await openStore(dataDir);
      await backupDatabase(store.db, dataDir, 'manual');
      store.close();
    }
    const file = path.join(dataDir, DATABASE_FILE);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 0, 100);
    fs.writeFileSync(file, bytes);
    const plain = await stationFails(dataDir);
    expect(plain.stderr).toMatch(/The latest good backup is .*-manual\.db.*\nStart again with --restore-latest-backup to put it in place\./s);
    const station = await startStationChild(dataDir, ['--restore-latest-backup']);
    try {
      expect(await call<{ items: { name: string }[] }>(station, 'people.list', {})).toMatchObject({ ok: true, value: { items: [{ name: 'Ann' }] } });
    } finally {
      await station.kill();
    }
  }, 60_000);
});
