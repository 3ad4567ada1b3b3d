import { Alert, Button, Group, Text } from '@mantine/core';
import { useQueryClient, type Query } from '@tanstack/react-query';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useCallback, useSyncExternalStore } from 'react';
import { ApiError } from '../../../shared/errors';

// A record that is gone is the screen's to say ("not in your book"); anything else is said here.
const failed = (q: Query) => q.state.status === 'error' && q.getObserversCount() > 0 && !(q.state.error instanceof ApiError && q.state.error.code === 'not_found');

/**
 * Any read on the screen that failed — Rapport unreachable, or an error answer — says so above
 * the screen with a Retry, instead of leaving a blank where the data should be. One place for
 * every screen, so none can forget.
 */
export function LoadFailedBanner() {
  const client = useQueryClient();
  const cache = client.getQueryCache();
  const subscribe = useCallback((notify: () => void) => cache.subscribe(notify), [cache]);
  const message = useSyncExternalStore(subscribe, () => {
    const first = cache.getAll().find(failed);
    return first ? (first.state.error?.message ?? 'Something could not be read.') : null;
  });
  if (message === null) return null;
  return (
    <Alert color="red" radius={0} icon={<IconPlugConnectedX aria-hidden />} role="alert" aria-label="Could not load">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          <b>Part of this page could not be loaded.</b> {message}
        </Text>
        <Button size="xs" color="red" variant="white" onClick={() => void client.refetchQueries({ predicate: failed })}>
          Retry
        </Button>
      </Group>
    </Alert>
  );
}
