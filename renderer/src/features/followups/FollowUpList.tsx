import { ActionIcon, Anchor, Badge, Button, Group, Menu, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconCheck, IconClockPause, IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { FOLLOW_UP_KIND_LABELS, isContactKind, type FollowUp } from '../../../../shared/domain/followup';
import { ApiError } from '../../../../shared/errors';
import { call } from '../../api/client';
import { dayFromToday } from '../../ui/days';
import { formatDay } from '../../ui/format';
import { useBookWrite } from '../relationships/queries';
import { downloadFile } from './queries';
import { announceTrashed } from '../trash/announceTrashed';
import { useBookChanged } from '../people/queries';

type Action = { type: 'complete' | 'snooze' | 'reschedule' | 'drop'; followUp: FollowUp } | null;

function dueText(f: FollowUp): string {
  if (f.state === 'snoozed' && f.snoozedUntil) return `Snoozed until ${formatDay(f.snoozedUntil)}`;
  return f.dueOn ? `Due ${formatDay(f.dueOn)}` : 'No date';
}

/** The message to show in a dialog's one field: the field's own message when the API gave one. */
const messageOf = (e: Error) => (e instanceof ApiError ? (Object.values(e.fields)[0] ?? e.message) : e.message);

const failed = (title: string) => (error: Error) => notifications.show({ color: 'red', title, message: error.message });

export async function exportCalendar(ids: number[] | null): Promise<void> {
  try {
    const file = await call('followUps.calendar', { ids });
    downloadFile(file.filename, file.content, 'text/calendar');
    notifications.show({ message: `Calendar file with ${file.count === 1 ? 'one follow-up' : `${file.count} follow-ups`} saved as ${file.filename}.` });
    if (file.skipped.length) {
      const listed = file.skipped.slice(0, 3).map((s) => `“${s.what}”: ${s.reason}`);
      const more = file.skipped.length > 3 ? ` And ${file.skipped.length - 3} more.` : '';
      notifications.show({ color: 'yellow', autoClose: false, title: `${file.skipped.length === 1 ? 'One follow-up' : `${file.skipped.length} follow-ups`} left out of the calendar`, message: `${listed.join(' ')}${more}` });
    }
  } catch (error) {
    failed('No calendar file')(error as Error);
  }
}

/** Open follow-ups with their actions: done (and log the touch), snooze, reschedule, drop, add to calendar. */
export function FollowUpList({ followUps, showPerson, label }: { followUps: FollowUp[]; showPerson: boolean; label: string }) {
  const [action, setAction] = useState<Action>(null);
  const close = () => setAction(null);
  const remove = useBookWrite('followUps.delete');
  const changed = useBookChanged();
  return (
    <>
      <Stack gap={0} role="list" aria-label={label}>
        {followUps.map((f) => (
          <Group
            key={f.id}
            role="listitem"
            aria-label={showPerson ? `${f.what} — ${f.person.name}` : f.what}
            justify="space-between"
            wrap="nowrap"
            py={8}
            style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
          >
            <div style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={600} truncate>
                  {f.what}
                </Text>
                <Badge size="xs" variant="light" color={f.kind === 'task' ? 'gray' : 'indigo'}>
                  {FOLLOW_UP_KIND_LABELS[f.kind]}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {showPerson ? (
                  <>
                    <Anchor component={Link} to={`/people/${f.person.id}`} size="xs" fw={600}>
                      {f.person.name}
                    </Anchor>
                    {' · '}
                  </>
                ) : null}
                {dueText(f)}
                {f.seminar ? ` · from “${f.seminar.title}”` : ''}
                {f.lastPersonalOn ? ` · last personal touch ${formatDay(f.lastPersonalOn)}` : ' · no personal touch yet'}
              </Text>
            </div>
            <Group gap={4} wrap="nowrap">
              <Button size="xs" variant="light" color="teal" leftSection={<IconCheck size={14} aria-hidden />} onClick={() => setAction({ type: 'complete', followUp: f })} aria-label={`Done: ${f.what}`}>
                Done
              </Button>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={`More for: ${f.what}`}>
                    <IconDots size={16} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconClockPause size={14} aria-hidden />} onClick={() => setAction({ type: 'snooze', followUp: f })}>
                    Snooze…
                  </Menu.Item>
                  <Menu.Item onClick={() => setAction({ type: 'reschedule', followUp: f })}>Reschedule…</Menu.Item>
                  <Menu.Item leftSection={<IconCalendarPlus size={14} aria-hidden />} disabled={!f.when} onClick={() => void exportCalendar([f.id])}>
                    Add to calendar (.ics)
                  </Menu.Item>
                  <Menu.Divider />
                  <Menu.Item color="red" onClick={() => setAction({ type: 'drop', followUp: f })}>
                    Drop…
                  </Menu.Item>
                  <Menu.Item
                    color="red"
                    onClick={() =>
                      remove.mutate(
                        { id: f.id },
                        {
                          onSuccess: ({ trashId }) => announceTrashed(`Follow-up “${f.what}” was deleted.`, trashId, changed),
                          onError: (e) => notifications.show({ color: 'red', title: 'Not deleted', message: e.message }),
                        },
                      )
                    }
                  >
                    Delete
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        ))}
      </Stack>
      {action?.type === 'complete' ? <CompleteDialog followUp={action.followUp} onClose={close} /> : null}
      {action?.type === 'snooze' || action?.type === 'reschedule' ? <DayDialog action={action.type} followUp={action.followUp} onClose={close} /> : null}
      {action?.type === 'drop' ? <DropDialog followUp={action.followUp} onClose={close} /> : null}
    </>
  );
}

