/**
 * A process that imports one file into the book in a data folder, printing "progress <n>" as it
 * goes and "done <created>" once committed, then waiting to be killed (tests/integration/import-crash.test.ts).
 * Given a progress count, it stops at the first step past it, with the import still running (its
 * steps so far committed, its last one not), and says "paused <n>".
 */
import fs from 'node:fs';
import { createContext } from '../../electron/core/context';
import { openStore } from '../../electron/core/db/store';
import { applyImport } from '../../electron/core/import/apply';
import { readImportFile } from '../../electron/core/import/read';

const [dataDir, file, pauseAt] = process.argv.slice(2) as [string, string, string | undefined];
const pause = pauseAt ? Number(pauseAt) : Infinity;
let paused = false;
const store = await openStore(dataDir);
const ctx = createContext(store, 'station', 'crash-test');
const read = readImportFile(file, new Uint8Array(fs.readFileSync(file)));
// Writes to a pipe are synchronous on Linux, so each line is out before the next row is written.
const summary = applyImport(
  ctx,
  { fileName: file, file: read, duplicates: 'merge', byLine: {}, seminarId: null, mode: 'in_person', backup: '' },
  {
    progress: (done) => {
      process.stdout.write(`progress ${done}\n`);
      if (done < pause || paused) return;
      paused = true;
      process.stdout.write(`paused ${done}\n`);
      // Part of the import is written and it is still running: wait here for the kill.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
    },
  },
);
process.stdout.write(`done ${summary.created}\n`);
setInterval(() => {}, 60_000);
