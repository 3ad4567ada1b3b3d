import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { backupPath } from '../db/backup';
import { migrate } from '../db/migrate';
import { removeStaged } from '../db/staging';
import { stagedBookPath, syncFile } from '../db/swap';
import { exclusive } from '../jobs/exclusive';
import { runJob, workersDone } from '../jobs/host';
import { stmt } from '../db/statements';
import { checkFullExport, readFullExport, type PreparedTable } from '../import/full-export-check';
import { ensurePrivateFile, ensurePrivateFolder } from '../private-files';
import { checkSafetyCopy } from './backups';
import { getPersonData, searchDocument } from './people';
import { indexPerson, respace } from './search-index';
import { localDay, refreshAllStandings } from './standing';

export interface FullImportResult {
  people: number;
  rows: number;
  exportedAt: string;
  backup: string;
}

const EMPTY_ONLY = 'A full export is imported into an empty book only. Start with a new data folder, or restore a backup instead.';

function isEmptyBook(db: Database.Database): boolean {
  return ['people', 'seminars', 'occasions'].every((t) => !stmt(db, `SELECT 1 FROM ${t} LIMIT 1`).get());
}

/** Writes the rows a full check let through (full-export-check.ts) into a book, in one transaction; returns the rows written. */
function loadFullExport(ctx: CoreContext, prepared: PreparedTable[]): number {
  const { db } = ctx;
  let rows = 0;
  db.transaction(() => {
    // References are checked at commit, so the tables' order in the file does not matter.
    db.pragma('defer_foreign_keys = ON');
    for (const { table, rows: list } of prepared) {
      // When the book was last scored is the book's own business: it scores itself again.
      for (const values of list.filter((r) => !(table === 'settings' && r.key === 'standing.asOf'))) {
        const names = Object.keys(values);
        stmt(db, `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(values);
        rows++;
      }
    }
    respace(db);
    const people = stmt<[], { id: number; r: number }>(db, 'SELECT id, search_rank AS r FROM people ORDER BY search_rank').all();
    for (const p of people) indexPerson(db, p.r, searchDocument(getPersonData(ctx, p.id)));
    refreshAllStandings(db, localDay(ctx.now()), ctx.now().toISOString());
  }).immediate();
  return rows;
}

/**
 * In the job worker: reads the export and checks every row of it, then builds the whole book in a
 * new file beside the live one (`target`), which is never locked meanwhile. `ctx` reads the live book (it must be empty).
 */
export function stageFullExport(ctx: CoreContext, content: string, target: string): Omit<FullImportResult, 'backup'> {
  const doc = readFullExport(content);
  if (!isEmptyBook(ctx.db)) throw new AppError('conflict', EMPTY_ONLY);
  // Every row is checked (the API's schemas, the tables' rules and references) before a file is written.
  const prepared = checkFullExport(doc);
  try {
    ensurePrivateFile(target);
    const db = new Database(target);
    try {
      db.pragma('journal_mode = DELETE');
      db.pragma('foreign_keys = ON');
      migrate(db);
      const staging: CoreContext = { ...ctx, db, store: { ...ctx.store, db, path: target } };
      const rows = loadFullExport(staging, prepared);
      return { people: (doc.tables.people ?? []).length, rows, exportedAt: doc.exportedAt };
    } finally {
      db.close();
    }
  } catch (error) {
    removeStaged(target);
    throw error;
  } finally {
    if (fs.existsSync(target)) syncFile(target);
  }
}

/** Settings the owner made in the empty book (backups kept, remembered mappings) that the export does not have, carried over. */
function carryOverSettings(live: Database.Database, staged: string): void {
  const settings = stmt<[], { key: string; value: string }>(live, 'SELECT key, value FROM settings').all();
  const db = new Database(staged, { fileMustExist: true });
  try {
    const insert = db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)');
    db.transaction(() => settings.forEach((s) => insert.run(s.key, s.value)))();
  } finally {
    db.close();
  }
}

/**
 * Reads a full export (docs/EXPORT.md) back into an empty book, row for row with its own ids.
 * What the book derives (sort keys, search ranks and index, standing) is worked out afresh. The new
 * book is built aside in the job worker, then swapped in; the empty book is kept as the backup.
 */
export async function importFullExport(ctx: CoreContext, content: string): Promise<FullImportResult> {
  return exclusive(ctx.store, 'A full import', 'the import', async () => {
    const now = ctx.now();
    const staged = stagedBookPath(ctx.store.dataDir, 'building', now);
    const loaded = await runJob<Omit<FullImportResult, 'backup'>>(ctx, { kind: 'stage-full-export', content, target: staged });
    const aside = backupPath(ctx.store.dataDir, 'before-import', now);
    ensurePrivateFolder(path.dirname(aside), true);
    await workersDone(ctx.store);
    try {
      ctx.store.swapIn(staged, aside, (live) => {
        // Someone may have written meanwhile: an empty book stays the rule, and nothing it holds is lost.
        if (!isEmptyBook(live)) throw new AppError('conflict', EMPTY_ONLY);
        carryOverSettings(live, staged);
      });
    } finally {
      removeStaged(staged);
    }
    await checkSafetyCopy(ctx, aside);
    return { ...loaded, backup: path.basename(aside) };
  });
}
