import type Database from 'better-sqlite3';
import { INTERACTION_KINDS, type InteractionKind } from '../../../shared/domain/relationship';
import type { TrashEntry, TrashKind } from '../../../shared/domain/trash';
import { TRASH_DAYS } from '../../../shared/domain/trash';
import { AppError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { getPersonData, removePerson, searchDocument } from './people';
import { personRef } from './person-records';
import { indexPerson, rankFor } from './search-index';
import { refreshStanding } from './standing';

/**
 * Deletes that can be undone for 30 days. What is deleted is kept whole in the trash row — the
 * record and every row that went with it (a person's emails, touches, follow-ups, registrations…,
 * found by following the schema's own foreign keys, so a new table is never missed) — and put
 * back row for row. A row whose id was taken meanwhile comes back under a new id, and whatever
 * referred to it follows.
 */

type Row = Record<string, unknown>;
interface Edge {
  child: string;
  column: string;
  parent: string;
  onDelete: string;
}
interface Snapshot {
  /** Rows to insert, parents before children. */
  rows: { table: string; row: Row }[];
  /** Rows elsewhere whose reference the delete set to NULL, to point back at what returns. */
  relinks: { table: string; id: number; column: string; parent: string; value: number }[];
}

const edgesCache = new WeakMap<Database.Database, Edge[]>();
function edges(db: Database.Database): Edge[] {
  let found = edgesCache.get(db);
  if (!found) {
    found = stmt<[], Edge>(
      db,
      `SELECT m.name AS child, f."from" AS "column", f."table" AS parent, f.on_delete AS onDelete
       FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' ORDER BY m.name, f."from"`,
    ).all();
    edgesCache.set(db, found);
  }
  return found;
}

const hasId = (db: Database.Database, table: string) =>
  (stmt(db, `SELECT count(*) AS n FROM pragma_table_info('${table}') WHERE name = 'id' AND pk = 1`).get() as { n: number }).n === 1;

/** The record and everything its delete would take with it (cascades), and what it would unlink (set null). */
function snapshot(db: Database.Database, table: string, id: number): Snapshot {
  const root = stmt(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  if (!root) throw notFound('This record');
  const rows: Snapshot['rows'] = [{ table, row: root }];
  const relinks: Snapshot['relinks'] = [];
  const tagRows: Row[] = [];
  const queue: { table: string; ids: number[] }[] = [{ table, ids: [id] }];
  const taken = new Map<string, Set<number>>([[table, new Set([id])]]);
  while (queue.length) {
    const { table: parent, ids } = queue.shift() as { table: string; ids: number[] };
    for (const e of edges(db).filter((x) => x.parent === parent)) {
      const found = stmt(db, `SELECT * FROM ${e.child} WHERE "${e.column}" IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Row[];
      if (e.onDelete === 'SET NULL') {
        for (const r of found) relinks.push({ table: e.child, id: r.id as number, column: e.column, parent, value: r[e.column] as number });
        continue;
      }
      if (e.onDelete !== 'CASCADE') continue;
      const childHasId = hasId(db, e.child);
      const seen = taken.get(e.child) ?? new Set<number>();
      taken.set(e.child, seen);
      const fresh = childHasId ? found.filter((r) => !seen.has(r.id as number)) : found;
      for (const r of fresh) {
        if (childHasId) seen.add(r.id as number);
        rows.push({ table: e.child, row: r });
        if (e.child === 'person_tags') tagRows.push(stmt(db, 'SELECT * FROM tags WHERE id = ?').get(r.tag_id) as Row);
      }
      if (childHasId && fresh.length) queue.push({ table: e.child, ids: fresh.map((r) => r.id as number) });
    }
  }
  // Tags a delete may leave unused (and so remove) come back first, matched by name.
  const tags = [...new Map(tagRows.filter(Boolean).map((t) => [t.id, t])).values()].map((row) => ({ table: 'tags', row }));
  return { rows: [...tags, ...rows], relinks };
}

function purge(ctx: CoreContext): void {
  const cutoff = new Date(ctx.now().getTime() - TRASH_DAYS * 86_400_000).toISOString();
  stmt(ctx.db, 'DELETE FROM trash WHERE deleted_at < ?').run(cutoff);
}

function keep(ctx: CoreContext, kind: TrashKind, personId: number, label: string, detail: string, snap: Snapshot): number {
  purge(ctx);
  return Number(
    stmt(ctx.db, 'INSERT INTO trash (kind, person_id, label, detail, deleted_at, rows) VALUES (?, ?, ?, ?, ?, ?)').run(
      kind,
      personId,
      label,
      detail,
      ctx.now().toISOString(),
      JSON.stringify(snap),
    ).lastInsertRowid,
  );
}

/** Deletes a person into the trash: them and everything recorded about them. */
export function trashPerson(ctx: CoreContext, id: number): { id: number; trashId: number } {
  const trashId = ctx.db
    .transaction(() => {
      const who = personRef(ctx, id);
      const org = (stmt(ctx.db, 'SELECT organization FROM people WHERE id = ?').get(id) as { organization: string }).organization;
      const snap = snapshot(ctx.db, 'people', id);
      const touches = snap.rows.filter((r) => r.table === 'interactions').length;
      const detail = [org, touches ? `${touches} ${touches === 1 ? 'touch' : 'touches'}` : ''].filter(Boolean).join(' · ');
      const trashId = keep(ctx, 'person', id, who.name, detail, snap);
      removePerson(ctx.db, id);
      return trashId;
    })
    .immediate();
  return { id, trashId };
}

/** Deletes a logged touch or a follow-up into the trash; the person's standing follows at once. */
export function trashOwned(ctx: CoreContext, kind: 'interaction' | 'follow_up', id: number): { id: number; trashId: number } {
  const table = kind === 'interaction' ? 'interactions' : 'follow_ups';
  const trashId = ctx.db
    .transaction(() => {
      const row = stmt(ctx.db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
      if (!row) throw notFound(kind === 'interaction' ? 'This interaction' : 'This follow-up');
      const personId = row.person_id as number;
      const who = personRef(ctx, personId).name;
      const label =
        kind === 'interaction' ? `${INTERACTION_KINDS[row.kind as InteractionKind].label} with ${who}, ${String(row.occurred_on)}` : `“${String(row.what)}” with ${who}`;
      const detail = kind === 'interaction' ? String(row.note ?? '') : String(row.due_on ? `due ${String(row.due_on)}` : 'no day');
      const trashId = keep(ctx, kind, personId, label, detail, snapshot(ctx.db, table, id));
      stmt(ctx.db, `DELETE FROM ${table} WHERE id = ?`).run(id);
      refreshStanding(ctx, personId);
      return trashId;
    })
    .immediate();
  return { id, trashId };
}

interface TrashRow {
  id: number;
  kind: TrashKind;
  person_id: number;
  label: string;
  detail: string;
  deleted_at: string;
}

export function listTrash(ctx: CoreContext): TrashEntry[] {
  ctx.db.transaction(() => purge(ctx)).immediate();
  return stmt<[], TrashRow>(ctx.db, 'SELECT id, kind, person_id, label, detail, deleted_at FROM trash ORDER BY deleted_at DESC, id DESC')
    .all()
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      personId: r.person_id,
      label: r.label,
      detail: r.detail,
      deletedAt: r.deleted_at,
      keptUntil: new Date(Date.parse(r.deleted_at) + TRASH_DAYS * 86_400_000).toISOString(),
    }));
}

/** Puts a deleted record back with everything that went with it, in one transaction; the trash entry goes. */
export function restoreFromTrash(ctx: CoreContext, trashId: number): { kind: TrashKind; personId: number; restored: number } {
  return ctx.db
    .transaction(() => {
      const entry = stmt<[number], TrashRow & { rows: string }>(ctx.db, 'SELECT * FROM trash WHERE id = ?').get(trashId);
      if (!entry) throw notFound('This item of the trash');
      const snap = JSON.parse(entry.rows) as Snapshot;
      if (entry.kind !== 'person' && !stmt(ctx.db, 'SELECT 1 FROM people WHERE id = ?').get(entry.person_id)) {
        throw new AppError('conflict', `${entry.label} belonged to someone no longer in the book. Put them back from the trash first.`);
      }
      const restored = putBack(ctx, snap);
      stmt(ctx.db, 'DELETE FROM trash WHERE id = ?').run(trashId);
      const personId = entry.kind === 'person' ? (restored.newIds.get('people')?.get(entry.person_id) ?? entry.person_id) : entry.person_id;
      for (const id of restored.people) refreshStanding(ctx, id);
      refreshStanding(ctx, personId);
      return { kind: entry.kind, personId, restored: restored.count };
    })
    .immediate();
}

/** Empties one entry of the trash for good. */
export function discardFromTrash(ctx: CoreContext, trashId: number): { id: number } {
  ctx.db.transaction(() => stmt(ctx.db, 'DELETE FROM trash WHERE id = ?').run(trashId)).immediate();
  return { id: trashId };
}

function putBack(ctx: CoreContext, snap: Snapshot): { count: number; newIds: Map<string, Map<number, number>>; people: Set<number> } {
  const db = ctx.db;
  const newIds = new Map<string, Map<number, number>>();
  const mapOf = (table: string) => newIds.get(table) ?? newIds.set(table, new Map()).get(table)!;
  const exists = (table: string, id: number) => stmt(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  const people = new Set<number>();
  let count = 0;
  for (const { table, row: original } of snap.rows) {
    const row = { ...original };
    if (table === 'tags') {
      const same = stmt<[unknown], { id: number }>(db, 'SELECT id FROM tags WHERE name = ?').get(row.name);
      mapOf('tags').set(row.id as number, same ? same.id : Number(stmt(db, 'INSERT INTO tags (name) VALUES (?)').run(row.name).lastInsertRowid));
      continue;
    }
    let skip = false;
    for (const e of edges(db).filter((x) => x.child === table)) {
      const value = row[e.column];
      if (value === null || value === undefined) continue;
      const mapped = newIds.get(e.parent)?.get(value as number) ?? (value as number);
      row[e.column] = mapped;
      if (!exists(e.parent, mapped)) {
        // What it hung on is gone for good (a seminar deleted since): a cascade row goes with it, a link is dropped.
        if (e.onDelete === 'CASCADE') skip = true;
        else row[e.column] = null;
      }
    }
    if (skip) continue;
    const oldId = row.id as number | undefined;
    if (oldId !== undefined && hasId(db, table) && exists(table, oldId)) delete row.id;
    if (table === 'people') row.search_rank = rankFor(db, String(row.sort_key));
    const names = Object.keys(row);
    const result = stmt(db, `INSERT ${table === 'person_tags' ? 'OR IGNORE ' : ''}INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(
      ...names.map((n) => row[n] as never),
    );
    if (oldId !== undefined && hasId(db, table)) mapOf(table).set(oldId, Number(result.lastInsertRowid));
    if (table === 'people') {
      const id = Number(result.lastInsertRowid);
      indexPerson(db, row.search_rank as number, searchDocument(getPersonData(ctx, id)));
      people.add(id);
    }
    if (typeof row.person_id === 'number') people.add(row.person_id);
    count++;
  }
  for (const link of snap.relinks) {
    const target = newIds.get(link.parent)?.get(link.value) ?? link.value;
    if (!exists(link.parent, target)) continue;
    stmt(db, `UPDATE ${link.table} SET "${link.column}" = ? WHERE id = ? AND "${link.column}" IS NULL`).run(target, newIds.get(link.table)?.get(link.id) ?? link.id);
  }
  return { count, newIds, people };
}
