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
  return { db: store.db, store, mode, version, now: () => new Date(), caller: OWNER, door: null };
}

/** The same context for one call made by `caller` (the transports use it once they know who it is). */
export function asCaller(ctx: CoreContext, caller: Caller): CoreContext {
  return { ...ctx, caller };
}
