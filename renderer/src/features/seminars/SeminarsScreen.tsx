import { Badge, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconBroadcast, IconMapPin, IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { formatSeminarDate, formatSeminarHours } from '../../../../shared/domain/seminar';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { PageHeader } from '../../ui/PageHeader';
import { plural } from '../../ui/format';
import { useSeminars, type SeminarWhen } from './queries';

const TABS: { value: NonNullable<SeminarWhen>; label: string; empty: string }[] = [
  { value: 'upcoming', label: 'Upcoming', empty: 'No seminars planned yet.' },
  { value: 'past', label: 'Past', empty: 'No past seminars.' },
  { value: 'archived', label: 'Archived', empty: 'Nothing archived.' },
];

export function SeminarsScreen() {
  const [params, setParams] = useSearchParams();
  const when = TABS.find((t) => t.value === params.get('when'))?.value ?? 'upcoming';
  const seminars = useSeminars(when);
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <PageHeader
        title="Seminars"
        actions={
          <Button component={Link} to="/seminars/new" leftSection={<IconPlus size={16} aria-hidden />}>
            New seminar
          </Button>
        }
      />
      <Stack px="xl" pb="xl" gap="md" maw={1000}>
        <SegmentedControl
          aria-label="Which seminars"
          value={when}
          onChange={(value) => setParams({ when: value }, { replace: true })}
          data={TABS.map((t) => ({ value: t.value, label: t.label }))}
          style={{ alignSelf: 'flex-start' }}
        />
        {seminars.isPending ? <LoadingScreen /> : null}
        {seminars.isError ? <Text c="red">{seminars.error.message}</Text> : null}
        {seminars.data?.length === 0 ? (
          <Text c="dimmed" py="xl">
            {TABS.find((t) => t.value === when)?.empty}
          </Text>
        ) : null}
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={`${when} seminars`}>
          {seminars.data?.map((s) => (
            <Card key={s.id} component="li" withBorder radius="md" p="md">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Text component={Link} to={`/seminars/${s.id}`} fw={650} size="lg" c="var(--mantine-color-indigo-text)">
                    {s.title}
                  </Text>
                  <Text size="sm">
                    {formatSeminarDate(s.startsAt, s.timeZone)} · {formatSeminarHours(s.startsAt, s.endsAt, s.timeZone)}
                  </Text>
                  <Group gap="md">
                    {s.venueName ? (
                      <Group gap={4}>
                        <IconMapPin size={14} aria-hidden />
                        <Text size="sm" c="dimmed">
                          {s.venueName}
                        </Text>
                      </Group>
                    ) : null}
                    {s.streaming ? (
                      <Group gap={4}>
                        <IconBroadcast size={14} aria-hidden />
                        <Text size="sm" c="dimmed">
                          Live-streamed
                        </Text>
                      </Group>
                    ) : null}
                  </Group>
                </Stack>
                <Stack gap={4} align="flex-end">
                  <Text size="sm" fw={600}>
                    {plural(s.registered, 'registration')}
                  </Text>
                  {s.checkedIn > 0 ? (
                    <Text size="sm" c="dimmed">
                      {s.checkedIn.toLocaleString()} checked in
                    </Text>
                  ) : null}
                  {s.closed ? <Badge color="gray">Closed</Badge> : null}
                </Stack>
              </Group>
            </Card>
          ))}
        </Stack>
      </Stack>
    </div>
  );
}
