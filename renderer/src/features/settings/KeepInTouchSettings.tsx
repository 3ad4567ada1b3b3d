import { Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { KeepInTouch } from '../../../../shared/domain/followup';
import { STAGES, STAGE_LABELS } from '../../../../shared/domain/standing';
import { ApiError, type FieldErrors } from '../../../../shared/errors';
import { useKeepInTouch } from '../followups/queries';
import { useBookWrite } from '../relationships/queries';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect';
import { SettingNotice, useRefreshSettingNotices } from './SettingNotice';

/** The cadence per stage that decides who is due to reconnect, and when calendar entries start. */
export function KeepInTouchSettings() {
  const current = useKeepInTouch();
  const [value, setValue] = useState<KeepInTouch | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useBookWrite('keepInTouch.update');
  const refreshNotices = useRefreshSettingNotices();
  useEffect(() => {
    if (current.data) setValue(current.data);
  }, [current.data]);
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label="Keeping in touch">
      <Title order={2} size="h5" mb={4}>
        Keeping in touch
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Someone is due to reconnect when their last personal touch is older than their cadence. Newsletters and mailings never count. A person’s own cadence (on their
        page) wins over their stage’s.
      </Text>
      <SettingNotice settingKey="keepInTouch" />
      {value ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(value, {
              onSuccess: () => {
                setErrors({});
                void refreshNotices();
                notifications.show({ message: 'Keeping-in-touch settings saved.' });
              },
              onError: (error) => {
                if (error instanceof ApiError && error.code === 'invalid_input') setErrors(error.fields);
                else notifications.show({ color: 'red', title: 'Not saved', message: error.message });
              },
            });
          }}
        >
          <Stack gap="sm">
            <SimpleGrid cols={3}>
              {[...STAGES].reverse().map((stage) => (
                <NumberInput
                  key={stage}
                  label={`${STAGE_LABELS[stage]}s: every (days)`}
                  min={1}
                  max={3650}
                  allowDecimal={false}
                  value={value.cadence[stage]}
                  onChange={(v) => setValue({ ...value, cadence: { ...value.cadence, [stage]: typeof v === 'number' ? v : 0 } })}
                  error={errors[`cadence.${stage}`]}
                />
              ))}
            </SimpleGrid>
            <SimpleGrid cols={3}>
              <TextInput
                label="Calendar entries start at"
                type="time"
                value={value.reminderTime}
                onChange={(e) => setValue({ ...value, reminderTime: e.currentTarget.value })}
                error={errors.reminderTime}
              />
              <TimeZoneSelect
                label="Calendar time zone"
                value={value.timeZone}
                onChange={(timeZone) => timeZone && setValue({ ...value, timeZone })}
                error={errors.timeZone}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      )}
    </Card>
  );
}
