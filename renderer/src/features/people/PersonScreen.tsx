import { Alert, Anchor, Badge, Button, Card, Grid, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconMicrophone, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Person } from '../../../../shared/domain/person';
import { BackLink } from '../../ui/BackLink';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { PersonAvatar } from '../../ui/PersonAvatar';
import { formatDate } from '../../ui/format';
import { NotFound } from '../../ui/NotFound';
import { PersonSeminars } from '../seminars/PersonSeminars';
import { useDeletePerson, usePerson } from './queries';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label={title}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Card>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

function ContactList({ lines, empty }: { lines: { label: string; text: string; href: string }[]; empty: string }) {
  if (lines.length === 0) return <Empty>{empty}</Empty>;
  return lines.map((line) => (
    <Group key={line.text} gap="xs">
      <Anchor href={line.href} size="sm">
        {line.text}
      </Anchor>
      {line.label ? (
        <Text size="xs" c="dimmed">
          {line.label}
        </Text>
      ) : null}
    </Group>
  ));
}

function addressLines(p: Person): string[] {
  const a = p.address;
  const cityLine = [a.city, [a.region, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [a.street, cityLine, a.country].filter(Boolean);
}

export function PersonScreen() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const person = usePerson(id);
  const remove = useDeletePerson();
  const [confirming, confirm] = useDisclosure(false);
  useHotkeys([['E', () => person.data && navigate(`/people/${id}/edit`)]]);

  if (person.isPending) return <LoadingScreen />;
  if (person.isError) return <NotFound title="This person is not in your book" error={person.error} back={{ to: '/people', label: 'Back to People' }} />;
  const p = person.data;
  const subtitle = [p.role, p.organization].filter(Boolean).join(' · ');
  const address = addressLines(p);

  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <Stack gap="lg" px="xl" py="lg" maw={1100}>
        <BackLink to="/people" label="People" />
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <PersonAvatar name={p.name} size="xl" />
            <Stack gap={4}>
              <Title order={1} size="h2">
                {p.name}
              </Title>
              {subtitle ? <Text c="dimmed">{subtitle}</Text> : null}
              {p.tags.length ? (
                <Group gap={6} aria-label="Tags">
                  {p.tags.map((t) => (
                    <Badge key={t} variant="light" radius="sm">
                      {t}
                    </Badge>
                  ))}
                </Group>
              ) : null}
            </Stack>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Button component={Link} to={`/people/${p.id}/edit`} leftSection={<IconEdit size={16} aria-hidden />}>
              Edit
            </Button>
            <Button variant="default" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirm.open}>
              Delete
            </Button>
          </Group>
        </Group>

        <Alert variant="light" color="indigo" icon={<IconMicrophone size={18} aria-hidden />} title="Introduce as">
          {p.introduceAs ? <Text fw={600}>{p.introduceAs}</Text> : <Text c="dimmed">Not noted yet. Ask how they like to be introduced.</Text>}
        </Alert>

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Panel title="Contact">
              <Field label="Email">
                <ContactList lines={p.emails.map((e) => ({ label: e.label, text: e.address, href: `mailto:${e.address}` }))} empty="No email address" />
              </Field>
              <Field label="Phone">
                <ContactList
                  lines={p.phones.map((ph) => ({ label: ph.label, text: ph.number, href: `tel:${ph.number.replace(/[^\d+]/g, '')}` }))}
                  empty="No phone number"
                />
              </Field>
              {p.website ? (
                <Field label="Website">
                  <Anchor href={p.website} target="_blank" rel="noreferrer" size="sm">
                    {p.website.replace(/^https?:\/\//, '')}
                  </Anchor>
                </Field>
              ) : null}
              {p.linkedin ? (
                <Field label="LinkedIn">
                  <Anchor href={p.linkedin} target="_blank" rel="noreferrer" size="sm">
                    {p.linkedin.replace(/^https?:\/\/(www\.)?/, '')}
                  </Anchor>
                </Field>
              ) : null}
              <Field label="Address">
                {address.length ? (
                  address.map((line) => (
                    <Text key={line} size="sm">
                      {line}
                    </Text>
                  ))
                ) : (
                  <Empty>No address</Empty>
                )}
              </Field>
            </Panel>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="lg">
              <Panel title="Seminars">
                <PersonSeminars personId={p.id} />
              </Panel>
              <Panel title="How we met">{p.howWeMet ? <Text size="sm">{p.howWeMet}</Text> : <Empty>Not noted</Empty>}</Panel>
              <Panel title="Notes">
                {p.notes ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {p.notes}
                  </Text>
                ) : (
                  <Empty>No notes yet</Empty>
                )}
              </Panel>
              <Text size="xs" c="dimmed">
                Added {formatDate(p.createdAt)} · Last changed {formatDate(p.updatedAt)}
              </Text>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>

      <Modal opened={confirming} onClose={confirm.close} title={`Delete ${p.name}?`} centered>
        <Stack>
          <Text size="sm">
            {p.name} and everything noted about them will be removed from your book. This cannot be undone.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(p.id, {
                  onSuccess: () => {
                    confirm.close();
                    notifications.show({ message: `${p.name} was deleted.` });
                    navigate('/people', { replace: true });
                  },
                  onError: (e) => notifications.show({ color: 'red', title: 'Could not delete', message: e.message }),
                })
              }
            >
              Delete person
            </Button>
          </Group>
        </Stack>
      </Modal>
    </div>
  );
}
