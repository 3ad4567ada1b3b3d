import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DATABASE_FILE, openStore } from '../../electron/core/db/store';
import { insertPerson } from '../../electron/core/services/people';
import { planRanks } from '../../electron/core/services/search-index';
import { nameSortKey } from '../../shared/domain/names';
import { PersonInputSchema } from '../../shared/domain/person';
import { makePeople } from './synthetic-people';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** What a seeded book depends on: change any of these and the template is seeded again. */
const INPUTS = [
  'electron/core/db/migrations',
  'electron/core/db/store.ts',
  'electron/core/services/people.ts',
  'electron/core/services/search-index.ts',
  'shared/domain/names.ts',
  'shared/domain/person.ts',
  'tests/bench/synthetic-people.ts',
  'tests/bench/seed-book.ts',
];
const CACHE = path.join(os.tmpdir(), 'rapport-bench-cache');

function digestOf(count: number): string {
  const hash = crypto.createHash('sha256').update(String(count));
  const files = INPUTS.flatMap((input) => {
    const full = path.join(ROOT, input);
    return fs.statSync(full).isDirectory() ? fs.readdirSync(full).sort().map((f) => path.join(full, f)) : [full];
  });
  for (const file of files) hash.update(file).update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Seeds `count` synthetic people the way an import writes them: ranks planned once, rows written in
 * name order (so the people table, its indexes and the search index grow at their ends), in a few
 * big transactions. One-by-one inserts with a neighbour look-up each took ~105 s for 100,000.
 */
async function seed(dataDir: string, count: number): Promise<void> {
  const store = await openStore(dataDir);
  try {
    const db = store.db;
    const people = makePeople(count).map((p) => PersonInputSchema.parse(p));
    const keyed = people.map((person) => ({ person, key: nameSortKey(person) })).sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
    const at = new Date().toISOString();
    const ranks = planRanks(db, keyed.map((k) => k.key));
    const BATCH = 20_000;
    for (let i = 0; i < keyed.length; i += BATCH) {
      db.transaction(() => {
        for (let j = i; j < Math.min(keyed.length, i + BATCH); j++) insertPerson(db, (keyed[j] as { person: (typeof people)[number] }).person, at, { rank: ranks[j] as number, deferIndex: false });
      })();
    }
    db.pragma('optimize');
  } finally {
    store.close();
  }
}

/**
 * A book of `count` synthetic people in `dataDir`: a copy of a template seeded once per version of
 * the schema and seeding code (kept in the system's temporary folder between runs), else seeded now.
 * Returns the seconds it took and whether the template was reused.
 */
export async function seededBook(dataDir: string, count: number, log: (message: string) => void): Promise<void> {
  const started = performance.now();
  const template = path.join(CACHE, `people-${count}-${digestOf(count)}.db`);
  if (!fs.existsSync(template)) {
    log(`Seeding ${count.toLocaleString()} people (a template for later runs: ${template}) …`);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-seed-'));
    try {
      await seed(scratch, count);
      fs.mkdirSync(CACHE, { recursive: true, mode: 0o700 });
      for (const old of fs.readdirSync(CACHE)) if (old.startsWith(`people-${count}-`)) fs.rmSync(path.join(CACHE, old), { force: true });
      // Closed, so the WAL is folded in: the one file is the whole book. Renamed in whole, so a cut-short run leaves no half template.
      fs.copyFileSync(path.join(scratch, DATABASE_FILE), `${template}.partial`);
      fs.renameSync(`${template}.partial`, template);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  } else {
    log(`Copying the seeded template of ${count.toLocaleString()} people (${template}) …`);
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.copyFileSync(template, path.join(dataDir, DATABASE_FILE));
  fs.chmodSync(path.join(dataDir, DATABASE_FILE), 0o600);
  log(`Book ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
