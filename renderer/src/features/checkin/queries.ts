import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { call } from '../../api/client';

export function useRegistrantSearch(seminarId: number, query: string) {
  return useQuery({
    queryKey: ['seminars', 'checkin', seminarId, query],
    queryFn: () => call('checkin.find', { seminarId, query }),
    placeholderData: keepPreviousData,
    staleTime: 0,
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
  return {
    checkIn: useMutation({ mutationFn: (input: InputOf<'checkin.checkIn'>) => call('checkin.checkIn', input), onSuccess: changed }),
    byTicket: useMutation({ mutationFn: (input: InputOf<'checkin.byTicket'>) => call('checkin.byTicket', input), onSuccess: changed }),
    undo: useMutation({ mutationFn: (registrationId: number) => call('checkin.undo', { registrationId }), onSuccess: changed }),
    note: useMutation({ mutationFn: (input: InputOf<'checkin.note'>) => call('checkin.note', input), onSuccess: changed }),
    walkIn: useMutation({ mutationFn: (input: InputOf<'checkin.walkIn'>) => call('checkin.walkIn', input), onSuccess: changed }),
  };
}
