import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { nameSortKey } from '../../../shared/domain/names';
import { AppError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { backupPath } from '../db/backup';
import { migrate } from '../db/migrate';
import { LATEST_VERSION } from '../db/migrations/index';
import { removeStaged } from '../db/staging';
import { stagedBookPath, syncFile } from '../db/swap';
import { exclusive } from '../jobs/exclusive';
import { runJob, workersDone } from '../jobs/host';
import { stmt } from '../db/statements';
import { FULL_EXPORT_TABLES } from './exports';
import { checkSafetyCopy } from './backups';
import { getPersonData, searchDocument } from './people';
import { indexPerson, respace } from './search-index';
import { localDay, refreshAllStandings } from './standing';

const Row = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
const FullExport = z.object({
  format: z.literal('rapport-full-export'),
  formatVersion: z.literal(1),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string(),
  includesPersonal: z.boolean(),
  tables: z.record(z.string(), z.array(Row)),
});

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

type FullExportDoc = z.infer<typeof FullExport>;

export function readFullExport(content: string): FullExportDoc {
  let doc: FullExportDoc;
  try {
    doc = FullExport.parse(JSON.parse(Buffer.from(content, 'base64').toString('utf8')));
  } catch {
    throw new AppError('invalid_input', 'This is not a Rapport full export (format version 1).', { file: 'This is not a Rapport full export.' });
  }
  if (doc.schemaVersion > LATEST_VERSION) throw new AppError('conflict', 'This export was made by a newer version of Rapport; update Rapport to import it.');
  return doc;
}

/** Writes a checked export into a book, in one transaction; returns the rows written. */
function loadFullExport(ctx: CoreContext, doc: FullExportDoc): number {
  const { db } = ctx;
  let rows = 0;
  db.transaction(() => {
    // References are checked at commit, so the tables' order in the file does not matter.
    db.pragma('defer_foreign_keys = ON');
    for (const table of ['people', ...FULL_EXPORT_TABLES]) {
      const columns = new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
      // When the book was last scored is the book's own business: it scores itself again.
      for (const row of (doc.tables[table] ?? []).filter((r) => !(table === 'settings' && r.key === 'standing.asOf'))) {
        const values: Record<string, unknown> = Object.fromEntries(Object.entries(row).filter(([k]) => columns.has(k)));
        if (table === 'people') {
          values.sort_key = nameSortKey({ givenName: String(values.given_name ?? ''), familyName: String(values.family_name ?? ''), displayName: String(values.display_name ?? '') });
          // Unique for now; every rank is handed out afresh below.
          values.search_rank = -Number(values.id);
        }
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
 * In the job worker: reads the export, then builds the whole book in a new file beside the live
 * one (`target`), which is never locked meanwhile. `ctx` reads the live book (it must be empty).
 */
export function stageFullExport(ctx: CoreContext, content: string, target: string): Omit<FullImportResult, 'backup'> {
  const doc = readFullExport(content);
  if (!isEmptyBook(ctx.db)) throw new AppError('conflict', EMPTY_ONLY);
  try {
    const db = new Database(target);
    try {
      db.pragma('journal_mode = DELETE');
      db.pragma('foreign_keys = ON');
      migrate(db);
      const staging: CoreContext = { ...ctx, db, store: { ...ctx.store, db, path: target } };
      const rows = loadFullExport(staging, doc);
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
    fs.mkdirSync(path.dirname(aside), { recursive: true });
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
