import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { backupDatabase } from '../db/backup';
import { stmt } from '../db/statements';
import { checkFullExport, readFullExport } from '../import/full-export-check';
import { getPersonData, searchDocument } from './people';
import { indexPerson, respace } from './search-index';
import { localDay, refreshAllStandings } from './standing';
import { forgetPhoneRegion } from './phones';

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
  const doc = readFullExport(content);
  if (!isEmptyBook(ctx)) throw new AppError('conflict', 'A full export is imported into an empty book only. Start with a new data folder, or restore a backup instead.');
  // Every row is checked (the API's schemas, the tables' rules and references) before the book is touched.
  const prepared = checkFullExport(doc);
  const backup = path.basename(await backupDatabase(ctx.db, ctx.store.dataDir, 'before-import', ctx.now()));
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
  // The book's phone region may have come with its settings.
  forgetPhoneRegion(db);
  return { people: (doc.tables.people ?? []).length, rows, exportedAt: doc.exportedAt, backup };
}
