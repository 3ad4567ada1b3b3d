import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../electron/core/db/migrations/index';
import { DATABASE_FILE, openStore } from '../../electron/core/db/store';
import { AppError } from '../../shared/errors';
import { tempDataDir } from '../helpers/store';
import { STANDING_LIST_FROM, STANDING_LIST_SQL } from '../../electron/core/services/relationships';

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A database brought to exactly `version` with the real migrations, as an older Rapport left it. */
function databaseAt(version: number, file: string): Database.Database {
  const db = new Database(file);
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= version),
  );
  return db;
}

describe('the migration runner', () => {
  it('brings a fresh database to the latest version with the durable pragmas', async () => {
    const dir = tempDataDir();
    const store = await openStore(dir);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
      expect(store.migrationBackup).toBeNull();
      expect(store.path).toBe(path.join(dir, DATABASE_FILE));
    } finally {
      store.close();
    }
  });

  it('refuses a database from a newer Rapport and leaves the file untouched', async () => {
    const dir = tempDataDir();
    const file = path.join(dir, DATABASE_FILE);
    const db = new Database(file);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    const before = sha256(file);
    const filesBefore = fs.readdirSync(dir).sort();

    const error = await openStore(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('database_too_new');
    expect((error as AppError).message).toMatch(/newer version of Rapport/);
    expect((error as AppError).message).toMatch(/not been changed/);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(filesBefore);
  });

  it('backs up an existing file before migrating it', async () => {
    const dir = tempDataDir();
    const file = path.join(dir, DATABASE_FILE);
    const old = databaseAt(0, file);
    old.exec("CREATE TABLE keepsake (note TEXT); INSERT INTO keepsake VALUES ('written by an older Rapport')");
    old.close();

    const store = await openStore(dir);
    try {
      expect(store.migrationBackup).not.toBeNull();
      const backup = store.migrationBackup as string;
      expect(path.dirname(backup)).toBe(path.join(dir, 'backups'));
      expect(path.basename(backup)).toMatch(/before-migration-v0-to-v\d+\.db$/);
      const copy = new Database(backup, { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(0);
      expect(copy.prepare('SELECT note FROM keepsake').get()).toEqual({ note: 'written by an older Rapport' });
      copy.close();
    } finally {
      store.close();
    }
  });

  it('takes no backup when reopening an up-to-date file', async () => {
    const dir = tempDataDir();
    (await openStore(dir)).close();
    const again = await openStore(dir);
    expect(again.migrationBackup).toBeNull();
    again.close();
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('runs all pending migrations in one transaction: one failure undoes them all', () => {
    const db = new Database(path.join(tempDataDir(), 'x.db'));
    const steps: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE one (x)') },
      {
        version: 2,
        name: 'two fails',
        up: (d) => {
          d.exec('CREATE TABLE two (x)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, steps)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('one', 'two')").get()).toEqual({ n: 0 });
    db.close();
  });

  // Numbers are handed out to work in progress side by side (7 is another branch's), so a gap may
  // stand until they meet; order and uniqueness may never be broken.
  it('numbers migrations from 1 upwards, each once, in order', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    versions.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(versions[i] ?? 0));
  });
});

describe('migration 1: the people book', () => {
  it('creates the people tables with their constraints and a diacritics-folding search index', () => {
    const db = databaseAt(1, path.join(tempDataDir(), DATABASE_FILE));
    db.pragma('foreign_keys = ON');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['people', 'person_emails', 'person_phones', 'tags', 'person_tags', 'people_search', 'settings']),
    );
    // NOT NULL everywhere: no half-known rows.
    expect(() => db.prepare("INSERT INTO people (sort_key, search_rank, created_at) VALUES ('x', 1, '2026')").run()).toThrow(/NOT NULL/);
    // Emails belong to a person that exists.
    expect(() => db.prepare("INSERT INTO person_emails (person_id, position, address, address_key) VALUES (99, 0, 'a@b.c', 'a@b.c')").run()).toThrow(
      /FOREIGN KEY/,
    );
    db.prepare("INSERT INTO people_search (rowid, names, organization, emails) VALUES (1, 'josé álvarez', '', '')").run();
    expect(db.prepare("SELECT rowid FROM people_search WHERE people_search MATCH 'jose* AND alv*'").all()).toEqual([{ rowid: 1 }]);
    db.close();
  });
});

describe('migration 2: seminars and registrations', () => {
  it('adds seminars and registrations to a book of people, keeping the people', () => {
    const file = path.join(tempDataDir(), DATABASE_FILE);
    const db = databaseAt(1, file);
    db.prepare("INSERT INTO people (id, given_name, sort_key, search_rank, created_at, updated_at) VALUES (7, 'Ann', 'ann', 1, 'x', 'x')").run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 2));
    db.pragma('foreign_keys = ON');
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT given_name FROM people WHERE id = 7').get()).toEqual({ given_name: 'Ann' });
    db.prepare(
      "INSERT INTO seminars (id, title, starts_at, ends_at, time_zone, created_at, updated_at) VALUES (1, 'T', '2023-01-19T14:00Z', '2023-01-19T17:00Z', 'America/New_York', 'x', 'x')",
    ).run();
    const register = db.prepare(
      "INSERT INTO registrations (seminar_id, person_id, mode, source, state, checked_in_at, ticket_code, created_at, updated_at) VALUES (1, 7, ?, 'ahead', ?, ?, ?, 'x', 'x')",
    );
    register.run('in_person', 'registered', null, 'AAAA1111');
    // One registration per person and seminar; a check-in always has its time; modes are known.
    expect(() => register.run('stream', 'registered', null, 'BBBB2222')).toThrow(/UNIQUE/);
    db.prepare('DELETE FROM registrations').run();
    expect(() => register.run('in_person', 'checked_in', null, 'CCCC3333')).toThrow(/CHECK/);
    expect(() => register.run('by_pigeon', 'registered', null, 'DDDD4444')).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO seminars (title, starts_at, ends_at, time_zone, created_at, updated_at) VALUES ('Backwards', 'b', 'a', 'UTC', 'x', 'x')").run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 3: relationships and standing', () => {
  it('adds the relationship tables to a book with people and check-ins, keeping them, and counts check-ins as touches', () => {
    const file = path.join(tempDataDir(), DATABASE_FILE);
    const db = databaseAt(2, file);
    db.prepare("INSERT INTO people (id, given_name, sort_key, search_rank, created_at, updated_at) VALUES (7, 'Ann', 'ann', 1, 'x', 'x')").run();
    db.prepare(
      "INSERT INTO seminars (id, title, starts_at, ends_at, time_zone, created_at, updated_at) VALUES (1, 'T', '2023-01-19T14:00Z', '2023-01-19T17:00Z', 'America/New_York', 'x', 'x')",
    ).run();
    db.prepare(
      "INSERT INTO registrations (seminar_id, person_id, mode, source, state, checked_in_at, ticket_code, created_at, updated_at) VALUES (1, 7, 'in_person', 'ahead', 'checked_in', '2023-01-19T13:50:00Z', 'AAAA1111', 'x', 'x')",
    ).run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 3));
    db.pragma('foreign_keys = ON');
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    // Someone with nothing recorded starts as a prospect scoring 0, until the first refresh.
    expect(db.prepare('SELECT given_name, stage, score, friend, last_personal_on FROM people WHERE id = 7').get()).toEqual({
      given_name: 'Ann',
      stage: 'prospect',
      score: 0,
      friend: 0,
      last_personal_on: '',
    });
    expect(db.prepare('SELECT person_id, kind FROM touches').all()).toEqual([{ person_id: 7, kind: 'seminar' }]);

    const at = "'2026-01-01T00:00:00Z'";
    expect(() => db.prepare(`INSERT INTO interactions (person_id, kind, occurred_on, created_at, updated_at) VALUES (7, 'telepathy', '2026-01-01', ${at}, ${at})`).run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare(`INSERT INTO interactions (person_id, kind, occurred_on, created_at, updated_at) VALUES (99, 'call', '2026-01-01', ${at}, ${at})`).run()).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => db.prepare(`INSERT INTO purchases (person_id, what, bought_on, created_at) VALUES (7, '', '2026-01-01', ${at})`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO person_links (person_id, other_id, kind, created_at) VALUES (7, 7, 'partner', ${at})`).run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO advocacy (person_id, kind, occurred_on, referred_id, created_at) VALUES (7, 'testimonial', '2026-01-01', 7, ${at})`).run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE people SET stage = 'friend' WHERE id = 7`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE people SET score = 101 WHERE id = 7`).run()).toThrow(/CHECK/);
    // A person's records go with them.
    db.prepare(`INSERT INTO interactions (person_id, kind, occurred_on, created_at, updated_at) VALUES (7, 'call', '2026-01-01', ${at}, ${at})`).run();
    db.prepare('DELETE FROM people WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) AS n FROM interactions').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 4: follow-ups and cadence', () => {
  it('adds follow-ups with their states kept consistent, and a per-person cadence, keeping the people', () => {
    const file = path.join(tempDataDir(), DATABASE_FILE);
    const db = databaseAt(3, file);
    db.prepare("INSERT INTO people (id, given_name, sort_key, search_rank, created_at, updated_at) VALUES (7, 'Ann', 'ann', 1, 'x', 'x')").run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 4));
    db.pragma('foreign_keys = ON');
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT given_name, cadence_days FROM people WHERE id = 7').get()).toEqual({ given_name: 'Ann', cadence_days: null });
    expect(() => db.prepare('UPDATE people SET cadence_days = 0 WHERE id = 7').run()).toThrow(/CHECK/);

    const insert = db.prepare(
      "INSERT INTO follow_ups (person_id, what, kind, state, snoozed_until, done_on, drop_reason, source, created_at, updated_at) VALUES (7, 'Call', 'call', ?, ?, ?, ?, 'person', 'x', 'x')",
    );
    insert.run('open', null, null, '');
    // A snooze has its day, a done follow-up its day, a dropped one its reason; kinds are known.
    expect(() => insert.run('snoozed', null, null, '')).toThrow(/CHECK/);
    expect(() => insert.run('done', null, null, '')).toThrow(/CHECK/);
    expect(() => insert.run('dropped', null, null, '')).toThrow(/CHECK/);
    expect(() => insert.run('open', '2031-01-01', null, '')).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO follow_ups (person_id, what, kind, state, source, created_at, updated_at) VALUES (7, 'x', 'carrier pigeon', 'open', 'person', 'x', 'x')").run(),
    ).toThrow(/CHECK/);
    db.prepare('DELETE FROM people WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) AS n FROM follow_ups').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 5: home occasions', () => {
  it('adds occasions and guests; a guest is invited once and only an attendance holds a home visit', () => {
    const file = path.join(tempDataDir(), DATABASE_FILE);
    const db = databaseAt(4, file);
    db.prepare("INSERT INTO people (id, given_name, sort_key, search_rank, created_at, updated_at) VALUES (7, 'Ann', 'ann', 1, 'x', 'x')").run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 5));
    db.pragma('foreign_keys = ON');
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    db.prepare("INSERT INTO occasions (id, kind, day, time, created_at, updated_at) VALUES (1, 'dinner', '2031-01-01', '19:00', 'x', 'x')").run();
    expect(() => db.prepare("INSERT INTO occasions (kind, day, time, created_at, updated_at) VALUES ('rave', '2031-01-01', '19:00', 'x', 'x')").run()).toThrow(/CHECK/);
    const invite = db.prepare("INSERT INTO occasion_guests (occasion_id, person_id, state, changed_at, interaction_id, created_at) VALUES (1, 7, ?, 'x', ?, 'x')");
    db.prepare("INSERT INTO interactions (id, person_id, kind, occurred_on, created_at, updated_at) VALUES (3, 7, 'home_visit', '2031-01-01', 'x', 'x')").run();
    expect(() => invite.run('invited', 3)).toThrow(/CHECK/);
    invite.run('invited', null);
    expect(() => invite.run('accepted', null)).toThrow(/UNIQUE/);
    db.prepare('DELETE FROM occasions WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM occasion_guests').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 6: imports', () => {
  it('adds imports with what each created or merged; a merge keeps the details it replaced', () => {
    const file = path.join(tempDataDir(), DATABASE_FILE);
    const db = databaseAt(5, file);
    db.prepare("INSERT INTO people (id, given_name, sort_key, search_rank, created_at, updated_at) VALUES (7, 'Ann', 'ann', 1, 'x', 'x')").run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 6));
    db.pragma('foreign_keys = ON');
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    db.prepare("INSERT INTO imports (id, file_name, format, encoding, imported_at) VALUES (1, 'a.csv', 'linkedin', 'utf-8', 'x')").run();
    const change = db.prepare('INSERT INTO import_people (import_id, person_id, action, before) VALUES (1, 7, ?, ?)');
    expect(() => change.run('merged', null)).toThrow(/CHECK/);
    expect(() => change.run('created', '{}')).toThrow(/CHECK/);
    change.run('created', null);
    db.prepare('DELETE FROM people WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) AS n FROM import_people').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 7: platform tickets', () => {
  it('adds platform codes, ticket types and answers to registrations, keeping them; codes are trimmed and go with their registration', () => {
    const file = path.join(tempDataDir(), DATABASE_FILE);
    const db = databaseAt(6, file);
    db.prepare("INSERT INTO people (id, given_name, sort_key, search_rank, created_at, updated_at) VALUES (7, 'Ann', 'ann', 1, 'x', 'x')").run();
    db.prepare("INSERT INTO seminars (id, title, starts_at, ends_at, time_zone, created_at, updated_at) VALUES (1, 'S', 'a', 'b', 'UTC', 'x', 'x')").run();
    db.prepare("INSERT INTO registrations (id, seminar_id, person_id, mode, source, state, ticket_code, created_at, updated_at) VALUES (3, 1, 7, 'in_person', 'imported', 'registered', '1ABCDEFG', 'x', 'x')").run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 7));
    db.pragma('foreign_keys = ON');
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare('SELECT count(*) AS n FROM registrations').get()).toEqual({ n: 1 });
    db.prepare("INSERT INTO imports (id, file_name, format, encoding, imported_at) VALUES (1, 'a.csv', 'eventbrite', 'utf-8', 'x')").run();
    db.prepare("INSERT INTO registration_tickets (registration_id, platform, ticket_type, import_id) VALUES (3, 'eventbrite', 'VIP', 1)").run();
    const code = db.prepare('INSERT INTO registration_codes (registration_id, kind, code, import_id) VALUES (3, ?, ?, 1)');
    code.run('barcode', '112119122431844158342300');
    expect(() => code.run('barcode', ' 1844 ')).toThrow(/CHECK/);
    expect(() => code.run('seat', '12')).toThrow(/CHECK/);
    expect(() => code.run('barcode', '')).toThrow(/CHECK/);
    db.prepare("INSERT INTO registration_answers (registration_id, question, answer, import_id) VALUES (3, 'Are you a consultant?', 'Yes', 1)").run();
    expect(() => code.run('barcode', '112119122431844158342300')).toThrow(/UNIQUE/);
    expect(db.prepare("EXPLAIN QUERY PLAN SELECT registration_id FROM registration_codes WHERE code = '1'").all()).toEqual(
      expect.arrayContaining([expect.objectContaining({ detail: expect.stringContaining('registration_codes_by_code') })]),
    );
    // An import's history going leaves the data it brought; the registration going takes it all.
    db.prepare('DELETE FROM imports').run();
    expect(db.prepare('SELECT import_id FROM registration_codes').get()).toEqual({ import_id: null });
    db.prepare('DELETE FROM registrations WHERE id = 3').run();
    for (const table of ['registration_tickets', 'registration_codes', 'registration_answers']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    db.close();
  });
});

