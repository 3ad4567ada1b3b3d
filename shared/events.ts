import type { RosterEntry } from './domain/door';
import type { RegistrationCounts } from './domain/seminar';

/**
 * Live events from the hub: published by the core after a commit, carried to the app's window over
 * IPC and to browsers and door devices as server-sent events, so every screen shows what the
 * others did within a second.
 */

/** The SSE stream of station mode (GET), and the event name on it and on the IPC bridge. */
export const EVENTS_PATH = '/api/events';
export const BOOK_EVENT = 'book';

export type SeminarChange =
  | 'checked_in'
  | 'walk_in'
  | 'undone'
  | 'note'
  /** Registrations added, cancelled, restored or changed: `entries` holds them unless `resync`. */
  | 'registrations'
  /** The seminar itself (title, capacity, closed or reopened). */
  | 'seminar';

export type BookEvent =
  | {
      type: 'seminar';
      /** Increases by one per event of this hub's run. */
      seq: number;
      seminarId: number;
      change: SeminarChange;
      /** The registrations as they are now (a door device updates its roster from them). */
      entries: RosterEntry[];
      /** Registrations that no longer exist (an undone walk-in). */
      removed: number[];
      counts: RegistrationCounts;
      /** Too much changed to list: read the seminar again. */
      resync: boolean;
      /** The device that did it (null: the owner's table). */
      by: string | null;
      at: string;
    }
  /** People or imports changed in ways any screen may show: read again what is on screen. */
  | { type: 'book'; seq: number; at: string };

/** Made by the renderer's client, never sent by the hub: the stream (re)opened or was lost. */
export type LinkEvent = { type: 'connected' } | { type: 'disconnected' };
