/**
 * Several values in one CSV cell, as Rapport writes them (docs/EXPORT.md): joined by "; ", with a
 * backslash before a ";" or a "\" inside a value — so a tag "Sales; EMEA" stays one tag and
 * "Sales" and "EMEA" stay two. Spreadsheets show the cell as it is; Rapport's import reads it back.
 */
export const VALUE_SEPARATOR = '; ';

export function joinValues(values: readonly string[]): string {
  return values.map((v) => v.replace(/[\\;]/g, (c) => `\\${c}`)).join(VALUE_SEPARATOR);
}

/**
 * The values of a cell written by joinValues: split at each ";" no backslash escapes, each trimmed
 * and unescaped. Empty values are dropped, unless `inPlace` (labels and kinds stand in the same
 * order as the emails and phones they belong to, blanks included).
 */
export function splitValues(cell: string, inPlace = false): string[] {
  const values: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i] as string;
    if (c === '\\' && i + 1 < cell.length) current += cell[++i];
    else if (c === ';') {
      values.push(current.trim());
      current = '';
    } else current += c;
  }
  values.push(current.trim());
  return inPlace ? values : values.filter(Boolean);
}
