import { ActionIcon, Anchor, Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconHeartHandshake, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ADVOCACY_KINDS, type AdvocacyAct, type AdvocacyKind } from '../../../../shared/domain/relationship';
import { formatDay } from '../../ui/format';
import { Empty, Panel } from '../../ui/Panel';
import { useQuickForm } from '../../ui/useQuickForm';
import { PersonPicker } from './PersonPicker';
import { todayInput } from '../../ui/days';
import { useBookWrite } from './queries';

const KIND_OPTIONS = (Object.keys(ADVOCACY_KINDS) as AdvocacyKind[]).map((k) => ({ value: k, label: ADVOCACY_KINDS[k].label }));

function ActLine({ act, received, onRemove }: { act: AdvocacyAct; received: boolean; onRemove: () => void }) {
  const other = received ? act.by : act.referred;
  const what = received ? 'Referred by' : act.kind === 'referral' ? 'Referred' : ADVOCACY_KINDS[act.kind].verb;
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start">
      <div>
        <Text size="sm">
          {what}{' '}
          {other ? (
            <Anchor component={Link} to={`/people/${other.id}`} fw={600}>
              {other.name}
            </Anchor>
          ) : act.kind === 'referral' ? (
            'someone no longer in the book'
          ) : null}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDay(act.on)}
          {act.note ? ` · ${act.note}` : ''}
        </Text>
      </div>
      {received ? null : (
        <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${ADVOCACY_KINDS[act.kind].label.toLowerCase()} of ${formatDay(act.on)}`} onClick={onRemove}>
          <IconTrash size={14} />
        </ActionIcon>
      )}
    </Group>
  );
}

/** What this person did for the owner, and who referred them. */
export function AdvocacyPanel({ person, given, referredBy }: { person: { id: number; name: string }; given: AdvocacyAct[]; referredBy: AdvocacyAct[] }) {
  const [opened, dialog] = useDisclosure(false);
  const remove = useBookWrite('advocacy.delete');
  const counts = (Object.keys(ADVOCACY_KINDS) as AdvocacyKind[])
    .map((k) => [k, given.filter((a) => a.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${ADVOCACY_KINDS[k].label.toLowerCase()}${n === 1 ? '' : 's'}`);
  return (
    <Panel
      title="Advocacy"
      actions={
        <Button size="xs" variant="light" leftSection={<IconHeartHandshake size={14} aria-hidden />} onClick={dialog.open}>
          Record advocacy
        </Button>
      }
    >
      {counts.length ? (
        <Text size="xs" c="dimmed">
          {counts.join(' · ')}
        </Text>
      ) : null}
      {given.length === 0 && referredBy.length === 0 ? <Empty>No referrals, testimonials or recommendations yet.</Empty> : null}
      {referredBy.map((a) => (
        <ActLine key={`by-${a.id}`} act={a} received onRemove={() => undefined} />
      ))}
      {given.map((a) => (
        <ActLine
          key={a.id}
          act={a}
          received={false}
          onRemove={() => remove.mutate({ id: a.id }, { onError: (error) => notifications.show({ color: 'red', title: 'Not removed', message: error.message }) })}
        />
      ))}
      <AdvocacyDialog person={person} opened={opened} onClose={dialog.close} />
    </Panel>
  );
}

const BLANK = { kind: 'referral', on: '', note: '', who: 'book', givenName: '', familyName: '', email: '' };

function AdvocacyDialog({ person, opened, onClose }: { person: { id: number; name: string }; opened: boolean; onClose: () => void }) {
  const form = useQuickForm(BLANK, { givenName: 'referredNew.givenName', familyName: 'referredNew.familyName', email: 'referredNew.email' });
  const [referredId, setReferredId] = useState<number | null>(null);
  const add = useBookWrite('advocacy.add');
  const { reset } = form;
  useEffect(() => {
    if (!opened) return;
    reset({ ...BLANK, on: todayInput() });
    setReferredId(null);
  }, [opened]); // eslint-disable-line react-hooks/exhaustive-deps -- a fresh form each time it opens

  const referral = form.values.kind === 'referral';
  const save = async () => {
    const v = form.values;
    const ok = await form.submit(() =>
      add.mutateAsync({
        personId: person.id,
        kind: v.kind as AdvocacyKind,
        on: v.on,
        note: v.note,
        referredId: referral && v.who === 'book' ? referredId : null,
        referredNew: referral && v.who === 'new' ? { givenName: v.givenName, familyName: v.familyName, email: v.email } : null,
      }),
    );
    if (ok) {
      notifications.show({ message: `${ADVOCACY_KINDS[v.kind as AdvocacyKind].label} recorded for ${person.name}.` });
      onClose();
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`What ${person.name} did for you`} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <Select label="What they did" data={KIND_OPTIONS} value={form.values.kind} onChange={(kind) => kind && form.set({ kind })} allowDeselect={false} error={form.errorOf('kind')} data-autofocus />
            <TextInput label="Date" type="date" max={todayInput()} {...form.field('on')} />
          </SimpleGrid>
          {referral ? (
            <>
              <SegmentedControl
                aria-label="Whom they referred"
                value={form.values.who}
                onChange={(who) => form.set({ who })}
                data={[
                  { value: 'book', label: 'Someone in the book' },
                  { value: 'new', label: 'Someone new' },
                ]}
              />
              {form.values.who === 'book' ? (
                <PersonPicker label="Person referred" value={referredId} onChange={setReferredId} exclude={[person.id]} error={form.errors.referredId} />
              ) : (
                <SimpleGrid cols={3}>
                  <TextInput label="Given name" {...form.field('givenName')} />
                  <TextInput label="Family name" {...form.field('familyName')} />
                  <TextInput label="Email (optional)" type="email" {...form.field('email')} />
                </SimpleGrid>
              )}
            </>
          ) : null}
          <Textarea label="Note" autosize minRows={1} {...form.field('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.saving}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
