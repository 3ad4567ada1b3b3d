import { Button, Card, Group, Select, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { getCountryCallingCode } from 'libphonenumber-js/min';
import { useEffect, useMemo, useState } from 'react';
import { PHONE_REGIONS, type PhoneRegion } from '../../../../shared/domain/phone';
import { ApiError } from '../../../../shared/errors';
import { plural } from '../../ui/format';
import { usePhoneSettings, useUpdatePhoneSettings } from '../people/queries';
import { SettingNotice, useRefreshSettingNotices } from './SettingNotice';

/** Each region by its name in words, with the code dialled before its numbers ("Germany (+49)"), in order of the names. */
function regionOptions(): { value: PhoneRegion; label: string }[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  return PHONE_REGIONS.map((r) => ({ value: r, label: `${names.of(r) ?? r} (+${getCountryCallingCode(r)})` })).sort((a, b) => a.label.localeCompare(b.label));
}

/** The region a number written without a country code belongs to: how it is matched, linked and exported. */
export function PhoneSettings() {
  const current = usePhoneSettings();
  const save = useUpdatePhoneSettings();
  const refreshNotices = useRefreshSettingNotices();
  const options = useMemo(regionOptions, []);
  const [region, setRegion] = useState<PhoneRegion | null>(null);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (current.data) setRegion(current.data.region);
  }, [current.data]);
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label="Phones">
      <Title order={2} size="h5" mb={4}>
        Phones
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        A number written without its country code, like “(717) 555-0142” or “030 1234567”, is read as a number of this country. Two ways of writing one number then
        find the same person on import, at the door and among likely duplicates.
      </Text>
      <SettingNotice settingKey="phones" />
      {region ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(
              { region },
              {
                onSuccess: (r) => {
                  setError(undefined);
                  void refreshNotices();
                  notifications.show({ message: r.rekeyed ? `Phone region saved; ${plural(r.rekeyed, 'number')} read again in it.` : 'Phone region saved.' });
                },
                onError: (err) => {
                  if (err instanceof ApiError && err.code === 'invalid_input') setError(err.fields?.region ?? err.message);
                  else notifications.show({ color: 'red', title: 'Not saved', message: err.message });
                },
              },
            );
          }}
        >
          <Group align="flex-end">
            <Select
              label="Numbers without a country code are in"
              data={options}
              value={region}
              onChange={(v) => v && setRegion(v as PhoneRegion)}
              searchable
              allowDeselect={false}
              error={error}
              w={360}
            />
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </form>
      ) : (
        <Text size="sm" c="dimmed">
          {current.isError ? current.error.message : 'Loading…'}
        </Text>
      )}
    </Card>
  );
}
