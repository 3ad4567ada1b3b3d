import { Button, Card, Group, Modal, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport, IconRestore } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupInfo } from '../../../../shared/contract';
import { call } from '../../api/client';
import { formatDate } from '../../ui/format';

const REASONS: Record<string, string> = { daily: 'Daily', manual: 'By hand', 'before-restore': 'Before a restore', 'before-import': 'Before an import' };
const reasonText = (r: string) => REASONS[r] ?? (r.startsWith('before-migration') ? 'Before an update of the data format' : r);
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The backups in the data folder; back up now, or put one back in place of the book. */
export function BackupsSettings() {
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['backups'], queryFn: () => call('backups.list') });
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const create = useMutation({
    mutationFn: () => call('backups.create'),
    onSuccess: async (b) => {
      notifications.show({ message: `Backed up: ${b.name}` });
      await client.invalidateQueries({ queryKey: ['backups'] });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'No backup taken', message: e.message }),
  });
  const restore = useMutation({
    mutationFn: (name: string) => call('backups.restore', { name }),
    onSuccess: async ({ restored, safetyCopy }) => {
      setRestoring(null);
      notifications.show({ color: 'teal', title: 'Book restored', message: `From ${formatDate(restored.takenAt)}. The book as it was is kept as ${safetyCopy.name}.` });
      // Everything on every screen may have changed.
      await client.invalidateQueries();
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not restored', message: e.message }),
  });
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label="Backups">
      <Group justify="space-between" mb={4}>
        <Title order={2} size="h5">
          Backups
        </Title>
        <Button size="xs" variant="light" leftSection={<IconDatabaseExport size={14} aria-hidden />} loading={create.isPending} onClick={() => create.mutate()}>
          Back up now
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        Rapport copies your book at the first start of each day, before every update of its data format, every import and every restore, checks each copy, and keeps the
        last 7 daily and 4 weekly ones, in the backups folder inside the data folder.
      </Text>
      {list.data?.length ? (
        <ScrollArea.Autosize mah={320}>
          <Table aria-label="Backup list" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Taken</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th ta="right">Size</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((b) => (
                <Table.Tr key={b.name}>
                  <Table.Td>{timeFormat.format(new Date(b.takenAt))}</Table.Td>
                  <Table.Td>{reasonText(b.reason)}</Table.Td>
                  <Table.Td ta="right">{size(b.bytes)}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="compact-xs" variant="subtle" leftSection={<IconRestore size={12} aria-hidden />} onClick={() => setRestoring(b)} aria-label={`Restore the backup of ${timeFormat.format(new Date(b.takenAt))}`}>
                      Restore…
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      ) : (
        <Text size="sm" c="dimmed">
          {list.isPending ? 'Loading…' : 'No backups yet.'}
        </Text>
      )}
      <Modal opened={restoring !== null} onClose={() => setRestoring(null)} title="Restore this backup?" centered>
        <Stack>
          <Text size="sm">
            Your book will be replaced by the backup of {restoring ? timeFormat.format(new Date(restoring.takenAt)) : ''}. Everything entered since then leaves the book;
            a backup of the book as it is now is taken first, so you can come back to it.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRestoring(null)} data-autofocus>
              Cancel
            </Button>
            <Button color="red" loading={restore.isPending} onClick={() => restoring && restore.mutate(restoring.name)}>
              Restore backup
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
