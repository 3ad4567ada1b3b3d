import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, dispatchAsync } from '../../electron/core/api';
import { eventsOf } from '../../electron/core/events';
import type { BookEvent } from '../../shared/events';
import { backupDatabase, dailyBackup, listBackups, rotateBackups } from '../../electron/core/db/backup';
import { DATABASE_FILE, openStore, restoreLatestGoodBackup } from '../../electron/core/db/store';
import { createContext } from '../../electron/core/context';
import { countPeople, createPerson } from '../../electron/core/services/people';
import { backupRotation, setBackupRotation } from '../../electron/core/services/backups';
import { PersonInputSchema } from '../../shared/domain/person';
import { AppError } from '../../shared/errors';
import { openTestContext, tempDataDir } from '../helpers/store';

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const add = (ctx: Awaited<ReturnType<typeof openTestContext>>, givenName: string) => createPerson(ctx, PersonInputSchema.parse({ givenName }));

describe('backups', () => {
  it('takes one checked daily backup per day, and rotation keeps 7 daily and 4 weekly', async () => {
    const ctx = await openTestContext();
    const dir = ctx.store.dataDir;
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 8));
    expect(await dailyBackup(ctx.db, dir, day(0))).not.toBeNull();
    expect(await dailyBackup(ctx.db, dir, new Date(day(0).getTime() + 3_600_000))).toBeNull();
    for (let n = 1; n < 60; n++) await dailyBackup(ctx.db, dir, day(n));
    await backupDatabase(ctx.db, dir, 'manual', day(60));
    const kept = listBackups(dir);
    const daily = kept.filter((b) => b.reason === 'daily');
    expect(daily).toHaveLength(7 + 4);
    expect(daily.slice(0, 7).map((b) => b.takenAt.slice(0, 10))).toEqual(Array.from({ length: 7 }, (_, i) => day(59 - i).toISOString().slice(0, 10)));
    expect(kept.filter((b) => b.reason === 'manual')).toHaveLength(1);
    expect(rotateBackups(dir)).toEqual([]);
  });

  it('restores a backup in place, after a safety copy of the current state', async () => {
    const ctx = await openTestContext();
    add(ctx, 'Ann');
    const envelope = await dispatchAsync(ctx, 'backups.create', {});
    expect(envelope.ok).toBe(true);
    const taken = (envelope as { value: { name: string } }).value;
    add(ctx, 'Ben');
    add(ctx, 'Cy');
    expect(countPeople(ctx)).toBe(3);
    const restored = await dispatchAsync(ctx, 'backups.restore', { name: taken.name });
    expect(restored).toMatchObject({ ok: true, value: { restored: { name: taken.name }, safetyCopy: { reason: 'before-restore' } } });
    expect(countPeople(ctx)).toBe(1);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    add(ctx, 'Dee'); // the restored book takes writes as before
    expect(countPeople(ctx)).toBe(2);
    expect(await dispatchAsync(ctx, 'backups.restore', { name: 'rapport-nonsense.db' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('tells every open screen to read again after a restore, and keeps telling them about the restored book', async () => {
    const ctx = await openTestContext();
    add(ctx, 'Ann');
    const taken = await dispatchAsync(ctx, 'backups.create', {});
    if (!taken.ok) throw new Error(taken.error.message);
    add(ctx, 'Ben');
    const heard: BookEvent[] = [];
    const stop = eventsOf(ctx).subscribe((e) => heard.push(e));
    expect(await dispatchAsync(ctx, 'backups.restore', { name: (taken.value as { name: string }).name })).toMatchObject({ ok: true });
    expect(heard.map((e) => e.type)).toEqual(['book']);
    expect(countPeople(ctx)).toBe(1);
    // The restore opened a new connection to the new book; listeners subscribed before it still hear what follows.
    const cy = createPerson(ctx, PersonInputSchema.parse({ givenName: 'Cy' }));
    expect(dispatch(ctx, 'people.delete', { id: cy.id })).toMatchObject({ ok: true });
    expect(heard.map((e) => e.type)).toEqual(['book', 'book']);
    stop();
  });

  it('refuses to open a damaged book without touching it, and puts the latest good backup in its place on request', async () => {
    const dir = tempDataDir();
    const first = await openStore(dir);
    const ctx = createContext(first, 'station', 'test');
    add(ctx, 'Ann');
    await backupDatabase(first.db, dir, 'manual');
    add(ctx, 'Ben');
    first.close();

    const file = path.join(dir, DATABASE_FILE);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 4096, 8192); // scribble over a page: what a failing disk does
    fs.writeFileSync(file, bytes);
    const before = sha256(file);

    const error = await openStore(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('database_damaged');
    expect((error as AppError).message).toMatch(/damaged and was not changed/);
    expect((error as AppError).fields?.latestBackup).toMatch(/-manual\.db$/);
    expect(sha256(file)).toBe(before);

    const used = restoreLatestGoodBackup(dir);
    expect(used.reason).toBe('manual');
    const damagedKept = fs.readdirSync(dir).filter((f) => f.startsWith('rapport-damaged-') && f.endsWith('.db'));
    expect(damagedKept).toHaveLength(1);
    expect(sha256(path.join(dir, damagedKept[0] as string))).toBe(before);
    const reopened = await openStore(dir);
    try {
      expect(countPeople(createContext(reopened, 'station', 'test'))).toBe(1);
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      reopened.close();
    }
  });
});

describe('backups kept', () => {
  it('are as many as the owner says; fewer removes the oldest at once and the daily backup keeps to it', async () => {
    const ctx = await openTestContext();
    expect(backupRotation(ctx)).toEqual({ daily: 7, weekly: 4, other: 20 });
    for (let i = 0; i < 4; i++) await backupDatabase(ctx.db, ctx.store.dataDir, 'manual', new Date(Date.UTC(2031, 0, 1 + i)));
    const { removed } = setBackupRotation(ctx, { daily: 2, weekly: 0, other: 2 });
    expect(removed).toHaveLength(2);
    expect(listBackups(ctx.store.dataDir).map((b) => b.takenAt.slice(0, 10))).toEqual(['2031-01-04', '2031-01-03']);
    for (let i = 0; i < 3; i++) await dailyBackup(ctx.db, ctx.store.dataDir, new Date(Date.UTC(2031, 1, 1 + i)), backupRotation(ctx));
    expect(listBackups(ctx.store.dataDir).filter((b) => b.reason === 'daily').map((b) => b.takenAt.slice(0, 10))).toEqual(['2031-02-03', '2031-02-02']);
  });
});
