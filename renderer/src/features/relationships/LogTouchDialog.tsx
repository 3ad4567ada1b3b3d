import { Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { call } from '../../api/client';
import { BoundaryAlert } from '../../ui/BoundaryAlert';
import { formatDay } from '../../ui/format';
import { useAgenda } from '../followups/queries';
import { INTERACTION_KINDS, LOGGED_KINDS, type CompletedFollowUp, type Interaction, type InteractionKind } from '../../../../shared/domain/relationship';
import { AGENDA_BUCKETS, type FollowUp } from '../../../../shared/domain/followup';
import { StaleCopyAlert } from '../../ui/StaleCopyAlert';
import { useQuickForm } from '../../ui/useQuickForm';
import { useVersionedSave } from '../../ui/useVersionedSave';
import { todayInput } from '../../ui/days';
import { useBookChanged } from '../people/queries';
import { useBookWrite } from './queries';

const KIND_OPTIONS = [
  { group: 'Personal', items: LOGGED_KINDS.filter((k) => INTERACTION_KINDS[k].personal).map((k) => ({ value: k, label: INTERACTION_KINDS[k].label })) },
  {
    group: 'Broadcast (does not build rapport)',
    items: LOGGED_KINDS.filter((k) => !INTERACTION_KINDS[k].personal).map((k) => ({ value: k, label: INTERACTION_KINDS[k].label })),
  },
];

interface Props {
  person: { id: number; name: string };
  /** Given to change a logged touch; absent to log a new one. */
  interaction?: Interaction | null;
  opened: boolean;
  onClose: () => void;
}

/** Log a touch (or change one): kind, day, a note. Enter in the note field with Ctrl saves. */
export function LogTouchDialog({ person, interaction = null, opened, onClose }: Props) {
  const form = useQuickForm({ kind: 'meeting', on: todayInput(), note: '' });
  const log = useBookWrite('interactions.log');
  const update = useBookWrite('interactions.update');
  const changed = useBookChanged();
  const versioned = useVersionedSave(interaction?.version ?? 0);
  const { reset } = form;
  const { restart } = versioned;
  const agenda = useAgenda(person.id, opened && !interaction);
  // Open follow-ups of the kind chosen: those already due are ticked (the rule); those ahead only if ticked here.
  const sameKind = useMemo(() => {
    const data = agenda.data;
    if (!data || interaction) return [];
    return AGENDA_BUCKETS.flatMap((b) => data[b]).filter((f) => f.person.id === person.id && f.kind === form.values.kind);
  }, [agenda.data, interaction, person.id, form.values.kind]);
  const [ticked, setTicked] = useState<Record<number, boolean>>({});
  const isTicked = (f: FollowUp) => ticked[f.id] ?? (f.when !== null && f.when <= todayInput());

  useEffect(() => {
    if (!opened) return;
    reset(interaction ? { kind: interaction.kind, on: interaction.on, note: interaction.note } : { kind: 'meeting', on: todayInput(), note: '' });
    restart(interaction?.version ?? 0);
    setTicked({});
  }, [opened, interaction]); // eslint-disable-line react-hooks/exhaustive-deps -- reset when the dialog opens, not on every render

  // Their latest is what the timeline shows once it is fetched again; the owner can change it from there.
  const reloadLatest = async () => {
    await changed();
    notifications.show({ message: 'The timeline shows their latest version of this touch.' });
    onClose();
  };

  const save = async () => {
    const input = { kind: form.values.kind as InteractionKind, on: form.values.on, note: form.values.note };
    if (interaction) {
      if (await form.submit(() => versioned.save((version) => update.mutateAsync({ id: interaction.id, version, ...input })))) {
        notifications.show({ message: 'Touch changed.' });
        onClose();
      }
      return;
    }
    const completeFollowUps = sameKind.filter(isTicked).map((f) => f.id);
    const logged = await form.submit(() => log.mutateAsync({ personId: person.id, ...input, completeFollowUps, confirmBoundaries: form.crossing !== null }));
    if (logged) {
      // A touch that fulfils an open follow-up completes it: say which, with Undo, so nobody wonders where it went.
      announceLogged(`${INTERACTION_KINDS[input.kind].label} with ${person.name} logged.`, logged.completedFollowUps, changed);
      onClose();
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={interaction ? `Change a touch with ${person.name}` : `Log a touch with ${person.name}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}
        noValidate
      >
        <Stack gap="sm">
          <Select
            label="Kind"
            data={KIND_OPTIONS}
            value={form.values.kind}
            onChange={(kind) => kind && form.set({ kind })}
            allowDeselect={false}
            error={form.errorOf('kind')}
            data-autofocus
          />
          <TextInput label="Date" type="date" max={todayInput()} {...form.field('on')} />
          <Textarea label="Note" placeholder="What you talked about, what you promised" autosize minRows={2} {...form.field('note')} />
          {sameKind.length ? (
            <Stack gap={4} role="group" aria-label="Also mark done">
              <Text size="sm" fw={600}>
                Also mark done
              </Text>
              {sameKind.map((f) => (
                <Checkbox
                  key={f.id}
                  checked={isTicked(f)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setTicked((t) => ({ ...t, [f.id]: on }));
                  }}
                  label={`${f.what} — ${f.when ? `due ${formatDay(f.when)}` : 'no day yet'}`}
                />
              ))}
            </Stack>
          ) : null}
          <BoundaryAlert message={form.crossing} />
          {versioned.stale ? <StaleCopyAlert stale={versioned.stale} onReload={() => void reloadLatest()} onOverwrite={versioned.overwrite} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.saving}>
              {interaction ? 'Save touch' : form.crossing ? 'Log anyway' : 'Log touch'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The toast after a touch is logged: the follow-ups it completed, by name, with Undo that reopens them as they were. */
export function announceLogged(message: string, completed: CompletedFollowUp[], changed: () => Promise<unknown>): void {
  if (!completed.length) {
    notifications.show({ message });
    return;
  }
  const id = `logged-${Date.now()}`;
  const undo = async () => {
    notifications.hide(id);
    await call('followUps.reopen', { items: completed.map((c) => ({ id: c.id, snoozedUntil: c.snoozedUntil })) });
    await changed();
    notifications.show({ message: `Reopened: ${completed.map((c) => c.what).join('; ')}` });
  };
  notifications.show({
    id,
    autoClose: 10_000,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">
          {message} Also done: {completed.map((c) => c.what).join('; ')}.
        </Text>
        <Button size="compact-sm" variant="light" onClick={() => void undo()}>
          Undo
        </Button>
      </Group>
    ),
  });
}
