import { ActionIcon, Button, Checkbox, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCake, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { DATE_KINDS, DATE_KIND_LABELS, dateTitle, nextOccurrence, type DateKind, type ImportantDate } from '../../../../shared/domain/important-dates';
import { ApiError } from '../../../../shared/errors';
import { todayInput } from '../../ui/days';
import { formatDay } from '../../ui/format';
import { Empty, Panel } from '../../ui/Panel';
import { useBookWrite } from '../relationships/queries';
import { usePersonDates } from './queries';

const MONTHS = Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat(undefined, { month: 'long' }).format(new Date(Date.UTC(2024, i, 15))));

export function dayText(d: Pick<ImportantDate, 'month' | 'day' | 'year'>): string {
  return `${MONTHS[d.month - 1]} ${d.day}${d.year ? `, ${d.year}` : ''}`;
}

/** Birthdays, anniversaries and dated life events, each reminded a chosen number of days ahead on the agenda. */
export function DatesPanel({ personId }: { personId: number }) {
  const dates = usePersonDates(personId);
  const remove = useBookWrite('dates.delete');
  const [adding, setAdding] = useState(false);
  const today = todayInput();
  return (
    <Panel
      title="Important dates"
      actions={
        adding ? null : (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            Add a date
          </Button>
        )
      }
    >
      {dates.data?.length === 0 && !adding ? <Empty>No birthday or anniversary noted yet.</Empty> : null}
      <Stack gap={6} role="list" aria-label="Important dates">
        {(dates.data ?? []).map((d) => {
          const next = nextOccurrence(d, today);
          return (
            <Group key={d.id} justify="space-between" wrap="nowrap" role="listitem" aria-label={`${dateTitle(d)}: ${dayText(d)}`}>
              <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
                <IconCake size={16} aria-hidden />
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {dateTitle(d)}: {dayText(d)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {next ? `Next ${formatDay(next)}` : 'Past'}
                    {d.remindDaysBefore ? ` · reminded ${d.remindDaysBefore} days ahead` : ' · reminded on the day'}
                  </Text>
                </div>
              </Group>
              <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${dateTitle(d)}`} onClick={() => remove.mutate({ id: d.id })}>
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          );
        })}
      </Stack>
      {adding ? <DateForm personId={personId} onDone={() => setAdding(false)} /> : null}
    </Panel>
  );
}

function DateForm({ personId, onDone }: { personId: number; onDone: () => void }) {
  const add = useBookWrite('dates.add');
  const [kind, setKind] = useState<DateKind>('birthday');
  const [label, setLabel] = useState('');
  const [day, setDay] = useState('');
  const [yearKnown, setYearKnown] = useState(true);
  const [remind, setRemind] = useState<number>(7);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = () => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    if (!m) return setErrors({ day: 'Choose the day.' });
    add.mutate(
      { personId, kind, label, month: Number(m[2]), day: Number(m[3]), year: yearKnown ? Number(m[1]) : null, yearly: kind !== 'event', remindDaysBefore: remind },
      {
        onSuccess: () => {
          notifications.show({ message: `${DATE_KIND_LABELS[kind]} noted.` });
          onDone();
        },
        onError: (e) => (e instanceof ApiError && e.code === 'invalid_input' ? setErrors(e.fields) : notifications.show({ color: 'red', title: 'Not saved', message: e.message })),
      },
    );
  };
  return (
    <Stack gap="xs" mt="sm" role="group" aria-label="New important date">
      <Group grow align="flex-start">
        <Select label="What" data={DATE_KINDS.map((k) => ({ value: k, label: DATE_KIND_LABELS[k] }))} value={kind} onChange={(k) => k && setKind(k as DateKind)} allowDeselect={false} />
        <TextInput label="Day" type="date" value={day} onChange={(e) => setDay(e.currentTarget.value)} error={errors.day ?? errors.month} />
      </Group>
      <TextInput
        label={kind === 'event' ? 'What happened' : 'Note (optional)'}
        placeholder={kind === 'event' ? 'A new job, a move, a child…' : 'e.g. with Marco'}
        value={label}
        onChange={(e) => setLabel(e.currentTarget.value)}
        error={errors.label}
      />
      <Group align="flex-end">
        <Checkbox label="The year is known" checked={yearKnown} onChange={(e) => setYearKnown(e.currentTarget.checked)} disabled={kind === 'event'} />
        <NumberInput label="Remind days ahead" min={0} max={60} w={160} value={remind} onChange={(v) => setRemind(typeof v === 'number' ? v : 0)} error={errors.remindDaysBefore} />
      </Group>
      <Group justify="flex-end">
        <Button variant="default" size="xs" onClick={onDone}>
          Cancel
        </Button>
        <Button size="xs" onClick={save} loading={add.isPending}>
          Save date
        </Button>
      </Group>
    </Stack>
  );
}
