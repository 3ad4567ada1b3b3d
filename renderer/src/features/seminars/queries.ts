import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import type { AttendanceMode, SeminarInput } from '../../../../shared/domain/seminar';
import { call } from '../../api/client';

export type SeminarWhen = InputOf<'seminars.list'>['when'];

export function useSeminars(when: SeminarWhen) {
  return useQuery({ queryKey: ['seminars', 'list', when], queryFn: () => call('seminars.list', { when }) });
}

export function useSeminar(id: number) {
  return useQuery({ queryKey: ['seminars', 'one', id], queryFn: () => call('seminars.get', { id }), enabled: Number.isInteger(id) && id > 0 });
}

export function useRegistrations(seminarId: number) {
  return useQuery({
    queryKey: ['seminars', 'registrations', seminarId],
    queryFn: () => call('registrations.list', { seminarId }),
    enabled: Number.isInteger(seminarId) && seminarId > 0,
  });
}

/** Any change to a seminar or its registrations can move every count on every seminar screen. */
function useSeminarsChanged() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['seminars'] });
}

export function useCreateSeminar() {
  const changed = useSeminarsChanged();
  return useMutation({ mutationFn: (input: SeminarInput) => call('seminars.create', input), onSuccess: changed });
}

export function useUpdateSeminar(id: number) {
  const changed = useSeminarsChanged();
  return useMutation({ mutationFn: (input: SeminarInput & { version: number }) => call('seminars.update', { ...input, id }), onSuccess: changed });
}

export function useSeminarFlags(id: number) {
  const changed = useSeminarsChanged();
  return {
    archive: useMutation({ mutationFn: (archived: boolean) => call('seminars.archive', { id, archived }), onSuccess: changed }),
    close: useMutation({ mutationFn: (closed: boolean) => call('seminars.close', { id, closed }), onSuccess: changed }),
  };
}

export function useRegister(seminarId: number) {
  const changed = useSeminarsChanged();
  return useMutation({
    mutationFn: ({ personIds, mode }: { personIds: number[]; mode: AttendanceMode }) => call('registrations.add', { seminarId, personIds, mode }),
    onSuccess: changed,
  });
}

export function useUpdateRegistration() {
  const changed = useSeminarsChanged();
  return useMutation({
    mutationFn: (input: InputOf<'registrations.update'>) => call('registrations.update', input),
    onSuccess: changed,
  });
}

export function usePersonSeminars(personId: number) {
  return useQuery({
    queryKey: ['seminars', 'ofPerson', personId],
    queryFn: () => call('registrations.ofPerson', { personId }),
    enabled: Number.isInteger(personId) && personId > 0,
  });
}
