import variantsData from '../../../shared/data/given-name-variants.json';
import { foldText } from '../../../shared/domain/names';

/**
 * Given names that are forms of one another — Bob and Robert, Bill and William, Liz and
 * Elizabeth — from a published, curated data set (carltonnorthern/nicknames, Apache-2.0; see
 * shared/data/given-name-variants.json for its source and commit). A name and its nicknames are
 * variants of each other; two nicknames of one name are not (Bob is not Rob).
 */
const VARIANTS = new Map<string, Set<string>>();
for (const [name, nickname] of variantsData.pairs as [string, string][]) {
  const a = foldText(name);
  const b = foldText(nickname);
  if (a === b) continue;
  if (!VARIANTS.has(a)) VARIANTS.set(a, new Set());
  if (!VARIANTS.has(b)) VARIANTS.set(b, new Set());
  VARIANTS.get(a)?.add(b);
  VARIANTS.get(b)?.add(a);
}

const NONE: ReadonlySet<string> = new Set();

/** The other forms of a folded given name ("bob" → robert…). */
export function givenNameVariants(folded: string): ReadonlySet<string> {
  return VARIANTS.get(folded) ?? NONE;
}

export function areGivenNameVariants(a: string, b: string): boolean {
  return VARIANTS.get(foldText(a))?.has(foldText(b)) ?? false;
}
