import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import type { PersonInput } from '../../../../shared/domain/person';
import { call } from '../../api/client';

export const PAGE_SIZE = 100;

export type PeopleQuery = Required<Pick<InputOf<'people.list'>, 'query' | 'tag' | 'stage' | 'minScore' | 'sort' | 'direction'>>;

export function peoplePageQuery(params: PeopleQuery, page: number) {
  return {
    queryKey: ['people', 'list', params, page] as const,
    queryFn: () => call('people.list', { ...params, offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  };
}

export function usePerson(id: number) {
  return useQuery({ queryKey: ['people', 'one', id], queryFn: () => call('people.get', { id }), enabled: Number.isInteger(id) && id > 0 });
}

/** The default region for phone numbers written without a country code (Settings → Phones). */
export function usePhoneSettings() {
  return useQuery({ queryKey: ['phones', 'settings'], queryFn: () => call('phones.settings'), staleTime: 60_000 });
}

/** Saving the region re-keys numbers without a country code: likely duplicates and matches may change. */
export function useUpdatePhoneSettings() {
  const client = useQueryClient();
  const changed = useBookChanged();
  return useMutation({
    mutationFn: (input: InputOf<'phones.updateSettings'>) => call('phones.updateSettings', input),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['phones'] }), changed()]),
  });
}

export function useTags() {
  return useQuery({ queryKey: ['tags'], queryFn: () => call('tags.list') });
}

export function useAppInfo() {
  return useQuery({ queryKey: ['app.info'], queryFn: () => call('app.info') });
}

/** After any write to the book, every list, count and tag cloud may have changed. */
export function useBookChanged() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['people'] }),
      client.invalidateQueries({ queryKey: ['tags'] }),
      client.invalidateQueries({ queryKey: ['app.info'] }),
    ]);
}

export function useCreatePerson() {
  const changed = useBookChanged();
  return useMutation({ mutationFn: (input: PersonInput) => call('people.create', input), onSuccess: changed });
}

export function useUpdatePerson(id: number) {
  const changed = useBookChanged();
  return useMutation({ mutationFn: (input: PersonInput & { version: number }) => call('people.update', { ...input, id }), onSuccess: changed });
}

export function useDeletePerson() {
  const changed = useBookChanged();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call('people.delete', { id }),
    onSuccess: async ({ id }) => {
      client.removeQueries({ queryKey: ['people', 'one', id] });
      await changed();
    },
  });
}

export function useLoadSample() {
  const changed = useBookChanged();
  return useMutation({ mutationFn: () => call('sample.load'), onSuccess: changed });
}
