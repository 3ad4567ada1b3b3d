import { ActionIcon, Badge, Button, Group, Modal, Stack, Text, Timeline } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconCalendarEvent,
  IconChecklist,
  IconEdit,
  IconHeartHandshake,
  IconMessageCircle,
  IconShoppingBag,
  IconSpeakerphone,
  IconStairsUp,
  IconTargetArrow,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { Interaction, TimelineEntry } from '../../../../shared/domain/relationship';
import { formatDay } from '../../ui/format';
import { Empty, Panel } from '../../ui/Panel';
import { LogTouchDialog } from './LogTouchDialog';
import { announceTrashed } from '../trash/announceTrashed';
import { useBookChanged } from '../people/queries';
import { useBookWrite, useTimeline } from './queries';

const ICONS: Record<TimelineEntry['type'], typeof IconMessageCircle> = {
  interaction: IconMessageCircle,
  seminar: IconCalendarEvent,
  stage: IconStairsUp,
  clientTest: IconChecklist,
  purchase: IconShoppingBag,
  advocacy: IconHeartHandshake,
  need: IconTargetArrow,
};

/** Everything that happened with this person, newest first; logged touches can be changed or removed. */
export function TimelinePanel({ person, onLog }: { person: { id: number; name: string }; onLog: () => void }) {
  const timeline = useTimeline(person.id);
  const remove = useBookWrite('interactions.delete');
  const changed = useBookChanged();
  const [editing, setEditing] = useState<Interaction | null>(null);
  const [deleting, setDeleting] = useState<Extract<TimelineEntry, { type: 'interaction' }> | null>(null);
  const [editOpen, edit] = useDisclosure(false);
  const entries = timeline.data ?? [];

  return (
    <Panel
      title="Timeline"
      actions={
        <Button size="xs" variant="light" leftSection={<IconMessageCircle size={14} aria-hidden />} onClick={onLog}>
          Log a touch
        </Button>
      }
    >
      {entries.length === 0 ? (
        <Empty>{timeline.isPending ? 'Loading…' : 'Nothing yet. Log a call, a coffee or a message to start the story.'}</Empty>
      ) : (
        <Timeline bulletSize={24} lineWidth={2} aria-label="Timeline entries">
          {entries.map((e, i) => {
            const Icon = e.type === 'interaction' && !e.personal ? IconSpeakerphone : ICONS[e.type];
            return (
              <Timeline.Item key={e.type === 'need' ? `need-${e.id}-${i}` : `${e.type}-${e.id}`} bullet={<Icon size={13} aria-hidden />} color={e.type === 'interaction' && !e.personal ? 'gray' : 'indigo'}>
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <Group gap={6}>
                      <Text size="sm" fw={600}>
                        {e.title}
                      </Text>
                      {e.type === 'interaction' && !e.personal ? (
                        <Badge size="xs" variant="outline" color="gray">
                          Broadcast
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {formatDay(e.on)}
                    </Text>
                    {e.note ? (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {e.note}
                      </Text>
                    ) : null}
                  </div>
                  {e.type === 'interaction' ? (
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Change ${e.title.toLowerCase()} of ${formatDay(e.on)}`}
                        onClick={() => {
                          setEditing({ id: e.id, kind: e.kind, on: e.on, note: e.note, version: e.version });
                          edit.open();
                        }}
                      >
                        <IconEdit size={14} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="gray" aria-label={`Delete ${e.title.toLowerCase()} of ${formatDay(e.on)}`} onClick={() => setDeleting(e)}>
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Group>
                  ) : null}
                </Group>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      <LogTouchDialog person={person} interaction={editing} opened={editOpen} onClose={edit.close} />
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title="Delete this touch?" centered>
        <Stack>
          <Text size="sm">
            {deleting?.title} of {deleting ? formatDay(deleting.on) : ''} will be removed from {person.name}’s timeline and score.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                deleting &&
                remove.mutate(
                  { id: deleting.id },
                  {
                    onSuccess: ({ trashId }) => {
                      announceTrashed(`${deleting.title} on ${formatDay(deleting.on)} was deleted.`, trashId, changed);
                      setDeleting(null);
                    },
                    onError: (error) => notifications.show({ color: 'red', title: 'Not deleted', message: error.message }),
                  },
                )
              }
            >
              Delete touch
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Panel>
  );
}