describe('migration 8: record versions', () => {
  it('gives every record edited in a form a version that every change of it moves, keeping the records', () => {
    const file = path.join(tempDataDir(), DATABASE_FILE);
    const db = databaseAt(6, file);
    db.prepare("INSERT INTO people (id, given_name, sort_key, search_rank, created_at, updated_at) VALUES (7, 'Ann', 'ann', 1, 'x', 'x')").run();
    db.prepare(
      "INSERT INTO seminars (id, title, starts_at, ends_at, time_zone, created_at, updated_at) VALUES (1, 'T', '2023-01-19T14:00Z', '2023-01-19T17:00Z', 'UTC', 'x', 'x')",
    ).run();
    db.prepare("INSERT INTO occasions (id, kind, day, time, created_at, updated_at) VALUES (1, 'dinner', '2026-05-01', '19:00', 'x', 'x')").run();
    db.prepare("INSERT INTO interactions (id, person_id, kind, occurred_on, created_at, updated_at) VALUES (1, 7, 'call', '2026-01-02', 'x', 'x')").run();
    db.prepare("INSERT INTO needs (id, person_id, what, status, created_at, updated_at) VALUES (1, 7, 'A plan', 'noticed', 'x', 'x')").run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 8));
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    const version = (table: string) => (db.prepare(`SELECT version FROM ${table} WHERE id = ?`).get(table === 'people' ? 7 : 1) as { version: number }).version;
    for (const table of ['people', 'seminars', 'occasions', 'interactions', 'needs']) expect(version(table), table).toBe(1);
    expect(db.prepare('SELECT given_name FROM people WHERE id = 7').get()).toEqual({ given_name: 'Ann' });

    // A person's details move with updated_at; the score and stage Rapport refreshes by itself do not.
    db.prepare("UPDATE people SET score = 40, stage = 'customer' WHERE id = 7").run();
    expect(version('people')).toBe(1);
    db.prepare("UPDATE people SET organization = 'Acme', updated_at = 'y' WHERE id = 7").run();
    expect(version('people')).toBe(2);
    db.prepare("UPDATE people SET updated_at = 'z' WHERE id IN (7)").run();
    expect(version('people')).toBe(3);
    // The others move with any change at all (a touch moved with its occasion's day has no updated_at).
    db.prepare("UPDATE interactions SET occurred_on = '2026-01-03' WHERE id = 1").run();
    db.prepare("UPDATE needs SET status = 'met', updated_at = 'y' WHERE id = 1").run();
    db.prepare("UPDATE seminars SET archived = 1, updated_at = 'y' WHERE id = 1").run();
    db.prepare("UPDATE occasions SET seats = 4, updated_at = 'y' WHERE id = 1").run();
    for (const table of ['seminars', 'occasions', 'interactions', 'needs']) expect(version(table), table).toBe(2);
    expect(() => db.prepare('UPDATE needs SET version = 0 WHERE id = 1').run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 9: import state', () => {
  it('keeps past imports as done; an import is running, done or being undone, nothing else', () => {
    const file = path.join(tempDataDir(), DATABASE_FILE);
    const db = databaseAt(8, file);
    db.prepare("INSERT INTO imports (id, file_name, format, encoding, imported_at) VALUES (1, 'a.csv', 'google', 'utf-8', 'x')").run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 9));
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.prepare('SELECT file_name, state FROM imports WHERE id = 1').get()).toEqual({ file_name: 'a.csv', state: 'done' });
    const insert = db.prepare("INSERT INTO imports (file_name, format, encoding, imported_at, state) VALUES ('b.csv', 'google', 'utf-8', 'y', ?)");
    for (const state of ['running', 'undoing', 'done']) insert.run(state);
    expect(() => insert.run('paused')).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 11: walk-ins that created a person', () => {
  it('keeps existing registrations as not having created anyone; only a walk-in may have', () => {
    const file = path.join(tempDataDir(), DATABASE_FILE);
    const db = databaseAt(10, file);
    db.prepare("INSERT INTO people (id, given_name, sort_key, search_rank, created_at, updated_at) VALUES (7, 'Ann', 'ann', 1, 'x', 'x')").run();
    db.prepare("INSERT INTO seminars (id, title, starts_at, ends_at, time_zone, created_at, updated_at) VALUES (1, 'S', 'a', 'b', 'UTC', 'x', 'x')").run();
    db.prepare("INSERT INTO registrations (id, seminar_id, person_id, mode, source, state, ticket_code, created_at, updated_at) VALUES (1, 1, 7, 'in_person', 'ahead', 'registered', 'T1', 'x', 'x')").run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 11));
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(db.prepare('SELECT created_person FROM registrations WHERE id = 1').get()).toEqual({ created_person: 0 });
    expect(() => db.prepare('UPDATE registrations SET created_person = 1 WHERE id = 1').run()).toThrow(/CHECK/);
    db.prepare("UPDATE registrations SET source = 'walk_in', created_person = 1 WHERE id = 1").run();
    db.close();
  });
});

