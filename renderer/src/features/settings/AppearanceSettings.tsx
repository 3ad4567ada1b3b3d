import { Card, SegmentedControl, Text, Title, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';

/** Light, dark, or as the system says (the default); remembered on this computer. Printed pages stay black on white. */
export function AppearanceSettings() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label="Appearance">
      <Title order={2} size="h5" mb={4}>
        Appearance
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Follow the system’s light or dark mode, or choose one. Reports, badges and anything printed stay black on white.
      </Text>
      <SegmentedControl
        aria-label="Colour scheme"
        value={colorScheme}
        onChange={(v) => setColorScheme(v as MantineColorScheme)}
        data={[
          { value: 'auto', label: 'As the system' },
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
    </Card>
  );
}
