import { keepPreviousData, useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryOptions } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import type { CheckInResults } from '../../../../shared/domain/registrant-match';
import type { CheckInUndo, Registration } from '../../../../shared/domain/seminar';
import { ApiError } from '../../../../shared/errors';
import { call } from '../../api/client';

/** The table keeps asking while Rapport cannot be reached: the banner says so, and it recovers by itself. */
const whileUnreachable = (_count: number, error: Error) => error instanceof ApiError && error.code === 'unreachable';
const RETRY_DELAY_MS = 1000;

/**
 * How long a search's answer counts as fresh: long enough that the request a keystroke starts
 * before React renders is taken up by the list's query, not sent again. Every change to the
 * seminar's registrations (this table's actions, live events from other devices) invalidates it.
 */
export const SEARCH_FRESH_MS = 2_000;

function registrantSearch(seminarId: number, query: string): SearchOptions {
  return {
    queryKey: ['seminars', 'checkin', seminarId, query],
    queryFn: (): Promise<CheckInResults> => call('checkin.find', { seminarId, query }),
    placeholderData: keepPreviousData,
    staleTime: SEARCH_FRESH_MS,
    retry: whileUnreachable,
    retryDelay: RETRY_DELAY_MS,
    networkMode: 'always',
  };
}

export function usePersonMatches(input: InputOf<'people.matches'>, enabled: boolean) {
  return useQuery({ queryKey: ['people', 'matches', input], queryFn: () => call('people.matches', input), enabled, placeholderData: keepPreviousData });
}

/**
 * Every check-in action changes counts, lists and the person's page: refresh all of them — without
 * holding the action's answer until they are back: the panel and the undo stack follow the hub's
 * commit at once (Alt+U right after a check-in reaches it), the lists a moment later.
 */
function useCheckInChanged() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['seminars'] });
    void client.invalidateQueries({ queryKey: ['people'] });
  };
}

/** One check-in or undo, with the id that makes sending it again harmless (client-id.ts). */
export interface ActionVars {
  registrationId: number;
  clientId: string;
}

/** What the check-in table does to the book: at the hub's own table, or through a door device's queue. */
export interface CheckInActions {
  checkIn: UseMutationResult<Registration, Error, ActionVars>;
  undo: UseMutationResult<CheckInUndo, Error, ActionVars>;
  note: UseMutationResult<Registration, Error, InputOf<'checkin.note'>>;
  walkIn: UseMutationResult<Registration, Error, InputOf<'checkin.walkIn'>>;
}

/** The list's query for one text, as options: the table starts it from the keystroke itself (see useCheckInTable). */
export type SearchOptions = UseQueryOptions<CheckInResults, Error, CheckInResults, readonly unknown[]>;

/** How a check-in table reaches the book: its search and its actions (the door's link keeps working offline). */
export interface TableLink {
  search(seminarId: number, query: string): SearchOptions;
  useActions(seminarId: number): CheckInActions;
}

export function useCheckInActions(): CheckInActions {
  const changed = useCheckInChanged();
  const retrying = { retry: whileUnreachable, retryDelay: RETRY_DELAY_MS, networkMode: 'always' } as const;
  return {
    // Every retry sends the same client id: a try that went through but whose answer was lost is
    // answered again as it was, never taken for someone else's check-in.
    checkIn: useMutation({ mutationFn: ({ registrationId, clientId }: ActionVars) => call('checkin.checkIn', { registrationId, clientId }), onSuccess: changed, ...retrying }),
    undo: useMutation({ mutationFn: ({ registrationId, clientId }: ActionVars) => call('checkin.undo', { registrationId, clientId }), onSuccess: changed, ...retrying }),
    note: useMutation({ mutationFn: (input: InputOf<'checkin.note'>) => call('checkin.note', input), onSuccess: changed, ...retrying }),
    walkIn: useMutation({ mutationFn: (input: InputOf<'checkin.walkIn'>) => call('checkin.walkIn', input), onSuccess: changed }),
  };
}

/** The owner's own table: straight to the hub (or the app's own core). */
export const HUB_LINK: TableLink = { search: registrantSearch, useActions: () => useCheckInActions() };
