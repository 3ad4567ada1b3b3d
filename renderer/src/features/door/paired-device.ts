import { useEffect, useState } from 'react';
import type { DoorSelf } from '../../../../shared/domain/door-hub';
import { send } from '../../api/client';
import { HUB_TIMEOUT_MS } from './door-session';

/**
 * Who this device is at the door: the name and seminar the hub paired it under (door.self), so
 * every check-in made here is shown as that device's. Kept on the device too, so a page reloaded
 * while the hub cannot be reached still knows itself; the hub's answer always wins when it comes.
 * A device the hub no longer knows is sent to pairing by the app (AccessGate), not from here.
 */

const KEY = 'rapport.door.paired';

export type PairedState =
  | { kind: 'asking' }
  | { kind: 'paired'; self: DoorSelf }
  /** The owner's own browser (the hub's key): the door screen is for paired devices. */
  | { kind: 'hub' }
  /** Never answered by the hub and nothing kept here yet. */
  | { kind: 'unreachable' };

function kept(): DoorSelf | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as DoorSelf) : null;
  } catch {
    return null;
  }
}

function keep(self: DoorSelf | null): void {
  try {
    if (self) localStorage.setItem(KEY, JSON.stringify(self));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused (a private window): the hub is asked again on the next load.
  }
}

export function usePairedDevice(): PairedState {
  const [state, setState] = useState<PairedState>(() => {
    const self = kept();
    return self ? { kind: 'paired', self } : { kind: 'asking' };
  });
  useEffect(() => {
    let cancelled = false;
    void send('door.self', {}, HUB_TIMEOUT_MS).then((answer) => {
      if (cancelled) return;
      if (answer.ok) {
        const self = answer.value as DoorSelf;
        keep(self);
        setState({ kind: 'paired', self });
      } else if (answer.error.code === 'not_found') {
        keep(null);
        setState({ kind: 'hub' });
      } else if (answer.error.code === 'unauthorized') {
        // Unpaired (or the door was closed): the app shows how to pair again.
        keep(null);
      } else if (!kept()) {
        setState({ kind: 'unreachable' });
      }
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}
