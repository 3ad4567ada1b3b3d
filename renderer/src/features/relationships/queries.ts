import { useMutation, useQuery } from '@tanstack/react-query';
import type { InputOf, MethodName, OutputOf } from '../../../../shared/contract';
import { STANDING_LISTS, type StandingList } from '../../../../shared/domain/relationship';
import { call } from '../../api/client';
import { useBookChanged } from '../people/queries';

export function useRelationship(personId: number) {
  return useQuery({ queryKey: ['people', 'relationship', personId], queryFn: () => call('relationship.get', { personId }) });
}

export function useTimeline(personId: number) {
  return useQuery({ queryKey: ['people', 'timeline', personId], queryFn: () => call('relationship.timeline', { personId }) });
}

export function useStandingList(list: StandingList) {
  return useQuery({ queryKey: ['people', 'standing-list', list], queryFn: () => call('relationship.list', { list }) });
}

/** How many are on each of these lists, without their rows (tabs, Home). */
export function useStandingCounts(lists: readonly StandingList[] = STANDING_LISTS) {
  return useQuery({ queryKey: ['people', 'standing-counts', lists], queryFn: () => call('relationship.counts', { lists: [...lists] }) });
}

/** Any write about a relationship: afterwards every page and list that shows people may differ. */
export function useBookWrite<M extends MethodName>(method: M) {
  const changed = useBookChanged();
  const send = call as (method: M, input: InputOf<M>) => Promise<OutputOf<M>>;
  return useMutation({ mutationFn: (input: InputOf<M>) => send(method, input), onSuccess: changed });
}
