import type { BookEvent } from '../../shared/events';
import type { CoreContext } from './context';

/**
 * The hub's live events (shared/events.ts): services publish after their transaction commits; the
 * transports (IPC to the app's window, server-sent events in station mode) subscribe. One bus per
 * open book. Publishing costs nothing when nobody listens: the event is built only for listeners.
 */

type Unsent = BookEvent extends infer E ? (E extends BookEvent ? Omit<E, 'seq' | 'at'> : never) : never;
export type BookListener = (event: BookEvent) => void;

export interface EventBus {
  publish(make: () => Unsent): void;
  subscribe(listener: BookListener): () => void;
  readonly listeners: number;
}

function createBus(now: () => Date): EventBus {
  const listeners = new Set<BookListener>();
  let seq = 0;
  return {
    publish(make) {
      if (listeners.size === 0) return;
      const event = { ...make(), seq: ++seq, at: now().toISOString() } as BookEvent;
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          // One broken subscriber (a closed socket) must not keep the others from hearing it.
          console.error('[rapport] an event listener failed:', error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get listeners() {
      return listeners.size;
    },
  };
}

// Per store, not per connection: a restore swaps the book in and opens a new connection, and the
// screens and door devices listening must hear what happens after it too.
const buses = new WeakMap<CoreContext['store'], EventBus>();

/** The bus of the book `ctx` has open (a per-call context for another caller shares it). */
export function eventsOf(ctx: CoreContext): EventBus {
  let bus = buses.get(ctx.store);
  if (!bus) {
    bus = createBus(() => ctx.now());
    buses.set(ctx.store, bus);
  }
  return bus;
}

const pending = new WeakMap<CoreContext['db'], (() => void)[]>();

/** Sends the events that waited for the caller's transaction; it is over (committed or rolled back). */
export function flushEvents(ctx: CoreContext): void {
  const waiting = pending.get(ctx.db);
  if (!waiting?.length || ctx.db.inTransaction) return;
  pending.delete(ctx.db);
  for (const send of waiting) send();
}

/**
 * Tells every listener what changed, after the commit: `make` reads the book as it is when the
 * event goes out. Called inside a caller's transaction, the event waits until that transaction is
 * over — the caller flushes (client-requests.ts does), or else the end of this synchronous turn —
 * so a listener never sees what a rollback takes back.
 */
export function publish(ctx: CoreContext, make: () => Unsent): void {
  const bus = eventsOf(ctx);
  if (bus.listeners === 0) return;
  if (!ctx.db.inTransaction) {
    bus.publish(make);
    return;
  }
  const waiting = pending.get(ctx.db) ?? [];
  if (waiting.length === 0) {
    pending.set(ctx.db, waiting);
    setImmediate(() => {
      if (ctx.db.open) flushEvents(ctx);
    });
  }
  waiting.push(() => bus.publish(make));
}
