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
  return {
    // Always the store's current connection: a restore swaps the book and opens a new one.
    get db() {
      return store.db;
    },
    store,
    mode,
    version,
    now: () => new Date(),
  };
}
