import { Alert, Button, Card, Group, Radio, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { MERGE_FIELDS, type MergeChoices, type MergeField } from '../../../../shared/domain/merge';
import type { Person } from '../../../../shared/domain/person';
import { call } from '../../api/client';
import { BackLink } from '../../ui/BackLink';
import { PageHeader } from '../../ui/PageHeader';
import { useBookChanged, usePerson } from './queries';

/** How a field reads, to choose between two people's values. */
function shown(p: Person, field: MergeField): string {
  if (field === 'name') return p.name;
  if (field === 'address') return [p.address.street, p.address.postalCode, p.address.city, p.address.region, p.address.country].filter(Boolean).join(', ');
  return p[field];
}

const FIELDS = Object.keys(MERGE_FIELDS) as MergeField[];

/** Two people become one: field by field the owner picks whose value stays; everything recorded moves to the one kept. */
export function MergeScreen() {
  const [params, setParams] = useSearchParams();
  const keepId = Number(params.get('keep'));
  const otherId = Number(params.get('other'));
  const keep = usePerson(keepId);
  const other = usePerson(otherId);
  const [choices, setChoices] = useState<MergeChoices>({});
  const navigate = useNavigate();
  const changed = useBookChanged();
  const merge = useMutation({
    mutationFn: () => call('people.merge', { keepId, otherId, choices }),
    onSuccess: async (p) => {
      await changed();
      navigate(`/people/${p.id}`);
    },
  });
  const a = keep.data;
  const b = other.data;
  const differing = a && b ? FIELDS.filter((f) => shown(a, f) !== shown(b, f) && shown(b, f) !== '') : [];
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <Stack px="xl" pt="md" gap={0}>
        <BackLink to="/people/duplicates" label="Likely duplicates" />
      </Stack>
      <PageHeader
        title="Merge two people"
        subtitle={a && b ? `${a.name} is kept; ${b.name} is merged into them` : ' '}
        actions={
          <Button
            variant="default"
            leftSection={<IconArrowsExchange size={16} aria-hidden />}
            onClick={() => {
              setChoices({});
              setParams({ keep: String(otherId), other: String(keepId) });
            }}
          >
            Keep the other one
          </Button>
        }
      />
      <Stack px="xl" pb="xl" maw={1000}>
        {keep.error || other.error ? <Alert color="red">{(keep.error ?? other.error)?.message}</Alert> : null}
        {a && b ? (
          <>
            <Text size="sm" c="dimmed">
              Emails, phones and tags of both are kept. Interactions, registrations, follow-ups, home occasions, advocacy, client tests and purchases all move to the
              person kept. {differing.length ? 'Where the two differ, choose which value stays:' : 'Nothing else differs between them.'}
            </Text>
            {differing.length ? (
              <Card withBorder radius="md" p={0}>
                <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Fields to choose">
                  <Table.Tbody>
                    {differing.map((f) => (
                      <Table.Tr key={f}>
                        <Table.Td>
                          <Radio.Group label={MERGE_FIELDS[f]} value={choices[f] ?? (shown(a, f) ? 'keep' : 'other')} onChange={(v) => setChoices((c) => ({ ...c, [f]: v as 'keep' | 'other' }))}>
                            <Group mt={4} align="flex-start">
                              <Radio value="keep" label={shown(a, f) || '(empty)'} w="45%" />
                              <Radio value="other" label={shown(b, f)} w="45%" />
                            </Group>
                          </Radio.Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
            ) : null}
            {merge.error ? (
              <Text c="red" size="sm" role="alert">
                {merge.error.message}
              </Text>
            ) : null}
            <Group>
              <Button color="red" loading={merge.isPending} onClick={() => merge.mutate()}>
                Merge into one
              </Button>
              <Text size="sm" c="dimmed">
                A merge cannot be undone; Rapport backs up the book first (Settings → Backups).
              </Text>
            </Group>
          </>
        ) : null}
      </Stack>
    </div>
  );
}
