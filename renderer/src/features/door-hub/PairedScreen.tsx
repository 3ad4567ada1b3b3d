import { Alert, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconCircleCheck } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { call } from '../../api/client';

/**
 * Where a paired device lands (`/#/door/:seminarId`): which seminar and device it is paired as.
 * The door screen itself (search, scan, offline queue) takes this route's place.
 */
export function PairedScreen() {
  const seminarId = Number(useParams().seminarId);
  const self = useQuery({ queryKey: ['door', 'self'], queryFn: () => call('door.self') });
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder radius="md" p="lg" maw={420} w="100%" component="main" aria-labelledby="paired-title">
        {self.isPending ? (
          <Loader aria-label="Asking the hub" />
        ) : self.isError ? (
          <Alert color="red" role="alert" title="This device is not paired">
            {self.error.message}
          </Alert>
        ) : (
          <Stack gap="sm">
            <IconCircleCheck size={40} color="var(--mantine-color-green-7)" aria-hidden />
            <Title id="paired-title" order={1} size="h3">
              Paired as {self.data.name}
            </Title>
            <Text>
              This device checks people in at <b>{self.data.seminarTitle}</b>.
            </Text>
            {self.data.seminarId !== seminarId ? (
              <Alert color="orange" role="note">
                This address names another seminar; this device is paired for {self.data.seminarTitle} only.
              </Alert>
            ) : null}
          </Stack>
        )}
      </Paper>
    </Center>
  );
}
