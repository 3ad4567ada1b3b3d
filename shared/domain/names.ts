/**
 * Name handling shared by the store (sort keys, search index) and the renderer (display).
 * Accents and non-Latin scripts are normal in a networker's book, so every comparison goes
 * through one normalization: compatibility decomposition, combining marks removed, lower case.
 */

const COMBINING_MARKS = /\p{M}+/gu;
/** Letters that carry no combining mark under NFKD but that people type without the stroke. */
const FOLDS: Record<string, string> = { ß: 'ss', ø: 'o', đ: 'd', ł: 'l', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th' };
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'gu');

export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(FOLDABLE, (ch) => FOLDS[ch] ?? ch);
}

/**
 * Words as the search index sees them: runs of letters, and runs of digits, apart — so
 * "jose.garcia77@mail.com" is found by "garcia" without the index holding a word per number.
 */
export function searchTokens(text: string): string[] {
  return foldText(text)
    .replace(/(\p{L})(?=\p{N})|(\p{N})(?=\p{L})/gu, '$1$2 ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/**
 * The words a person's names are found by: each name's words, and each name run together
 * ("O'Brien" → "obrien", "田中 太郎" → "田中太郎") so a name is found however its punctuation and
 * spacing are typed. The search index stores exactly these words; ranking reads the same ones.
 */
export function nameSearchWords(names: string[]): string[] {
  const words = new Set<string>();
  for (const name of names) {
    const tokens = searchTokens(name);
    tokens.forEach((t) => words.add(t));
    if (tokens.length > 1) words.add(tokens.join(''));
  }
  return [...words];
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function isEastAsian(text: string): boolean {
  return CJK.test(text);
}

export interface NameParts {
  givenName: string;
  familyName: string;
  displayName: string;
}

/** The name shown everywhere: the chosen display name, else the parts in the script's own order. */
export function personName(p: NameParts): string {
  if (p.displayName.trim()) return p.displayName.trim();
  const given = p.givenName.trim();
  const family = p.familyName.trim();
  if (isEastAsian(given + family)) return [family, given].filter(Boolean).join(' ');
  return [given, family].filter(Boolean).join(' ');
}

/** Family name first, folded, so "Álvarez" sorts beside "Alvarez" and before "Baker". */
export function nameSortKey(p: NameParts): string {
  const family = p.familyName.trim();
  const rest = family ? p.givenName.trim() || p.displayName.trim() : personName(p);
  return foldText([family, rest].filter(Boolean).join(' ')).replace(/\s+/g, ' ');
}

/** Initials for an avatar: first letter of the first two words of the shown name. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (isEastAsian(name)) return Array.from(words[0] ?? '')[0] ?? '?';
  return words
    .slice(0, 2)
    .map((w) => Array.from(w)[0]?.toUpperCase() ?? '')
    .join('');
}
