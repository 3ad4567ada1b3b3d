import { BOUNDARY_FLAGS, crossedBy, flagLabels, parseBoundaryFlags, storeBoundaryFlags, type BoundaryChoice, type BoundaryFlag } from '../../../shared/domain/boundaries';
import type { FollowUpKind } from '../../../shared/domain/followup';
import { INTERACTION_KINDS, type InteractionKind } from '../../../shared/domain/relationship';
import { AppError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { refOf, type NameRow } from './person-records';

/**
 * Boundaries the app acts on: a touch or follow-up that crosses one of a person's flags is not
 * written until the owner confirms it (`boundary` error → the same call again, confirmed).
 */

export function boundaryFlagsOf(ctx: CoreContext, personId: number): BoundaryFlag[] {
  const row = stmt<[number], { boundary_flags: string }>(ctx.db, 'SELECT boundary_flags FROM people WHERE id = ?').get(personId);
  if (!row) throw notFound('This person');
  return parseBoundaryFlags(row.boundary_flags);
}

export function setBoundaryFlags(ctx: CoreContext, personId: number, flags: BoundaryFlag[]): { flags: BoundaryFlag[] } {
  ctx.db
    .transaction(() => {
      const changed = stmt(ctx.db, 'UPDATE people SET boundary_flags = ?, updated_at = ? WHERE id = ? AND boundary_flags IS NOT ?').run(
        storeBoundaryFlags(flags),
        ctx.now().toISOString(),
        personId,
        storeBoundaryFlags(flags),
      ).changes;
      if (changed === 0) boundaryFlagsOf(ctx, personId);
    })
    .immediate();
  return { flags: boundaryFlagsOf(ctx, personId) };
}

type What = { touch: InteractionKind } | { followUp: FollowUpKind };

const describe = (what: What) => ('touch' in what ? `a ${INTERACTION_KINDS[what.touch].label.toLowerCase()}` : `a ${what.followUp} follow-up`);

/**
 * The people of `personIds` whose boundaries `what` crosses. With `ask`, any crossing stops the
 * write with a `boundary` error that names them and the flags; `include` writes for everyone,
 * `skip` leaves those people out (the caller removes the ids returned). Call inside the write's transaction.
 */
export function boundaryCrossings(ctx: CoreContext, personIds: readonly number[], what: What, choice: BoundaryChoice): Set<number> {
  const rows = stmt<[string], NameRow & { boundary_flags: string }>(
    ctx.db,
    "SELECT id, given_name, family_name, display_name, boundary_flags FROM people WHERE boundary_flags <> '' AND id IN (SELECT value FROM json_each(?))",
  ).all(JSON.stringify(personIds));
  const crossing = rows.map((r) => ({ ...refOf(r), flags: crossedBy(parseBoundaryFlags(r.boundary_flags), what) })).filter((r) => r.flags.length > 0);
  if (crossing.length && choice === 'ask') {
    const named = crossing.slice(0, 5).map((c) => `${c.name} (${flagLabels(c.flags)})`);
    const more = crossing.length > 5 ? ` and ${crossing.length - 5} more` : '';
    const who = crossing.length === 1 ? `${named[0]} asked` : `${crossing.length} of them asked: ${named.join('; ')}${more} —`;
    throw new AppError('boundary', `${who} not to be dealt with this way; ${describe(what)} crosses that boundary. Confirm to go ahead anyway.`, {
      boundary: crossing.map((c) => c.flags.map((f) => BOUNDARY_FLAGS[f].hint).join('; ')).join(' · '),
    });
  }
  return new Set(crossing.map((c) => c.id));
}
