import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatSeminarDate, MODE_LABELS, STATE_LABELS } from '../../../../shared/domain/seminar';
import { usePersonSeminars } from './queries';

/** On a person's page: every seminar they registered for, and whether and how they came. */
export function PersonSeminars({ personId }: { personId: number }) {
  const seminars = usePersonSeminars(personId);
  if (!seminars.data?.length) {
    return (
      <Text size="sm" c="dimmed">
        {seminars.isPending ? 'Loading…' : 'Not registered for any seminar yet.'}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {seminars.data.map((s) => (
        <Group key={s.registrationId} justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Anchor component={Link} to={`/seminars/${s.seminarId}`} size="sm" fw={600}>
              {s.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {formatSeminarDate(s.startsAt, s.timeZone)} · {MODE_LABELS[s.mode]}
              {s.source === 'walk_in' ? ' · walk-in' : ''}
            </Text>
          </div>
          <Badge variant="light" color={s.state === 'checked_in' ? 'teal' : s.state === 'no_show' ? 'orange' : 'gray'}>
            {s.state === 'checked_in' ? 'Attended' : STATE_LABELS[s.state]}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}
