import { Box, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { DeviceNameSchema } from '../../../../shared/domain/door';

/** Asked once per device: the name shown on the check-ins it makes ("Door 2"). */
export function DeviceNameForm({ current, onSave, onCancel }: { current: string | null; onSave: (name: string) => void; onCancel?: (() => void) | undefined }) {
  const [name, setName] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = () => {
    const parsed = DeviceNameSchema.safeParse(name);
    if (!parsed.success) setError(parsed.error.issues[0]?.message ?? 'Give this device a name.');
    else onSave(parsed.data);
  };
  return (
    <Box component="main" className="door-screen" aria-label="Name this device">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
        noValidate
      >
        <Stack gap="md" pt="lg">
          <Title order={1} size="h3">
            Name this device
          </Title>
          <Text c="dimmed">Everyone at the door sees this name on the check-ins made here, such as “already checked in at 9:02 on Door 2”.</Text>
          <TextInput label="Device name" placeholder="Door 2" size="lg" value={name} error={error} onChange={(e) => setName(e.currentTarget.value)} data-autofocus autoComplete="off" />
          <Group grow>
            {onCancel ? (
              <Button size="lg" variant="default" onClick={onCancel}>
                Cancel
              </Button>
            ) : null}
            <Button size="lg" type="submit">
              Start checking in
            </Button>
          </Group>
        </Stack>
      </form>
    </Box>
  );
}
