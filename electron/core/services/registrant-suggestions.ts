import { distance } from 'fastest-levenshtein';
import { nameSearchWords } from '../../../shared/domain/names';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { givenNameVariants } from './given-names';

/**
 * "Did you mean…" at the check-in table: registrants whose names are close to what was typed when
 * nothing matches as typed — a typo ("amra" → Amara, "joe blogs" → Joe Bloggs) or another form of
 * a given name ("bob baker" → Robert Baker). Never selected on their own: the volunteer chooses.
 *
 * Edit distance over each registrant's name words, in memory: a seminar's registrants are a few
 * thousand at most, and their names are read once and kept until the book changes.
 */

interface Entry {
  id: number;
  words: string[];
  sortKey: string;
}

export interface Suggestion {
  id: number;
  /** Why: "Bob is a form of Robert", "close to Bloggs". */
  reason: string;
}

const LIMIT = 5;
const cache = new WeakMap<CoreContext['db'], Map<number, { version: string; entries: Entry[] }>>();

/** Changes on this connection and commits from any other (the import worker's) both move it. */
function bookVersion(db: CoreContext['db']): string {
  const changes = stmt<[], { c: number }>(db, 'SELECT total_changes() AS c').get()?.c ?? 0;
  return `${changes}:${db.pragma('data_version', { simple: true }) as number}`;
}

function registrants(ctx: CoreContext, seminarId: number): Entry[] {
  let bySeminar = cache.get(ctx.db);
  if (!bySeminar) {
    bySeminar = new Map();
    cache.set(ctx.db, bySeminar);
  }
  const version = bookVersion(ctx.db);
  const hit = bySeminar.get(seminarId);
  if (hit?.version === version) return hit.entries;
  const rows = stmt<[number], { id: number; given_name: string; family_name: string; display_name: string; sort_key: string }>(
    ctx.db,
    `SELECT r.id, p.given_name, p.family_name, p.display_name, p.sort_key
     FROM registrations r JOIN people p ON p.id = r.person_id
     WHERE r.seminar_id = ? AND r.state != 'cancelled'`,
  ).all(seminarId);
  const entries = rows.map((r) => ({ id: r.id, words: nameSearchWords([r.given_name, r.family_name, r.display_name]), sortKey: r.sort_key }));
  bySeminar.set(seminarId, { version, entries });
  return entries;
}

/** Typos tolerated: none under three letters, one up to four, two beyond. */
const tolerance = (word: string) => (word.length < 3 ? 0 : word.length <= 4 ? 1 : 2);

/** How far a typed word is from a name word (0 = begins it), and why; null when too far. */
function closeness(typed: string, word: string): { cost: number; reason: string | null } | null {
  if (word.startsWith(typed)) return { cost: 0, reason: null };
  if (givenNameVariants(typed).has(word)) return { cost: 0.5, reason: 'variant' };
  const k = tolerance(typed);
  if (k === 0) return null;
  let best = Math.abs(word.length - typed.length) <= k ? distance(typed, word) : Infinity;
  // A typo in a name being typed: compare with the start of the name word.
  if (typed.length >= 4 && word.length > typed.length) best = Math.min(best, distance(typed, word.slice(0, typed.length)) + 0.25);
  return best <= k ? { cost: best, reason: 'typo' } : null;
}

const capitalized = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export function suggestRegistrants(ctx: CoreContext, seminarId: number, typedWords: string[]): Suggestion[] {
  const words = typedWords.filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return [];
  const scored: { entry: Entry; cost: number; reason: string }[] = [];
  for (const entry of registrants(ctx, seminarId)) {
    let cost = 0;
    let reason = '';
    for (const typed of words) {
      let best: { cost: number; reason: string | null; word: string } | null = null;
      for (const word of entry.words) {
        const c = closeness(typed, word);
        if (c && (!best || c.cost < best.cost)) best = { ...c, word };
      }
      if (!best) {
        cost = Infinity;
        break;
      }
      cost += best.cost;
      if (best.reason === 'variant' && !reason) reason = `${capitalized(typed)} is a form of ${capitalized(best.word)}`;
      else if (best.reason === 'typo' && !reason) reason = `close to ${capitalized(best.word)}`;
    }
    if (cost > 0 && cost !== Infinity) scored.push({ entry, cost, reason });
  }
  scored.sort((a, b) => a.cost - b.cost || (a.entry.sortKey < b.entry.sortKey ? -1 : a.entry.sortKey > b.entry.sortKey ? 1 : a.entry.id - b.entry.id));
  return scored.slice(0, LIMIT).map((s) => ({ id: s.entry.id, reason: s.reason }));
}
