import type Database from 'better-sqlite3';
import { OWNER, type Caller } from '../../shared/access';
import type { Store } from './db/store';
import type { DoorControl } from './door/control';

/** What every service function receives: the open store, facts about this run, and who is calling. */
export interface CoreContext {
  db: Database.Database;
  store: Store;
  mode: 'electron' | 'station';
  version: string;
  now(): Date;
  /** Set per call by the transport that authenticated it; code in this process calls as the owner. */
  caller: Caller;
  /** The network listener for door devices, where this run has one (station mode, the desktop app). */
  door: DoorControl | null;
}

export function createContext(store: Store, mode: CoreContext['mode'], version: string): CoreContext {
  return withCaller(store, mode, version, () => new Date(), OWNER, null);
}

/** The same context for one call made by `caller` (the transports use it once they know who it is). */
export function asCaller(ctx: CoreContext, caller: Caller): CoreContext {
  return withCaller(ctx.store, ctx.mode, ctx.version, ctx.now, caller, ctx.door);
}

function withCaller(store: Store, mode: CoreContext['mode'], version: string, now: () => Date, caller: Caller, door: DoorControl | null): CoreContext {
  return {
    // Always the store's current connection (not a copy taken by a spread): a restore swaps the
    // book and opens a new one, and a call that began before the swap must not keep the old one.
    get db() {
      return store.db;
    },
    store,
    mode,
    version,
    now,
    caller,
    door,
  };
}
