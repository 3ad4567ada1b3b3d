import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call } from '../../api/client';

/** The toast after a delete: it went to the trash, with Undo that puts it back at once. */
export function announceTrashed(message: string, trashId: number, afterRestore: (personId: number) => Promise<unknown> | void): void {
  const id = `trashed-${trashId}`;
  const undo = async () => {
    notifications.hide(id);
    try {
      const r = await call('trash.restore', { id: trashId });
      await afterRestore(r.personId);
      notifications.show({ message: 'Put back.' });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not put back', message: error instanceof Error ? error.message : String(error) });
    }
  };
  notifications.show({
    id,
    autoClose: 10_000,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{message} It is in the trash for 30 days.</Text>
        <Button size="compact-sm" variant="light" onClick={() => void undo()}>
          Undo
        </Button>
      </Group>
    ),
  });
}
