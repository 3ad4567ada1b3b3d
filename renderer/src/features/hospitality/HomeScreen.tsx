import { Anchor, Badge, Button, Card, Grid, Group, RingProgress, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconHome, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { StandingList } from '../../../../shared/domain/relationship';
import { STANDING_LIST_INFO } from '../../../../shared/domain/relationship';
import { formatSeminarDate } from '../../../../shared/domain/seminar';
import { formatDay, plural } from '../../ui/format';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { PageHeader } from '../../ui/PageHeader';
import { Empty } from '../../ui/Panel';
import { useDueSummary } from '../followups/queries';
import { EmptyBook } from '../people/EmptyBook';
import { useAppInfo } from '../people/queries';
import { useStandingCounts } from '../relationships/queries';
import { useSeminars } from '../seminars/queries';
import { useHospitalitySuggestions, useIntimacy, useOccasions } from './queries';

function Section({ title, children, action }: { title: string; children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label={title} h="100%">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {title}
        </Title>
        {action}
      </Group>
      <Stack gap="xs">{children}</Stack>
    </Card>
  );
}

/** The landing page: the intimacy measure first, then what needs doing and what is coming. */
export function HomeScreen() {
  const info = useAppInfo();
  if (info.isPending) return <LoadingScreen />;
  if (info.data && info.data.peopleCount === 0) return <EmptyBook />;
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <PageHeader title="Home" subtitle={new Intl.DateTimeFormat(undefined, { dateStyle: 'full' }).format(new Date())} />
      <Stack gap="lg" px="xl" pb="xl" maw={1300}>
        <Intimacy />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Agenda />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Lists />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Coming />
          </Grid.Col>
        </Grid>
      </Stack>
    </div>
  );
}

function Intimacy() {
  const m = useIntimacy().data;
  const suggestions = useHospitalitySuggestions().data;
  if (!m) return null;
  const share = m.top ? Math.round((m.hosted / m.top) * 100) : 0;
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label="Intimacy">
      <Grid gap="lg" align="center">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Group wrap="nowrap" gap="lg">
            <RingProgress
              size={132}
              thickness={12}
              roundCaps
              sections={[{ value: share, color: 'grape' }]}
              label={
                <ThemeIcon variant="light" color="grape" radius="xl" size={56} mx="auto" aria-hidden>
                  <IconHome size={30} />
                </ThemeIcon>
              }
            />
            <Stack gap={4}>
              <Text fz={28} fw={800} lh={1.15} role="status" aria-label="Intimacy measure">
                {m.top === 0 ? 'No clients yet' : `${m.hosted} of your top ${m.top} clients have been in your home`}
              </Text>
              <Text size="sm" c="dimmed">
                The plainest measure of intimacy there is. Top clients by rapport score; you look at the top {m.topSetting} (Settings).
              </Text>
              <Group gap="xs" mt={4}>
                <Button component={Link} to="/occasions/new" size="xs">
                  Plan an occasion
                </Button>
                <Button component={Link} to="/occasions" size="xs" variant="default">
                  At home
                </Button>
              </Group>
            </Stack>
          </Group>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Table aria-label="Top clients" verticalSpacing={3} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Top client</Table.Th>
                  <Table.Th ta="right">Score</Table.Th>
                  <Table.Th ta="center">In my home</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {m.clients.slice(0, 8).map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/people/${c.id}`} size="sm">
                        {c.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">{c.score}</Table.Td>
                    <Table.Td ta="center">
                      {c.timesHosted ? (
                        <IconCheck size={16} color="var(--mantine-color-grape-7)" aria-label={`Yes, ${plural(c.timesHosted, 'time')}`} />
                      ) : (
                        <IconX size={16} color="var(--mantine-color-gray-5)" aria-label="Never" />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Stack gap={6} aria-label="Never in your home">
              <Text size="xs" c="dimmed" fw={700} tt="uppercase">
                Best clients never in your home
              </Text>
              {suggestions?.neverHosted.length ? (
                suggestions.neverHosted.slice(0, 5).map((s) => (
                  <div key={s.person.id}>
                    <Anchor component={Link} to={`/people/${s.person.id}`} size="sm" fw={600}>
                      {s.person.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {s.reason}
                    </Text>
                  </div>
                ))
              ) : (
                <Empty>Every top client has been in your home.</Empty>
              )}
              {suggestions?.notRecently.length ? (
                <Text size="xs" c="dimmed">
                  And {plural(suggestions.notRecently.length, 'client')} not hosted in the last twelve months.
                </Text>
              ) : null}
            </Stack>
          </SimpleGrid>
        </Grid.Col>
      </Grid>
    </Card>
  );
}

function Agenda() {
  const due = useDueSummary().data;
  return (
    <Section title="Today" action={<Anchor component={Link} to="/agenda" size="sm">Agenda</Anchor>}>
      {due ? (
        <>
          <Line label="Follow-ups overdue" value={due.overdue} color="red" to="/agenda" />
          <Line label="Follow-ups due today" value={due.today} color="orange" to="/agenda" />
          <Line label="Due to reconnect" value={due.dueToReconnect} color="grape" to="/relationships?list=dueToReconnect" />
        </>
      ) : null}
    </Section>
  );
}

function Line({ label, value, color, to }: { label: string; value: number; color: string; to: string }) {
  return (
    <Group justify="space-between">
      <Anchor component={Link} to={to} size="sm" c="var(--mantine-color-text)">
        {label}
      </Anchor>
      <Badge color={value ? color : 'gray'} variant={value ? 'filled' : 'light'}>
        {value}
      </Badge>
    </Group>
  );
}

/** The lists Home shows (Due to reconnect is told on the agenda). */
const HOME_LISTS: readonly StandingList[] = ['ready', 'atRisk', 'futureClients'];

function ListLine({ list }: { list: StandingList }) {
  const total = useStandingCounts(HOME_LISTS).data?.[list];
  return <Line label={STANDING_LIST_INFO[list].title} value={total ?? 0} color={list === 'atRisk' ? 'red' : 'teal'} to={`/relationships?list=${list}`} />;
}

function Lists() {
  return (
    <Section title="Relationships" action={<Anchor component={Link} to="/relationships" size="sm">Open</Anchor>}>
      {HOME_LISTS.map((list) => (
        <ListLine key={list} list={list} />
      ))}
    </Section>
  );
}

function Coming() {
  const occasions = useOccasions('upcoming').data ?? [];
  const seminars = useSeminars('upcoming').data ?? [];
  const empty = occasions.length === 0 && seminars.length === 0;
  return (
    <Section title="Coming up">
      {empty ? <Empty>Nothing planned.</Empty> : null}
      {occasions.slice(0, 3).map((o) => (
        <Group key={`o${o.id}`} justify="space-between" wrap="nowrap">
          <Anchor component={Link} to={`/occasions/${o.id}`} size="sm">
            {o.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatDay(o.day)} · {o.counts.accepted} accepted
          </Text>
        </Group>
      ))}
      {seminars.slice(0, 3).map((s) => (
        <Group key={`s${s.id}`} justify="space-between" wrap="nowrap">
          <Anchor component={Link} to={`/seminars/${s.id}`} size="sm">
            {s.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatSeminarDate(s.startsAt, s.timeZone)} · {s.registered} registered
          </Text>
        </Group>
      ))}
    </Section>
  );
}
