import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCake, IconCalendarPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { dateTitle } from '../../../../shared/domain/important-dates';
import { call } from '../../api/client';
import { formatDay } from '../../ui/format';
import { downloadFile } from '../followups/queries';
import { useUpcomingDates } from './queries';

const when = (inDays: number) => (inDays === 0 ? 'today' : inDays === 1 ? 'tomorrow' : `in ${inDays} days`);

/** The agenda's reminders of birthdays, anniversaries and life events, each from its own number of days ahead. */
export function DateReminders() {
  const upcoming = useUpcomingDates().data ?? [];
  const exportDates = async () => {
    try {
      const file = await call('dates.calendar', { personId: null });
      downloadFile(file.filename, file.content, 'text/calendar');
      notifications.show({ message: `${file.count} dates exported as yearly calendar events.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not exported', message: error instanceof Error ? error.message : String(error) });
    }
  };
  if (upcoming.length === 0) return null;
  return (
    <section aria-label="Important dates coming up">
      <Group gap="xs" mb={4} justify="space-between">
        <Group gap="xs">
          <Title order={2} size="h4">
            Important dates
          </Title>
          <Badge color="pink" variant="light">
            {upcoming.length}
          </Badge>
        </Group>
        <Button size="xs" variant="default" leftSection={<IconCalendarPlus size={14} aria-hidden />} onClick={() => void exportDates()}>
          Export dates to calendar
        </Button>
      </Group>
      <Stack gap={0} role="list" aria-label="Important dates coming up">
        {upcoming.map((r) => (
          <Group key={r.date.id} role="listitem" gap="sm" wrap="nowrap" py={8} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <IconCake size={16} aria-hidden />
            <Text size="sm">
              <Anchor component={Link} to={`/people/${r.person.id}`} fw={600}>
                {r.person.name}
              </Anchor>
              {`: ${dateTitle(r.date)} ${when(r.inDays)} (${formatDay(r.on)})`}
              {r.years !== null ? ` — ${r.date.kind === 'birthday' ? 'turns' : 'marks'} ${r.years}` : ''}
            </Text>
          </Group>
        ))}
      </Stack>
    </section>
  );
}
