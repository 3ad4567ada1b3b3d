import { Badge, Chip, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { BOUNDARY_FLAGS, BOUNDARY_FLAG_KEYS, type BoundaryFlag } from '../../../../shared/domain/boundaries';
import { usePerson } from '../people/queries';
import { useBookWrite } from '../relationships/queries';

/** The boundaries the app acts on, as toggles saved at once (the free text stays beside them). */
export function BoundaryFlagsEditor({ personId, flags }: { personId: number; flags: BoundaryFlag[] }) {
  const save = useBookWrite('people.setBoundaries');
  return (
    <Chip.Group
      multiple
      value={flags}
      onChange={(next) =>
        save.mutate(
          { personId, flags: next as BoundaryFlag[] },
          { onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: error.message }) },
        )
      }
    >
      <Group gap={6} role="group" aria-label="Boundaries the app respects">
        {BOUNDARY_FLAG_KEYS.map((k) => (
          <Chip key={k} value={k} size="xs" color="orange" title={BOUNDARY_FLAGS[k].hint}>
            {BOUNDARY_FLAGS[k].label}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}

/** The flags set, as badges (check-in panel, dossier); nothing when none. */
export function BoundaryBadges({ flags, label = true }: { flags: readonly BoundaryFlag[]; label?: boolean }) {
  if (!flags.length) return null;
  return (
    <Group gap={4} aria-label="Boundaries">
      {label ? (
        <Text size="xs" fw={600}>
          Boundaries:
        </Text>
      ) : null}
      {flags.map((f) => (
        <Badge key={f} size="sm" color="orange" variant="light" title={BOUNDARY_FLAGS[f].hint}>
          {BOUNDARY_FLAGS[f].label}
        </Badge>
      ))}
    </Group>
  );
}

/** A person's flags, looked up by id (the check-in panel knows only the registration). */
export function PersonBoundaryBadges({ personId }: { personId: number }) {
  const person = usePerson(personId);
  return <BoundaryBadges flags={person.data?.boundaryFlags ?? []} />;
}
