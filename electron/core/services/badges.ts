import { AppError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';

/**
 * Records that badges were printed (or saved as PDF) for these registrations of one seminar, so
 * "not yet printed" leaves them out next time. Cancelled registrations and other seminars' are
 * left as they are; the answer says how many were marked.
 */
export function markBadgesPrinted(ctx: CoreContext, seminarId: number, registrationIds: number[]): { marked: number; printedAt: string } {
  const printedAt = ctx.now().toISOString();
  return ctx.db
    .transaction(() => {
      if (!stmt(ctx.db, 'SELECT 1 FROM seminars WHERE id = ?').get(seminarId)) throw notFound('This seminar');
      const marked = stmt(
        ctx.db,
        `UPDATE registrations SET badge_printed_at = @printedAt, updated_at = @printedAt
         WHERE seminar_id = @seminarId AND state != 'cancelled' AND id IN (SELECT value FROM json_each(@ids))`,
      ).run({ seminarId, printedAt, ids: JSON.stringify([...new Set(registrationIds)]) }).changes;
      if (marked === 0 && registrationIds.length > 0) throw new AppError('not_found', 'None of these badges belongs to a registration of this seminar.');
      return { marked, printedAt };
    })
    .immediate();
}
