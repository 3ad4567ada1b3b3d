import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DoorRoster, RosterEntry } from '../../../../shared/domain/door';
import type { Seminar } from '../../../../shared/domain/seminar';
import type { BookEvent } from '../../../../shared/events';

/**
 * What a door device keeps in IndexedDB, so a reload, a dead battery's restart or a hub that
 * cannot be reached loses nothing: each seminar's roster (the hub's truth when last heard), the
 * check-ins made here and not yet answered by the hub (with their client ids), and what the hub
 * answered to those sent late.
 */

/** A check-in made at this device, kept until the hub has answered it. */
export interface QueuedCheckIn {
  clientId: string;
  seminarId: number;
  registrationId: number;
  /** The device's name when the volunteer checked them in. */
  device: string;
  /** When the volunteer checked them in (ISO). */
  at: string;
  /** Order of making, so the queue is replayed as it was made. */
  seq: number;
  /** The first try did not reach the hub: its answer is shown with the others sent late. */
  late: boolean;
}

/** What the hub answered to a check-in sent late. */
export interface ReplayOutcome {
  clientId: string;
  seminarId: number;
  registrationId: number;
  name: string;
  /** in: checked in now; already: someone else had checked them in; refused: the hub said why not. */
  result: 'in' | 'already' | 'refused';
  message: string;
  checkedInAt: string | null;
  checkedInBy: string | null;
}

interface DoorSchema extends DBSchema {
  seminars: { key: number; value: { seminarId: number; seminar: Seminar; at: string } };
  registrants: { key: [number, number]; value: RosterEntry; indexes: { bySeminar: number } };
  queue: { key: string; value: QueuedCheckIn; indexes: { bySeminar: number } };
  outcomes: { key: string; value: ReplayOutcome; indexes: { bySeminar: number } };
}

export interface StoredSeminar {
  seminar: Seminar;
  entries: RosterEntry[];
  at: string;
}

export interface DoorBook {
  read(seminarId: number): Promise<StoredSeminar | null>;
  /** The hub's whole roster, in place of what was kept. */
  replace(roster: DoorRoster): Promise<void>;
  /** A live event's registrations and counts; false when the event asks for a full read instead. */
  apply(event: Extract<BookEvent, { type: 'seminar' }>): Promise<boolean>;
  /** One registration as the hub answered it. */
  put(entry: RosterEntry): Promise<void>;
  entry(seminarId: number, registrationId: number): Promise<RosterEntry | undefined>;
  enqueue(item: Omit<QueuedCheckIn, 'seq'>): Promise<QueuedCheckIn>;
  queued(seminarId: number): Promise<QueuedCheckIn[]>;
  markLate(clientId: string): Promise<void>;
  /** The hub answered it: out of the queue, and (when it was sent late) its answer kept to show. */
  answered(clientId: string, outcome: ReplayOutcome | null): Promise<void>;
  /** Taken back before the hub ever heard of it (undo while offline). */
  drop(clientId: string): Promise<void>;
  outcomes(seminarId: number): Promise<ReplayOutcome[]>;
  clearOutcomes(seminarId: number): Promise<void>;
  close(): void;
}

export const DOOR_DB = 'rapport-door';

export async function openDoorBook(name = DOOR_DB): Promise<DoorBook> {
  const db: IDBPDatabase<DoorSchema> = await openDB<DoorSchema>(name, 1, {
    upgrade(d) {
      d.createObjectStore('seminars', { keyPath: 'seminarId' });
      d.createObjectStore('registrants', { keyPath: ['seminarId', 'id'] }).createIndex('bySeminar', 'seminarId');
      d.createObjectStore('queue', { keyPath: 'clientId' }).createIndex('bySeminar', 'seminarId');
      d.createObjectStore('outcomes', { keyPath: 'clientId' }).createIndex('bySeminar', 'seminarId');
    },
  });
  let seq = Date.now() * 1000;

  return {
    async read(seminarId) {
      const tx = db.transaction(['seminars', 'registrants'], 'readonly');
      const [s, entries] = await Promise.all([tx.objectStore('seminars').get(seminarId), tx.objectStore('registrants').index('bySeminar').getAll(seminarId)]);
      await tx.done;
      return s ? { seminar: s.seminar, entries, at: s.at } : null;
    },
    async replace(roster) {
      const tx = db.transaction(['seminars', 'registrants'], 'readwrite');
      const registrants = tx.objectStore('registrants');
      const id = roster.seminar.id;
      for (const key of await registrants.index('bySeminar').getAllKeys(id)) void registrants.delete(key);
      for (const e of roster.registrants) void registrants.put(e);
      void tx.objectStore('seminars').put({ seminarId: id, seminar: roster.seminar, at: roster.at });
      await tx.done;
    },
    async apply(event) {
      if (event.resync) return false;
      const tx = db.transaction(['seminars', 'registrants'], 'readwrite');
      const known = await tx.objectStore('seminars').get(event.seminarId);
      if (!known) {
        await tx.done;
        return false;
      }
      const registrants = tx.objectStore('registrants');
      for (const e of event.entries) void (e.state === 'cancelled' ? registrants.delete([e.seminarId, e.id]) : registrants.put(e));
      for (const id of event.removed) void registrants.delete([event.seminarId, id]);
      void tx.objectStore('seminars').put({ ...known, seminar: { ...known.seminar, counts: event.counts } });
      await tx.done;
      return true;
    },
    async put(entry) {
      await db.put('registrants', entry);
    },
    entry: (seminarId, registrationId) => db.get('registrants', [seminarId, registrationId]),
    async enqueue(item) {
      const queued = { ...item, seq: ++seq };
      await db.put('queue', queued);
      return queued;
    },
    async queued(seminarId) {
      return (await db.getAllFromIndex('queue', 'bySeminar', seminarId)).sort((a, b) => a.seq - b.seq);
    },
    async markLate(clientId) {
      const tx = db.transaction('queue', 'readwrite');
      const item = await tx.store.get(clientId);
      if (item && !item.late) await tx.store.put({ ...item, late: true });
      await tx.done;
    },
    async answered(clientId, outcome) {
      const tx = db.transaction(['queue', 'outcomes'], 'readwrite');
      void tx.objectStore('queue').delete(clientId);
      if (outcome) void tx.objectStore('outcomes').put(outcome);
      await tx.done;
    },
    async drop(clientId) {
      await db.delete('queue', clientId);
    },
    outcomes: (seminarId) => db.getAllFromIndex('outcomes', 'bySeminar', seminarId),
    async clearOutcomes(seminarId) {
      const tx = db.transaction('outcomes', 'readwrite');
      for (const key of await tx.store.index('bySeminar').getAllKeys(seminarId)) void tx.store.delete(key);
      await tx.done;
    },
    close: () => db.close(),
  };
}
