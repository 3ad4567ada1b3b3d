import type { DoorRoster, RosterEntry } from '../../../shared/domain/door';
import type { Registration } from '../../../shared/domain/seminar';
import type { SeminarChange } from '../../../shared/events';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { publish } from '../events';
import { getRegistrations, getSeminar, registrationCounts } from './seminars';

/**
 * What a door device keeps of a seminar to check people in when the hub cannot be reached, and
 * the live events that keep it current: the registrations as the check-in list shows them, plus
 * the name parts and emails the search reads (shared/domain/roster-search.ts runs the same rules).
 */

interface NameRow {
  id: number;
  given_name: string;
  family_name: string;
  display_name: string;
  emails: string | null;
}

/** Beyond this many registrations in one change, listeners read the seminar again instead. */
const EVENT_ENTRIES_MAX = 50;

function withNames(ctx: CoreContext, registrations: Registration[]): RosterEntry[] {
  if (registrations.length === 0) return [];
  const rows = stmt<[string], NameRow>(
    ctx.db,
    `SELECT r.id, p.given_name, p.family_name, p.display_name,
       (SELECT json_group_array(address) FROM (SELECT address FROM person_emails WHERE person_id = p.id ORDER BY position)) AS emails
     FROM registrations r JOIN people p ON p.id = r.person_id WHERE r.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(registrations.map((r) => r.id)));
  const names = new Map(rows.map((r) => [r.id, r]));
  return registrations.map((r) => {
    const n = names.get(r.id);
    return {
      ...r,
      // A door needs the codes a ticket scans by, not what the attendee answered on the platform's form.
      ticket: r.ticket ? { ...r.ticket, answers: [] } : null,
      givenName: n?.given_name ?? '',
      familyName: n?.family_name ?? '',
      displayName: n?.display_name ?? '',
      emails: n?.emails ? (JSON.parse(n.emails) as string[]) : [],
    };
  });
}

export function rosterEntries(ctx: CoreContext, registrationIds: number[]): RosterEntry[] {
  return withNames(ctx, getRegistrations(ctx, registrationIds));
}

export function doorRoster(ctx: CoreContext, seminarId: number): DoorRoster {
  const seminar = getSeminar(ctx, seminarId);
  const ids = stmt<[number], { id: number }>(
    ctx.db,
    `SELECT r.id FROM registrations r JOIN people p ON p.id = r.person_id
     WHERE r.seminar_id = ? AND r.state != 'cancelled' ORDER BY p.sort_key, r.id`,
  )
    .all(seminarId)
    .map((r) => r.id);
  return { seminar, registrants: rosterEntries(ctx, ids), at: ctx.now().toISOString() };
}

/**
 * Tells every screen and door device that registrations of a seminar changed (after the commit):
 * the registrations as they are now, those removed, and the seminar's counts.
 */
export function seminarChanged(
  ctx: CoreContext,
  seminarId: number,
  change: SeminarChange,
  ids: { changed?: number[]; removed?: number[]; by?: string | null } = {},
): void {
  publish(ctx, () => {
    const changed = ids.changed ?? [];
    const resync = change === 'seminar' || changed.length > EVENT_ENTRIES_MAX;
    return {
      type: 'seminar',
      seminarId,
      change,
      entries: resync ? [] : rosterEntries(ctx, changed),
      removed: ids.removed ?? [],
      counts: registrationCounts(ctx, seminarId),
      resync,
      by: ids.by ?? null,
    };
  });
}

/** People or imports changed: every screen reads again what it shows. */
export function bookChanged(ctx: CoreContext): void {
  publish(ctx, () => ({ type: 'book' }));
}
