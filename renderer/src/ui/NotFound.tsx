import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFound({ title, error, back }: { title: string; error: Error; back: { to: string; label: string } }) {
  return (
    <Center style={{ flex: 1 }} p="xl">
      <Stack align="center" gap="sm" maw={420}>
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text c="dimmed" ta="center">
          {error.message}
        </Text>
        <Button component={Link} to={back.to}>
          {back.label}
        </Button>
      </Stack>
    </Center>
  );
}
