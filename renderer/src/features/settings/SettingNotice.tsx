import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

const KEY = ['settings', 'notices'];

/** The saved settings that could not be read (their defaults are in use), shared by every card that shows one. */
export function useSettingNotices() {
  return useQuery({ queryKey: KEY, queryFn: () => call('settings.notices') });
}

/** After a setting is saved, its notice is asked for again (and goes away). */
export function useRefreshSettingNotices() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: KEY });
}

/** Tells the owner, in the card that shows the setting, that their saved choice could not be read and the default is in use. */
export function SettingNotice({ settingKey }: { settingKey: string }) {
  const mine = useSettingNotices().data?.filter((n) => n.key === settingKey) ?? [];
  if (mine.length === 0) return null;
  return (
    <Alert color="yellow" icon={<IconAlertTriangle size={16} aria-hidden />} title="Your saved choice could not be read" mb="md" role="status">
      {mine.map((n) => (
        <Text key={n.key} size="sm">
          {n.message}
        </Text>
      ))}
    </Alert>
  );
}
