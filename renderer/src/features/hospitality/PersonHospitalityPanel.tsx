import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { GUEST_STATE_LABELS } from '../../../../shared/domain/hospitality';
import { formatDay } from '../../ui/format';
import { Field, Panel } from '../../ui/Panel';
import { usePersonHospitality } from './queries';

/** Has this person been in my home: how often, when last, and invitations declined. */
export function PersonHospitalityPanel({ personId }: { personId: number }) {
  const h = usePersonHospitality(personId).data;
  if (!h) return null;
  return (
    <Panel title="In my home">
      <Group gap="lg" align="flex-start">
        <Field label="Has been in my home">
          <Badge color={h.hasBeenInMyHome ? 'grape' : 'gray'} variant={h.hasBeenInMyHome ? 'filled' : 'light'}>
            {h.hasBeenInMyHome ? 'Yes' : 'No'}
          </Badge>
        </Field>
        <Field label="Times hosted">
          <Text size="sm" fw={600}>
            {h.timesHosted}
          </Text>
        </Field>
        <Field label="Last hosted">
          <Text size="sm">{h.lastHosted ? formatDay(h.lastHosted) : 'Never'}</Text>
        </Field>
        <Field label="Invitations declined">
          <Text size="sm">{h.invitationsDeclined}</Text>
        </Field>
      </Group>
      {h.occasions.length ? (
        <Stack gap={2}>
          {h.occasions.slice(0, 6).map((o) => (
            <Text key={o.id} size="sm">
              <Anchor component={Link} to={`/occasions/${o.id}`}>
                {o.name}
              </Anchor>{' '}
              <Text span c="dimmed" size="xs">
                {formatDay(o.day)} · {GUEST_STATE_LABELS[o.state]}
              </Text>
            </Text>
          ))}
        </Stack>
      ) : null}
    </Panel>
  );
}
