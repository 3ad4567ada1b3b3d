import type http from 'node:http';
import { BOOK_EVENT, EVENTS_PATH, type BookEvent } from '../../shared/events';
import type { CoreContext } from '../core/context';
import { doorEvent } from '../core/door/door-views';
import { eventsOf } from '../core/events';
import { isLiveDevice } from '../core/services/door-devices';

/**
 * The hub's live events as server-sent events (GET /api/events): every browser tab and door device
 * holds one stream and hears each check-in, walk-in and count change as it commits. `?seminarId=`
 * narrows it to one seminar; a door device's stream is its own seminar's, whatever it asks, with
 * its registrants as the door keeps them (door-views.ts: no second email, no form answers).
 * A stream that drops is reopened by the browser within a second (`retry`), and the page then
 * reads again whatever it may have missed.
 */

export { EVENTS_PATH };

/** Streams held open at once: far above a door's devices and tabs, far below what would strain the hub. */
export const MAX_STREAMS = 64;
/** A comment this often keeps proxies and phones' radios from closing a quiet stream. */
const KEEPALIVE_MS = 15_000;
const RETRY_MS = 1000;

const streams = new Set<http.ServerResponse>();

function refuse(res: http.ServerResponse, status: number, message: string): void {
  const code = status === 503 ? 'unreachable' : status === 403 ? 'forbidden' : 'bad_request';
  const body = JSON.stringify({ ok: false, error: { code, message } });
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }).end(body);
}

/** Whether this event belongs on a stream narrowed to `seminarId` (book-wide events go to every stream). */
export function concerns(event: BookEvent, seminarId: number | null): boolean {
  return seminarId === null || event.type === 'book' || event.seminarId === seminarId;
}

export function serveEvents(req: http.IncomingMessage, res: http.ServerResponse, url: URL, ctx: CoreContext): void {
  if (req.method !== 'GET') {
    refuse(res, 400, 'Open the event stream with GET (EventSource).');
    return;
  }
  const raw = url.searchParams.get('seminarId');
  const seminarId = raw === null ? null : Number(raw);
  if (seminarId !== null && !(Number.isInteger(seminarId) && seminarId > 0)) {
    refuse(res, 400, 'seminarId must be a seminar’s numeric id.');
    return;
  }
  const caller = ctx.caller;
  if (caller.role === 'door' && seminarId !== null && seminarId !== caller.seminarId) {
    refuse(res, 403, 'This device hears the seminar it was paired for, and no other.');
    return;
  }
  const shown = (event: BookEvent): BookEvent | null => (caller.role === 'door' ? doorEvent(caller, event) : concerns(event, seminarId) ? event : null);
  if (streams.size >= MAX_STREAMS) {
    refuse(res, 503, 'Too many devices are listening to this hub at once.');
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
    // Proxies must pass each event on at once rather than buffer the stream.
    'X-Accel-Buffering': 'no',
  });
  req.socket.setNoDelay(true);
  req.socket.setTimeout(0);
  res.write(`retry: ${RETRY_MS}\n: connected\n\n`);
  streams.add(res);
  // A device revoked while it listens hears nothing more: its stream ends at the next event or keepalive.
  const revoked = () => {
    if (caller.role !== 'door' || isLiveDevice(ctx, caller.deviceId)) return false;
    res.end();
    return true;
  };
  const unsubscribe = eventsOf(ctx).subscribe((event) => {
    const told = shown(event);
    if (told && !revoked()) res.write(`event: ${BOOK_EVENT}\nid: ${told.seq}\ndata: ${JSON.stringify(told)}\n\n`);
  });
  const keepalive = setInterval(() => {
    if (!revoked()) res.write(': keepalive\n\n');
  }, KEEPALIVE_MS);
  const close = () => {
    clearInterval(keepalive);
    unsubscribe();
    streams.delete(res);
  };
  res.on('close', close);
  res.on('error', close);
}
