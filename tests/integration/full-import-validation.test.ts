import { until } from '../helpers/until';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch, dispatchAsync } from '../../electron/core/api';
import { createContext, type CoreContext } from '../../electron/core/context';
import { backupDatabase, listBackups } from '../../electron/core/db/backup';
import { openStore } from '../../electron/core/db/store';
import { exportFull } from '../../electron/core/services/exports';
import { loadSampleData } from '../../electron/core/services/sample';
import { setSetting } from '../../electron/core/services/settings';
import { AppError } from '../../shared/errors';
import { openTestContext, tempDataDir } from '../helpers/store';

/**
 * The full import validates (issue 14, item 6): every row of a full export through the API's
 * schemas and the tables' rules before anything is written; a hostile file is refused with the
 * table, row and field named; the book is unchanged and its next start is normal. A bad setting
 * already stored falls back to its default, and says so.
 */

type Tables = Record<string, Record<string, unknown>[]>;

let sample: { content: string; tables: Tables } | null = null;
async function sampleExport(): Promise<{ content: string; tables: Tables }> {
  if (!sample) {
    const source = await openTestContext();
    loadSampleData(source);
    const content = exportFull(source, true).content;
    sample = { content, tables: (JSON.parse(content) as { tables: Tables }).tables };
  }
  return sample;
}

/** The sample export with one change made to a copy of it. */
async function hostile(change: (tables: Tables) => void): Promise<string> {
  const doc = JSON.parse((await sampleExport()).content) as { tables: Tables };
  change(doc.tables);
  return Buffer.from(JSON.stringify(doc)).toString('base64');
}

const rowOf = (tables: Tables, table: string, where: (r: Record<string, unknown>) => boolean = () => true) => {
  const index = (tables[table] ?? []).findIndex(where);
  return { index, row: tables[table]?.[index] as Record<string, unknown> };
};

