import { Anchor, Badge, Button, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { OCCASION_KIND_LABELS, seatsTaken } from '../../../../shared/domain/hospitality';
import { formatDay } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { useOccasions } from './queries';

/** Occasions at home: upcoming and past, each with how many were invited, accepted and came. */
export function OccasionsScreen() {
  const [params, setParams] = useSearchParams();
  const when = params.get('when') === 'past' ? 'past' : 'upcoming';
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <PageHeader
        title="At home"
        subtitle="Dinners, barbecues and parties at your home: the plainest measure of how close you are to your clients."
        actions={
          <Button component={Link} to="/occasions/new" leftSection={<IconPlus size={16} aria-hidden />}>
            Plan an occasion
          </Button>
        }
      />
      <Tabs value={when} onChange={(w) => w && setParams({ when: w }, { replace: true })} px="xl">
        <Tabs.List>
          <Tabs.Tab value="upcoming">Upcoming</Tabs.Tab>
          <Tabs.Tab value="past">Past</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value={when} pt="md">
          <OccasionTable when={when} />
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}

function OccasionTable({ when }: { when: 'upcoming' | 'past' }) {
  const occasions = useOccasions(when);
  if (occasions.isSuccess && occasions.data.length === 0) {
    return (
      <Text c="dimmed" ta="center" py={48}>
        {when === 'upcoming' ? 'Nothing planned. Who among your best clients has never been to your home?' : 'No past occasions recorded yet.'}
      </Text>
    );
  }
  return (
    <Stack pb="xl">
      <Table aria-label={when === 'upcoming' ? 'Upcoming occasions' : 'Past occasions'} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Occasion</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th ta="right">Invited</Table.Th>
            <Table.Th ta="right">Accepted</Table.Th>
            <Table.Th ta="right">Declined</Table.Th>
            <Table.Th ta="right">Came</Table.Th>
            <Table.Th ta="right">Seats</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(occasions.data ?? []).map((o) => {
            const taken = seatsTaken(o.counts);
            return (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/occasions/${o.id}`} fw={600}>
                    {o.name}
                  </Anchor>
                  {o.title ? (
                    <Text size="xs" c="dimmed">
                      {OCCASION_KIND_LABELS[o.kind]}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {formatDay(o.day)} · {o.time}
                </Table.Td>
                <Table.Td ta="right">{o.counts.invited + o.counts.accepted + o.counts.declined + o.counts.attended + o.counts.absent}</Table.Td>
                <Table.Td ta="right">{o.counts.accepted}</Table.Td>
                <Table.Td ta="right">{o.counts.declined}</Table.Td>
                <Table.Td ta="right">{o.counts.attended}</Table.Td>
                <Table.Td ta="right">
                  {o.seats ? (
                    <Badge variant="light" color={taken > o.seats ? 'red' : 'gray'}>
                      {taken} / {o.seats}
                    </Badge>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
