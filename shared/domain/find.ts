/**
 * "Find anything" (Ctrl+K): what one query finds across the book, grouped, each hit with where
 * it leads. The palette adds its own commands on the renderer side.
 */

export type FindHit =
  | { type: 'person'; id: number; title: string; detail: string; personId: number }
  | { type: 'tag'; id: number; title: string; detail: string; tag: string }
  | { type: 'note'; id: number; title: string; detail: string; personId: number }
  | { type: 'need'; id: number; title: string; detail: string; personId: number }
  | { type: 'interaction'; id: number; title: string; detail: string; personId: number }
  | { type: 'seminar'; id: number; title: string; detail: string }
  | { type: 'occasion'; id: number; title: string; detail: string };

export type FindHitType = FindHit['type'];

export const FIND_GROUP_LABELS: Record<FindHitType, string> = {
  person: 'People',
  tag: 'Tags',
  note: 'In notes',
  need: 'Needs',
  interaction: 'Touches',
  seminar: 'Seminars',
  occasion: 'Occasions at home',
};

export interface FindResults {
  query: string;
  hits: FindHit[];
}

/** The digits of a query that reads as (part of) a phone number: "717 546", "(717) 546-12", "+1 717". Null otherwise. */
export function phoneDigits(query: string): string | null {
  const trimmed = query.trim();
  if (!/^[+()\d\s./-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  return digits.length >= 3 ? digits : null;
}
