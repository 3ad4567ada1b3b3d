import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/core/context';
import { backupDatabase, backupPath, listBackups } from '../../electron/core/db/backup';
import { stageBackup } from '../../electron/core/db/staging';
import { DATABASE_FILE, openStore } from '../../electron/core/db/store';
import { stagedBookPath, SWAP_JOURNAL } from '../../electron/core/db/swap';
import { createPerson, listPeople } from '../../electron/core/services/people';
import { PeopleListInput } from '../../shared/contract';
import { PersonInputSchema } from '../../shared/domain/person';
import { tempDataDir } from '../helpers/store';

/**
 * A restore swaps files: the book is renamed to its safety copy, then the staged backup takes the
 * book's name. A crash can fall before, between or after those renames; the next start must find
 * one whole book, never none and never a mix.
 */
async function bookWithStagedBackup() {
  const dataDir = tempDataDir();
  const store = await openStore(dataDir);
  const ctx = createContext(store, 'station', 'test');
  createPerson(ctx, PersonInputSchema.parse({ givenName: 'Ann' }));
  const backup = await backupDatabase(store.db, dataDir, 'manual');
  createPerson(ctx, PersonInputSchema.parse({ givenName: 'Ben' }));
  store.close();
  const staged = stagedBookPath(dataDir, 'restoring', new Date());
  stageBackup(backup, staged, path.basename(backup));
  const aside = backupPath(dataDir, 'before-restore', new Date(Date.now() + 1000));
  fs.writeFileSync(path.join(dataDir, SWAP_JOURNAL), JSON.stringify({ staged, aside }));
  return { dataDir, book: path.join(dataDir, DATABASE_FILE), staged, aside };
}

async function namesAfterStart(dataDir: string): Promise<string[]> {
  const store = await openStore(dataDir);
  try {
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    return listPeople(createContext(store, 'station', 'test'), PeopleListInput.parse({})).items.map((p) => p.name);
  } finally {
    store.close();
  }
}

const leftovers = (dataDir: string) => fs.readdirSync(dataDir).filter((f) => f === SWAP_JOURNAL || f.startsWith('rapport-restoring-'));

describe('a restore cut short by a crash', () => {
  it('before its first rename: the book is as it was, the staged copy is removed', async () => {
    const { dataDir } = await bookWithStagedBackup();
    expect(await namesAfterStart(dataDir)).toEqual(['Ann', 'Ben']);
    expect(leftovers(dataDir)).toEqual([]);
  });

  it('between its renames: the staged backup becomes the book, the old book is kept as the safety copy', async () => {
    const { dataDir, book, aside } = await bookWithStagedBackup();
    fs.renameSync(book, aside);
    expect(await namesAfterStart(dataDir)).toEqual(['Ann']);
    expect(leftovers(dataDir)).toEqual([]);
    expect(listBackups(dataDir).map((b) => b.reason)).toContain('before-restore');
    fs.mkdirSync(path.join(dataDir, 'check'));
    fs.copyFileSync(aside, path.join(dataDir, 'check', DATABASE_FILE));
    expect(await namesAfterStart(path.join(dataDir, 'check'))).toEqual(['Ann', 'Ben']);
  });

  it('after both renames: the restored book stays and the journal goes', async () => {
    const { dataDir, book, staged, aside } = await bookWithStagedBackup();
    fs.renameSync(book, aside);
    fs.renameSync(staged, book);
    expect(await namesAfterStart(dataDir)).toEqual(['Ann']);
    expect(leftovers(dataDir)).toEqual([]);
  });
});
