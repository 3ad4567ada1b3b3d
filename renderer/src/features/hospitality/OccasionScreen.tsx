import { ActionIcon, Alert, Anchor, Badge, Button, Checkbox, Grid, Group, Modal, ScrollArea, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconEdit, IconSearch, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { GUEST_STATES, GUEST_STATE_LABELS, OCCASION_KIND_LABELS, seatsTaken, type GuestState, type Occasion } from '../../../../shared/domain/hospitality';
import { ApiError } from '../../../../shared/errors';
import { call } from '../../api/client';
import { BackLink } from '../../ui/BackLink';
import { todayInput } from '../../ui/days';
import { Counter } from '../../ui/Counter';
import { formatDate, formatDay, plural } from '../../ui/format';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { NotFound } from '../../ui/NotFound';
import { Empty, Panel } from '../../ui/Panel';
import { useBookWrite } from '../relationships/queries';
import { useHospitalitySuggestions, useOccasion, usePairings } from './queries';

const STATE_COLORS: Record<GuestState, string> = { invited: 'blue', accepted: 'teal', declined: 'gray', attended: 'grape', absent: 'orange' };
const STATE_OPTIONS = GUEST_STATES.map((s) => ({ value: s, label: GUEST_STATE_LABELS[s] }));
const failed = (title: string) => (error: Error) =>
  notifications.show({ color: 'red', title, message: error instanceof ApiError ? (Object.values(error.fields)[0] ?? error.message) : error.message });

/** One occasion: its guests and their states, the seats, who would enjoy meeting, and whom to invite. */
export function OccasionScreen() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const occasion = useOccasion(id);
  const remove = useBookWrite('occasions.delete');
  const [inviting, invite] = useDisclosure(false);
  const [deleting, confirmDelete] = useDisclosure(false);
  if (occasion.isPending) return <LoadingScreen />;
  if (occasion.isError) return <NotFound title="This occasion is not in your book" error={occasion.error} retry={() => occasion.refetch()} back={{ to: '/occasions', label: 'Back to At home' }} />;
  const o = occasion.data;
  const taken = seatsTaken(o.counts);
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <Stack gap="lg" px="xl" py="lg" maw={1200}>
        <BackLink to="/occasions" label="At home" />
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={1} size="h2">
              {o.name}
            </Title>
            <Text c="dimmed">
              {OCCASION_KIND_LABELS[o.kind]} · {formatDay(o.day)} at {o.time}
              {o.seats ? ` · ${o.seats} seats` : ''}
            </Text>
          </Stack>
          <Group gap="sm" wrap="nowrap">
            <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={invite.open}>
              Invite guests
            </Button>
            <Button component={Link} to={`/occasions/${o.id}/edit`} variant="default" leftSection={<IconEdit size={16} aria-hidden />}>
              Edit
            </Button>
            <ActionIcon variant="default" size="lg" color="red" aria-label="Delete occasion" onClick={confirmDelete.open}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Group>
        <Group grow>
          <Counter label="Invited" value={o.guests.length} />
          <Counter label="Accepted" value={o.counts.accepted} detail={o.seats ? `${taken} of ${o.seats} seats taken` : undefined} />
          <Counter label="Declined" value={o.counts.declined} />
          <Counter label="Came" value={o.counts.attended} detail={o.counts.absent ? `${o.counts.absent} did not come` : undefined} />
        </Group>
        {o.overSeats > 0 ? (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title="More guests than seats">
            {plural(taken, 'guest has', 'guests have')} accepted for {o.seats} seats: {o.overSeats} too many.
          </Alert>
        ) : null}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Panel title="Guests">
              {o.guests.length === 0 ? <Empty>No one invited yet.</Empty> : <GuestTable occasion={o} />}
            </Panel>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="lg">
              {o.notes ? (
                <Panel title="Notes">
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {o.notes}
                  </Text>
                </Panel>
              ) : null}
              <Pairings occasionId={o.id} />
              {o.past ? null : <InviteSuggestions occasion={o} />}
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
      <InviteDialog occasion={o} opened={inviting} onClose={invite.close} />
      <Modal opened={deleting} onClose={confirmDelete.close} title={`Delete ${o.name}?`} centered>
        <Stack>
          <Text size="sm">The occasion, its guest list and the home visits it recorded will be removed.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirmDelete.close} data-autofocus>
              Cancel
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate({ id: o.id }, { onSuccess: () => navigate('/occasions', { replace: true }), onError: failed('Not deleted') })}>
              Delete occasion
            </Button>
          </Group>
        </Stack>
      </Modal>
    </div>
  );
}

