import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { INTERACTION_KINDS, LOGGED_KINDS, type Interaction, type InteractionKind } from '../../../../shared/domain/relationship';
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

  useEffect(() => {
    if (!opened) return;
    reset(interaction ? { kind: interaction.kind, on: interaction.on, note: interaction.note } : { kind: 'meeting', on: todayInput(), note: '' });
    restart(interaction?.version ?? 0);
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
    const logged = await form.submit(() => log.mutateAsync({ personId: person.id, ...input }));
    if (logged) {
      // A touch that fulfils an open follow-up completes it: say so, so nobody wonders where it went.
      const done = logged.completedFollowUps.length ? ` Also done: ${logged.completedFollowUps.join('; ')}.` : '';
      notifications.show({ message: `${INTERACTION_KINDS[input.kind].label} with ${person.name} logged.${done}` });
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
          {versioned.stale ? <StaleCopyAlert stale={versioned.stale} onReload={() => void reloadLatest()} onOverwrite={versioned.overwrite} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.saving}>
              {interaction ? 'Save touch' : 'Log touch'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
