import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { memo, useEffect, useState } from 'react';
import type { PersonMatch } from '../../../../shared/contract';
import { looksLikeCode } from '../../../../shared/domain/registrant-match';
import type { AttendanceMode, Registration } from '../../../../shared/domain/seminar';
import { ApiError, type FieldErrors } from '../../../../shared/errors';
import { call } from '../../api/client';
import { newClientId } from '../../api/client-id';
import { AttendanceModeRadio } from '../seminars/AttendanceModeRadio';
import { useCheckInActions, usePersonMatches } from './queries';

const EMPTY = { givenName: '', familyName: '', email: '', phone: '', organization: '' };
type Values = typeof EMPTY;

/** Where the contract reports a problem with each field of this short form. */
const ERROR_PATHS: Record<keyof Values, string> = {
  givenName: 'person.givenName',
  familyName: 'person.familyName',
  email: 'person.emails.0.address',
  phone: 'person.phones.0.number',
  organization: 'person.organization',
};

/** The search text becomes the walk-in's first fields: an email, a phone, or a name (given name first). */
export function prefillFrom(text: string): Values {
  const t = text.trim();
  if (!t || looksLikeCode(t)) return EMPTY;
  if (t.includes('@')) return { ...EMPTY, email: t };
  if (/^[+()\d\s.-]+$/.test(t) && t.replace(/\D/g, '').length >= 7) return { ...EMPTY, phone: t };
  const [given = '', ...rest] = t.split(/\s+/);
  return { ...EMPTY, givenName: given, familyName: rest.join(' ') };
}

const matchInput = (v: Values) => ({ givenName: v.givenName, familyName: v.familyName, email: v.email, phone: v.phone });
const worthMatching = (v: Values) => v.email.includes('@') || v.phone.replace(/\D/g, '').length >= 7 || (v.givenName.trim().length >= 2 && v.familyName.trim().length >= 2);

/**
 * Register and check in someone who just walked in, without creating a second copy of someone
 * already in the book. While people who may be them are shown, Enter creates no one: the volunteer
 * picks the match, or says "New person anyway". Before creating, the book is asked once more with
 * exactly what was typed, so a fast Enter cannot slip past a slow suggestion.
 */
export const WalkInDialog = memo(function WalkInDialog({
  seminarId,
  opened,
  prefill,
  onClose,
  onDone,
  device,
}: {
  seminarId: number;
  /** On a door device: its name, recorded on the walk-in. */
  device?: string | undefined;
  opened: boolean;
  prefill: string;
  onClose: () => void;
  onDone: (r: Registration) => void;
}) {
  const [values, setValues] = useState(EMPTY);
  const [mode, setMode] = useState<AttendanceMode>('in_person');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [checked, setChecked] = useState<PersonMatch[] | null>(null);
  const [busy, setBusy] = useState(false);
  // One id per walk-in dialog: a second press of Save while the first is on its way adds no one twice.
  const [clientId, setClientId] = useState(newClientId);
  const { walkIn } = useCheckInActions();
  const [typed] = useDebouncedValue(values, 120);
  const suggested = usePersonMatches(matchInput(typed), opened && worthMatching(typed));
  const matches = checked ?? (worthMatching(typed) ? (suggested.data ?? []) : []);

  useEffect(() => {
    if (opened) {
      setValues(prefillFrom(prefill));
      setClientId(newClientId());
    }
  }, [opened, prefill]);

  const field = (key: keyof Values) => ({
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      setValues({ ...values, [key]: e.currentTarget.value });
      setChecked(null);
    },
    error: errors[ERROR_PATHS[key]],
  });

  const close = () => {
    setValues(EMPTY);
    setErrors({});
    setChecked(null);
    setMode('in_person');
    onClose();
  };

  const finish = (registration: Registration) => {
    onDone(registration);
    close();
  };

  const fail = (error: Error) => {
    // A refusal is the answer to this id: whatever the volunteer does next is a new request.
    setClientId(newClientId());
    if (error instanceof ApiError) setErrors({ ...error.fields, _: error.fields._ ?? (error.code === 'invalid_input' ? '' : error.message) });
    else setErrors({ _: error.message });
  };

  const create = () =>
    walkIn.mutate(
      {
        seminarId,
        mode,
        clientId,
        device,
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

  /** Enter, or "Save and check in": only when the book has no one who may be this person. */
  const saveIfNew = async () => {
    if (matches.length > 0) {
      setErrors({ _: 'Is this one of the people above? Choose them, or press “New person anyway”.' });
      return;
    }
    setBusy(true);
    try {
      const found = worthMatching(values) ? await call('people.matches', matchInput(values)) : [];
      if (found.length > 0) {
        setChecked(found);
        setErrors({ _: 'Is this one of the people above? Choose them, or press “New person anyway”.' });
        return;
      }
      create();
    } catch (error) {
      fail(error as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="Walk-in" size="lg" closeButtonProps={{ 'aria-label': 'Close the walk-in' }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void saveIfNew();
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
          {matches.length > 0 ? (
            <Alert color="yellow" title="Already in your book?" role="region" aria-label="Possible matches">
              <Stack gap={6}>
                {matches.map((m) => (
                  <Group key={m.id} justify="space-between" wrap="nowrap">
                    <Text size="sm">
                      {m.name}
                      {m.organization ? `, ${m.organization}` : ''}{' '}
                      <Text span c="dimmed" size="xs">
                        ({m.why}
                        {m.primaryEmail && m.reason !== 'email' ? `, ${m.primaryEmail}` : ''})
                      </Text>
                    </Text>
                    <Button size="compact-sm" onClick={() => walkIn.mutate({ seminarId, personId: m.id, mode, clientId, device }, { onSuccess: finish, onError: fail })}>
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
            {matches.length > 0 ? (
              <Button variant="light" color="orange" onClick={create} loading={walkIn.isPending}>
                New person anyway
              </Button>
            ) : (
              <Button type="submit" loading={walkIn.isPending || busy}>
                Save and check in
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
});
