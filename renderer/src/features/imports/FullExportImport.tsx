import { Alert, Button, Card, Group, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { formatDate, plural } from '../../ui/format';

/** A Rapport full export (docs/EXPORT.md) goes back whole, into an empty book only. */
export function FullExportImport({ content }: { content: string }) {
  const client = useQueryClient();
  const full = useMutation({ mutationFn: () => call('imports.full', { content }), onSuccess: () => client.invalidateQueries() });
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label="Full export">
      <Title order={2} size="h4" mb={4}>
        Rapport full export
      </Title>
      {full.data ? (
        <>
          <Group gap="xs">
            <IconCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
            <Text>
              Everything is back: {plural(full.data.people, 'person', 'people')} and {plural(full.data.rows, 'row')} in all, as exported on {formatDate(full.data.exportedAt)}.
            </Text>
          </Group>
          <Button component={Link} to="/people" mt="md">
            Show people
          </Button>
        </>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="md">
            Every person, seminar, interaction, follow-up and occasion in this file is put back as it was. This works in an empty book only (a new data folder); a
            backup is taken first.
          </Text>
          {full.error ? (
            <Alert color="red" mb="md" title="Not imported">
              {full.error.message}
            </Alert>
          ) : null}
          <Button loading={full.isPending} onClick={() => full.mutate()}>
            Import everything
          </Button>
        </>
      )}
    </Card>
  );
}
