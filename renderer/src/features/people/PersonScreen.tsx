import { Alert, Anchor, Badge, Button, Grid, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconFileText, IconMicrophone, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Person } from '../../../../shared/domain/person';
import { DEFAULT_PHONE_REGION, phoneLabel, telUri } from '../../../../shared/domain/phone';
import { BackLink } from '../../ui/BackLink';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { formatDate } from '../../ui/format';
import { NotFound } from '../../ui/NotFound';
import { Empty, Field, Panel } from '../../ui/Panel';
import { AdvocacyPanel } from '../relationships/AdvocacyPanel';
import { FollowUpsPanel } from '../followups/FollowUpsPanel';
import { PersonHospitalityPanel } from '../hospitality/PersonHospitalityPanel';
import { ClientTestPanel } from '../relationships/ClientTestPanel';
import { LinksPanel } from '../relationships/LinksPanel';
import { LogTouchDialog } from '../relationships/LogTouchDialog';
import { NeedsPanel } from '../relationships/NeedsPanel';
import { PurchasesPanel } from '../relationships/PurchasesPanel';
import { StageBadge, StandingPanel } from '../relationships/StandingPanel';
import { TimelinePanel } from '../relationships/TimelinePanel';
import { useRelationship } from '../relationships/queries';
import { PersonSeminars } from '../seminars/PersonSeminars';
import { useBookChanged, useDeletePerson, usePerson, usePhoneSettings } from './queries';
import { announceTrashed } from '../trash/announceTrashed';
import { BoundaryFlagsEditor } from '../boundaries/BoundaryFlags';
import { DatesPanel } from '../dates/DatesPanel';
import { PhotoControl } from '../dates/PhotoControl';

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
  const region = usePhoneSettings().data?.region ?? DEFAULT_PHONE_REGION;
  const relationship = useRelationship(id);
  const remove = useDeletePerson();
  const changed = useBookChanged();
  const [confirming, confirm] = useDisclosure(false);
  const [logging, logTouch] = useDisclosure(false);
  useHotkeys([
    ['E', () => person.data && navigate(`/people/${id}/edit`)],
    ['L', () => person.data && logTouch.open()],
  ]);

  if (person.isPending) return <LoadingScreen />;
  if (person.isError) return <NotFound title="This person is not in your book" error={person.error} retry={() => person.refetch()} back={{ to: '/people', label: 'Back to People' }} />;
  const p = person.data;
  const subtitle = [p.role, p.organization].filter(Boolean).join(' · ');
  const address = addressLines(p);
  const r = relationship.data;
  const who = { id: p.id, name: p.name };

  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <Stack gap="lg" px="xl" py="lg" maw={1320}>
        <BackLink to="/people" label="People" />
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <PhotoControl personId={p.id} name={p.name} flags={p.boundaryFlags} />
            <Stack gap={4}>
              <Title order={1} size="h2">
                {p.name}
              </Title>
              {subtitle ? <Text c="dimmed">{subtitle}</Text> : null}
              {r ? (
                <Group gap={6}>
                  <StageBadge stage={r.stage} />
                  {r.marks.friend ? (
                    <Badge variant="light" color="pink" radius="sm">
                      Friend
                    </Badge>
                  ) : null}
                  <Text size="sm" c="dimmed">
                    Rapport {r.score.score}
                  </Text>
                </Group>
              ) : null}
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
            <Button component={Link} to={`/reports/dossier/${p.id}`} variant="default" leftSection={<IconFileText size={16} aria-hidden />}>
              Dossier
            </Button>
            <Button variant="default" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirm.open}>
              Delete
            </Button>
          </Group>
        </Group>

        <Alert variant="light" color="indigo" icon={<IconMicrophone size={18} aria-hidden />} title="Introduce as">
          {p.introduceAs ? <Text fw={600}>{p.introduceAs}</Text> : <Text c="dimmed">Not noted yet. Ask how they like to be introduced.</Text>}
        </Alert>

        {r ? (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <StandingPanel relationship={r} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <ClientTestPanel relationship={r} personName={p.name} />
            </Grid.Col>
          </Grid>
        ) : null}

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="lg">
              <TimelinePanel person={who} onLog={logTouch.open} />
              <Panel title="What they want">
                <Field label="Desired results">{p.desiredResults ? <Text size="sm">{p.desiredResults}</Text> : <Empty>Not known yet</Empty>}</Field>
                <Field label="Their work">{p.theirWork ? <Text size="sm">{p.theirWork}</Text> : <Empty>Not known yet</Empty>}</Field>
                <Field label="Boundaries">
                  <Stack gap={6}>
                    <BoundaryFlagsEditor personId={p.id} flags={p.boundaryFlags} />
                    {p.boundaries ? <Text size="sm">{p.boundaries}</Text> : <Empty>Nothing else noted</Empty>}
                  </Stack>
                </Field>
              </Panel>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="lg">
              {r ? (
                <>
                  <FollowUpsPanel person={who} relationship={r} />
                  <PersonHospitalityPanel personId={p.id} />
                  <DatesPanel personId={p.id} />
                  <NeedsPanel personId={p.id} needs={r.needs} />
                  <PurchasesPanel personId={p.id} purchases={r.purchases} />
                  <AdvocacyPanel person={who} given={r.advocacyGiven} referredBy={r.referredBy} />
                  <LinksPanel person={who} links={r.links} />
                </>
              ) : null}
              <Panel title="Contact">
                <Field label="Email">
                  <ContactList lines={p.emails.map((e) => ({ label: e.label, text: e.address, href: `mailto:${e.address}` }))} empty="No email address" />
                </Field>
                <Field label="Phone">
                  <ContactList
                    lines={p.phones.map((ph) => ({ label: phoneLabel(ph), text: ph.number, href: telUri(ph.number, region) ?? `tel:${ph.number.replace(/[^\d+]/g, '')}` }))}
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

      <LogTouchDialog person={who} opened={logging} onClose={logTouch.close} />
      <Modal opened={confirming} onClose={confirm.close} title={`Delete ${p.name}?`} centered>
        <Stack>
          <Text size="sm">
            {p.name} and everything noted about them will be removed from your book. The trash keeps them 30 days, to put back.
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
                  onSuccess: ({ trashId }) => {
                    confirm.close();
                    announceTrashed(`${p.name} was deleted.`, trashId, async (personId) => {
                      await changed();
                      navigate(`/people/${personId}`);
                    });
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
