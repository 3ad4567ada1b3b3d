import { useCallback, useSyncExternalStore } from 'react';

/**
 * The name this device gives itself at the door ("Door 2"), kept on the device: it is recorded on
 * every check-in made here and shown to the others ("already checked in at 9:02 on Door 2").
 * A paired device (later) gets its name from the hub instead.
 */
const KEY = 'rapport.door.device';
const listeners = new Set<() => void>();
let memory: string | null = null;

function read(): string | null {
  try {
    return localStorage.getItem(KEY) ?? memory;
  } catch {
    return memory;
  }
}

export function useDeviceName(): [string | null, (name: string) => void] {
  const name = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    read,
  );
  const set = useCallback((next: string) => {
    memory = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Storage refused (a private window): the name lasts while the page is open.
    }
    listeners.forEach((l) => l());
  }, []);
  return [name, set];
}
