import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

export function RouteError() {
  const error = useRouteError();
  const missing = error === undefined || (isRouteErrorResponse(error) && error.status === 404);
  return (
    <Center h="100%" p="xl">
      <Stack align="center" gap="sm" maw={440}>
        <Title order={2}>{missing ? 'There is nothing here' : 'This screen ran into a problem'}</Title>
        <Text c="dimmed" ta="center">
          {missing
            ? 'The address does not match any screen in Rapport.'
            : 'Your book is safe: nothing is lost when a screen fails. Go back to People and try again.'}
        </Text>
        <Button component={Link} to="/people">
          Go to People
        </Button>
      </Stack>
    </Center>
  );
}
