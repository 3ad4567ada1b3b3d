import { personName } from '../../../shared/domain/names';
import type { PersonRef } from '../../../shared/domain/relationship';
import { AppError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { refreshStanding, today } from './standing';

/**
 * What every service that keeps records about a person shares: naming them, checking a day,
 * finding whose a record is, and writing in one transaction that also refreshes their standing.
 */

export interface NameRow {
  id: number;
  given_name: string;
  family_name: string;
  display_name: string;
}

export const refOf = (r: NameRow): PersonRef => ({ id: r.id, name: personName({ givenName: r.given_name, familyName: r.family_name, displayName: r.display_name }) });

export function personRef(ctx: CoreContext, id: number): PersonRef {
  const row = stmt<[number], NameRow>(ctx.db, 'SELECT id, given_name, family_name, display_name FROM people WHERE id = ?').get(id);
  if (!row) throw notFound('This person');
  return refOf(row);
}

export function fieldError(field: string, message: string): AppError {
  return new AppError('invalid_input', 'One field needs attention.', { [field]: message });
}

/** A day the owner picked must not lie ahead: a touch that has not happened is a follow-up. */
export function notAhead(ctx: CoreContext, day: string, field = 'on'): void {
  if (day > today(ctx)) throw fieldError(field, 'Choose today or a day before.');
}

/** Runs a write about one person in one transaction and brings their standing up to date with it. */
export function writeAbout<T>(ctx: CoreContext, personId: number, write: () => T): T {
  return ctx.db
    .transaction(() => {
      personRef(ctx, personId);
      const result = write();
      refreshStanding(ctx, personId);
      return result;
    })
    .immediate();
}

export type PersonTable = 'interactions' | 'purchases' | 'client_tests' | 'needs' | 'advocacy' | 'person_links' | 'follow_ups';

export function ownerOf(ctx: CoreContext, table: PersonTable, id: number, what: string): number {
  const row = stmt<[number], { person_id: number }>(ctx.db, `SELECT person_id FROM ${table} WHERE id = ?`).get(id);
  if (!row) throw notFound(what);
  return row.person_id;
}
