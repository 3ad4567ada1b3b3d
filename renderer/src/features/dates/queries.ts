import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

// Under ['people', …]: every write to the book invalidates them with the rest.
export function usePersonDates(personId: number) {
  return useQuery({ queryKey: ['people', 'dates', personId], queryFn: () => call('dates.ofPerson', { personId }) });
}

export function useUpcomingDates() {
  return useQuery({ queryKey: ['people', 'dates-upcoming'], queryFn: () => call('dates.upcoming', { days: 0 }) });
}

export function usePhoto(personId: number) {
  return useQuery({ queryKey: ['people', 'photo', personId], queryFn: () => call('photos.get', { personId }) });
}
