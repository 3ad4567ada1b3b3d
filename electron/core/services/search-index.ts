import type Database from 'better-sqlite3';
import { searchTokens } from '../../../shared/domain/names';
import { stmt } from '../db/statements';

export interface SearchDocument {
  names: string[];
  organization: string;
  emails: string[];
}

/**
 * Each name is indexed as typed and also run together ("O'Brien" → "obrien", "田中 太郎" →
 * "田中太郎") so people find a name however they spell its punctuation and spacing.
 */
export function namesText(names: string[]): string {
  const words = new Set<string>();
  for (const name of names) {
    const tokens = searchTokens(name);
    tokens.forEach((t) => words.add(t));
    if (tokens.length > 1) words.add(tokens.join(''));
  }
  return [...words].join(' ');
}

export function indexPerson(db: Database.Database, id: number, doc: SearchDocument, replacing: boolean): void {
  if (replacing) stmt(db, 'DELETE FROM people_search WHERE rowid = ?').run(id);
  stmt(db, 'INSERT INTO people_search (rowid, names, organization, emails) VALUES (?, ?, ?, ?)').run(
    id,
    namesText(doc.names),
    doc.organization,
    doc.emails.join(' '),
  );
}

export function unindexPerson(db: Database.Database, id: number): void {
  stmt(db, 'DELETE FROM people_search WHERE rowid = ?').run(id);
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