function GuestTable({ occasion: o }: { occasion: Occasion }) {
  const setState = useBookWrite('occasions.setGuestState');
  const removeGuest = useBookWrite('occasions.removeGuest');
  return (
    <Table aria-label="Guest list" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Guest</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>Since</Table.Th>
          <Table.Th w={40}>
            <VisuallyHidden>Remove</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {o.guests.map((g) => (
          <Table.Tr key={g.id}>
            <Table.Td>
              <Anchor component={Link} to={`/people/${g.person.id}`} fw={600} size="sm">
                {g.person.name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Badge color={STATE_COLORS[g.state]} variant="light" w={100}>
                  {GUEST_STATE_LABELS[g.state]}
                </Badge>
                <Select
                  aria-label={`State of ${g.person.name}`}
                  data={STATE_OPTIONS.map((s) => ({ ...s, disabled: o.day > todayInput() && (s.value === 'attended' || s.value === 'absent') }))}
                  value={g.state}
                  onChange={(state) => state && setState.mutate({ guestId: g.id, state: state as GuestState }, { onError: failed('Not changed') })}
                  allowDeselect={false}
                  size="xs"
                  w={140}
                />
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="xs" c="dimmed" title={g.history.map((h) => `${GUEST_STATE_LABELS[h.state]} ${formatDate(h.at)}`).join(' → ')}>
                {formatDate(g.changedAt)}
              </Text>
            </Table.Td>
            <Table.Td>
              <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${g.person.name} from the guest list`} onClick={() => removeGuest.mutate({ guestId: g.id }, { onError: failed('Not removed') })}>
                <IconTrash size={14} />
              </ActionIcon>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Pairings({ occasionId }: { occasionId: number }) {
  const pairings = usePairings(occasionId);
  return (
    <Panel title="Who would enjoy meeting">
      {pairings.data?.length ? (
        pairings.data.slice(0, 12).map((p) => (
          <div key={`${p.a.id}-${p.b.id}`}>
            <Text size="sm" fw={600}>
              {p.a.name} & {p.b.name}
            </Text>
            <Text size="xs" c="dimmed">
              {p.reason}
            </Text>
          </div>
        ))
      ) : (
        <Empty>{pairings.isPending ? 'Loading…' : 'No shared segments or needs among the guests yet.'}</Empty>
      )}
    </Panel>
  );
}

/** Best clients never hosted, one click from the guest list. */
function InviteSuggestions({ occasion: o }: { occasion: Occasion }) {
  const suggestions = useHospitalitySuggestions();
  const invite = useBookWrite('occasions.invite');
  const invited = new Set(o.guests.map((g) => g.person.id));
  const candidates = [...(suggestions.data?.neverHosted ?? []), ...(suggestions.data?.notRecently ?? [])].filter((s) => !invited.has(s.person.id)).slice(0, 8);
  return (
    <Panel title="Worth inviting">
      {candidates.length === 0 ? <Empty>{suggestions.isPending ? 'Loading…' : 'Every best client has been in your home or is invited.'}</Empty> : null}
      {candidates.map((s) => (
        <Group key={s.person.id} justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Anchor component={Link} to={`/people/${s.person.id}`} size="sm" fw={600}>
              {s.person.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {s.reason}
            </Text>
          </div>
          <Button size="xs" variant="light" onClick={() => invite.mutate({ occasionId: o.id, personIds: [s.person.id], withHousehold: false }, { onError: failed('Not invited') })}>
            Invite
          </Button>
        </Group>
      ))}
    </Panel>
  );
}

/** Pick people from the book; their partner and family can come along in the same step. */
function InviteDialog({ occasion: o, opened, onClose }: { occasion: Occasion; opened: boolean; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 60);
  const [chosen, setChosen] = useState<Map<number, string>>(new Map());
  const [household, setHousehold] = useState(true);
  const invite = useBookWrite('occasions.invite');
  const results = useQuery({ queryKey: ['people', 'list', { query: debounced, pick: 'guests' }], queryFn: () => call('people.list', { query: debounced, limit: 50 }), enabled: opened });
  const invited = new Set(o.guests.map((g) => g.person.id));
  const close = () => {
    setChosen(new Map());
    setQuery('');
    onClose();
  };
  const toggle = (id: number, name: string) =>
    setChosen((prev) => {
      const next = new Map(prev);
      if (next.has(id)) next.delete(id);
      else next.set(id, name);
      return next;
    });
  return (
    <Modal opened={opened} onClose={close} title={`Invite guests to ${o.name}`} size="lg">
      <Stack gap="sm">
        <TextInput label="Find people in your book" leftSection={<IconSearch size={16} aria-hidden />} value={query} onChange={(e) => setQuery(e.currentTarget.value)} data-autofocus />
        <ScrollArea.Autosize mah={300}>
          <Stack gap={4} role="group" aria-label="People to invite">
            {results.data?.items.map((p) => (
              <Checkbox
                key={p.id}
                label={p.organization ? `${p.name} · ${p.organization}` : p.name}
                checked={invited.has(p.id) || chosen.has(p.id)}
                disabled={invited.has(p.id)}
                onChange={() => toggle(p.id, p.name)}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Checkbox label="Also invite their partner and family (household)" checked={household} onChange={(e) => setHousehold(e.currentTarget.checked)} />
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {chosen.size ? `${plural(chosen.size, 'person', 'people')} chosen` : 'No one chosen yet'}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              disabled={chosen.size === 0}
              loading={invite.isPending}
              onClick={() =>
                invite.mutate(
                  { occasionId: o.id, personIds: [...chosen.keys()], withHousehold: household },
                  {
                    onSuccess: ({ added }) => {
                      notifications.show({ message: `${plural(added, 'guest')} invited.` });
                      close();
                    },
                    onError: failed('Not invited'),
                  },
                )
              }
            >
              Invite {chosen.size || ''}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
