import { notifications } from '@mantine/notifications';
import { isCancelledError, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useStableHandler } from '../../ui/useStableHandler';
import { move, onEnter, selectedId, type EnterAction, type TableState } from '../../../../shared/domain/check-in-keys';
import type { CheckInResults, CheckInRow } from '../../../../shared/domain/registrant-match';
import type { Registration } from '../../../../shared/domain/seminar';
import { ApiError } from '../../../../shared/errors';
import { newClientId } from '../../api/client-id';
import { playDoorTone } from './door-sound';
import { HUB_LINK, type TableLink } from './queries';
import { useTableMemory, type Panel } from './table-memory';

const isUnreachable = (e: unknown) => e instanceof ApiError && e.code === 'unreachable';
const alreadyIn = (e: unknown): e is ApiError => e instanceof ApiError && e.code === 'conflict' && e.fields.state === 'checked_in';

/**
 * The check-in table's state and what each key does. The rules of Enter are the pure functions
 * of shared/domain/check-in-keys; this hook holds the text, the chosen row, an Enter waiting for
 * its list, the panel (kept across a badge print), the undo stack and the connection's state.
 */
export function useCheckInTable(seminarId: number, link: TableLink = HUB_LINK) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<number | null>(null);
  // Enters waiting for the answer to their text, and check-ins sent and not yet answered.
  const [working, setWorking] = useState(0);
  const waitingFor = useRef(new Set<string>());
  // Undos sent and not yet answered: until then the store (and the list) still shows them checked in.
  const [undoing, setUndoing] = useState(0);
  const [say, setSay] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [memory, remember] = useTableMemory(seminarId);
  const client = useQueryClient();
  const searchOptions = link.search(seminarId, query);
  const search = useQuery(searchOptions);
  const actions = link.useActions(seminarId);
  const results = search.data ?? null;
  // An answer the book has changed since (a check-in or undo here or at another device) stays on
  // screen while it is asked again, but Enter never acts on it: it may say "registered" of someone
  // checked in a moment ago, or "checked in" of someone whose check-in was just undone.
  // (Reading isStale makes the screen render again when the answer is invalidated and when its
  // new answer arrives, even if that answer is the same as the last.)
  const outdated = search.isStale && client.getQueryState(searchOptions.queryKey)?.isInvalidated === true;
  const state: TableState = { query, results: outdated ? null : results, chosen };
  const listed: CheckInRow[] = results ? [...results.rows, ...results.suggestions] : [];
  const current = !outdated && results !== null && results.query === query;
  const selected = selectedId(state);

  const show = useCallback(
    (panel: Panel | null, sound = true) => {
      remember((m) => ({ ...m, panel }));
      if (panel && sound) playDoorTone(panel.tone);
    },
    [remember],
  );

  const clearSearch = () => {
    setQuery('');
    setChosen(null);
  };
  const busy = <T,>(work: Promise<T>): Promise<T> => {
    setWorking((n) => n + 1);
    return work.finally(() => setWorking((n) => n - 1));
  };

  const checkedIn = (registration: Registration) => {
    show({ tone: 'in', registration });
    remember((m) => ({ ...m, undo: [...m.undo, { registrationId: registration.id, name: registration.name }] }));
  };

  // Each check-in's own promise, not mutate's callbacks: those fire for the latest call only, and a
  // scanner can send the next ticket before the last one is answered.
  const checkIn = (row: Registration) => {
    setSay(null);
    void busy(actions.checkIn.mutateAsync({ registrationId: row.id, clientId: newClientId() }).then(checkedIn, (error: Error) => {
      if (alreadyIn(error)) {
        // Checked in meanwhile, at another device: by whom and when. (A retry of this very check-in
        // carries the same client id, so the hub answers it as the first time, never as "already".)
        const checkedInAt = error.fields.checkedInAt ?? row.checkedInAt;
        show({ tone: 'already', registration: { ...row, state: 'checked_in', checkedInAt, checkedInBy: error.fields.checkedInBy ?? null } });
      } else {
        setSay({ tone: 'error', text: `${row.name} was not checked in. ${error.message}` });
      }
    }));
  };

  /**
   * What Enter decided, done. `rows` are the rows the decision was made on; `stillTyped` is false
   * when the volunteer has typed on since that Enter (a scanner's next ticket): the person it
   * named is still checked in, but the field and its messages now belong to the new text.
   */
  const act = (action: EnterAction, rows: readonly CheckInRow[] = listed, stillTyped = true) => {
    const row = 'registrationId' in action ? rows.find((r) => r.id === action.registrationId) : undefined;
    const done = () => {
      if (stillTyped) clearSearch();
      setSay(null);
    };
    switch (action.kind) {
      case 'wait':
        waitForAnswer(query);
        return;
      case 'checkIn':
        if (stillTyped) clearSearch();
        if (row) checkIn(row);
        return;
      case 'lookUp':
        done();
        if (row) show({ tone: 'already', registration: row });
        return;
      case 'unknownCode':
        done();
        show({ tone: 'unknown', code: action.code });
        return;
      case 'nothing':
        if (stillTyped) setSay({ tone: 'info', text: action.say });
        return;
    }
  };

  /**
   * The search's answer to `text`. A refresh of the lists (after any check-in) cancels a search
   * still on its way and sends it again: the Enter waits for that one, never taken as failed.
   */
  const answerTo = async (text: string): Promise<CheckInResults> => {
    for (;;) {
      try {
        return await client.fetchQuery(link.search(seminarId, text));
      } catch (error) {
        if (!isCancelledError(error)) throw error;
      }
    }
  };

  const latest = useRef({ query, chosen, act });
  latest.current = { query, chosen, act };
  /**
   * An Enter pressed before the list answered its text acts on the answer to that text, once it
   * comes — even if the field holds other text by then: a scanner sends the next ticket straight
   * after the last one's Enter, and each ticket it read must be checked in. A second Enter on the
   * same text while the first waits is the same Enter (a double press, a scanner's CR+LF).
   */
  const waitForAnswer = (text: string) => {
    if (waitingFor.current.has(text)) return;
    waitingFor.current.add(text);
    void busy(
      answerTo(text).then(
        (answer) => {
          waitingFor.current.delete(text);
          const now = latest.current;
          const stillTyped = now.query === text;
          const decided = onEnter({ query: text, results: answer, chosen: stillTyped ? now.chosen : null });
          now.act(decided, [...answer.rows, ...answer.suggestions], stillTyped);
        },
        (error: Error) => {
          waitingFor.current.delete(text);
          if (latest.current.query === text) setSay({ tone: 'error', text: `Nothing was checked in. ${error.message}` });
        },
      ),
    );
  };

  const undoLast = () => {
    const entry = memory.undo.at(-1);
    if (!entry) {
      setSay({ tone: 'info', text: working > 0 ? 'The check-in is still on its way: undo it once it shows.' : 'Nothing to undo at this table.' });
      return;
    }
    undo(entry.registrationId, entry.name);
  };

  const undo = (registrationId: number, name: string) => {
    // Off the stack at once, so a second Alt+U reaches the check-in before it, never the same one again.
    remember((m) => ({ ...m, undo: m.undo.filter((u) => u.registrationId !== registrationId) }));
    setUndoing((n) => n + 1);
    void actions.undo.mutateAsync({ registrationId, clientId: newClientId() }).then(
      (result) => {
        remember((m) => ({ ...m, panel: m.panel && 'registration' in m.panel && m.panel.registration.id === registrationId ? null : m.panel }));
        const what =
          result.outcome === 'walk_in_and_person_removed'
            ? `Walk-in of ${result.name} undone; they are no longer in your book.`
            : result.outcome === 'walk_in_removed'
              ? `Walk-in of ${result.name} undone.${result.personKept ? ` ${result.personKept}` : ''}`
              : `Check-in of ${result.name} undone.`;
        notifications.show({ color: 'blue', title: 'Undone', message: what });
      },
      (error: Error) => setSay({ tone: 'error', text: `The check-in of ${name} was not undone. ${error.message}` }),
    ).finally(() => setUndoing((n) => n - 1));
  };

  const handlers = {
    type: useStableHandler((text: string) => {
      // The request leaves now, not after React has rendered the keystroke (about a frame later).
      void client.prefetchQuery(link.search(seminarId, text));
      setQuery(text);
      setChosen(null);
      setSay(null);
    }),
    clear: useStableHandler(clearSearch),
    /** A scanned code: as if typed and Enter pressed — the same rules decide, once the list answers it. */
    enterText: useStableHandler((text: string) => {
      void client.prefetchQuery(link.search(seminarId, text));
      setQuery(text);
      setChosen(null);
      setSay(null);
      waitForAnswer(text);
    }),
    choose: useStableHandler((id: number) => setChosen(id)),
    move: useStableHandler((by: 1 | -1) => setChosen(move(state, by))),
    enter: useStableHandler(() => act(onEnter(state))),
    /** A double click on a row: the volunteer chose exactly that person. */
    enterRow: useStableHandler((id: number) => {
      const row = listed.find((r) => r.id === id);
      if (row?.state === 'checked_in') act({ kind: 'lookUp', registrationId: id });
      else if (row?.state === 'registered') act({ kind: 'checkIn', registrationId: id });
    }),
    checkedIn: useStableHandler(checkedIn),
    show: useStableHandler(show),
    undoLast: useStableHandler(undoLast),
    undo: useStableHandler(undo),
    say: useStableHandler((text: string, tone: 'info' | 'error') => setSay({ text, tone })),
  };

  return {
    ...handlers,
    query,
    results,
    listed,
    current,
    selected,
    panel: memory.panel,
    canUndo: memory.undo.length > 0,
    message: say,
    dismissMessage: useStableHandler(() => setSay(null)),
    /** Rapport cannot be reached: the search or a check-in is being tried again. */
    disconnected: (search.failureCount > 0 && isUnreachable(search.error ?? search.failureReason)) || (actions.checkIn.failureCount > 0 && actions.checkIn.isPending),
    /** An Enter is waiting for its answer, or a check-in for the hub's. */
    checkingIn: working > 0,
    /** An undo is on its way to the hub. */
    undoing: undoing > 0,
    searchFailed: search.isError && !isUnreachable(search.error) ? search.error : null,
    tooLong: current && results?.cut === true,
  };
}
