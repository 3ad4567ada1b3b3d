import type Database from 'better-sqlite3';
import { nameSearchWords, searchTokens } from '../../../shared/domain/names';
import { stmt } from '../db/statements';

/**
 * The people search index (FTS5) is keyed by each person's *search rank*: their position in name
 * order, spaced with gaps. FTS5 yields matches in rowid order and stops at LIMIT, so a search of
 * 100,000 people returns its first page in name order without sorting every match — "mar" may
 * match a tenth of a large book. A new rank goes into the gap between its neighbours; when a gap
 * is used up, every rank is spread out again (rare: gaps start at 2^32).
 */
const SPACING = 2 ** 32;
const LAST_ID = Number.MAX_SAFE_INTEGER;

export interface SearchDocument {
  names: string[];
  organization: string;
  emails: string[];
}


/** A free rank between the neighbours of (sortKey, id) in name order, or null if there is no gap. */
function rankBetween(db: Database.Database, sortKey: string, id: number): number | null {
  const prev =
    stmt<[string, number, number], { r: number }>(
      db,
      'SELECT search_rank AS r FROM people WHERE (sort_key, id) < (?, ?) AND id != ? ORDER BY sort_key DESC, id DESC LIMIT 1',
    ).get(sortKey, id, id)?.r ?? 0;
  const next = stmt<[string, number, number], { r: number }>(
    db,
    'SELECT search_rank AS r FROM people WHERE (sort_key, id) > (?, ?) AND id != ? ORDER BY sort_key, id LIMIT 1',
  ).get(sortKey, id, id)?.r;
  if (next === undefined) return prev + SPACING <= Number.MAX_SAFE_INTEGER ? prev + SPACING : null;
  return next - prev >= 2 ? prev + Math.floor((next - prev) / 2) : null;
}

/** Spreads every rank out again, moving each search row with its person. */
export function respace(db: Database.Database): void {
  const rows = stmt<[], { id: number; r: number }>(db, 'SELECT id, search_rank AS r FROM people ORDER BY sort_key, id').all();
  // Through negative ranks first, so no two rows ever share a rank on the way.
  stmt(db, 'UPDATE people SET search_rank = -search_rank').run();
  stmt(db, 'UPDATE people_search SET rowid = -rowid').run();
  // Ranks pass 2^31, so JavaScript numbers bind as REAL: cast them back to integers for SQLite.
  const person = stmt(db, 'UPDATE people SET search_rank = CAST(? AS INTEGER) WHERE id = ?');
  const search = stmt(db, 'UPDATE people_search SET rowid = CAST(? AS INTEGER) WHERE rowid = CAST(? AS INTEGER)');
  rows.forEach((row, i) => {
    const rank = (i + 1) * SPACING;
    person.run(rank, row.id);
    search.run(rank, -row.r);
  });
}

/** Gaps a local respacing must leave at least, so the next newcomers nearby find room at once. */
const ROOMY = 2 ** 12;

/**
 * Spreads out only the ranks around the place of (sortKey, id) — `reach` people on each side,
 * widened until that stretch of the book has room — instead of the whole book. Names typed one
 * after another into the same gap ("Walk-in 1", "Walk-in 2"…) use it up in some thirty halvings;
 * renumbering 100,000 people then held the write lock for seconds, a check-in waiting behind it.
 */
function respaceAround(db: Database.Database, sortKey: string, id: number): void {
  const before = stmt<[string, number, number, number], { id: number; r: number }>(
    db,
    'SELECT id, search_rank AS r FROM people WHERE (sort_key, id) < (?, ?) AND id != ? ORDER BY sort_key DESC, id DESC LIMIT ?',
  );
  const after = stmt<[string, number, number, number], { id: number; r: number }>(
    db,
    'SELECT id, search_rank AS r FROM people WHERE (sort_key, id) > (?, ?) AND id != ? ORDER BY sort_key, id LIMIT ?',
  );
  // Someone moving (a changed name) gets their rank from the caller afterwards; their old one must not stand in the way.
  if (id !== LAST_ID) stmt(db, 'UPDATE people SET search_rank = -search_rank WHERE id = ? AND search_rank > 0').run(id);
  for (let reach = 16; ; reach *= 4) {
    const below = before.all(sortKey, id, id, reach + 1);
    const above = after.all(sortKey, id, id, reach + 1);
    // The people just outside the stretch keep their ranks and bound it.
    const lo = below.length > reach ? (below[reach] as { r: number }).r : 0;
    const hi = above.length > reach ? (above[reach] as { r: number }).r : null;
    const stretch = [...below.slice(0, reach).reverse(), null, ...above.slice(0, reach)];
    const step = hi === null ? SPACING : Math.floor((hi - lo) / (stretch.length + 1));
    const wholeBook = below.length <= reach && above.length <= reach;
    if (step < ROOMY && !wholeBook) continue;
    if (step < 2 || lo + step * stretch.length > LAST_ID) {
      respace(db);
      return;
    }
    const moving = stretch.map((p, k) => (p ? { ...p, rank: lo + step * (k + 1) } : null)).filter((p) => p !== null);
    // Through negative ranks first, so no two rows ever share a rank on the way.
    const person = stmt(db, 'UPDATE people SET search_rank = CAST(? AS INTEGER) WHERE id = ?');
    const search = stmt(db, 'UPDATE people_search SET rowid = CAST(? AS INTEGER) WHERE rowid = CAST(? AS INTEGER)');
    for (const p of moving) {
      person.run(-p.r, p.id);
      search.run(-p.r, p.r);
    }
    for (const p of moving) {
      person.run(p.rank, p.id);
      search.run(p.rank, -p.r);
    }
    return;
  }
}

