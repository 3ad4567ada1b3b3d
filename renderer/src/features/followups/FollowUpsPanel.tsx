import { Badge, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { AGENDA_BUCKETS, AGENDA_LABELS } from '../../../../shared/domain/followup';
import type { Relationship } from '../../../../shared/domain/relationship';
import { formatDay } from '../../ui/format';
import { Empty, Panel } from '../../ui/Panel';
import { useBookWrite } from '../relationships/queries';
import { FollowUpDialog } from './FollowUpDialog';
import { FollowUpList } from './FollowUpList';
import { useAgenda, useClosedFollowUps } from './queries';

/** A person's open follow-ups by when they come up, the latest done ones, and their keep-in-touch cadence. */
export function FollowUpsPanel({ person, relationship }: { person: { id: number; name: string }; relationship: Relationship }) {
  const agenda = useAgenda(person.id);
  const closed = useClosedFollowUps(person.id);
  const [adding, add] = useDisclosure(false);
  const open = agenda.data ? AGENDA_BUCKETS.flatMap((b) => agenda.data[b].map((f) => ({ ...f, bucket: b }))) : [];
  return (
    <Panel
      title="Follow-ups"
      actions={
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={add.open}>
          Add a follow-up
        </Button>
      }
    >
      <Cadence personId={person.id} cadence={relationship.cadence} />
      {agenda.data && open.length === 0 ? <Empty>Nothing promised right now.</Empty> : null}
      {AGENDA_BUCKETS.map((b) => {
        const items = open.filter((f) => f.bucket === b);
        return items.length ? (
          <Stack key={b} gap={0}>
            <Text size="xs" c={b === 'overdue' ? 'red' : 'dimmed'} fw={700} tt="uppercase">
              {AGENDA_LABELS[b]}
            </Text>
            <FollowUpList followUps={items} showPerson={false} label={`${AGENDA_LABELS[b]} follow-ups with ${person.name}`} />
          </Stack>
        ) : null;
      })}
      {closed.data?.length ? (
        <Stack gap={2} aria-label="Finished follow-ups">
          <Text size="xs" c="dimmed" fw={700} tt="uppercase">
            Finished
          </Text>
          {closed.data.slice(0, 5).map((f) => (
            <Text key={f.id} size="sm" c="dimmed">
              {f.state === 'done' ? `Done ${formatDay(f.doneOn ?? '')}` : `Dropped (${f.dropReason})`}: {f.what}
            </Text>
          ))}
        </Stack>
      ) : null}
      <FollowUpDialog person={person} source="person" opened={adding} onClose={add.close} />
    </Panel>
  );
}

function Cadence({ personId, cadence }: { personId: number; cadence: Relationship['cadence'] }) {
  const [days, setDays] = useState<number | ''>(cadence.own ?? '');
  useEffect(() => setDays(cadence.own ?? ''), [cadence.own]);
  const set = useBookWrite('people.setCadence');
  const save = () => {
    const value = days === '' ? null : days;
    if (value === cadence.own) return;
    set.mutate(
      { personIds: [personId], days: value },
      { onError: (error) => notifications.show({ color: 'red', title: 'Cadence not saved', message: error.message }) },
    );
  };
  return (
    <Group gap="sm" align="flex-end">
      <NumberInput
        label="Keep in touch every (days)"
        description={`Empty: their stage’s ${cadence.stageDefault} days`}
        placeholder={String(cadence.stageDefault)}
        min={1}
        max={3650}
        allowDecimal={false}
        value={days}
        onChange={(v) => setDays(typeof v === 'number' ? v : '')}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && save()}
        w={220}
      />
      {cadence.due ? (
        <Badge color="grape" variant="light" mb={4}>
          Due to reconnect
        </Badge>
      ) : null}
    </Group>
  );
}
