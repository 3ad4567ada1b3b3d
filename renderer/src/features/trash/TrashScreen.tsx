import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { TRASH_DAYS, TRASH_KIND_LABELS } from '../../../../shared/domain/trash';
import { call } from '../../api/client';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useBookWrite } from '../relationships/queries';

/** What was deleted in the last 30 days: put any of it back, with everything that went with it. */
export function TrashScreen() {
  const trash = useQuery({ queryKey: ['people', 'trash'], queryFn: () => call('trash.list') });
  const restore = useBookWrite('trash.restore');
  const discard = useBookWrite('trash.discard');
  const navigate = useNavigate();
  const failed = (error: Error) => notifications.show({ color: 'red', title: 'Not done', message: error.message });
  return (
    <Stack gap={0} style={{ minHeight: 0, flex: 1 }}>
      <PageHeader title="Trash" subtitle={`People, touches and follow-ups you deleted stay here ${TRASH_DAYS} days, then go for good.`} />
      <div style={{ overflow: 'auto', flex: 1, minHeight: 0 }} className="table-scroll">
        {trash.data && trash.data.length === 0 ? (
          <Text px="xl" c="dimmed">
            The trash is empty.
          </Text>
        ) : (
          <Table aria-label="Deleted" stickyHeader striped highlightOnHover px="xl">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>What</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Deleted</Table.Th>
                <Table.Th>Kept until</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(trash.data ?? []).map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {t.label}
                    </Text>
                    {t.detail ? (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {t.detail}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{TRASH_KIND_LABELS[t.kind]}</Table.Td>
                  <Table.Td>{formatDate(t.deletedAt)}</Table.Td>
                  <Table.Td>{formatDate(t.keptUntil)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconArrowBackUp size={14} aria-hidden />}
                        aria-label={`Put back ${t.label}`}
                        onClick={() =>
                          restore.mutate(
                            { id: t.id },
                            {
                              onSuccess: (r) => {
                                notifications.show({ message: `${t.label} is back.` });
                                navigate(`/people/${r.personId}`);
                              },
                              onError: failed,
                            },
                          )
                        }
                      >
                        Put back
                      </Button>
                      <Button size="xs" variant="subtle" color="red" aria-label={`Delete ${t.label} for good`} onClick={() => discard.mutate({ id: t.id }, { onError: failed })}>
                        Delete for good
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </div>
    </Stack>
  );
}
