import { Button, Card, Group, Modal, NumberInput, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport, IconRestore } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupInfo, BackupRotation } from '../../../../shared/contract';
import { call } from '../../api/client';
import { formatDate, formatDateTime } from '../../ui/format';
import { SettingNotice, useRefreshSettingNotices } from './SettingNotice';

const REASONS: Record<string, string> = { daily: 'Daily', manual: 'By hand', 'before-restore': 'Before a restore', 'before-import': 'Before an import', 'before-merge': 'Before a merge' };
const reasonText = (r: string) => REASONS[r] ?? (r.startsWith('before-migration') ? 'Before an update of the data format' : r);
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** How many backups are kept; saving removes those beyond the new numbers at once. */
function RotationForm() {
  const client = useQueryClient();
  const refreshNotices = useRefreshSettingNotices();
  const current = useQuery({ queryKey: ['backups', 'rotation'], queryFn: () => call('backups.rotation') });
  const [draft, setDraft] = useState<BackupRotation | null>(null);
  const save = useMutation({
    mutationFn: (rotation: BackupRotation) => call('backups.setRotation', rotation),
    onSuccess: async ({ removed }) => {
      setDraft(null);
      notifications.show({ message: removed.length ? `Saved; ${removed.length} older backups removed.` : 'Saved.' });
      await client.invalidateQueries({ queryKey: ['backups'] });
      await refreshNotices();
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not saved', message: e.message }),
  });
  const value = draft ?? current.data;
  if (!value) return null;
  const field = (key: keyof BackupRotation, label: string, min: number) => (
    <NumberInput label={label} value={value[key]} min={min} max={200} w={170} size="xs" onChange={(v) => setDraft({ ...value, [key]: typeof v === 'number' ? v : min })} />
  );
  return (
    <Group align="flex-end" gap="sm" mb="md" role="group" aria-label="Backups kept">
      {field('daily', 'Daily backups kept', 1)}
      {field('weekly', 'Weekly backups kept', 0)}
      {field('other', 'Other backups kept', 1)}
      <Button size="xs" variant="default" disabled={!draft} loading={save.isPending} onClick={() => draft && save.mutate(draft)}>
        Save
      </Button>
    </Group>
  );
}

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
        Rapport copies your book at the first start of each day, before every update of its data format, every import and every restore, and checks each copy. It
        keeps as many as you say below (the newest daily ones, then one for each earlier week), in the backups folder inside the data folder.
      </Text>
      <SettingNotice settingKey="backups.rotation" />
      <RotationForm />
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
                  <Table.Td>{formatDateTime(b.takenAt)}</Table.Td>
                  <Table.Td>{reasonText(b.reason)}</Table.Td>
                  <Table.Td ta="right">{size(b.bytes)}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="compact-xs" variant="subtle" leftSection={<IconRestore size={12} aria-hidden />} onClick={() => setRestoring(b)} aria-label={`Restore the backup of ${formatDateTime(b.takenAt)}`}>
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
            Your book will be replaced by the backup of {restoring ? formatDateTime(restoring.takenAt) : ''}. Everything entered since then leaves the book;
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
