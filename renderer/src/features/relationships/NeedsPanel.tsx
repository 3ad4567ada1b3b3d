import { ActionIcon, Badge, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheckFilled, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { NEED_STATUSES, NEED_STATUS_LABELS, type Need, type NeedStatus } from '../../../../shared/domain/relationship';
import { ApiError } from '../../../../shared/errors';
import { Empty, Panel } from '../../ui/Panel';
import { formatDay } from '../../ui/format';
import { useQuickForm } from '../../ui/useQuickForm';
import { useBookChanged } from '../people/queries';
import { useBookWrite } from './queries';

const STATUS_OPTIONS = NEED_STATUSES.map((s) => ({ value: s, label: NEED_STATUS_LABELS[s] }));

/** What they need and the problem it solves for them, each moved along noticed → met. */
export function NeedsPanel({ personId, needs }: { personId: number; needs: Need[] }) {
  const [adding, setAdding] = useState(false);
  const update = useBookWrite('needs.update');
  const remove = useBookWrite('needs.delete');
  const changed = useBookChanged();
  const failed = (error: Error) => notifications.show({ color: 'red', title: 'Not saved', message: error.message });
  // One click is cheap to repeat: a need changed elsewhere is shown as it is now, and the owner chooses again.
  const statusFailed = (error: Error) => {
    if (!(error instanceof ApiError && error.code === 'conflict' && error.version !== undefined)) return failed(error);
    notifications.show({ color: 'orange', title: 'Not changed', message: `${error.message} Its latest is shown now; choose the status again if you still want to.` });
    void changed();
  };
  return (
    <Panel
      title="Needs"
      actions={
        adding ? null : (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            Add a need
          </Button>
        )
      }
    >
      {needs.length === 0 && !adding ? <Empty>No need noted yet. Knowing one is the first question of the client test.</Empty> : null}
      {needs.map((n) => (
        <Group key={n.id} justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Group gap={6} wrap="nowrap">
              {n.status === 'met' ? <IconCircleCheckFilled size={16} color="var(--mantine-color-teal-7)" aria-hidden /> : null}
              <Text size="sm" fw={600}>
                {n.what}
              </Text>
              {n.status === 'met' ? (
                <Badge size="xs" color="teal" variant="light">
                  Met{metOn(n) ? ` ${formatDay(metOn(n) as string)}` : ''}
                </Badge>
              ) : null}
            </Group>
            {n.problem ? (
              <Text size="xs" c="dimmed">
                {n.problem}
              </Text>
            ) : null}
            {n.history.length > 1 ? (
              <Text size="xs" c="dimmed">
                {n.history.map((h) => `${NEED_STATUS_LABELS[h.to]} ${formatDay(h.on)}`).join(' → ')}
              </Text>
            ) : null}
          </div>
          <Group gap={4} wrap="nowrap">
            <Select
              aria-label={`Status of ${n.what}`}
              data={STATUS_OPTIONS}
              value={n.status}
              allowDeselect={false}
              size="xs"
              w={120}
              onChange={(status) =>
                status && update.mutate({ id: n.id, version: n.version, what: n.what, problem: n.problem, status: status as NeedStatus }, { onError: statusFailed })
              }
            />
            <ActionIcon variant="subtle" color="gray" aria-label={`Remove need: ${n.what}`} onClick={() => remove.mutate({ id: n.id }, { onError: failed })}>
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        </Group>
      ))}
      {adding ? <NeedForm personId={personId} onDone={() => setAdding(false)} /> : null}
    </Panel>
  );
}

function NeedForm({ personId, onDone }: { personId: number; onDone: () => void }) {
  const form = useQuickForm({ what: '', problem: '', status: 'noticed' });
  const add = useBookWrite('needs.add');
  return (
    <form
      aria-label="New need"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (await form.submit((v) => add.mutateAsync({ personId, what: v.what, problem: v.problem, status: v.status as NeedStatus }))) onDone();
      }}
    >
      <Stack gap="xs">
        <TextInput label="What they need" placeholder="A product or service of yours" autoFocus {...form.field('what')} />
        <Textarea label="The problem it solves for them" autosize minRows={1} {...form.field('problem')} />
        <Select label="Status" data={STATUS_OPTIONS} value={form.values.status} onChange={(status) => status && form.set({ status })} allowDeselect={false} w={160} />
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button size="xs" type="submit" loading={form.saving}>
            Save need
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The day a need was (last) met. */
function metOn(n: Need): string | null {
  return [...n.history].reverse().find((h) => h.to === 'met')?.on ?? null;
}
