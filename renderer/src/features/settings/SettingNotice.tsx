import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

/** The saved settings that could not be read (their defaults are in use), shared by every card that shows one. */
export function useSettingNotices() {
  return useQuery({ queryKey: ['settings', 'notices'], queryFn: () => call('settings.notices') });
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
