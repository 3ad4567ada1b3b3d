/**
 * Import of a generated 100,000-row CSV (Outlook columns, ~20,000 organisations; 3% of people listed twice with
 * their email in another case, a few rows with no name or a bad email) into an empty book, end to
 * end: decode, parse, match, insert in short steps (as the job worker does, here in-thread) —
 * beside the bare baseline: the same rows inserted into people, person_emails and person_phones by
 * prepared statements in one transaction.
 * Run alone with `tsx tests/bench/import.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { createContext } from '../../electron/core/context';
import { openStore } from '../../electron/core/db/store';
import { applyImport } from '../../electron/core/import/apply';
import { readImportFile } from '../../electron/core/import/read';
import { nameSortKey } from '../../shared/domain/names';
import { makePeople } from './synthetic-people';
import type { Row } from './run';

const ROWS = Number(process.env.RAPPORT_BENCH_IMPORT_ROWS ?? 100_000);
const ROUNDS = 3;

function csvOf(count: number): { bytes: Uint8Array; bad: number; twice: number } {
  const people = makePeople(count);
  const rows: string[][] = [['First Name', 'Last Name', 'Company', 'Job Title', 'E-mail Address', 'Mobile Phone', 'Categories']];
  let bad = 0;
  let twice = 0;
  people.forEach((p, i) => {
    const email = p.emails?.[0]?.address ?? '';
    // A real book of 100,000 spans thousands of organisations, not the few hundred names the generator pairs.
    const organization = p.organization ? `${p.organization} ${1 + ((i * 7919) % 20_000)}` : '';
    if (i % 1000 === 999) {
      rows.push(['', '', '', '', '', '', '']);
      rows.push([p.givenName ?? '', p.familyName ?? '', organization, '', 'not-an-email', '', '']);
      bad += 2;
      return;
    }
    const row = [p.givenName ?? '', p.familyName ?? '', organization, p.role ?? '', email, p.phones?.[0]?.number ?? '', (p.tags ?? []).join(';')];
    rows.push(row);
    if (i % 33 === 0) {
      rows.push([...row.slice(0, 4), email.toUpperCase(), '', '']);
      twice++;
    }
  });
  return { bytes: new TextEncoder().encode(Papa.unparse(rows, { newline: '\r\n' })), bad, twice };
}

async function freshStore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-import-'));
  const store = await openStore(dir);
  return { store, done: () => (store.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

const percentile = (xs: number[], p: number) => Number([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]?.toFixed(1));

export async function importRows(log: (m: string) => void): Promise<Row[]> {
  const { bytes, bad, twice } = csvOf(ROWS);
  log(`Import: ${ROWS.toLocaleString()} people in a ${(bytes.length / 1e6).toFixed(1)} MB CSV (${twice.toLocaleString()} listed twice, ${bad} bad rows) …`);
  const full: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    {
      const { store, done } = await freshStore();
      const ctx = createContext(store, 'station', 'bench');
      const start = performance.now();
      const file = readImportFile('people.csv', bytes);
      const summary = applyImport(ctx, { fileName: 'people.csv', file, duplicates: 'merge', byLine: {}, seminarId: null, mode: 'in_person', backup: '' });
      full.push(performance.now() - start);
      if (round === 0) log(`  created ${summary.created.toLocaleString()}, merged ${summary.merged.toLocaleString()}, rejected ${summary.rejected.length}`);
      done();
    }
    {
      const { store, done } = await freshStore();
      const file = readImportFile('people.csv', bytes);
      const at = new Date().toISOString();
      const db = store.db;
      const person = db.prepare(
        'INSERT INTO people (given_name, family_name, organization, role, sort_key, search_rank, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const email = db.prepare('INSERT INTO person_emails (person_id, position, label, address, address_key) VALUES (?, 0, ?, ?, ?)');
      const phone = db.prepare('INSERT INTO person_phones (person_id, position, label, number, digits) VALUES (?, 0, ?, ?, ?)');
      const search = db.prepare('INSERT INTO people_search (rowid, names, organization, emails) VALUES (?, ?, ?, ?)');
      const tag = db.prepare('INSERT INTO person_tags (person_id, tag_id) VALUES (?, ?)');
      const tagIds = new Map<string, number>();
      const tagId = (name: string) =>
        tagIds.get(name) ?? tagIds.set(name, Number(db.prepare('INSERT INTO tags (name) VALUES (?)').run(name).lastInsertRowid)).get(name);
      const start = performance.now();
      db.transaction(() => {
        file.records.forEach(({ person: p }, i) => {
          const id = Number(person.run(p.givenName, p.familyName, p.organization, p.role, nameSortKey(p), i + 1, at, at).lastInsertRowid);
          for (const e of p.emails) email.run(id, e.label, e.address, e.address.toLowerCase());
          for (const ph of p.phones) phone.run(id, ph.label, ph.number, ph.number.replace(/\D/g, ''));
          for (const t of p.tags) tag.run(id, tagId(t));
          search.run(i + 1, `${p.givenName} ${p.familyName}`, p.organization, p.emails.map((e) => e.address).join(' '));
        });
      }).immediate();
      bare.push(performance.now() - start);
      done();
    }
  }
  return [
    {
      name: `import ${ROWS.toLocaleString()}-row CSV end to end (parse, match, insert in short steps)`,
      p50_ms: percentile(full, 50),
      p95_ms: percentile(full, 95),
      baseline_p50_ms: percentile(bare, 50),
      baseline_p95_ms: percentile(bare, 95),
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await importRows(console.log)) console.log(r, `ratio p50 ${(r.p50_ms / r.baseline_p50_ms).toFixed(2)}×`);
}
