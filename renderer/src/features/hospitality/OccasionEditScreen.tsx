import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { OCCASION_KINDS, OCCASION_KIND_LABELS, type Occasion, type OccasionKind } from '../../../../shared/domain/hospitality';
import { dayFromToday } from '../../ui/days';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { StaleCopyAlert } from '../../ui/StaleCopyAlert';
import { useVersionedSave } from '../../ui/useVersionedSave';
import { useQuickForm } from '../../ui/useQuickForm';
import { useBookWrite } from '../relationships/queries';
import { useOccasion } from './queries';

const KINDS = OCCASION_KINDS.map((k) => ({ value: k, label: OCCASION_KIND_LABELS[k] }));

export function OccasionNewScreen() {
  return <OccasionForm occasion={null} />;
}

export function OccasionEditScreen() {
  const id = Number(useParams().id);
  const occasion = useOccasion(id);
  if (occasion.isPending) return <LoadingScreen />;
  if (occasion.isError) return <NotFound title="This occasion is not in your book" error={occasion.error} retry={() => occasion.refetch()} back={{ to: '/occasions', label: 'Back to At home' }} />;
  return <OccasionEditor occasion={occasion.data} reload={async () => (await occasion.refetch()).data} />;
}

/** The occasion as it was when editing started; "reload their latest" starts the form again from the stored one. */
function OccasionEditor({ occasion, reload }: { occasion: Occasion; reload: () => Promise<Occasion | undefined> }) {
  const [copy, setCopy] = useState(occasion);
  const onReload = async () => {
    const latest = await reload();
    if (latest) setCopy(latest);
  };
  return <OccasionForm key={copy.version} occasion={copy} onReload={onReload} />;
}

/** Kind, day and time, seats, and notes (menu, seating, guests’ dietary needs). */
function OccasionForm({ occasion, onReload }: { occasion: Occasion | null; onReload?: () => Promise<void> }) {
  const navigate = useNavigate();
  const versioned = useVersionedSave(occasion?.version ?? 0);
  const form = useQuickForm({
    kind: occasion?.kind ?? 'dinner',
    title: occasion?.title ?? '',
    day: occasion?.day ?? dayFromToday(14),
    time: occasion?.time ?? '19:00',
    seats: occasion ? String(occasion.seats || '') : '8',
    notes: occasion?.notes ?? '',
  });
  const create = useBookWrite('occasions.create');
  const update = useBookWrite('occasions.update');
  const save = async () => {
    const v = form.values;
    const input = { kind: v.kind as OccasionKind, title: v.title, day: v.day, time: v.time, seats: v.seats === '' ? 0 : Number(v.seats), notes: v.notes };
    const saved = await form.submit(async () =>
      occasion ? await versioned.save((version) => update.mutateAsync({ id: occasion.id, version, ...input })) : await create.mutateAsync(input),
    );
    if (saved) {
      notifications.show({ message: `${saved.name} saved.` });
      navigate(`/occasions/${saved.id}`, { replace: true });
    }
  };
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <PageHeader title={occasion ? `Edit ${occasion.name}` : 'Plan an occasion'} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack px="xl" pb="xl" maw={760}>
          <Card withBorder radius="md" p="lg">
            <Stack gap="sm">
              <SimpleGrid cols={2}>
                <Select label="Kind" data={KINDS} value={form.values.kind} onChange={(kind) => kind && form.set({ kind })} allowDeselect={false} error={form.errorOf('kind')} />
                <TextInput label="Title (optional)" placeholder="e.g. Spring dinner" {...form.field('title')} />
              </SimpleGrid>
              <SimpleGrid cols={3}>
                <TextInput label="Day" type="date" {...form.field('day')} />
                <TextInput label="Time" type="time" {...form.field('time')} />
                <NumberInput
                  label="Seats"
                  description="Empty: no limit"
                  min={0}
                  max={500}
                  allowDecimal={false}
                  value={form.values.seats}
                  onChange={(v) => form.set({ seats: v === '' ? '' : String(v) })}
                  error={form.errorOf('seats')}
                />
              </SimpleGrid>
              <Textarea label="Notes" description="Menu, seating, guests’ dietary needs" autosize minRows={3} {...form.field('notes')} />
            </Stack>
          </Card>
          {versioned.stale && onReload ? <StaleCopyAlert stale={versioned.stale} onReload={() => void onReload()} onOverwrite={versioned.overwrite} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(-1)}>
              Cancel
            </Button>
            <Button type="submit" loading={form.saving}>
              {occasion ? 'Save changes' : 'Save occasion'}
            </Button>
          </Group>
        </Stack>
      </form>
    </div>
  );
}
