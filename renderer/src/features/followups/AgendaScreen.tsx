import { DateReminders } from '../dates/DateReminders';
import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconCalendarDown, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { AGENDA_BUCKETS, AGENDA_LABELS, type AgendaBucket } from '../../../../shared/domain/followup';
import { PageHeader } from '../../ui/PageHeader';
import { plural } from '../../ui/format';
import { FollowUpDialog } from './FollowUpDialog';
import { exportCalendar, FollowUpList } from './FollowUpList';
import { useAgenda, useDueSummary } from './queries';

const BUCKET_COLORS: Record<AgendaBucket, string> = { overdue: 'red', today: 'orange', week: 'indigo', later: 'gray' };

/** Every open follow-up in the book: Overdue, Today, This week, Later. N adds one. */
export function AgendaScreen() {
  const agenda = useAgenda(null);
  const summary = useDueSummary();
  const [adding, add] = useDisclosure(false);
  useHotkeys([['N', add.open]]);
  const open = agenda.data ? AGENDA_BUCKETS.reduce((n, b) => n + agenda.data[b].length, 0) : 0;
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <PageHeader
        title="Agenda"
        subtitle={agenda.data ? `${plural(open, 'open follow-up')}` : ' '}
        actions={
          <Group gap="sm">
            <Button variant="default" leftSection={<IconCalendarDown size={16} aria-hidden />} onClick={() => void exportCalendar(null)} disabled={open === 0}>
              Export to calendar (.ics)
            </Button>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={add.open}>
              New follow-up
            </Button>
          </Group>
        }
      />
      <Stack gap="lg" px="xl" pb="xl" maw={1100}>
        {summary.data && summary.data.dueToReconnect > 0 ? (
          <Alert color="grape" variant="light" title={`${plural(summary.data.dueToReconnect, 'person is', 'people are')} due to reconnect`}>
            Their last personal touch is older than their keep-in-touch cadence.{' '}
            <Text component={Link} to="/relationships?list=dueToReconnect" c="var(--mantine-color-grape-text)" fw={600} size="sm">
              Plan a follow-up for each
            </Text>
          </Alert>
        ) : null}
        <DateReminders />
        {agenda.data && open === 0 ? (
          <Text c="dimmed" ta="center" py={48}>
            Nothing is waiting. Capture a next step at the check-in table, on a person’s page, or here (N).
          </Text>
        ) : null}
        {agenda.data
          ? AGENDA_BUCKETS.filter((b) => agenda.data[b].length > 0).map((b) => (
              <section key={b} aria-label={AGENDA_LABELS[b]}>
                <Group gap="xs" mb={4}>
                  <Title order={2} size="h4">
                    {AGENDA_LABELS[b]}
                  </Title>
                  <Badge color={BUCKET_COLORS[b]} variant="light">
                    {agenda.data[b].length}
                  </Badge>
                </Group>
                <FollowUpList followUps={agenda.data[b]} showPerson label={`${AGENDA_LABELS[b]} follow-ups`} />
              </section>
            ))
          : null}
      </Stack>
      <FollowUpDialog person={null} source="person" opened={adding} onClose={add.close} />
    </div>
  );
}
