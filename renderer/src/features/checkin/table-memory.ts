import { useCallback, useSyncExternalStore } from 'react';
import type { Registration } from '../../../../shared/domain/seminar';

/**
 * What the check-in table shows about the person being dealt with, and the check-ins it can
 * undo, kept outside the screen so printing a badge and coming back (or reloading the page)
 * finds the panel and its undo as they were. Per seminar, for this browser tab.
 */

/** The person on screen: just checked in (green), looked up and already in (orange), or a code that is no one's (red). */
export type Panel =
  | { tone: 'in'; registration: Registration }
  | { tone: 'already'; registration: Registration }
  | { tone: 'unknown'; code: string };

export interface UndoEntry {
  registrationId: number;
  name: string;
}

export interface TableMemory {
  panel: Panel | null;
  /** This table's check-ins, latest last: Alt+U walks back through them. */
  undo: UndoEntry[];
}

const EMPTY: TableMemory = { panel: null, undo: [] };
const memories = new Map<number, TableMemory>();
const listeners = new Set<() => void>();
const storageKey = (seminarId: number) => `rapport.checkin.${seminarId}`;

function read(seminarId: number): TableMemory {
  let m = memories.get(seminarId);
  if (!m) {
    try {
      const saved = sessionStorage.getItem(storageKey(seminarId));
      m = saved ? (JSON.parse(saved) as TableMemory) : EMPTY;
    } catch {
      m = EMPTY;
    }
    memories.set(seminarId, m);
  }
  return m;
}

function write(seminarId: number, next: TableMemory): void {
  memories.set(seminarId, next);
  try {
    sessionStorage.setItem(storageKey(seminarId), JSON.stringify(next));
  } catch {
    // Storage refused: the memory still lasts while the page is open.
  }
  listeners.forEach((l) => l());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useTableMemory(seminarId: number): [TableMemory, (change: (m: TableMemory) => TableMemory) => void] {
  const memory = useSyncExternalStore(subscribe, () => read(seminarId));
  const update = useCallback((change: (m: TableMemory) => TableMemory) => write(seminarId, change(read(seminarId))), [seminarId]);
  return [memory, update];
}
