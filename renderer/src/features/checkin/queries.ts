import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { ApiError } from '../../../../shared/errors';
import { call } from '../../api/client';

/** The table keeps asking while Rapport cannot be reached: the banner says so, and it recovers by itself. */
const whileUnreachable = (_count: number, error: Error) => error instanceof ApiError && error.code === 'unreachable';
const RETRY_DELAY_MS = 1000;

export function useRegistrantSearch(seminarId: number, query: string) {
  return useQuery({
    queryKey: ['seminars', 'checkin', seminarId, query],
    queryFn: () => call('checkin.find', { seminarId, query }),
    placeholderData: keepPreviousData,
    staleTime: 0,
    retry: whileUnreachable,
    retryDelay: RETRY_DELAY_MS,
    networkMode: 'always',
  });
}

export function usePersonMatches(input: InputOf<'people.matches'>, enabled: boolean) {
  return useQuery({ queryKey: ['people', 'matches', input], queryFn: () => call('people.matches', input), enabled, placeholderData: keepPreviousData });
}

/** Every check-in action changes counts, lists and the person's page: refresh all of them. */
function useCheckInChanged() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: ['seminars'] }), client.invalidateQueries({ queryKey: ['people'] })]);
}

export function useCheckInActions() {
  const changed = useCheckInChanged();
  const retrying = { retry: whileUnreachable, retryDelay: RETRY_DELAY_MS, networkMode: 'always' } as const;
  return {
    // `tries` counts the attempts of one check-in (the same object through every retry), so an
    // "already checked in" answer to a retry is known to be this check-in's own earlier try.
    checkIn: useMutation({
      mutationFn: ({ registrationId, tries }: { registrationId: number; tries: { n: number } }) => {
        tries.n += 1;
        return call('checkin.checkIn', { registrationId });
      },
      onSuccess: changed,
      ...retrying,
    }),
    undo: useMutation({ mutationFn: (registrationId: number) => call('checkin.undo', { registrationId }), onSuccess: changed, ...retrying }),
    note: useMutation({ mutationFn: (input: InputOf<'checkin.note'>) => call('checkin.note', input), onSuccess: changed, ...retrying }),
    walkIn: useMutation({ mutationFn: (input: InputOf<'checkin.walkIn'>) => call('checkin.walkIn', input), onSuccess: changed }),
  };
}
