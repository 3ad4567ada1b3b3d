import { Button, Chip, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { FOLLOW_UP_KINDS, FOLLOW_UP_KIND_LABELS, guessKind, type FollowUpKind, type FollowUpSource } from '../../../../shared/domain/followup';
import { dayFromToday } from '../../ui/days';
import { useQuickForm } from '../../ui/useQuickForm';
import { BoundaryAlert } from '../../ui/BoundaryAlert';
import { PersonPicker } from '../relationships/PersonPicker';
import { useBookWrite } from '../relationships/queries';

export const KIND_OPTIONS = FOLLOW_UP_KINDS.map((k) => ({ value: k, label: FOLLOW_UP_KIND_LABELS[k] }));

/** Quick due days offered as chips: most promises are for tomorrow or next week. */
export const QUICK_DAYS = [
  { label: 'Today', days: 0 },
  { label: 'Tomorrow', days: 1 },
  { label: 'In 3 days', days: 3 },
  { label: 'Next week', days: 7 },
];

interface Props {
  /** Who it is with; when absent, the dialog asks. */
  person: { id: number; name: string } | null;
  seminarId?: number | null;
  source: FollowUpSource;
  opened: boolean;
  onClose: () => void;
}

/** Capture a promised next step: a few words, what kind, and (optionally) by when. */
export function FollowUpDialog({ person, seminarId = null, source, opened, onClose }: Props) {
  const form = useQuickForm({ what: '', kind: 'task', dueOn: '' }, { dueOn: 'dueOn' });
  const [kindTouched, setKindTouched] = useState(false);
  const [personId, setPersonId] = useState<number | null>(person?.id ?? null);
  const create = useBookWrite('followUps.create');
  const { reset } = form;
  useEffect(() => {
    if (!opened) return;
    reset({ what: '', kind: 'task', dueOn: dayFromToday(1) });
    setKindTouched(false);
    setPersonId(person?.id ?? null);
  }, [opened]); // eslint-disable-line react-hooks/exhaustive-deps -- a fresh form each time it opens

  const save = async () => {
    const v = form.values;
    if (personId === null) {
      form.setErrors({ personId: 'Choose who it is with.' });
      return;
    }
    const ok = await form.submit(() =>
      create.mutateAsync({ personId, what: v.what, kind: v.kind as FollowUpKind, dueOn: v.dueOn || null, seminarId, source, confirmBoundaries: form.crossing !== null }),
    );
    if (ok) {
      notifications.show({ message: `Follow-up saved: ${v.what.trim()}` });
      onClose();
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={person ? `Follow-up with ${person.name}` : 'New follow-up'} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}
      >
        <Stack gap="sm">
          {person ? null : <PersonPicker label="With" value={personId} onChange={setPersonId} error={form.errors.personId} />}
          <TextInput
            label="What you promised"
            placeholder="e.g. Call about the referral workshop"
            data-autofocus
            value={form.values.what}
            onChange={(e) => {
              const what = e.currentTarget.value;
              form.set(kindTouched ? { what } : { what, kind: guessKind(what) });
            }}
            error={form.errorOf('what')}
          />
          <SimpleGrid cols={2}>
            <Select
              label="Kind"
              data={KIND_OPTIONS}
              value={form.values.kind}
              onChange={(kind) => {
                if (!kind) return;
                setKindTouched(true);
                form.set({ kind });
              }}
              allowDeselect={false}
            />
            <TextInput label="Due (optional)" type="date" {...form.field('dueOn')} />
          </SimpleGrid>
          <Group gap="xs" role="group" aria-label="Quick due days">
            {QUICK_DAYS.map((q) => (
              <Chip key={q.label} size="xs" checked={form.values.dueOn === dayFromToday(q.days)} onChange={() => form.set({ dueOn: dayFromToday(q.days) })}>
                {q.label}
              </Chip>
            ))}
            <Chip size="xs" checked={form.values.dueOn === ''} onChange={() => form.set({ dueOn: '' })}>
              No date
            </Chip>
          </Group>
          <BoundaryAlert message={form.crossing} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.saving}>
              {form.crossing ? 'Save anyway' : 'Save follow-up'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
