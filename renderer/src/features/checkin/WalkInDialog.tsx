import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { AttendanceMode, Registration } from '../../../../shared/domain/seminar';
import { ApiError, type FieldErrors } from '../../../../shared/errors';
import { AttendanceModeRadio } from '../seminars/AttendanceModeRadio';
import { useCheckInActions, usePersonMatches } from './queries';

const EMPTY = { givenName: '', familyName: '', email: '', phone: '', organization: '' };

/** Where the contract reports a problem with each field of this short form. */
const ERROR_PATHS: Record<keyof typeof EMPTY, string> = {
  givenName: 'person.givenName',
  familyName: 'person.familyName',
  email: 'person.emails.0.address',
  phone: 'person.phones.0.number',
  organization: 'person.organization',
};

const REASONS = { email: 'same email', phone: 'same phone', name: 'similar name' } as const;

/** Register and check in someone who just walked in, without creating a second copy of someone we know. */
export function WalkInDialog({ seminarId, opened, onClose, onDone }: { seminarId: number; opened: boolean; onClose: () => void; onDone: (r: Registration) => void }) {
  const [values, setValues] = useState(EMPTY);
  const [mode, setMode] = useState<AttendanceMode>('in_person');
  const [errors, setErrors] = useState<FieldErrors>({});
  const { walkIn } = useCheckInActions();
  const [typed] = useDebouncedValue(values, 120);
  const matches = usePersonMatches(
    { name: `${typed.givenName} ${typed.familyName}`.trim(), email: typed.email, phone: typed.phone },
    opened && (typed.email.includes('@') || typed.phone.replace(/\D/g, '').length >= 7 || (typed.givenName.length >= 2 && typed.familyName.length >= 2)),
  );

  const field = (key: keyof typeof EMPTY) => ({
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [key]: e.currentTarget.value }),
    error: errors[ERROR_PATHS[key]],
  });

  const close = () => {
    setValues(EMPTY);
    setErrors({});
    setMode('in_person');
    onClose();
  };

  const finish = (registration: Registration) => {
    onDone(registration);
    close();
  };

  const fail = (error: Error) => {
    if (error instanceof ApiError) setErrors({ ...error.fields, _: error.fields._ ?? (error.code === 'invalid_input' ? '' : error.message) });
  };

  const saveNew = () =>
    walkIn.mutate(
      {
        seminarId,
        mode,
        person: {
          givenName: values.givenName,
          familyName: values.familyName,
          organization: values.organization,
          emails: values.email.trim() ? [{ label: 'Work', address: values.email }] : [],
          phones: values.phone.trim() ? [{ label: 'Mobile', number: values.phone }] : [],
        },
      },
      { onSuccess: finish, onError: fail },
    );

  return (
    <Modal opened={opened} onClose={close} title="Walk-in" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          saveNew();
        }}
        noValidate
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput label="Given name" data-autofocus {...field('givenName')} />
            <TextInput label="Family name" {...field('familyName')} />
            <TextInput label="Email" type="email" {...field('email')} />
            <TextInput label="Phone" type="tel" {...field('phone')} />
          </SimpleGrid>
          <TextInput label="Organization" {...field('organization')} />
          <AttendanceModeRadio value={mode} onChange={setMode} />
          {matches.data && matches.data.length > 0 ? (
            <Alert color="yellow" title="Already in your book?" role="region" aria-label="Possible matches">
              <Stack gap={6}>
                {matches.data.map((m) => (
                  <Group key={m.id} justify="space-between" wrap="nowrap">
                    <Text size="sm">
                      {m.name}
                      {m.organization ? `, ${m.organization}` : ''}{' '}
                      <Text span c="dimmed" size="xs">
                        ({REASONS[m.reason]}
                        {m.primaryEmail ? `, ${m.primaryEmail}` : ''})
                      </Text>
                    </Text>
                    <Button size="compact-sm" onClick={() => walkIn.mutate({ seminarId, personId: m.id, mode }, { onSuccess: finish, onError: fail })}>
                      {`Is this ${m.name}${m.organization ? `, ${m.organization}` : ''}?`}
                    </Button>
                  </Group>
                ))}
              </Stack>
            </Alert>
          ) : null}
          {errors._ ? (
            <Text c="red" size="sm" role="alert">
              {errors._}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={walkIn.isPending}>
              Save and check in
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