/** Every table of the book, row counts: an unchanged empty book has none anywhere. */
function counts(ctx: CoreContext): Record<string, number> {
  // Search indexes (FTS5 and their shadow tables) are derived, and keep bookkeeping rows even when empty.
  const tables = (ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND instr(name, '_search') = 0").all() as { name: string }[]).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, (ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
}

async function importFull(ctx: CoreContext, content: string) {
  return dispatchAsync(ctx, 'imports.full', { content });
}

interface Case {
  name: string;
  change: (tables: Tables) => void;
  /** The row named: table, 1-based row, field, and words of the message. */
  named: (tables: Tables) => { table: string; row: number; field: string };
  message: RegExp;
}

const CASES: Case[] = [
  {
    name: 'settings JSON that is not JSON',
    change: (t) => t.settings?.push({ key: 'backups.rotation', value: '{' }),
    named: (t) => ({ table: 'settings', row: t.settings?.length ?? 0, field: 'value' }),
    message: /not readable \(not JSON\)/,
  },
  {
    name: 'a backup rotation of zero (which the API refuses)',
    change: (t) => t.settings?.push({ key: 'backups.rotation', value: JSON.stringify({ daily: 0, weekly: 0, other: 0 }) }),
    named: (t) => ({ table: 'settings', row: t.settings?.length ?? 0, field: 'value' }),
    message: /daily: Keep at least one daily backup/,
  },
  {
    name: 'a keep-in-touch time zone that is none',
    change: (t) => t.settings?.push({ key: 'keepInTouch', value: JSON.stringify({ timeZone: 'Mars/Olympus' }) }),
    named: (t) => ({ table: 'settings', row: t.settings?.length ?? 0, field: 'value' }),
    message: /timeZone: Choose a time zone/,
  },
  {
    name: 'a setting this Rapport does not know',
    change: (t) => t.settings?.push({ key: 'auth.ownerToken', value: '"x"' }),
    named: (t) => ({ table: 'settings', row: t.settings?.length ?? 0, field: 'value' }),
    message: /not a setting this version of Rapport knows/,
  },
  {
    name: 'a javascript: website',
    change: (t) => (rowOf(t, 'people').row.website = 'javascript:alert(document.cookie)'),
    named: () => ({ table: 'people', row: 1, field: 'website' }),
    message: /Enter the website as a web address/,
  },
  {
    name: 'a javascript: live-stream link',
    change: (t) => (rowOf(t, 'seminars').row.stream_url = 'javascript:alert(1)//x.y'),
    named: () => ({ table: 'seminars', row: 1, field: 'stream_url' }),
    message: /live-stream link as a web address/,
  },
  {
    name: 'a follow-up for someone not in the file (broken foreign key)',
    change: (t) => (rowOf(t, 'follow_ups').row.person_id = 999_999),
    named: () => ({ table: 'follow_ups', row: 1, field: 'person_id' }),
    message: /999999 names no row of people/,
  },
  {
    name: 'a tag given to someone not in the file (a table without row ids)',
    change: (t) => (rowOf(t, 'person_tags', (_, i = 0) => i === 0).row.person_id = 888_888),
    named: () => ({ table: 'person_tags', row: 1, field: 'person_id' }),
    message: /888888 names no row of people/,
  },
  {
    name: 'a check-in without its time (a table rule)',
    change: (t) => {
      const r = rowOf(t, 'registrations', (x) => x.state === 'checked_in').row;
      r.checked_in_at = null;
    },
    named: (t) => ({ table: 'registrations', row: rowOf(t, 'registrations', (x) => x.state === 'checked_in' && x.checked_in_at === null).index + 1, field: 'row' }),
    message: /breaks a rule of the table \(CHECK constraint failed/,
  },
  {
    name: 'an impossible due day',
    change: (t) => (rowOf(t, 'follow_ups').row.due_on = '2024-02-30'),
    named: () => ({ table: 'follow_ups', row: 1, field: 'due_on' }),
    message: /February 2024 has 29 days/,
  },
  {
    name: 'a touch in year 70',
    change: (t) => (rowOf(t, 'interactions').row.occurred_on = '0070-01-01'),
    named: () => ({ table: 'interactions', row: 1, field: 'occurred_on' }),
    message: /Choose a year from 1900 to 2200/,
  },
  {
    name: 'a tag twice, in another case (a unique rule)',
    change: (t) => t.tags?.push({ id: 9_999, name: String(t.tags?.[0]?.name).toUpperCase() }),
    named: (t) => ({ table: 'tags', row: t.tags?.length ?? 0, field: 'name' }),
    message: /UNIQUE constraint failed: tags\.name/,
  },
  {
    name: 'a person with 21 email addresses',
    change: (t) => {
      const personId = rowOf(t, 'people').row.id;
      for (let i = 0; i < 21; i++) t.person_emails?.push({ id: 90_000 + i, person_id: personId, position: 100 + i, label: '', address: `extra${i}@example.com`, address_key: '' });
    },
    named: () => ({ table: 'people', row: 1, field: 'person_emails' }),
    message: /at most 20 email addresses/,
  },
  {
    name: 'an email that is none',
    change: (t) => (rowOf(t, 'person_emails').row.address = 'not-an-email'),
    named: (t) => ({ table: 'person_emails', row: rowOf(t, 'person_emails', (r) => r.address === 'not-an-email').index + 1, field: 'address' }),
    message: /Enter a valid email address/,
  },
  {
    name: 'a score outside 0–100',
    change: (t) => (rowOf(t, 'people').row.score = 1000),
    named: () => ({ table: 'people', row: 1, field: 'score' }),
    message: /100/,
  },
];

describe('a hostile full export is refused with the row named; the book is unchanged', () => {
  it.each(CASES)('$name', async (c) => {
    const ctx = await openTestContext();
    const before = counts(ctx);
    const content = await hostile(c.change);
    const doc = JSON.parse(Buffer.from(content, 'base64').toString()) as { tables: Tables };
    const reply = await importFull(ctx, content);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    const { table, row, field } = c.named(doc.tables);
    expect(reply.error.code).toBe('invalid_input');
    expect(reply.error.message).toMatch(new RegExp(`^This file cannot be imported: ${table}, row ${row}( \\(id \\d+\\))?, ${field}: `));
    expect(reply.error.message).toMatch(c.message);
    expect(reply.error.message).toMatch(/Nothing was imported; the book is unchanged\.$/);
    expect(reply.error.fields?.[`${table}.${row}.${field}`]).toMatch(c.message);
    expect(counts(ctx)).toEqual(before);
    // Refused before the backup that precedes a write: nothing at all was done.
    expect(listBackups(ctx.store.dataDir)).toEqual([]);
  });

  it('a table this Rapport does not keep is refused by name', async () => {
    const ctx = await openTestContext();
    const reply = await importFull(ctx, await hostile((t) => (t.auth_tokens = [{ id: 1, token: 'x' }])));
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('the table “auth_tokens”: This version of Rapport keeps no such table') } });
  });

  it('the sample export itself passes, and a generated change to any value is either taken whole or refused by name, never half', async () => {
    const { tables } = await sampleExport();
    const cells = Object.entries(tables).flatMap(([table, rows]) => (rows.length ? Object.keys(rows[0] as object).map((column) => ({ table, column, rows: rows.length })) : []));
    const value = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -2, max: 2_000_000 }),
      fc.double(),
      fc.string({ maxLength: 20 }),
      fc.constantFrom('', '{', 'javascript:alert(1)', '2024-02-30', '0070-01-01', '9999-12-31T23:59:59.999Z', 'x'.repeat(30_000), '{"daily":0}'),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cells), fc.nat(), value, async (cell, at, v) => {
        const ctx = await openTestContext(tempDataDir());
        const index = at % cell.rows;
        const content = await hostile((t) => ((t[cell.table] as Record<string, unknown>[])[index] as Record<string, unknown>)[cell.column] = v);
        const reply = await importFull(ctx, content);
        run++;
        if (reply.ok) {
          // Taken: the value was one the API itself would take, or one the book works out again.
          expect((ctx.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBe(tables.people?.length);
          expect(ctx.db.pragma('foreign_key_check')).toEqual([]);
        } else {
          expect(reply.error.code).toBe('invalid_input');
          expect(reply.error.message).toMatch(/^This file cannot be imported: .+, row \d+/);
          expect(Object.values(counts(ctx)).every((n) => n === 0)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
    expect(run).toBe(40);
  }, 120_000);
});

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Starts the station on a data folder (from source, as a person would after `npm run station`); resolves on its ready line. */
function startStation(dataDir: string): Promise<{ stderr: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/station/cli.ts'), '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (/Rapport station at http:\/\/127\.0\.0\.1:\d+/.test(stdout)) {
        resolve({
          stderr: () => stderr,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`the station exited with ${code} before it was ready:\n${stderr}`)));
  });
}