/** The rank a person with this sort key gets (a new person: `id` omitted, placed after namesakes). */
export function rankFor(db: Database.Database, sortKey: string, id: number = LAST_ID): number {
  const rank = rankBetween(db, sortKey, id);
  if (rank !== null) return rank;
  respaceAround(db, sortKey, id);
  const spaced = rankBetween(db, sortKey, id);
  if (spaced === null) throw new Error('No search rank is free even after respacing.');
  return spaced;
}

/**
 * Ranks for many new people at once (an import), in the order given (their ids will follow that
 * order): each run of newcomers between the same two people already in the book shares that gap
 * evenly, so a file of ten thousand Smiths never halves one gap until it is used up. One ordered
 * read of the book, then a walk beside the newcomers in name order.
 */
export function planRanks(db: Database.Database, sortKeys: string[]): number[] {
  const keys = sortKeys.map((k) => Buffer.from(k, 'utf8'));
  const order = keys.map((_, i) => i).sort((a, b) => Buffer.compare(keys[a] as Buffer, keys[b] as Buffer) || a - b);
  for (let attempt = 0; attempt < 2; attempt++) {
    const book = stmt<[], { key: Buffer; r: number }>(db, 'SELECT CAST(sort_key AS BLOB) AS key, search_rank AS r FROM people ORDER BY sort_key, id').all();
    const ranks = new Array<number>(sortKeys.length);
    let fits = true;
    let j = 0;
    for (let start = 0; start < order.length; ) {
      // Everyone in the book up to this newcomer's name comes before them (namesakes too: they were here first).
      while (j < book.length && Buffer.compare((book[j] as { key: Buffer }).key, keys[order[start] as number] as Buffer) <= 0) j++;
      let end = start + 1;
      while (end < order.length && (j >= book.length || Buffer.compare((book[j] as { key: Buffer }).key, keys[order[end] as number] as Buffer) > 0)) end++;
      const prev = j > 0 ? (book[j - 1] as { r: number }).r : 0;
      const next = j < book.length ? (book[j] as { r: number }).r : null;
      const count = end - start;
      const step = next === null ? SPACING : Math.floor((next - prev) / (count + 1));
      if (step < 1 || prev + step * count > LAST_ID) fits = false;
      for (let k = 0; k < count; k++) ranks[order[start + k] as number] = prev + step * (k + 1);
      start = end;
    }
    if (fits) return ranks;
    // An import plans outside its short write steps; respacing is a write of its own.
    if (db.inTransaction) respace(db);
    else db.transaction(() => respace(db)).immediate();
  }
  throw new Error('No search ranks are free even after respacing.');
}

/**
 * Whether a rank planned earlier (planRanks) still puts a new person with this sort key in name
 * order, after their namesakes: between the neighbours the book has now.
 */
export function rankStillFits(db: Database.Database, sortKey: string, rank: number): boolean {
  const prev = stmt<[string], { r: number }>(db, 'SELECT search_rank AS r FROM people WHERE sort_key <= ? ORDER BY sort_key DESC, id DESC LIMIT 1').get(sortKey)?.r ?? 0;
  const next = stmt<[string], { r: number }>(db, 'SELECT search_rank AS r FROM people WHERE sort_key > ? ORDER BY sort_key, id LIMIT 1').get(sortKey)?.r;
  return prev < rank && (next === undefined || rank < next);
}

export function indexPerson(db: Database.Database, rank: number, doc: SearchDocument): void {
  stmt(db, 'INSERT INTO people_search (rowid, names, organization, emails) VALUES (CAST(? AS INTEGER), ?, ?, ?)').run(
    rank,
    nameSearchWords(doc.names).join(' '),
    searchTokens(doc.organization).join(' '),
    searchTokens(doc.emails.join(' ')).join(' '),
  );
}

export function unindexPerson(db: Database.Database, rank: number): void {
  stmt(db, 'DELETE FROM people_search WHERE rowid = CAST(? AS INTEGER)').run(rank);
}

/**
 * An FTS5 query where every typed word must prefix-match some indexed word. Words are quoted,
 * so nothing the user types is read as FTS syntax. Returns null when there is nothing to match.
 */
export function prefixMatchQuery(text: string): string | null {
  const tokens = searchTokens(text);
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' AND ');
}
