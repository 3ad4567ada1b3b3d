import { Button, Card, Center, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseImport, IconFileImport, IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useLoadSample } from './queries';

/** First run: explain what the book is for and offer two ways to fill it. */
export function EmptyBook() {
  const load = useLoadSample();
  const navigate = useNavigate();
  return (
    <Center style={{ flex: 1 }} p="xl">
      <Card withBorder radius="lg" p="xl" maw={560} shadow="sm">
        <Stack gap="md">
          <ThemeIcon size={52} radius="xl" variant="light" aria-hidden>
            <IconUsersGroup size={28} />
          </ThemeIcon>
          <Title order={2} size="h3">
            Your book is empty
          </Title>
          <Text c="dimmed">
            Rapport keeps the people you meet at your seminars and what you know about them, so each relationship can grow from
            customer to client. Everything stays in one file on this computer.
          </Text>
          <List size="sm" spacing={4} c="dimmed">
            <List.Item>Add the people you know, one by one, with how you met them.</List.Item>
            <List.Item>Import them from your phone or mail program (vCard), Google, Outlook, LinkedIn or an attendee list.</List.Item>
            <List.Item>Or explore first with a realistic sample book: 320 fictional people and two seminars.</List.Item>
          </List>
          <Group mt="sm">
            <Button component={Link} to="/people/new" leftSection={<IconUserPlus size={16} aria-hidden />}>
              Add a person
            </Button>
            <Button component={Link} to="/import" variant="light" leftSection={<IconFileImport size={16} aria-hidden />}>
              Import contacts
            </Button>
            <Button
              variant="light"
              leftSection={<IconDatabaseImport size={16} aria-hidden />}
              loading={load.isPending}
              onClick={() =>
                load.mutate(undefined, {
                  onSuccess: (r) => {
                    notifications.show({ color: 'teal', title: 'Sample data loaded', message: `${r.people} people added to your book.` });
                    navigate('/people');
                  },
                  onError: (e) => notifications.show({ color: 'red', title: 'Could not load the sample data', message: e.message }),
                })
              }
            >
              Load sample data
            </Button>
          </Group>
        </Stack>
      </Card>
    </Center>
  );
}
