import { Button, Center, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../../../shared/errors';

/**
 * A screen whose record could not be read: "not in your book" when it is gone, otherwise what went
 * wrong with a Retry (Rapport unreachable, a failed read), never a blank.
 */
export function NotFound({ title, error, back, retry }: { title: string; error: Error; back: { to: string; label: string }; retry?: () => unknown }) {
  const missing = error instanceof ApiError && error.code === 'not_found';
  return (
    <Center style={{ flex: 1 }} p="xl">
      <Stack align="center" gap="sm" maw={420} role={missing ? undefined : 'alert'}>
        <Title order={2} size="h3">
          {missing ? title : 'This could not be loaded'}
        </Title>
        <Text c="dimmed" ta="center">
          {error.message}
        </Text>
        <Group>
          {missing ? null : <Button onClick={() => (retry ? retry() : window.location.reload())}>Retry</Button>}
          <Button component={Link} to={back.to} variant={missing ? 'filled' : 'default'}>
            {back.label}
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
