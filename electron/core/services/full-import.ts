import path from 'node:path';
import { z } from 'zod';
import { nameSortKey } from '../../../shared/domain/names';
import { AppError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { backupDatabase } from '../db/backup';
import { LATEST_VERSION } from '../db/migrations/index';
import { stmt } from '../db/statements';
import { FULL_EXPORT_TABLES } from './exports';
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

function isEmptyBook(ctx: CoreContext): boolean {
  return ['people', 'seminars', 'occasions'].every((t) => !stmt(ctx.db, `SELECT 1 FROM ${t} LIMIT 1`).get());
}

/**
 * Reads a full export (docs/EXPORT.md) back into an empty book, row for row with its own ids.
 * What the book derives (sort keys, search ranks and index, standing) is worked out afresh.
 */
export async function importFullExport(ctx: CoreContext, content: string): Promise<FullImportResult> {
  let doc: z.infer<typeof FullExport>;
  try {
    doc = FullExport.parse(JSON.parse(Buffer.from(content, 'base64').toString('utf8')));
  } catch {
    throw new AppError('invalid_input', 'This is not a Rapport full export (format version 1).', { file: 'This is not a Rapport full export.' });
  }
  if (doc.schemaVersion > LATEST_VERSION) throw new AppError('conflict', 'This export was made by a newer version of Rapport; update Rapport to import it.');
  if (!isEmptyBook(ctx)) throw new AppError('conflict', 'A full export is imported into an empty book only. Start with a new data folder, or restore a backup instead.');
  const backup = path.basename(await backupDatabase(ctx.db, ctx.store.dataDir, 'before-import', ctx.now()));
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
  return { people: (doc.tables.people ?? []).length, rows, exportedAt: doc.exportedAt, backup };
}
