import { Card, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { doorSoundOn, setDoorSound } from '../checkin/door-sound';

/** How the check-in table behaves on this computer. */
export function CheckInSettings() {
  const [sound, setSound] = useState(doorSoundOn);
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label="Check-in table">
      <Title order={2} size="h5" mb={4}>
        Check-in table
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Kept on this computer, for the volunteer at the door.
      </Text>
      <Switch
        label="Sound at the door"
        description="A short tone for each result: rising when checked in, a double beep when already in, low for an unknown ticket."
        checked={sound}
        onChange={(e) => {
          const on = e.currentTarget.checked;
          setDoorSound(on);
          setSound(on);
        }}
      />
    </Card>
  );
}
