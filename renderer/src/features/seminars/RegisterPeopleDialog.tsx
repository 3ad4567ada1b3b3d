import { Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AttendanceMode, Seminar } from '../../../../shared/domain/seminar';
import { call } from '../../api/client';
import { plural } from '../../ui/format';
import { AttendanceModeRadio } from './AttendanceModeRadio';
import { useRegister } from './queries';
import { SeatsWarning } from './SeatsWarning';

/** Pick people from the book (search, tick several) and register them in one go. */
export function RegisterPeopleDialog({ seminar, opened, onClose, registered }: { seminar: Seminar; opened: boolean; onClose: () => void; registered: Set<number> }) {
  const seminarId = seminar.id;
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 60);
  const [chosen, setChosen] = useState<Map<number, string>>(new Map());
  const [mode, setMode] = useState<AttendanceMode>('in_person');
  const register = useRegister(seminarId);
  const results = useQuery({
    queryKey: ['people', 'list', { query: debounced, pick: true }],
    queryFn: () => call('people.list', { query: debounced, limit: 50 }),
    enabled: opened,
  });

  const toggle = (id: number, name: string) =>
    setChosen((prev) => {
      const next = new Map(prev);
      if (next.has(id)) next.delete(id);
      else next.set(id, name);
      return next;
    });

  const close = () => {
    setChosen(new Map());
    setQuery('');
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Register people" size="lg">
      <Stack gap="sm">
        <TextInput
          label="Find people in your book"
          placeholder="Name, organization or email"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          data-autofocus
        />
        <ScrollArea.Autosize mah={320}>
          <Stack gap={4} role="group" aria-label="People to register">
            {results.data?.items.map((p) => {
              const already = registered.has(p.id);
              return (
                <Checkbox
                  key={p.id}
                  checked={already || chosen.has(p.id)}
                  disabled={already}
                  onChange={() => toggle(p.id, p.name)}
                  label={
                    <Text size="sm" span>
                      {p.name}
                      {p.organization || p.primaryEmail ? (
                        <Text span c="dimmed" size="sm">
                          {' '}
                          · {p.organization || p.primaryEmail}
                        </Text>
                      ) : null}
                      {already ? (
                        <Text span c="dimmed" size="xs">
                          {' '}
                          (registered)
                        </Text>
                      ) : null}
                    </Text>
                  }
                />
              );
            })}
            {results.data && results.data.total > results.data.items.length ? (
              <Text size="xs" c="dimmed">
                Showing {results.data.items.length} of {results.data.total.toLocaleString()}; type more of a name to narrow.
              </Text>
            ) : null}
            {results.data?.total === 0 ? (
              <Text size="sm" c="dimmed">
                No one matches. Add them on the People screen first.
              </Text>
            ) : null}
          </Stack>
        </ScrollArea.Autosize>
        <AttendanceModeRadio value={mode} onChange={setMode} />
        {mode === 'in_person' ? <SeatsWarning seminar={seminar} adding={chosen.size} /> : null}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {chosen.size ? `${plural(chosen.size, 'person', 'people')} chosen` : 'Tick the people to register.'}
          </Text>
          <Group>
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              disabled={chosen.size === 0}
              loading={register.isPending}
              onClick={() =>
                register.mutate(
                  { personIds: [...chosen.keys()], mode },
                  {
                    onSuccess: (r) => {
                      notifications.show({ color: 'teal', message: `${plural(r.added, 'person', 'people')} registered.` });
                      close();
                    },
                    onError: (e) => notifications.show({ color: 'red', title: 'Could not register', message: e.message }),
                  },
                )
              }
            >
              Register {chosen.size || ''}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
