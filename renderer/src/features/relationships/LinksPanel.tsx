import { ActionIcon, Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { LINK_KINDS, type LinkKind, type PersonLink } from '../../../../shared/domain/relationship';
import { ApiError, type FieldErrors } from '../../../../shared/errors';
import { Empty, Panel } from '../../ui/Panel';
import { PersonPicker } from './PersonPicker';
import { useBookWrite } from './queries';

const KIND_OPTIONS = (Object.keys(LINK_KINDS) as LinkKind[]).map((k) => ({ value: k, label: LINK_KINDS[k].label }));

/** Who introduced them, whom they work with, their partner and family (their household). */
export function LinksPanel({ person, links }: { person: { id: number; name: string }; links: PersonLink[] }) {
  const [adding, setAdding] = useState(false);
  const remove = useBookWrite('links.delete');
  return (
    <Panel
      title="People around them"
      actions={
        adding ? null : (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            Link someone
          </Button>
        )
      }
    >
      {links.length === 0 && !adding ? <Empty>No one linked yet: who introduced them, a partner, family, colleagues.</Empty> : null}
      {links.map((l) => (
        <Group key={l.id} justify="space-between" wrap="nowrap">
          <Text size="sm">
            <Text span c="dimmed">
              {l.label}:
            </Text>{' '}
            <Anchor component={Link} to={`/people/${l.other.id}`} fw={600}>
              {l.other.name}
            </Anchor>
          </Text>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Unlink ${l.other.name} (${l.label.toLowerCase()})`}
            onClick={() => remove.mutate({ id: l.id }, { onError: (error) => notifications.show({ color: 'red', title: 'Not removed', message: error.message }) })}
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      {adding ? <LinkForm person={person} onDone={() => setAdding(false)} /> : null}
    </Panel>
  );
}

function LinkForm({ person, onDone }: { person: { id: number; name: string }; onDone: () => void }) {
  const [otherId, setOtherId] = useState<number | null>(null);
  const [kind, setKind] = useState<LinkKind>('works_with');
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useBookWrite('links.add');
  return (
    <form
      aria-label="New link"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (otherId === null) {
          setErrors({ otherId: 'Choose someone from your book.' });
          return;
        }
        add.mutate(
          { personId: person.id, otherId, kind },
          {
            onSuccess: onDone,
            onError: (error) => {
              if (error instanceof ApiError && error.code === 'invalid_input') setErrors(error.fields);
              else setErrors({ otherId: error.message });
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Select label={`How they relate to ${person.name}`} data={KIND_OPTIONS} value={kind} onChange={(k) => k && setKind(k as LinkKind)} allowDeselect={false} />
        <PersonPicker label="Person" value={otherId} onChange={setOtherId} exclude={[person.id]} error={errors.otherId} />
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button size="xs" type="submit" loading={add.isPending}>
            Save link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