describe('migration 12: door devices', () => {
  it('keeps registrations as checked in at the owner’s table; remembers first answers by client id', () => {
    const file = path.join(tempDataDir(), DATABASE_FILE);
    const db = databaseAt(11, file);
    db.prepare("INSERT INTO people (id, given_name, sort_key, search_rank, created_at, updated_at) VALUES (7, 'Ann', 'ann', 1, 'x', 'x')").run();
    db.prepare("INSERT INTO seminars (id, title, starts_at, ends_at, time_zone, created_at, updated_at) VALUES (1, 'S', 'a', 'b', 'UTC', 'x', 'x')").run();
    db.prepare("INSERT INTO registrations (id, seminar_id, person_id, mode, source, state, checked_in_at, ticket_code, created_at, updated_at) VALUES (1, 1, 7, 'in_person', 'ahead', 'checked_in', 'y', 'T1', 'x', 'x')").run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 12));
    expect(db.pragma('user_version', { simple: true })).toBe(12);
    expect(db.prepare('SELECT state, checked_in_by FROM registrations WHERE id = 1').get()).toEqual({ state: 'checked_in', checked_in_by: null });
    db.prepare("UPDATE registrations SET checked_in_by = 'Door 2' WHERE id = 1").run();
    // A device is named only on a check-in, and with a name.
    expect(() => db.prepare("UPDATE registrations SET state = 'registered', checked_in_at = NULL WHERE id = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE registrations SET checked_in_by = '' WHERE id = 1").run()).toThrow(/CHECK/);
    const answer = db.prepare("INSERT INTO client_requests (client_id, method, subject, device, ok, answer, answered_at) VALUES (?, 'checkin.checkIn', 'registration 1', 'Door 2', 1, ?, 'x')");
    answer.run('door2-0000-0001', '{"id":1}');
    expect(() => answer.run('door2-0000-0001', '{"id":1}')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => answer.run('short', '{}')).toThrow(/CHECK/);
    expect(() => answer.run('door2-0000-0002', 'not json')).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 13: paired door devices', () => {
  it('adds devices kept by a digest of their token, and forgets which device made a check-in as soon as the registration changes state', () => {
    const file = path.join(tempDataDir(), DATABASE_FILE);
    const db = databaseAt(12, file);
    db.prepare("INSERT INTO people (id, given_name, sort_key, search_rank, created_at, updated_at) VALUES (7, 'Ann', 'ann', 1, 'x', 'x')").run();
    db.prepare("INSERT INTO seminars (id, title, starts_at, ends_at, time_zone, created_at, updated_at) VALUES (1, 'S', 'a', 'b', 'UTC', 'x', 'x')").run();
    db.prepare("INSERT INTO registrations (id, seminar_id, person_id, mode, source, state, checked_in_at, ticket_code, created_at, updated_at) VALUES (1, 1, 7, 'in_person', 'ahead', 'checked_in', 'x', 'T1', 'x', 'x')").run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 13));
    expect(db.pragma('user_version', { simple: true })).toBe(13);
    expect(db.prepare('SELECT count(*) AS n FROM registrations').get()).toEqual({ n: 1 });
    const hash = 'h'.repeat(44);
    db.prepare("INSERT INTO door_devices (id, name, seminar_id, token_hash, paired_at, last_seen_at) VALUES (1, 'Door 2', 1, ?, 'x', 'x')").run(hash);
    // A token itself (43 characters) does not fit where only its digest goes; a name must say something.
    expect(() => db.prepare("INSERT INTO door_devices (name, seminar_id, token_hash, paired_at, last_seen_at) VALUES ('Door 3', 1, ?, 'x', 'x')").run('t'.repeat(43))).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO door_devices (name, seminar_id, token_hash, paired_at, last_seen_at) VALUES ('  ', 1, ?, 'x', 'x')").run('g'.repeat(44))).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO door_devices (name, seminar_id, token_hash, paired_at, last_seen_at) VALUES ('Door 4', 1, ?, 'x', 'x')").run(hash)).toThrow(/UNIQUE/);
    db.prepare('INSERT INTO door_checkins (registration_id, device_id) VALUES (1, 1)').run();
    db.prepare("UPDATE registrations SET note = 'hi' WHERE id = 1").run();
    expect(db.prepare('SELECT count(*) AS n FROM door_checkins').get()).toEqual({ n: 1 });
    db.prepare("UPDATE registrations SET state = 'registered', checked_in_at = NULL WHERE id = 1").run();
    expect(db.prepare('SELECT count(*) AS n FROM door_checkins').get()).toEqual({ n: 0 });
    db.prepare('INSERT INTO door_checkins (registration_id, device_id) VALUES (1, 1)').run();
    db.prepare('DELETE FROM registrations WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM door_checkins').get()).toEqual({ n: 0 });
    expect(() => db.prepare("INSERT INTO door_listener (id, port, opened_at) VALUES (2, 4748, 'x')").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 14: phone kinds and keys', () => {
  it('gives existing phones the kinds their labels name and a key in the saved region, and drops the digits index', () => {
    const db = databaseAt(13, path.join(tempDataDir(), DATABASE_FILE));
    db.prepare("INSERT INTO people (id, given_name, sort_key, search_rank, created_at, updated_at) VALUES (1, 'Ann', 'ann', 1, 'x', 'x')").run();
    const phone = db.prepare('INSERT INTO person_phones (person_id, position, label, number, digits) VALUES (1, ?, ?, ?, ?)');
    phone.run(0, 'Mobile', '(717) 555-0142', '7175550142');
    phone.run(1, 'homeFax', '030 1234567', '0301234567');
    phone.run(2, 'Assistant', '12', '12');
    db.prepare("INSERT INTO settings (key, value) VALUES ('phones', '{\"region\":\"DE\"}')").run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 14));
    expect(db.pragma('user_version', { simple: true })).toBe(14);
    expect(db.prepare('SELECT label, kinds, phone_key FROM person_phones ORDER BY position').all()).toEqual([
      { label: 'Mobile', kinds: 'mobile', phone_key: '+497175550142' },
      { label: 'homeFax', kinds: 'home,fax', phone_key: '+49301234567' },
      { label: 'Assistant', kinds: '', phone_key: '' },
    ]);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'person_phones'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toContain('person_phones_by_key');
    expect(indexes).not.toContain('person_phones_by_digits');
    expect(() => db.prepare("UPDATE person_phones SET kinds = 'WORK' WHERE position = 0").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 15: everyday relationships', () => {
  it('dates the existing needs, indexes existing notes, and asks for a re-scoring that works out when each person was first known', () => {
    const file = path.join(tempDataDir(), DATABASE_FILE);
    const db = databaseAt(14, file);
    db.prepare("INSERT INTO people (id, given_name, sort_key, search_rank, notes, created_at, updated_at) VALUES (7, 'Ann', 'ann', 1, 'Runs a marathon every spring', '2024-01-01T10:00:00Z', 'x')").run();
    db.prepare("INSERT INTO needs (id, person_id, what, problem, status, created_at, updated_at) VALUES (1, 7, 'A bookkeeper', 'Taxes late', 'proposed', 'x', '2024-02-03T10:00:00Z')").run();
    db.prepare("INSERT INTO interactions (id, person_id, kind, occurred_on, note, created_at, updated_at) VALUES (1, 7, 'call', '2024-02-01', 'Talked about the cellar', 'x', 'x')").run();
    db.prepare("INSERT INTO settings (key, value) VALUES ('standing.asOf', '2024-02-03')").run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 15));
    expect(db.pragma('user_version', { simple: true })).toBe(15);
    expect(db.prepare('SELECT need_id, from_status, to_status FROM need_changes').all()).toEqual([{ need_id: 1, from_status: null, to_status: 'proposed' }]);
    expect(db.prepare("SELECT rowid FROM people_notes_search WHERE people_notes_search MATCH 'marathon'").all()).toEqual([{ rowid: 7 }]);
    expect(db.prepare("SELECT rowid FROM interactions_search WHERE interactions_search MATCH 'cellar'").all()).toEqual([{ rowid: 1 }]);
    expect(db.prepare("SELECT rowid FROM needs_search WHERE needs_search MATCH 'bookkeeper'").all()).toEqual([{ rowid: 1 }]);
    expect(db.prepare("SELECT known_since, boundary_flags FROM people WHERE id = 7").get()).toEqual({ known_since: '', boundary_flags: '' });
    expect(db.prepare("SELECT 1 FROM settings WHERE key = 'standing.asOf'").get()).toBeUndefined();
    // The triggers keep the notes index in step with every write.
    db.prepare("UPDATE people SET notes = 'Bookkeeper wanted' WHERE id = 7").run();
    expect(db.prepare("SELECT rowid FROM people_notes_search WHERE people_notes_search MATCH 'marathon'").all()).toEqual([]);
    db.prepare('DELETE FROM people WHERE id = 7').run();
    expect(db.prepare("SELECT count(*) AS n FROM interactions_search WHERE interactions_search MATCH 'cellar'").get()).toEqual({ n: 0 });
    db.exec("INSERT INTO interactions_search (interactions_search) VALUES ('integrity-check'); INSERT INTO people_notes_search (people_notes_search) VALUES ('integrity-check')");
    // A one-off event needs its year and a name; a photo is one of four image kinds.
    db.prepare("INSERT INTO people (id, given_name, sort_key, search_rank, created_at, updated_at) VALUES (8, 'Bo', 'bo', 2, 'x', 'x')").run();
    expect(() => db.prepare("INSERT INTO important_dates (person_id, kind, label, month, day, yearly, created_at) VALUES (8, 'event', 'New job', 3, 1, 0, 'x')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO person_photos (person_id, mime, data, updated_at) VALUES (8, 'image/svg+xml', 'PHN2Zz4=', 'x')").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 16: the lists a report counts, indexed', () => {
  it('indexes exactly the customers Ready names and the clients At risk is chosen from; each list and its count read its index', () => {
    const db = databaseAt(15, path.join(tempDataDir(), DATABASE_FILE));
    const person = db.prepare("INSERT INTO people (id, given_name, sort_key, search_rank, stage, score, test_yeses, cultivate, created_at, updated_at) VALUES (?, 'P', ?, ?, ?, ?, ?, ?, 'x', 'x')");
    const people: [number, string, number, number, number][] = [
      [1, 'customer', 50, 3, 0],
      [2, 'customer', 60, 2, 1],
      [3, 'customer', 70, 2, 0],
      [4, 'client', 80, 4, 1],
      [5, 'prospect', 10, 0, 1],
    ];
    for (const [id, stage, score, yeses, cultivate] of people) person.run(id, `p${id}`, id, stage, score, yeses, cultivate);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 16));
    expect(db.pragma('user_version', { simple: true })).toBe(16);
    const ready = `p.stage = 'customer' AND (p.test_yeses = 3 OR p.cultivate = 1)`;
    expect(STANDING_LIST_SQL.ready).toBe(ready);
    // As the list and its count read it (the planner, without statistics, would walk every customer).
    expect(STANDING_LIST_FROM.ready).toBe('people p INDEXED BY people_ready');
    const list = `SELECT p.id FROM ${STANDING_LIST_FROM.ready} WHERE ${ready} ORDER BY p.score DESC, p.sort_key, p.id`;
    const count = `SELECT count(*) AS n FROM ${STANDING_LIST_FROM.ready} WHERE ${ready}`;
    expect(db.prepare(list).all()).toEqual([{ id: 2 }, { id: 1 }]);
    expect(db.prepare(count).get()).toEqual({ n: 2 });
    for (const sql of [list, count]) {
      expect((db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' ')).toMatch(/people_ready/);
    }
    // At risk: the clients' index carries what due is worked out from, so the count reads no row.
    expect(STANDING_LIST_FROM.atRisk).toBe('people p INDEXED BY people_clients');
    const params = { clientCadence: 30, customerCadence: 60, prospectCadence: 90, today: '2031-06-15' };
    db.prepare("UPDATE people SET last_personal_on = '2031-06-01' WHERE id = 4").run();
    const atRisk = `SELECT count(*) AS n FROM ${STANDING_LIST_FROM.atRisk} WHERE ${STANDING_LIST_SQL.atRisk}`;
    expect(db.prepare(atRisk).get(params)).toEqual({ n: 0 });
    db.prepare("UPDATE people SET last_personal_on = '2031-04-01' WHERE id = 4").run();
    expect(db.prepare(atRisk).get(params)).toEqual({ n: 1 });
    expect((db.prepare(`EXPLAIN QUERY PLAN ${atRisk}`).all(params) as { detail: string }[]).map((r) => r.detail).join(' ')).toMatch(/COVERING INDEX people_clients/);
    // It follows the rows as they change.
    db.prepare("UPDATE people SET test_yeses = 3 WHERE id = 3").run();
    db.prepare("UPDATE people SET stage = 'client' WHERE id = 1").run();
    expect(db.prepare(list).all()).toEqual([{ id: 3 }, { id: 2 }]);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    db.close();
  });
});
