import type Database from 'better-sqlite3';
import type { Store } from './db/store';

/** What every service function receives: the open store and facts about this run. */
export interface CoreContext {
  db: Database.Database;
  store: Store;
  mode: 'electron' | 'station';
  version: string;
  now(): Date;
}

export function createContext(store: Store, mode: CoreContext['mode'], version: string): CoreContext {
  return { db: store.db, store, mode, version, now: () => new Date() };
}
