import { ActionIcon, Anchor, Badge, Button, Card, Checkbox, Group, Menu, Select, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { IconArchive, IconChecklist, IconReportAnalytics, IconDoorEnter, IconMessagePlus, IconDots, IconEdit, IconId, IconLock, IconLockOpen, IconUserPlus, IconFileImport } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import {
  formatLocalHours,
  formatSeminarDate,
  formatSeminarHours,
  MODE_LABELS,
  STATE_LABELS,
  type AttendanceMode,
  type Registration,
} from '../../../../shared/domain/seminar';
import { BackLink } from '../../ui/BackLink';
import { Counter } from '../../ui/Counter';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { NotFound } from '../../ui/NotFound';
import { localTimeZone } from './SeminarForm';
import { RegisterPeopleDialog } from './RegisterPeopleDialog';
import { SeatsWarning } from './SeatsWarning';
import { FollowUpDialog } from '../followups/FollowUpDialog';
import { useRegistrations, useSeminar, useSeminarFlags, useUpdateRegistration } from './queries';
import { TicketDetails, TicketSummary } from './TicketDetails';
import { badgesLink } from '../../print/badgeChoice';
import { DoorDevicesButton } from '../door-hub/DoorDevicesButton';

const STATE_COLORS: Record<Registration['state'], string> = { registered: 'blue', checked_in: 'teal', cancelled: 'gray', no_show: 'orange' };

export function SeminarScreen() {
  const id = Number(useParams().id);
  const seminar = useSeminar(id);
  const registrations = useRegistrations(id);
  const flags = useSeminarFlags(id);
  const update = useUpdateRegistration();
  const [registering, registerDialog] = useDisclosure(false);
  const [followingUp, followUpDialog] = useDisclosure(false);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());

  if (seminar.isPending) return <LoadingScreen />;
  if (seminar.isError) return <NotFound title="This seminar is not in your book" error={seminar.error} retry={() => seminar.refetch()} back={{ to: '/seminars', label: 'Back to Seminars' }} />;
  const s = seminar.data;
  const local = formatLocalHours(s.startsAt, s.endsAt, s.timeZone, localTimeZone());
  const rows = registrations.data ?? [];
  const registeredIds = new Set(rows.filter((r) => r.state !== 'cancelled').map((r) => r.personId));
  const chosen = rows.filter((r) => selected.has(r.id) && r.state !== 'cancelled');
  const toggle = (set: ReadonlySet<number>, id: number, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  const fail = (title: string) => (e: Error) => notifications.show({ color: 'red', title, message: e.message });

  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <Stack gap="lg" px="xl" py="lg" maw={1200}>
        <BackLink to="/seminars" label="Seminars" />
        <Stack gap="sm">
          <Stack gap={4}>
            <Group gap="sm">
              <Title order={1} size="h2">
                {s.title}
              </Title>
              {s.closed ? <Badge color="gray">Closed</Badge> : null}
              {s.archived ? <Badge color="gray" variant="outline">Archived</Badge> : null}
            </Group>
            <Text fw={500}>
              {formatSeminarDate(s.startsAt, s.timeZone)} · {formatSeminarHours(s.startsAt, s.endsAt, s.timeZone)}
            </Text>
            {local ? (
              <Text size="sm" c="dimmed">
                Your time: {local}
              </Text>
            ) : null}
            <Text size="sm" c="dimmed">
              {[s.venueName, s.venueAddress].filter(Boolean).join(', ') || 'No venue yet'}
              {s.capacity ? ` · ${s.capacity.toLocaleString()} seats` : ''}
            </Text>
            {s.streamUrl ? (
              <Anchor href={s.streamUrl} target="_blank" rel="noreferrer" size="sm">
                Live stream: {s.streamUrl.replace(/^https?:\/\//, '')}
              </Anchor>
            ) : null}
            {s.description ? (
              <Text size="sm" mt="xs" maw={760} style={{ whiteSpace: 'pre-wrap' }}>
                {s.description}
              </Text>
            ) : null}
          </Stack>
          <Group gap="sm" wrap="wrap" role="toolbar" aria-label="Seminar actions">
            {s.closed ? (
              <Button component={Link} to={`/seminars/${s.id}/review`} leftSection={<IconChecklist size={16} aria-hidden />} color="teal">
                Review and follow up
              </Button>
            ) : (
              <Button component={Link} to={`/seminars/${s.id}/check-in`} leftSection={<IconDoorEnter size={16} aria-hidden />} color="teal">
                Open check-in
              </Button>
            )}
            {s.closed ? null : <DoorDevicesButton seminarId={s.id} seminarTitle={s.title} />}
            <Button variant="light" leftSection={<IconMessagePlus size={16} aria-hidden />} onClick={followUpDialog.open}>
              Add a follow-up
            </Button>
            <Button variant="light" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={registerDialog.open} disabled={s.closed}>
              Register people
            </Button>
            <Button component={Link} to={`/seminars/${s.id}/edit`} variant="default" leftSection={<IconEdit size={16} aria-hidden />}>
              Edit
            </Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label="More seminar actions">
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component={Link} to={`/seminars/${s.id}/badges`} leftSection={<IconId size={14} />}>
                  Print badges
                </Menu.Item>
                <Menu.Item component={Link} to={`/reports/seminar/${s.id}`} leftSection={<IconReportAnalytics size={14} />}>
                  Seminar report
                </Menu.Item>
                <Menu.Item component={Link} to={`/import?seminar=${s.id}`} leftSection={<IconFileImport size={14} />} disabled={s.closed}>
                  Import attendees (Eventbrite, Zoom…)
                </Menu.Item>
                <Menu.Item
                  leftSection={s.closed ? <IconLockOpen size={14} /> : <IconLock size={14} />}
                  onClick={() => flags.close.mutate(!s.closed, { onError: fail('Could not change the seminar') })}
                >
                  {s.closed ? 'Reopen seminar' : 'Close seminar (mark no-shows)'}
                </Menu.Item>
                <Menu.Item leftSection={<IconArchive size={14} />} onClick={() => flags.archive.mutate(!s.archived, { onError: fail('Could not change the seminar') })}>
                  {s.archived ? 'Bring back from archive' : 'Archive seminar'}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Stack>

        <SimpleGrid cols={{ base: 2, md: 5 }}>
          <Counter
            label="Registered"
            value={s.counts.registered}
            detail={`${s.counts.registeredInPerson.toLocaleString()} in person${s.capacity ? ` of ${s.capacity.toLocaleString()} seats` : ''} · ${s.counts.registeredStream.toLocaleString()} stream`}
          />
          <Counter label="Checked in" value={s.counts.checkedIn} detail={`${s.counts.checkedInInPerson} in person · ${s.counts.checkedInStream} on the stream`} />
          <Counter label="Walk-ins" value={s.counts.walkIns} />
          <Counter label={s.closed ? 'No-shows' : 'Still expected'} value={s.closed ? s.counts.noShows : s.counts.expected} />
          <Counter label="Cancelled" value={s.counts.cancelled} />
        </SimpleGrid>

        <SeatsWarning seminar={s} />

        <Card withBorder radius="md" p={0} component="section" aria-label="Registrations">
          <Group justify="space-between" p="md">
            <Title order={2} size="h5">
              Registrations
            </Title>
            {chosen.length ? (
              <Group gap="xs">
                <Button size="xs" variant="light" component={Link} to={badgesLink(s.id, { who: 'selected', ids: chosen.map((r) => r.id) })} leftSection={<IconId size={14} aria-hidden />}>
                  Print badges for {chosen.length} selected
                </Button>
                <Button size="xs" variant="subtle" color="gray" onClick={() => setSelected(new Set())}>
                  Clear selection
                </Button>
              </Group>
            ) : null}
          </Group>
          {rows.length === 0 ? (
            <Text c="dimmed" size="sm" px="md" pb="md">
              No one is registered yet. Use “Register people” to add people from your book.
            </Text>
          ) : (
            <Table striped highlightOnHover verticalSpacing="xs" aria-label="Registrations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36}>
                    <Checkbox
                      aria-label="Select every registration"
                      size="xs"
                      checked={rows.length > 0 && rows.every((r) => selected.has(r.id))}
                      indeterminate={selected.size > 0 && !rows.every((r) => selected.has(r.id))}
                      onChange={(e) => setSelected(e.currentTarget.checked ? new Set(rows.map((r) => r.id)) : new Set())}
                    />
                  </Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Organization</Table.Th>
                  <Table.Th>Attending</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Ticket</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Fragment key={r.id}>
                  <Table.Tr>
                    <Table.Td>
                      <Checkbox aria-label={`Select ${r.name}`} size="xs" checked={selected.has(r.id)} onChange={(e) => setSelected(toggle(selected, r.id, e.currentTarget.checked))} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" align="flex-start">
                        {r.ticket ? (
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            size="sm"
                            aria-label={`Ticket details of ${r.name}`}
                            aria-expanded={opened.has(r.id)}
                            onClick={() => setOpened(toggle(opened, r.id, !opened.has(r.id)))}
                          >
                            {opened.has(r.id) ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                          </ActionIcon>
                        ) : null}
                        <div>
                          <Anchor component={Link} to={`/people/${r.personId}`} size="sm" fw={600}>
                            {r.name}
                          </Anchor>
                          {r.ticket ? <TicketSummary ticket={r.ticket} /> : null}
                        </div>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.organization}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`How ${r.name} attends`}
                        size="xs"
                        w={130}
                        data={Object.entries(MODE_LABELS).map(([value, label]) => ({ value, label }))}
                        value={r.mode}
                        allowDeselect={false}
                        onChange={(mode) => mode && update.mutate({ id: r.id, mode: mode as AttendanceMode }, { onError: fail('Could not change it') })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATE_COLORS[r.state]} variant="light" style={{ minWidth: 'max-content' }}>
                        {STATE_LABELS[r.state]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/seminars/${s.id}/confirmation/${r.id}`} size="sm" ff="monospace" aria-label={`Confirmation for ${r.name}, ticket ${r.ticketCode}`}>
                        {r.ticketCode}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {r.state === 'registered' || r.state === 'cancelled' ? (
                        <Tooltip label={r.state === 'cancelled' ? 'Register again' : 'Cancel this registration'}>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color={r.state === 'cancelled' ? 'indigo' : 'red'}
                            aria-label={`${r.state === 'cancelled' ? 'Restore' : 'Cancel'} registration of ${r.name}`}
                            onClick={() => update.mutate({ id: r.id, cancelled: r.state !== 'cancelled' }, { onError: fail('Could not change it') })}
                          >
                            {r.state === 'cancelled' ? 'Restore' : 'Cancel'}
                          </Button>
                        </Tooltip>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                  {r.ticket && opened.has(r.id) ? (
                    <Table.Tr>
                      <Table.Td />
                      <Table.Td colSpan={6}>
                        <TicketDetails ticket={r.ticket} name={r.name} />
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </Stack>
      <RegisterPeopleDialog seminar={s} opened={registering} onClose={registerDialog.close} registered={registeredIds} />
      <FollowUpDialog person={null} seminarId={s.id} source="seminar" opened={followingUp} onClose={followUpDialog.close} />
    </div>
  );
}
