import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function PersonNotFound({ error }: { error: Error }) {
  return (
    <Center style={{ flex: 1 }} p="xl">
      <Stack align="center" gap="sm" maw={420}>
        <Title order={2} size="h3">
          This person is not in your book
        </Title>
        <Text c="dimmed" ta="center">
          {error.message}
        </Text>
        <Button component={Link} to="/people">
          Back to People
        </Button>
      </Stack>
    </Center>
  );
}
