import { Alert, Center, Code, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useSyncExternalStore, type ReactNode } from 'react';
import { currentRefusal, onRefusal } from '../api/access';

/** The app, unless the station has turned this page away: then how to get in, and nothing else. */
export function AccessGate({ children }: { children: ReactNode }) {
  const refusal = useSyncExternalStore(onRefusal, currentRefusal);
  return refusal === null ? children : <AccessScreen reason={refusal} />;
}

function AccessScreen({ reason }: { reason: string }) {
  const example = `http://${window.location.host}/?token=…`;
  return (
    <Center mih="100vh" p="xl" bg="var(--mantine-color-default-hover)">
      <Paper withBorder radius="md" p="xl" maw={620} component="main" aria-labelledby="access-title">
        <Stack gap="md">
          <Title id="access-title" order={1} size="h2">
            Open Rapport with its key
          </Title>
          <Alert color="indigo" icon={<IconKey size={18} aria-hidden />}>
            {reason}
          </Alert>
          <List type="ordered" spacing="sm" size="sm">
            <List.Item>
              In the terminal where the station runs (<Code>npm start</Code> or <Code>npm run station</Code>), find the line
              <Code block mt={6}>
                Rapport station at {example}
              </Code>
            </List.Item>
            <List.Item>Open that whole address in this browser. Rapport keeps the key for this browser session and takes it out of the address bar.</List.Item>
          </List>
          <Text size="sm" c="dimmed">
            The station makes a new key each time it starts, so after a restart open the new address. Without the key, no other web page and no
            other user of this computer can reach your book through the station.
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
