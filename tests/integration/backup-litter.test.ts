import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchAsync } from '../../electron/core/api';
import { dailyBackup, listBackups } from '../../electron/core/db/backup';
import { openStore } from '../../electron/core/db/store';
import { startStationChild } from '../helpers/station-child';
import { openTestContext, tempDataDir } from '../helpers/store';

/** Issue 14, item 11: backups leave nothing but themselves, even after a crash. */
const backupsFolder = (dataDir: string) => path.join(dataDir, 'backups');

describe('backups leave no litter', () => {
  it('a backup by hand, the daily one and a restore leave only finished backups in the folder', async () => {
    const ctx = await openTestContext();
    await dispatchAsync(ctx, 'people.create', { givenName: 'Ann' });
    await dailyBackup(ctx.db, ctx.store.dataDir, new Date());
    const taken = await dispatchAsync(ctx, 'backups.create', {});
    expect(taken.ok).toBe(true);
    expect(await dispatchAsync(ctx, 'backups.restore', { name: (taken as { value: { name: string } }).value.name })).toMatchObject({ ok: true });
    const files = fs.readdirSync(backupsFolder(ctx.store.dataDir)).sort();
    expect(files).toHaveLength(3);
    expect(files.every((f) => /^rapport-.+-(daily|manual|before-restore)\.db$/.test(f))).toBe(true);
    expect(listBackups(ctx.store.dataDir).map((b) => b.name).sort()).toEqual(files);
    expect(fs.readdirSync(ctx.store.dataDir).filter((f) => f !== 'backups' && !/^rapport\.db(-wal|-shm)?$/.test(f))).toEqual([]);
  });

  it('a copy a crash cut short is removed at the next start', async () => {
    const dataDir = tempDataDir();
    {
      // A book big enough that its copy takes a while: 64 MB of settings.
      const store = await openStore(dataDir);
      const insert = store.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
      store.db.transaction(() => {
        for (let i = 0; i < 32; i++) insert.run(`ballast.${i}`, 'x'.repeat(2 * 1024 * 1024));
      })();
      store.close();
    }
    // The day's first start begins its backup at once: kill the station while that copy is being written.
    const station = await startStationChild(dataDir);
    const partial = () => (fs.existsSync(backupsFolder(dataDir)) ? fs.readdirSync(backupsFolder(dataDir)).filter((f) => f.includes('.partial')) : []);
    while (partial().length === 0 && listBackups(dataDir).length === 0) await new Promise((r) => setTimeout(r, 1));
    await station.kill();
    const left = partial();
    expect(left.length, 'the copy was caught half-written').toBeGreaterThan(0);
    expect(left[0]).toMatch(/-daily\.db\.partial$/);
    const store = await openStore(dataDir);
    store.close();
    expect(partial()).toEqual([]);
    expect(listBackups(dataDir)).toEqual([]);
  }, 120_000);
});
