import type http from 'node:http';
import { BOOK_EVENT, EVENTS_PATH, type BookEvent } from '../../shared/events';
import type { CoreContext } from '../core/context';
import { eventsOf } from '../core/events';

/**
 * The hub's live events as server-sent events (GET /api/events): every browser tab and door device
 * holds one stream and hears each check-in, walk-in and count change as it commits. `?seminarId=`
 * narrows it to one seminar (what a door device needs; a door token will be held to its own).
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
  const body = JSON.stringify({ ok: false, error: { code: status === 503 ? 'unreachable' : 'bad_request', message } });
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
  const unsubscribe = eventsOf(ctx).subscribe((event) => {
    if (concerns(event, seminarId)) res.write(`event: ${BOOK_EVENT}\nid: ${event.seq}\ndata: ${JSON.stringify(event)}\n\n`);
  });
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  const close = () => {
    clearInterval(keepalive);
    unsubscribe();
    streams.delete(res);
  };
  res.on('close', close);
  res.on('error', close);
}
