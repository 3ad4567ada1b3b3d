import { AppError, type ApiErrorBody } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { flushEvents } from '../events';

/**
 * Actions sent with a client-generated id (a door device's check-in, replayed from its offline
 * queue; a retry whose answer was lost on the way back) act once. The first answer is stored in
 * the same transaction as the action, and every repeat of the id gets that answer again, whatever
 * happened since. A decided refusal (already checked in, cancelled, closed, not found) is an
 * answer too; a failure that decided nothing (busy, a bug) is not kept, so the repeat tries again.
 */

/** What an action says about the request, for the stored answer. */
export interface RequestOrigin {
  clientId?: string | undefined;
  /** The name the calling device gave itself; undefined or empty for the owner's own table. */
  device?: string | undefined;
}

const KEPT_REFUSALS = new Set(['conflict', 'not_found']);

interface Stored {
  method: string;
  subject: string;
  ok: number;
  answer: string;
}

/**
 * The device's name as recorded on what it did: a paired device's is the name it was paired under
 * (whatever its request says), so "already checked in … on Door 2" names the device the hub knows;
 * otherwise the name a request gives, and null for the owner's table.
 */
export function deviceName(ctx: CoreContext, origin: RequestOrigin): string | null {
  if (ctx.caller.role === 'door') return ctx.caller.deviceName;
  const name = origin.device?.trim();
  return name ? name.slice(0, 40) : null;
}

/**
 * Runs `act` at most once per `origin.clientId` and returns (or throws) its first answer. Without
 * an id it simply runs. `subject` names what the action is about: the same id sent for another
 * action is refused rather than answered with someone else's result.
 */
export function once<T>(ctx: CoreContext, method: string, subject: string, origin: RequestOrigin, act: () => T): T {
  const clientId = origin.clientId;
  if (!clientId) return act();
  let outcome: { ok: true; value: T } | { ok: false; error: ApiErrorBody };
  try {
    outcome = runOnce(ctx, clientId, method, subject, origin, act);
  } finally {
    flushEvents(ctx);
  }
  if (!outcome.ok) throw new AppError(outcome.error.code, outcome.error.message, outcome.error.fields);
  return outcome.value;
}

function runOnce<T>(ctx: CoreContext, clientId: string, method: string, subject: string, origin: RequestOrigin, act: () => T): { ok: true; value: T } | { ok: false; error: ApiErrorBody } {
  return ctx.db
    .transaction((): { ok: true; value: T } | { ok: false; error: ApiErrorBody } => {
      const first = stmt<[string], Stored>(ctx.db, 'SELECT method, subject, ok, answer FROM client_requests WHERE client_id = ?').get(clientId);
      if (first) {
        if (first.method !== method || first.subject !== subject) {
          throw new AppError('invalid_input', 'This request id was already used for another action.', { clientId: 'This request id was already used for another action.' });
        }
        return first.ok === 1 ? { ok: true, value: JSON.parse(first.answer) as T } : { ok: false, error: JSON.parse(first.answer) as ApiErrorBody };
      }
      let answer: { ok: true; value: T } | { ok: false; error: ApiErrorBody };
      try {
        // A nested transaction: its writes are undone on a throw, and the refusal is still kept below.
        answer = { ok: true, value: act() };
      } catch (error) {
        if (!(error instanceof AppError) || !KEPT_REFUSALS.has(error.code)) throw error;
        answer = { ok: false, error: error.toBody() };
      }
      stmt(ctx.db, 'INSERT INTO client_requests (client_id, method, subject, device, ok, answer, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        clientId,
        method,
        subject,
        deviceName(ctx, origin),
        answer.ok ? 1 : 0,
        JSON.stringify(answer.ok ? answer.value : answer.error),
        ctx.now().toISOString(),
      );
      return answer;
    })
    .immediate();
}
