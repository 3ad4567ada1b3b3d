import { splitValues } from '../export/multi-value';

/**
 * Several values in one CSV cell, as the programs that write them join them: Google with " ::: "
 * (a "* " before the primary one), Outlook and Rapport with ";" (Rapport escaping a ";" inside a
 * value), Mailchimp as a list of quoted names ("Evento Roma","Volontari"), mailing lists with
 * commas or line breaks. Each reader is one pass over the cell.
 */

const primaryMark = (v: string) => (v.startsWith('*') ? v.replace(/^\*\s*/, '') : v).trim();

/** Google's " ::: " list, the primary entry's "* " dropped. Most cells are empty or hold one value: those make no arrays to throw away. */
export function googleValues(cell: string | undefined): string[] {
  if (!cell) return [];
  if (!cell.includes(' ::: ')) {
    const v = primaryMark(cell);
    return v ? [v] : [];
  }
  return cell.split(' ::: ').map(primaryMark).filter(Boolean);
}

/** `"Evento Roma","Volontari"` → the names between the quotes; null when the cell is not such a list. */
function quotedList(cell: string): string[] | null {
  if (!cell.startsWith('"') || !cell.endsWith('"')) return null;
  const out: string[] = [];
  let i = 0;
  while (i < cell.length) {
    if (cell[i] !== '"') return null;
    const end = cell.indexOf('"', i + 1);
    if (end < 0) return null;
    out.push(cell.slice(i + 1, end).trim());
    i = end + 1;
    while (i < cell.length && (cell[i] === ',' || cell[i] === ' ')) i++;
  }
  return out.filter(Boolean);
}

export type ListField = 'email' | 'phone' | 'tags';

/**
 * The values of a cell of a column mapped to emails, phones or tags. Email addresses hold none of
 * the separators, so any of them splits; a phone may hold commas and slashes ("0171 / 123456"), so
 * only ";", " ::: " and line breaks split phones; tags split at all of them, a quoted list first.
 */
export function listIn(cell: string, field: ListField): string[] {
  const text = cell.trim();
  if (!text) return [];
  if (text.includes(' ::: ')) return googleValues(text).flatMap((v) => listIn(v, field));
  if (field === 'tags') {
    const quoted = quotedList(text);
    if (quoted) return quoted;
  }
  const parts = text.includes('\\') ? splitValues(text) : text.split(/;|\r?\n/);
  const split = field === 'phone' ? parts : parts.flatMap((p) => p.split(','));
  return split.flatMap((p) => (field === 'email' ? addresses(p) : [p.trim()])).filter(Boolean);
}

/** "Ann Lee <ann@example.com>" → the address; several addresses apart by spaces → each. */
function addresses(text: string): string[] {
  const named = /<([^<>\s]+@[^<>\s]+)>/.exec(text);
  if (named) return [named[1] as string];
  const words = text.trim().split(/\s+/);
  return words.length > 1 && words.every((w) => w.includes('@')) ? words : [text.trim()];
}
