import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/core/context';
import { openStore } from '../../electron/core/db/store';
import { createPerson } from '../../electron/core/services/people';
import { PersonInputSchema } from '../../shared/domain/person';
import { call, startStationChild } from '../helpers/station-child';
import { tempDataDir } from '../helpers/store';
import { peopleCsv } from '../helpers/writer';

/** Long jobs asked for at the same time, in a station with its job worker: each is answered, none breaks another. */
describe('long jobs asked together', () => {
  it('a restore asked while the day’s first backup is being taken waits for it; one asked during a preview waits for the preview’s connection', async () => {
    const dataDir = tempDataDir();
    {
      // Big enough that the daily backup at start is still running when the restore is asked for.
      const store = await openStore(dataDir);
      const ctx = createContext(store, 'station', 'test');
      createPerson(ctx, PersonInputSchema.parse({ givenName: 'Ann' }));
      const insert = store.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
      store.db.transaction(() => {
        for (let i = 0; i < 16; i++) insert.run(`ballast.${i}`, 'x'.repeat(2 * 1024 * 1024));
      })();
      const backup = path.join(dataDir, 'backups');
      fs.mkdirSync(backup);
      store.close();
      fs.copyFileSync(path.join(dataDir, 'rapport.db'), path.join(backup, 'rapport-2026-01-01T00-00-00-000Z-manual.db'));
    }
    const station = await startStationChild(dataDir);
    try {
      const first = await call(station, 'backups.restore', { name: 'rapport-2026-01-01T00-00-00-000Z-manual.db' });
      expect(first).toMatchObject({ ok: true });
      const preview = call<{ people: number }>(station, 'imports.preview', { fileName: 'people.csv', content: Buffer.from(peopleCsv(20_000)).toString('base64') });
      const second = call(station, 'backups.restore', { name: 'rapport-2026-01-01T00-00-00-000Z-manual.db' });
      expect(await preview).toMatchObject({ ok: true, value: { people: 20_000 } });
      expect(await second).toMatchObject({ ok: true });
      expect(await call(station, 'people.list', {})).toMatchObject({ ok: true, value: { items: [{ name: 'Ann' }] } });
      // A second long job while one runs is refused at once, naming it.
      // Sent together, on two connections: whichever the station reads first runs (not always the first sent).
      const both = await Promise.all([call(station, 'backups.create', {}), call(station, 'backups.create', {})]);
      expect(both.filter((a) => a.ok)).toHaveLength(1);
      expect(both.find((a) => !a.ok)).toMatchObject({ error: { code: 'busy', message: 'A backup is under way, so this backup was not started. Try again when it has finished.' } });
    } finally {
      await station.kill();
    }
  }, 120_000);
});
