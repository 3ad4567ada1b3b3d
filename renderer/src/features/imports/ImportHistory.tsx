import { Button, Card, Group, Modal, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { IMPORT_FORMATS } from '../../../../shared/domain/import';
import { formatDateTime } from '../../ui/format';
import { useImportHistory, useUndoImport } from './queries';


/** Undo a whole import, after saying what that takes back. */
export function UndoImportButton({ id, fileName, onUndone, compact = false }: { id: number; fileName: string; onUndone?: () => void; compact?: boolean }) {
  const [asking, setAsking] = useState(false);
  const undo = useUndoImport();
  return (
    <>
      <Button
        variant={compact ? 'subtle' : 'default'}
        size={compact ? 'compact-xs' : 'sm'}
        leftSection={<IconArrowBackUp size={compact ? 12 : 16} aria-hidden />}
        onClick={() => setAsking(true)}
        aria-label={compact ? `Undo the import of ${fileName}` : undefined}
      >
        {compact ? 'Undo…' : 'Undo this import…'}
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title="Undo this import?" centered>
        <Stack>
          <Text size="sm">
            The people this import added leave the book, people it merged into get their earlier details back, and the registrations it made are removed. Whatever
            was changed since the import — someone checked in, edited, given a follow-up — stays as it is.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)} data-autofocus>
              Keep the import
            </Button>
            <Button
              color="red"
              loading={undo.isPending}
              onClick={() =>
                undo.mutate(id, {
                  onSuccess: (r) => {
                    setAsking(false);
                    notifications.show({
                      color: 'teal',
                      title: 'Import undone',
                      message:
                        `${r.removed.toLocaleString()} removed, ${r.restored.toLocaleString()} restored, ${r.unregistered.toLocaleString()} registrations taken back.` +
                        (r.kept ? ` ${r.kept.toLocaleString()} changed since the import (checked in, edited, given a note…) kept as they are.` : ''),
                    });
                    onUndone?.();
                  },
                  onError: (e) => notifications.show({ color: 'red', title: 'Not undone', message: e.message }),
                })
              }
            >
              Undo import
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function ImportHistory() {
  const history = useImportHistory();
  if (!history.data?.length) return null;
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label="Past imports">
      <Title order={2} size="h5" mb="xs">
        Past imports
      </Title>
      <ScrollArea.Autosize mah={320}>
        <Table verticalSpacing={4} aria-label="Past imports list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>File</Table.Th>
              <Table.Th ta="right">Created</Table.Th>
              <Table.Th ta="right">Merged</Table.Th>
              <Table.Th ta="right">Skipped</Table.Th>
              <Table.Th ta="right">Rejected</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{formatDateTime(h.importedAt)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{h.fileName}</Text>
                  <Text size="xs" c="dimmed">
                    {IMPORT_FORMATS[h.format]}
                    {h.seminarTitle ? ` · registered for ${h.seminarTitle}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{h.created.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{h.merged.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{h.skipped.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{h.rejected.toLocaleString()}</Table.Td>
                <Table.Td ta="right">
                  {h.undoneAt ? (
                    <Text size="xs" c="dimmed">
                      Undone {formatDateTime(h.undoneAt)}
                    </Text>
                  ) : (
                    <UndoImportButton id={h.id} fileName={h.fileName} compact />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Card>
  );
}
