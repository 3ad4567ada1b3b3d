import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchAsync } from '../../electron/core/api';
import { backupDatabase, backupsDir, listBackups } from '../../electron/core/db/backup';
import { exportFull } from '../../electron/core/services/exports';
import { createPerson } from '../../electron/core/services/people';
import { PersonInputSchema } from '../../shared/domain/person';
import { DATABASE_FILE, openStore, restoreLatestGoodBackup } from '../../electron/core/db/store';
import { startStationProcess, type StationProcess } from '../helpers/station-process';
import { openTestContext, tempDataDir } from '../helpers/store';

const mode = (file: string) => fs.statSync(file).mode & 0o777;
const stations: StationProcess[] = [];

afterEach(async () => {
  for (const station of stations.splice(0)) await station.stop();
});

describe.skipIf(process.platform === 'win32')('the book is its owner’s alone (0600)', () => {
  it('creates the book, its WAL and shared memory, the backups and their folder private', async () => {
    const dataDir = tempDataDir();
    const store = await openStore(path.join(dataDir, 'new'));
    store.db.prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run();
    const book = path.join(dataDir, 'new', DATABASE_FILE);
    for (const file of [book, `${book}-wal`, `${book}-shm`]) expect(mode(file), file).toBe(0o600);
    expect(mode(path.join(dataDir, 'new'))).toBe(0o700);
    const backup = await backupDatabase(store.db, store.dataDir, 'manual');
    expect(mode(backup)).toBe(0o600);
    expect(mode(backupsDir(store.dataDir))).toBe(0o700);
    store.close();
  });

  it('narrows a book and backups an older Rapport left world-readable, and a restored copy is private too', async () => {
    const dataDir = tempDataDir();
    const first = await openStore(dataDir);
    await backupDatabase(first.db, dataDir, 'manual');
    first.close();
    const book = path.join(dataDir, DATABASE_FILE);
    const [backup] = listBackups(dataDir);
    fs.chmodSync(book, 0o644);
    fs.chmodSync(backup?.path ?? '', 0o644);
    fs.chmodSync(backupsDir(dataDir), 0o755);

    const again = await openStore(dataDir);
    for (const file of [book, `${book}-wal`, `${book}-shm`]) expect(mode(file), file).toBe(0o600);
    await backupDatabase(again.db, dataDir, 'manual');
    expect(mode(backupsDir(dataDir))).toBe(0o700);
    again.close();

    fs.rmSync(book);
    restoreLatestGoodBackup(dataDir);
    expect(mode(book)).toBe(0o600);
  });

  it('a restore and a full import swap in a private book and keep private safety copies (no umask to lean on)', async () => {
    const everyFile = (dataDir: string) => [dataDir, ...fs.readdirSync(dataDir).map((f) => path.join(dataDir, f)), ...fs.readdirSync(backupsDir(dataDir)).map((f) => path.join(backupsDir(dataDir), f))];
    const ctx = await openTestContext(path.join(tempDataDir(), 'book'));
    createPerson(ctx, PersonInputSchema.parse({ givenName: 'Ann' }));
    const taken = await dispatchAsync(ctx, 'backups.create', {});
    if (!taken.ok) throw new Error(taken.error.message);
    createPerson(ctx, PersonInputSchema.parse({ givenName: 'Ben' }));
    // A backup left world-readable by an older Rapport: the book restored from it is private all the same.
    fs.chmodSync(path.join(backupsDir(ctx.store.dataDir), (taken.value as { name: string }).name), 0o644);
    fs.chmodSync(path.join(backupsDir(ctx.store.dataDir)), 0o700);
    expect(await dispatchAsync(ctx, 'backups.restore', { name: (taken.value as { name: string }).name })).toMatchObject({ ok: true });
    createPerson(ctx, PersonInputSchema.parse({ givenName: 'Cy' }));
    for (const file of everyFile(ctx.store.dataDir).filter((f) => !f.endsWith(`${(taken.value as { name: string }).name}`))) {
      expect(mode(file), file).toBe(fs.statSync(file).isDirectory() ? 0o700 : 0o600);
    }

    const empty = await openTestContext(path.join(tempDataDir(), 'empty'));
    expect(await dispatchAsync(empty, 'imports.full', { content: Buffer.from(exportFull(ctx, true).content).toString('base64') })).toMatchObject({ ok: true });
    createPerson(empty, PersonInputSchema.parse({ givenName: 'Dee' }));
    const files = everyFile(empty.store.dataDir);
    expect(files.some((f) => f.endsWith('-before-import.db'))).toBe(true);
    for (const file of files) expect(mode(file), file).toBe(fs.statSync(file).isDirectory() ? 0o700 : 0o600);
  });

  it('leaves a data folder it did not create as it was (--data may name any folder)', async () => {
    const dataDir = tempDataDir();
    fs.chmodSync(dataDir, 0o755);
    const store = await openStore(dataDir);
    store.close();
    expect(mode(dataDir)).toBe(0o755);
    expect(mode(path.join(dataDir, DATABASE_FILE))).toBe(0o600);
  });

  it('a station started as a person starts one writes only private files, and its API needs the printed key', async () => {
    const dataDir = path.join(tempDataDir(), 'book');
    const station = await startStationProcess(dataDir, { from: 'source' });
    stations.push(station);
    expect(station.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await station.api('people.create', { givenName: 'Ann' })).toMatchObject({ ok: true });
    expect(await station.api('backups.create', {})).toMatchObject({ ok: true });
    const refused = await fetch(`${station.url}/api/exports.full`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"includePersonal":true}' });
    expect(refused.status).toBe(401);
    const files = [...fs.readdirSync(dataDir).map((f) => path.join(dataDir, f)), ...fs.readdirSync(backupsDir(dataDir)).map((f) => path.join(backupsDir(dataDir), f))];
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) expect(mode(file), file).toBe(fs.statSync(file).isDirectory() ? 0o700 : 0o600);
  });
});
