import type { MethodName } from '../../../../shared/contract';
import type { RosterEntry } from '../../../../shared/domain/door';
import type { Registration } from '../../../../shared/domain/seminar';
import type { Envelope } from '../../../../shared/errors';
import type { DoorBook, QueuedCheckIn, ReplayOutcome } from './door-book';

/**
 * A door device's check-ins on their way to the hub. Each is in the device's queue (IndexedDB)
 * before it is sent, sent with its own client id, and leaves the queue only when the hub has
 * answered it — so nothing is lost when the Wi-Fi blinks, the hub restarts or the page reloads,
 * and nothing is done twice when an answer is lost and the check-in is sent again.
 */

export type Send = (method: MethodName, input: unknown) => Promise<Envelope<unknown>>;

export type SendResult =
  | { kind: 'in'; entry: RosterEntry }
  | { kind: 'already'; entry: RosterEntry; message: string }
  | { kind: 'refused'; message: string }
  /** The hub did not answer (or answered nothing decided): it stays in the queue. */
  | { kind: 'kept'; message: string };

/** Answers that decide a check-in for good; any other (unreachable, busy, a bug, a withdrawn token) keeps it queued. */
const DECIDED = new Set(['conflict', 'not_found', 'invalid_input']);

const merged = (known: RosterEntry | undefined, r: Partial<Registration>): RosterEntry | null => (known ? { ...known, ...r, ticket: known.ticket } : null);

/** Sends one queued check-in and files the hub's answer: the roster entry as it is now, and out of the queue. */
export async function sendQueued(book: DoorBook, item: QueuedCheckIn, send: Send): Promise<SendResult> {
  const envelope = await send('checkin.checkIn', { registrationId: item.registrationId, clientId: item.clientId, device: item.device });
  const known = await book.entry(item.seminarId, item.registrationId);
  const name = known?.name ?? `Registration ${item.registrationId}`;
  const outcome = (result: ReplayOutcome['result'], message: string, r: Partial<Registration>): ReplayOutcome | null =>
    item.late ? { clientId: item.clientId, seminarId: item.seminarId, registrationId: item.registrationId, name, result, message, checkedInAt: r.checkedInAt ?? null, checkedInBy: r.checkedInBy ?? null } : null;

  if (envelope.ok) {
    const r = envelope.value as Registration;
    const entry = merged(known, r) ?? ({ ...r, givenName: '', familyName: '', displayName: '', emails: [] } as RosterEntry);
    await book.put(entry);
    await book.answered(item.clientId, outcome('in', `${r.name} is checked in.`, r));
    return { kind: 'in', entry };
  }
  const { code, message, fields = {} } = envelope.error;
  if (!DECIDED.has(code)) {
    await book.markLate(item.clientId);
    return { kind: 'kept', message };
  }
  if (code === 'conflict' && fields.state === 'checked_in') {
    const r = { state: 'checked_in' as const, checkedInAt: fields.checkedInAt ?? null, checkedInBy: fields.checkedInBy ?? null };
    const entry = merged(known, r);
    if (entry) await book.put(entry);
    await book.answered(item.clientId, outcome('already', message, r));
    return { kind: 'already', entry: entry ?? ({ id: item.registrationId, name, ...r } as RosterEntry), message };
  }
  await book.answered(item.clientId, outcome('refused', message, {}));
  return { kind: 'refused', message };
}

/**
 * Sends a seminar's queue in the order it was made, until the hub stops answering. Safe to run in
 * two tabs at once, or again after a reload mid-way: a check-in sent twice is answered twice alike.
 */
export async function replay(book: DoorBook, seminarId: number, send: Send): Promise<{ sent: number; kept: number }> {
  const queue = await book.queued(seminarId);
  let sent = 0;
  for (const item of queue) {
    const result = await sendQueued(book, item, send);
    if (result.kind === 'kept') return { sent, kept: queue.length - sent };
    sent += 1;
  }
  return { sent, kept: 0 };
}
