import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

// Under ['people', …] so every write to the book refreshes them (attending changes scores, and back).
export function useOccasions(when: 'upcoming' | 'past') {
  return useQuery({ queryKey: ['people', 'occasions', when], queryFn: () => call('occasions.list', { when }) });
}

export function useOccasion(id: number) {
  return useQuery({ queryKey: ['people', 'occasion', id], queryFn: () => call('occasions.get', { id }), enabled: Number.isInteger(id) && id > 0 });
}

export function usePairings(occasionId: number) {
  return useQuery({ queryKey: ['people', 'pairings', occasionId], queryFn: () => call('occasions.pairings', { occasionId }) });
}

export function useIntimacy() {
  return useQuery({ queryKey: ['people', 'intimacy'], queryFn: () => call('hospitality.intimacy') });
}

export function useHospitalitySuggestions() {
  return useQuery({ queryKey: ['people', 'hospitality-suggestions'], queryFn: () => call('hospitality.suggestions') });
}

export function usePersonHospitality(personId: number) {
  return useQuery({ queryKey: ['people', 'hospitality', personId], queryFn: () => call('hospitality.ofPerson', { personId }) });
}

export function useHospitalitySettings() {
  return useQuery({ queryKey: ['people', 'hospitality-settings'], queryFn: () => call('hospitality.settings') });
}
