import { distance } from 'fastest-levenshtein';
import { nameSearchWords } from '../../../shared/domain/names';
import type { CoreContext } from '../context';
import { seminarMemo } from '../db/seminar-memo';
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
  sortKey: string;
}

/** A seminar's registrants by name word: each distinct word once, with who carries it. */
interface WordIndex {
  entries: Entry[];
  words: Map<string, number[]>;
}

export interface Suggestion {
  id: number;
  /** Why: "Bob is a form of Robert", "close to Bloggs". */
  reason: string;
}

const LIMIT = 5;
/** A seminar's registrants by name word, read once until the book changes. */
const wordIndex = seminarMemo((db, seminarId): WordIndex => {
  const rows = stmt<[number], { id: number; given_name: string; family_name: string; display_name: string; sort_key: string }>(
    db,
    `SELECT r.id, p.given_name, p.family_name, p.display_name, p.sort_key
     FROM registrations r JOIN people p ON p.id = r.person_id
     WHERE r.seminar_id = ? AND r.state != 'cancelled'`,
  ).all(seminarId);
  const index: WordIndex = { entries: [], words: new Map() };
  rows.forEach((r, i) => {
    index.entries.push({ id: r.id, sortKey: r.sort_key });
    for (const word of nameSearchWords([r.given_name, r.family_name, r.display_name])) {
      const carriers = index.words.get(word);
      if (carriers) carriers.push(i);
      else index.words.set(word, [i]);
    }
  });
  return index;
});

/** Typos tolerated: none under three letters, one up to four, two beyond. */
const tolerance = (word: string) => (word.length < 3 ? 0 : word.length <= 4 ? 1 : 2);

/** How far a typed word is from a name word (0 = begins it), and why; null when too far. */
function closeness(typed: string, variants: ReadonlySet<string>, word: string): { cost: number; reason: string | null } | null {
  if (word.startsWith(typed)) return { cost: 0, reason: null };
  if (variants.has(word)) return { cost: 0.5, reason: 'variant' };
  const k = tolerance(typed);
  if (k === 0) return null;
  let best = Math.abs(word.length - typed.length) <= k ? distance(typed, word) : Infinity;
  // A typo in a name being typed: compare with the start of the name word.
  if (typed.length >= 4 && word.length > typed.length) best = Math.min(best, distance(typed, word.slice(0, typed.length)) + 0.25);
  return best <= k ? { cost: best, reason: 'typo' } : null;
}

const capitalized = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

interface Closest {
  cost: number;
  reason: string;
}

export function suggestRegistrants(ctx: CoreContext, seminarId: number, typedWords: string[]): Suggestion[] {
  const typed = typedWords.filter((w) => /\p{L}/u.test(w));
  if (typed.length === 0) return [];
  const { entries, words } = wordIndex(ctx.db, seminarId);
  // Per typed word, each distinct name word is measured once; its carriers inherit the result.
  let scores: Map<number, Closest> | null = null;
  for (const t of typed) {
    const variants = givenNameVariants(t);
    const closest = new Map<number, Closest>();
    for (const [word, carriers] of words) {
      const c = closeness(t, variants, word);
      if (!c) continue;
      const reason = c.reason === 'variant' ? `${capitalized(t)} is a form of ${capitalized(word)}` : c.reason === 'typo' ? `close to ${capitalized(word)}` : '';
      for (const i of carriers) {
        const known = closest.get(i);
        if (!known || c.cost < known.cost) closest.set(i, { cost: c.cost, reason });
      }
    }
    if (scores === null) scores = closest;
    else {
      const next = new Map<number, Closest>();
      for (const [i, sofar] of scores) {
        const here = closest.get(i);
        if (here) next.set(i, { cost: sofar.cost + here.cost, reason: sofar.reason || here.reason });
      }
      scores = next;
    }
    if (scores.size === 0) return [];
  }
  // Nothing matched as typed, so every offer costs something; a zero-cost one was found by the search itself.
  const offered = [...(scores ?? new Map<number, Closest>())].filter(([, s]) => s.cost > 0);
  offered.sort(([a, x], [b, y]) => x.cost - y.cost || ((entries[a] as Entry).sortKey < (entries[b] as Entry).sortKey ? -1 : 1));
  return offered.slice(0, LIMIT).map(([i, s]) => ({ id: (entries[i] as Entry).id, reason: s.reason }));
}
