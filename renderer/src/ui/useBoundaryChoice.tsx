import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../../shared/errors';

type Choice = 'include' | 'skip';

/**
 * For bulk writes (a follow-up for everyone selected): when some of the people asked not to be
 * dealt with that way, the server refuses with `boundary`; this asks the owner whether to include
 * them anyway or leave them out, then the caller sends the same write again with that choice.
 */
export function useBoundaryChoice(): { run: <R>(send: (choice: 'ask' | Choice) => Promise<R>) => Promise<R | undefined>; element: ReactNode } {
  const [message, setMessage] = useState<string | null>(null);
  const resolver = useRef<((c: Choice | null) => void) | null>(null);
  const answer = (c: Choice | null) => {
    setMessage(null);
    resolver.current?.(c);
    resolver.current = null;
  };
  const run = async <R,>(send: (choice: 'ask' | Choice) => Promise<R>): Promise<R | undefined> => {
    try {
      return await send('ask');
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'boundary') throw error;
      const choice = await new Promise<Choice | null>((resolve) => {
        resolver.current = resolve;
        setMessage(error.message);
      });
      return choice ? send(choice) : undefined;
    }
  };
  const element = (
    <Modal opened={message !== null} onClose={() => answer(null)} title="This crosses a boundary some of them set">
      <Stack gap="md">
        <Text size="sm">{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => answer(null)}>
            Cancel
          </Button>
          <Button variant="light" onClick={() => answer('skip')}>
            Leave them out
          </Button>
          <Button color="orange" onClick={() => answer('include')}>
            Include them anyway
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
  return { run, element };
}
