import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

// Under ['people', …]: every write to the book invalidates them with the rest.
export function useAgenda(personId: number | null, enabled = true) {
  return useQuery({ queryKey: ['people', 'agenda', personId], queryFn: () => call('followUps.agenda', { personId }), enabled });
}

export function useClosedFollowUps(personId: number) {
  return useQuery({ queryKey: ['people', 'followUps-closed', personId], queryFn: () => call('followUps.closed', { personId }) });
}

export function useDueSummary() {
  return useQuery({ queryKey: ['people', 'dueSummary'], queryFn: () => call('followUps.dueSummary'), refetchInterval: 5 * 60_000 });
}

export function useKeepInTouch() {
  return useQuery({ queryKey: ['people', 'keepInTouch'], queryFn: () => call('keepInTouch.get') });
}

/** Saves text as a file the way a browser does; Electron shows its save dialog for it. */
export function downloadFile(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
