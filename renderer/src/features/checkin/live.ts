import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Seminar } from '../../../../shared/domain/seminar';
import { subscribe, type LiveEvent } from '../../api/client';

/** A burst of check-ins at three doors is read again at most this often (first at once, then the rest). */
const REFRESH_MS = 150;

/** Reads `key` again at once, and once more at the end of a burst of changes. */
function throttledRefresh(client: QueryClient, key: QueryKey): { now: () => void; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let again = false;
  const run = () => void client.invalidateQueries({ queryKey: key });
  const now = () => {
    if (timer) {
      again = true;
      return;
    }
    run();
    const tick = () => {
      if (again) {
        again = false;
        run();
        timer = setTimeout(tick, REFRESH_MS);
      } else timer = null;
    };
    timer = setTimeout(tick, REFRESH_MS);
  };
  return { now, stop: () => timer && clearTimeout(timer) };
}

/**
 * Keeps a seminar's screens current with what other tabs and door devices do: the counts from the
 * event itself (no round trip), the registrant list read again. After the link to the hub was
 * lost, or when people or imports changed, everything on screen is read again.
 */
export function useLiveSeminar(seminarId: number, onEvent?: (event: LiveEvent) => void): void {
  const client = useQueryClient();
  useEffect(() => {
    const list = throttledRefresh(client, ['seminars', 'checkin', seminarId]);
    const everything = throttledRefresh(client, ['seminars']);
    const people = throttledRefresh(client, ['people']);
    const off = subscribe((event) => {
      onEvent?.(event);
      if (event.type === 'disconnected') return;
      if (event.type === 'seminar') {
        if (event.seminarId !== seminarId) return;
        client.setQueryData<Seminar>(['seminars', 'one', seminarId], (s) => (s ? { ...s, counts: event.counts } : s));
        if (event.resync) everything.now();
        else list.now();
        return;
      }
      everything.now();
      if (event.type === 'book') people.now();
    });
    return () => {
      off();
      list.stop();
      everything.stop();
      people.stop();
    };
  }, [client, seminarId, onEvent]);
}