describe('the next start after a hostile full export, and a bad setting already stored', () => {
  it('opens normally after the refusal: same book, station ready', async () => {
    const dataDir = tempDataDir();
    const store = await openStore(dataDir);
    const ctx = createContext(store, 'station', 'test');
    const reply = await importFull(
      ctx,
      await hostile((t) => {
        t.settings?.push({ key: 'backups.rotation', value: '{' });
        rowOf(t, 'people').row.website = 'javascript:alert(1)';
      }),
    );
    expect(reply.ok).toBe(false);
    store.close();
    const again = await openStore(dataDir);
    expect(Object.values(counts(createContext(again, 'station', 'test'))).every((n) => n === 0)).toBe(true);
    again.close();
    const station = await startStation(dataDir);
    await until('the daily backup', () => listBackups(dataDir).some((b) => b.reason === 'daily'));
    await station.stop();
    expect(station.stderr()).not.toMatch(/Error|at .*\.ts:\d+/);
  }, 90_000);

  it('a stored bad rotation, bad JSON in every setting: the station starts, keeps every backup, says so, and each reader uses its default', async () => {
    const dataDir = tempDataDir();
    const store = await openStore(dataDir);
    const ctx = createContext(store, 'station', 'test');
    // Three backups from earlier days, which a rotation of zero would delete at the first start of the day.
    for (const day of ['2020-01-01', '2020-01-02', '2020-01-03']) await backupDatabase(store.db, dataDir, 'manual', new Date(`${day}T10:00:00Z`));
    setSetting(ctx, 'backups.rotation', JSON.stringify({ daily: 0, weekly: 0, other: 0 }));
    setSetting(ctx, 'keepInTouch', '{');
    setSetting(ctx, 'hospitality', '{"topClients":0}');
    setSetting(ctx, 'review.templates', '[');
    setSetting(ctx, 'import.mapping:name\u241femail', '{');
    store.close();

    const station = await startStation(dataDir);
    await until('the daily backup', () => listBackups(dataDir).some((b) => b.reason === 'daily'));
    await station.stop();
    expect(listBackups(dataDir).filter((b) => b.reason === 'manual')).toHaveLength(3);
    expect(station.stderr()).toContain('The saved setting “backups.rotation” could not be read (daily: Keep at least one daily backup.); its default is used until it is saved again.');

    const reopened = await openStore(dataDir);
    const book = createContext(reopened, 'station', 'test');
    try {
      expect(dispatch(book, 'backups.rotation', {})).toEqual({ ok: true, value: { daily: 7, weekly: 4, other: 20 } });
      expect(dispatch(book, 'keepInTouch.get', {})).toMatchObject({ ok: true, value: { reminderTime: '09:00', cadence: { client: 30 } } });
      expect(dispatch(book, 'hospitality.settings', {})).toMatchObject({ ok: true, value: { topClients: 20 } });
      const notices = dispatch(book, 'settings.notices', {});
      expect(notices.ok && (notices.value as { key: string }[]).map((n) => n.key)).toEqual(['backups.rotation', 'hospitality', 'import.mapping:name\u241femail', 'keepInTouch', 'review.templates']);
      expect(notices.ok && (notices.value as { message: string }[])[0]?.message).toBe('daily: Keep at least one daily backup. The default is in use until you save it again.');
      // Saving the setting again clears its notice.
      expect(dispatch(book, 'backups.setRotation', { daily: 7, weekly: 4, other: 20 }).ok).toBe(true);
      const after = dispatch(book, 'settings.notices', {});
      expect(after.ok && (after.value as { key: string }[]).map((n) => n.key)).not.toContain('backups.rotation');
    } finally {
      reopened.close();
    }
  }, 90_000);

  it('a refused import is an AppError with fields, never an exception of another kind', async () => {
    const ctx = await openTestContext();
    const { importFullExport } = await import('../../electron/core/services/full-import');
    await expect(importFullExport(ctx, await hostile((t) => (rowOf(t, 'people').row.id = 'one')))).rejects.toBeInstanceOf(AppError);
    expect(fs.existsSync(path.join(ctx.store.dataDir, 'backups'))).toBe(false);
  });
});
