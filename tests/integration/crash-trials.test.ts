import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/core/context';
import { backupDatabase, listBackups } from '../../electron/core/db/backup';
import { DATABASE_FILE, openStore } from '../../electron/core/db/store';
import { applyImport } from '../../electron/core/import/apply';
import { readImportFile } from '../../electron/core/import/read';
import { createPerson } from '../../electron/core/services/people';
import { PersonInputSchema } from '../../shared/domain/person';
import { call, startStationChild } from '../helpers/station-child';
import { tempDataDir } from '../helpers/store';
import { namesIn, peopleCsv, startWriter } from '../helpers/writer';

/**
 * SIGKILL at random moments of an import and of a restore, with a client writing every 20 ms:
 * after the next start the book holds all of the job or none of it, and every write that was
 * acknowledged. Each trial prints its moment, so a failure can be replayed.
 */
const TRIALS = 3;
const IMPORT_ROWS = 20_000;

const randomMoment = (from: number, to: number) => Math.round(from + Math.random() * (to - from));

/** The book after the next start (openStore finishes or takes back what the crash left), as plain facts. */
async function afterRestart(dataDir: string) {
  const store = await openStore(dataDir);
  try {
    const db = store.db;
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    db.prepare("INSERT INTO people_search (people_search) VALUES ('integrity-check')").run();
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      imported: n("SELECT count(*) AS n FROM people WHERE given_name LIKE 'Person%'"),
      imports: n("SELECT count(*) AS n FROM imports WHERE state = 'done'"),
      unfinished: n("SELECT count(*) AS n FROM imports WHERE state != 'done'"),
      searchRows: n('SELECT count(*) AS n FROM people_search'),
      people: n('SELECT count(*) AS n FROM people'),
      litter: fs.readdirSync(dataDir).filter((f) => /^rapport-(restoring|building)-|^rapport-swap\.json$/.test(f)),
      partials: fs.existsSync(path.join(dataDir, 'backups')) ? fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => f.includes('.partial')) : [],
    };
  } finally {
    store.close();
  }
}

describe('crash trials', () => {
  for (let trial = 1; trial <= TRIALS; trial++) {
    it(`an import of ${IMPORT_ROWS.toLocaleString()} rows killed at a random moment (trial ${trial}): all or nothing, and every acknowledged write`, async () => {
      const dataDir = tempDataDir();
      const station = await startStationChild(dataDir);
      const writer = startWriter(station, 'Writer');
      const moment = randomMoment(100, 8000);
      console.log(`import trial ${trial}: SIGKILL after ${moment} ms`);
      void call(station, 'imports.run', { fileName: 'people.csv', content: Buffer.from(peopleCsv(IMPORT_ROWS)).toString('base64') }).catch(() => {});
      await new Promise((r) => setTimeout(r, moment));
      await station.kill();
      await writer.stop();

      const after = await afterRestart(dataDir);
      console.log(`import trial ${trial}: after the restart ${after.imported ? 'all' : 'none'} of the import, ${writer.acknowledged().length} acknowledged writes`);
      expect(after.integrity).toBe('ok');
      expect([0, IMPORT_ROWS]).toContain(after.imported);
      expect(after.imports).toBe(after.imported === 0 ? 0 : 1);
      expect(after.unfinished).toBe(0);
      expect(after.searchRows).toBe(after.people);
      const inBook = namesIn(path.join(dataDir, DATABASE_FILE), 'Writer');
      expect(writer.acknowledged().filter((name) => !inBook.has(name))).toEqual([]);
      expect(after.people).toBe(after.imported + inBook.size);
    }, 180_000);
  }

  for (let trial = 1; trial <= TRIALS; trial++) {
    it(`a restore killed at a random moment (trial ${trial}): the old book or the backup, and every acknowledged write in it or in the safety copy`, async () => {
      const dataDir = tempDataDir();
      {
        // A book worth restoring (the import in-thread, for speed), its backup, and a write after the backup.
        const store = await openStore(dataDir);
        const ctx = createContext(store, 'station', 'test');
        const file = readImportFile('people.csv', new TextEncoder().encode(peopleCsv(IMPORT_ROWS)));
        applyImport(ctx, { fileName: 'people.csv', file, duplicates: 'merge', byLine: {}, seminarId: null, mode: 'in_person', backup: '' });
        await backupDatabase(store.db, dataDir, 'manual');
        createPerson(ctx, PersonInputSchema.parse({ givenName: 'Writer-after-backup' }));
        store.close();
      }
      const backup = listBackups(dataDir).find((b) => b.reason === 'manual')?.name as string;
      const station = await startStationChild(dataDir);
      // The day's first start takes its own backup first; the restore waits for it.
      while (!(await call<{ reason: string }[]>(station, 'backups.list')).value.some((b) => b.reason === 'daily')) await new Promise((r) => setTimeout(r, 50));
      const writer = startWriter(station, 'Writer');
      const moment = randomMoment(0, 2500);
      console.log(`restore trial ${trial}: SIGKILL after ${moment} ms`);
      void call(station, 'backups.restore', { name: backup }).catch(() => {});
      await new Promise((r) => setTimeout(r, moment));
      await station.kill();
      await writer.stop();

      const after = await afterRestart(dataDir);
      expect(after.integrity).toBe('ok');
      expect(after.litter).toEqual([]);
      expect(after.partials).toEqual([]);
      expect(after.imported).toBe(IMPORT_ROWS);
      const acknowledged = ['Writer-after-backup', ...writer.acknowledged()];
      const book = namesIn(path.join(dataDir, DATABASE_FILE), 'Writer');
      const safetyCopy = listBackups(dataDir).find((b) => b.reason === 'before-restore');
      console.log(`restore trial ${trial}: after the restart the ${book.has('Writer-after-backup') ? 'old book' : 'restored backup'}, ${acknowledged.length} acknowledged writes`);
      if (book.has('Writer-after-backup')) {
        // Not restored: the book is the old one, whole.
        expect(safetyCopy).toBeUndefined();
        expect(acknowledged.filter((name) => !book.has(name))).toEqual([]);
      } else {
        // Restored: what was acknowledged before the swap is in the safety copy, what came after in the book.
        expect(safetyCopy).toBeDefined();
        const safety = namesIn(safetyCopy?.path as string, 'Writer');
        const beforeSwap = acknowledged.filter((name) => safety.has(name));
        expect(beforeSwap).toEqual(acknowledged.slice(0, beforeSwap.length));
        expect(acknowledged.slice(beforeSwap.length).filter((name) => !book.has(name))).toEqual([]);
      }
    }, 180_000);
  }
});
