import { Button, Card, Group, NumberInput, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../../shared/errors';
import { useHospitalitySettings } from '../hospitality/queries';
import { useBookWrite } from '../relationships/queries';
import { SettingNotice, useRefreshSettingNotices } from './SettingNotice';

/** N in "X of your top N clients have been in your home". */
export function HospitalitySettings() {
  const current = useHospitalitySettings().data;
  const [top, setTop] = useState<number | ''>('');
  const [error, setError] = useState<string | undefined>();
  const save = useBookWrite('hospitality.updateSettings');
  const refreshNotices = useRefreshSettingNotices();
  useEffect(() => {
    if (current) setTop(current.topClients);
  }, [current]);
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label="Intimacy measure">
      <Title order={2} size="h5" mb={4}>
        Intimacy measure
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Your best clients are your clients with the highest rapport scores. The home page counts how many of them have been in your home.
      </Text>
      <SettingNotice settingKey="hospitality" />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { topClients: top === '' ? 0 : top },
            {
              onSuccess: () => {
                setError(undefined);
                void refreshNotices();
                notifications.show({ message: 'Saved.' });
              },
              onError: (e) => setError(e instanceof ApiError ? (e.fields.topClients ?? e.message) : e.message),
            },
          );
        }}
      >
        <Group align="flex-end">
          <NumberInput label="Best clients to look at" min={1} max={500} allowDecimal={false} value={top} onChange={(v) => setTop(typeof v === 'number' ? v : '')} error={error} w={220} />
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </form>
    </Card>
  );
}
