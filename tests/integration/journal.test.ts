import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { JOURNAL_LIMIT_BYTES, emptyJournal, restartLongJournal } from '../../electron/core/db/journal';
import { applyPragmas } from '../../electron/core/db/pragmas';
import { openTestContext } from '../helpers/store';

/**
 * A job writing in steps on its own connection while the main connection writes between them
 * (as an import beside the check-in table does): the journal must not grow without end, or the
 * next swap or truncation of it keeps a check-in waiting for hundreds of milliseconds. (In the
 * station, with the job in its own thread, SQLite did not start the journal over by itself: a
 * 100,000-row import left 660 MB — `npm run bench -- --only concurrency` shows the waits; here,
 * in one thread, the turns are too orderly to show that, so this checks the bound and the end.)
 */
async function writeInTurns(): Promise<{ largest: number; atEnd: number }> {
  const ctx = await openTestContext();
  const file = ctx.store.path;
  ctx.db.exec('CREATE TABLE IF NOT EXISTS scratch (id INTEGER PRIMARY KEY, body BLOB)');
  // As while a job runs (jobs/host.ts): the main connection leaves checkpoints to the job.
  ctx.db.pragma('wal_autocheckpoint = 0');
  const job = new Database(file);
  applyPragmas(job);
  job.pragma('synchronous = NORMAL');
  job.pragma('wal_autocheckpoint = 10000');
  const step = job.prepare('INSERT INTO scratch (body) VALUES (?)');
  const main = ctx.db.prepare('INSERT INTO scratch (body) VALUES (?)');
  const body = Buffer.alloc(8 * 1024, 7);
  let largest = 0;
  try {
    // ~160 MB in steps of ~1 MB, a main-thread write and read between every two.
    for (let n = 0; n < 160; n++) {
      job.transaction(() => {
        for (let i = 0; i < 120; i++) step.run(body);
      })();
      main.run(Buffer.from('check-in'));
      ctx.db.prepare('SELECT count(*) FROM scratch').get();
      restartLongJournal(job, file);
      largest = Math.max(largest, fs.statSync(`${file}-wal`).size);
    }
    emptyJournal(job);
    return { largest, atEnd: fs.statSync(`${file}-wal`).size };
  } finally {
    job.close();
  }
}

describe('the journal while a job writes in steps', () => {
  it('started over between steps, stays near the limit, and is empty at the job’s end', async () => {
    const { largest, atEnd } = await writeInTurns();
    // The limit, plus the step that crossed it.
    expect(largest).toBeLessThan(JOURNAL_LIMIT_BYTES + 4 * 1024 * 1024);
    expect(atEnd).toBe(0);
  });
});