/** Done; for a call, meeting, meal… the touch can be logged in the same step (it resets the cadence). */
function CompleteDialog({ followUp: f, onClose }: { followUp: FollowUp; onClose: () => void }) {
  const [note, setNote] = useState('');
  const complete = useBookWrite('followUps.complete');
  const contact = isContactKind(f.kind);
  const done = (log: boolean) =>
    complete.mutate(
      { id: f.id, log, note },
      {
        onSuccess: ({ interaction }) => {
          notifications.show({ message: interaction ? `Done, and the ${FOLLOW_UP_KIND_LABELS[f.kind].toLowerCase()} with ${f.person.name} is logged.` : `Done: ${f.what}` });
          onClose();
        },
        onError: failed('Not saved'),
      },
    );
  return (
    <Modal opened onClose={onClose} title={`Done: ${f.what}`}>
      <Stack gap="sm">
        {contact ? (
          <>
            <Text size="sm">
              Log the {FOLLOW_UP_KIND_LABELS[f.kind].toLowerCase()} with {f.person.name} today, too? It counts as a personal touch.
            </Text>
            <Textarea label="Note (optional)" placeholder={f.what} autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
          </>
        ) : (
          <Text size="sm">Mark “{f.what}” with {f.person.name} as done today?</Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          {contact ? (
            <>
              <Button variant="default" onClick={() => done(false)} loading={complete.isPending}>
                Just mark done
              </Button>
              <Button onClick={() => done(true)} loading={complete.isPending}>
                Done and log the {FOLLOW_UP_KIND_LABELS[f.kind].toLowerCase()}
              </Button>
            </>
          ) : (
            <Button onClick={() => done(false)} loading={complete.isPending} data-autofocus>
              Mark done
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

const SNOOZES = [
  { label: 'Tomorrow', days: 1 },
  { label: 'In 3 days', days: 3 },
  { label: 'Next week', days: 7 },
  { label: 'In a month', days: 30 },
];

/** Snooze until, or reschedule to, another day. */
function DayDialog({ action, followUp: f, onClose }: { action: 'snooze' | 'reschedule'; followUp: FollowUp; onClose: () => void }) {
  const [day, setDay] = useState(action === 'snooze' ? dayFromToday(7) : (f.dueOn ?? dayFromToday(1)));
  const [error, setError] = useState<string | undefined>();
  const snooze = useBookWrite('followUps.snooze');
  const reschedule = useBookWrite('followUps.reschedule');
  const save = (value: string) => {
    const done = { onSuccess: onClose, onError: (e: Error) => setError(messageOf(e)) };
    if (action === 'snooze') snooze.mutate({ id: f.id, until: value }, done);
    else reschedule.mutate({ id: f.id, dueOn: value || null }, done);
  };
  return (
    <Modal opened onClose={onClose} title={action === 'snooze' ? `Snooze: ${f.what}` : `Reschedule: ${f.what}`}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save(day);
        }}
      >
        <Stack gap="sm">
          {action === 'snooze' ? (
            <Group gap="xs">
              {SNOOZES.map((s) => (
                <Button key={s.label} size="xs" variant="light" onClick={() => save(dayFromToday(s.days))}>
                  {s.label}
                </Button>
              ))}
            </Group>
          ) : null}
          <TextInput label={action === 'snooze' ? 'Until' : 'Due'} type="date" value={day} onChange={(e) => setDay(e.currentTarget.value)} error={error} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={snooze.isPending || reschedule.isPending}>
              {action === 'snooze' ? 'Snooze' : 'Reschedule'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DropDialog({ followUp: f, onClose }: { followUp: FollowUp; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const drop = useBookWrite('followUps.drop');
  return (
    <Modal opened onClose={onClose} title={`Drop: ${f.what}`}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          drop.mutate({ id: f.id, reason }, { onSuccess: onClose, onError: (e) => setError(messageOf(e)) });
        }}
      >
        <Stack gap="sm">
          <TextInput label="Why it will not happen" placeholder="e.g. They moved away" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button color="red" type="submit" loading={drop.isPending}>
              Drop follow-up
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
