import { Anchor, Button, Card, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { MATCH_REASONS, type DuplicatePair } from '../../../../shared/domain/merge';
import { call } from '../../api/client';
import { BackLink } from '../../ui/BackLink';
import { PageHeader } from '../../ui/PageHeader';
import { plural } from '../../ui/format';


function Side({ side }: { side: DuplicatePair['first'] }) {
  return (
    <>
      <Anchor component={Link} to={`/people/${side.id}`} size="sm">
        {side.name}
      </Anchor>
      <Text size="xs" c="dimmed">
        {[side.organization, side.primaryEmail].filter(Boolean).join(' · ')}
      </Text>
    </>
  );
}

/** Pairs of people who are likely one person, to review and merge. */
export function DuplicatesScreen() {
  const pairs = useQuery({ queryKey: ['people', 'duplicates'], queryFn: () => call('people.duplicates') });
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <Stack px="xl" pt="md" gap={0}>
        <BackLink to="/people" label="People" />
      </Stack>
      <PageHeader title="Likely duplicates" subtitle={pairs.data ? plural(pairs.data.length, 'pair') : ' '} />
      <Stack px="xl" pb="xl" maw={1000}>
        {pairs.data?.length === 0 ? (
          <Text c="dimmed">No one in your book looks listed twice: no shared email or phone, no near-identical names at one organization.</Text>
        ) : null}
        {pairs.data?.length ? (
          <Card withBorder radius="md" p={0}>
            <Table verticalSpacing="xs" horizontalSpacing="md" aria-label="Likely duplicates">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>One</Table.Th>
                  <Table.Th>The other</Table.Th>
                  <Table.Th>Why</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pairs.data.map((p) => (
                  <Table.Tr key={`${p.first.id}-${p.second.id}`}>
                    <Table.Td>
                      <Side side={p.first} />
                    </Table.Td>
                    <Table.Td>
                      <Side side={p.second} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{MATCH_REASONS[p.reason]}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="light"
                        component={Link}
                        to={`/people/merge?keep=${p.first.id}&other=${p.second.id}`}
                        aria-label={`Review and merge ${p.first.name} and ${p.second.name}`}
                      >
                        Review and merge…
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        ) : null}
      </Stack>
    </div>
  );
}
