import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

/** While the panel is open the door is watched: devices pair, call, and codes expire without the owner doing anything. */
const WATCH_MS = 2000;

export function useDoorStatus(seminarId: number, watching: boolean) {
  return useQuery({
    queryKey: ['door', seminarId],
    queryFn: () => call('door.status', { seminarId }),
    enabled: watching && Number.isInteger(seminarId) && seminarId > 0,
    refetchInterval: watching ? WATCH_MS : false,
  });
}

export function useDoorActions(seminarId: number) {
  const client = useQueryClient();
  const changed = () => client.invalidateQueries({ queryKey: ['door'] });
  return {
    open: useMutation({ mutationFn: () => call('door.open', { seminarId }), onSuccess: changed }),
    newCode: useMutation({ mutationFn: () => call('door.newCode', { seminarId }), onSuccess: changed }),
    revoke: useMutation({ mutationFn: (deviceId: number) => call('door.revoke', { deviceId }), onSuccess: changed }),
    close: useMutation({ mutationFn: () => call('door.close'), onSuccess: changed }),
  };
}
