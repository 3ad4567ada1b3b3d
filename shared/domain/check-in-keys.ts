import type { RegistrationState } from './seminar';
import { canNameSomeone, looksLikeCode } from './registrant-match';

/**
 * What Enter and the arrow keys do at the check-in table. Enter means the person on the screen:
 * it acts on the selected row only, and a row is selected only when the volunteer chose it (↑/↓
 * or a click, after the last change of the text) or when the typed text identifies it. A list
 * that belongs to other text than the text in the field selects nothing.
 */

export interface ListedRow {
  id: number;
  state: RegistrationState;
}

/** An answer of the check-in search, and the text it answers. */
export interface TableResults {
  query: string;
  rows: readonly ListedRow[];
  /** "Did you mean…": shown after the rows, never selected until chosen. */
  suggestions: readonly ListedRow[];
  /** The row the text identifies (see registrant-match `identify`), or null. */
  identified: number | null;
}

export interface TableState {
  query: string;
  results: TableResults | null;
  /** A row the volunteer chose since the text last changed; null when none. */
  chosen: number | null;
}

export type EnterAction =
  | { kind: 'checkIn'; registrationId: number }
  /** Already checked in: show who, when, and their note fields; check no one in. */
  | { kind: 'lookUp'; registrationId: number }
  /** A whole ticket or barcode that belongs to no one here. */
  | { kind: 'unknownCode'; code: string }
  /** The list does not answer this text yet: act when it does, if the text is still the same. */
  | { kind: 'wait' }
  | { kind: 'nothing'; say: string };

const isCurrent = (s: TableState): s is TableState & { results: TableResults } => s.results !== null && s.results.query === s.query;

/** Rows then suggestions, as listed on the screen. */
export function listedRows(results: TableResults | null): ListedRow[] {
  return results ? [...results.rows, ...results.suggestions] : [];
}

export function selectedId(s: TableState): number | null {
  if (!isCurrent(s)) return null;
  if (s.chosen !== null) return listedRows(s.results).some((r) => r.id === s.chosen) ? s.chosen : null;
  return s.results.identified;
}

export function onEnter(s: TableState): EnterAction {
  if (s.chosen === null && !canNameSomeone(s.query)) {
    return { kind: 'nothing', say: s.query.trim() ? 'Type part of a name, or scan a ticket: letters or digits.' : 'Type a name or scan a ticket first.' };
  }
  if (!isCurrent(s)) return { kind: 'wait' };
  const id = selectedId(s);
  const row = id === null ? undefined : listedRows(s.results).find((r) => r.id === id);
  if (row) {
    if (row.state === 'checked_in') return { kind: 'lookUp', registrationId: row.id };
    if (row.state === 'registered') return { kind: 'checkIn', registrationId: row.id };
    return { kind: 'nothing', say: 'This registration cannot be checked in.' };
  }
  if (looksLikeCode(s.query)) return { kind: 'unknownCode', code: s.query.trim() };
  const { rows, suggestions } = s.results;
  if (rows.length === 0) {
    return suggestions.length > 0
      ? { kind: 'nothing', say: 'No registrant matches as typed. Did you mean one of those listed? Press ↓ to choose.' }
      : { kind: 'nothing', say: `No registrant matches “${s.query.trim()}”. Press Alt+W for a walk-in.` };
  }
  return { kind: 'nothing', say: `${rows.length === 1 ? 'One person matches' : `${rows.length} people match`}: choose with ↓ and Enter, or type more.` };
}

/** ↓ (by 1) or ↑ (by −1): the row chosen next, from the one selected now. */
export function move(s: TableState, by: 1 | -1): number | null {
  const rows = isCurrent(s) ? listedRows(s.results) : [];
  if (rows.length === 0) return null;
  const at = rows.findIndex((r) => r.id === selectedId(s));
  const next = at === -1 ? (by === 1 ? 0 : rows.length - 1) : Math.min(Math.max(at + by, 0), rows.length - 1);
  return (rows[next] as ListedRow).id;
}
