import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/core/context';
import { openStore } from '../../electron/core/db/store';
import { tempDataDir } from '../helpers/store';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ROWS = 100_000;

function writeCsv(dir: string): string {
  const file = path.join(dir, 'people.csv');
  const lines = ['First Name,Last Name,E-mail Address,Mobile Phone'];
  for (let i = 0; i < ROWS; i++) lines.push(`Person${i},Family${i % 997},person${i}@example.com,+1 717 ${String(i).padStart(7, '0')}`);
  fs.writeFileSync(file, lines.join('\r\n'));
  return file;
}

/** Runs the import in its own process and SIGKILLs it once a line says so; resolves with the last line seen. */
function importAndKill(dataDir: string, file: string, killWhen: (line: string) => boolean, pauseAt: number | null = null): Promise<string> {
  const args = [path.join(ROOT, 'tests/helpers/import-child.ts'), dataDir, file, ...(pauseAt === null ? [] : [String(pauseAt)])];
  // Node itself with tsx's loader, not the tsx command: that one runs the script in a child a SIGKILL would not reach.
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    let last = '';
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      last = line;
      if (killWhen(line)) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(last) : reject(new Error(`the import ended on its own: ${stderr}`))));
  });
}

/** Opens the book as the app does at start, and reads what it holds. */
async function restart(dataDir: string) {
  const store = await openStore(dataDir);
  const ctx = createContext(store, 'station', 'crash-test');
  const n = (sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;
  const state = {
    integrity: ctx.db.pragma('integrity_check', { simple: true }),
    people: n('SELECT count(*) AS n FROM people'),
    searchRows: n('SELECT count(*) AS n FROM people_search'),
    emails: n('SELECT count(*) AS n FROM person_emails'),
    imports: n('SELECT count(*) AS n FROM imports'),
  };
  ctx.db.prepare("INSERT INTO people_search (people_search) VALUES ('integrity-check')").run();
  store.close();
  return state;
}

describe('an import killed with SIGKILL', () => {
  it(`in the middle of ${ROWS.toLocaleString()} rows leaves none of it; once it has said done, all of it`, async () => {
    const dataDir = tempDataDir();
    const file = writeCsv(dataDir);

    const killedAt = await importAndKill(dataDir, file, (line) => line.startsWith('paused'), ROWS / 2);
    expect(killedAt).toMatch(/^paused \d+$/);
    expect(Number(killedAt.split(' ')[1])).toBeGreaterThanOrEqual(ROWS / 2);
    // A quarter of the rows (each counts twice) were committed in short steps of the running import, into the journal.
    expect(fs.statSync(path.join(dataDir, 'rapport.db-wal')).size).toBeGreaterThan(1_000_000);
    expect(await restart(dataDir)).toEqual({ integrity: 'ok', people: 0, searchRows: 0, emails: 0, imports: 0 });

    const afterDone = await importAndKill(dataDir, file, (line) => line.startsWith('done'));
    expect(afterDone).toBe(`done ${ROWS}`);
    expect(await restart(dataDir)).toEqual({ integrity: 'ok', people: ROWS, searchRows: ROWS, emails: ROWS, imports: 1 });
  }, 180_000);
});
