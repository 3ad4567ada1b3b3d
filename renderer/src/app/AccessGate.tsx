import { Alert, Button, Center, Code, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDeviceMobile, IconKey } from '@tabler/icons-react';
import { useSyncExternalStore, type ReactNode } from 'react';
import { currentRefusal, onRefusal } from '../api/access';

/** The app, unless the station has turned this page away: then how to get in, and nothing else. */
export function AccessGate({ children }: { children: ReactNode }) {
  const refusal = useSyncExternalStore(onRefusal, currentRefusal);
  if (refusal === null) return children;
  // The hub's network address is HTTPS and serves paired door devices only; the owner's is plain loopback.
  return window.location.protocol === 'https:' ? <PairScreen reason={refusal} /> : <AccessScreen reason={refusal} />;
}

function PairScreen({ reason }: { reason: string }) {
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder radius="md" p="lg" maw={460} component="main" aria-labelledby="pair-title">
        <Stack gap="md">
          <Title id="pair-title" order={1} size="h3">
            Pair this device
          </Title>
          <Alert color="indigo" icon={<IconDeviceMobile size={18} aria-hidden />}>
            {reason}
          </Alert>
          <Button component="a" href="/pair" size="lg">
            Open the pairing page
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
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
