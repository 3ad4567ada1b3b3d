import { Button, Card, Code, CopyButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { AppearanceSettings } from './AppearanceSettings';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconDatabaseImport } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { PageHeader } from '../../ui/PageHeader';
import { formatDate, plural } from '../../ui/format';
import { useAppInfo, useLoadSample } from '../people/queries';
import { BackupsSettings } from './BackupsSettings';
import { ExportSettings } from './ExportSettings';
import { HospitalitySettings } from './HospitalitySettings';
import { KeepInTouchSettings } from './KeepInTouchSettings';
import { PhoneSettings } from './PhoneSettings';
import { CheckInSettings } from './CheckInSettings';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={200} fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function PathValue({ value, label }: { value: string; label: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Code style={{ wordBreak: 'break-all' }}>{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="subtle" onClick={copy} aria-label={`Copy ${label}`} leftSection={copied ? <IconCheck size={12} /> : <IconCopy size={12} />}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

export function SettingsScreen() {
  const info = useAppInfo();
  const load = useLoadSample();
  const i = info.data;
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <PageHeader title="Settings" />
      <Stack gap="lg" px="xl" pb="xl" maw={900}>
        <Card withBorder radius="md" p="lg" component="section" aria-label="Your data">
          <Title order={2} size="h5" mb={4}>
            Your data
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Your whole book is one SQLite file in this folder on this computer. Nothing leaves it unless you export it.
          </Text>
          {i ? (
            <Table withRowBorders={false} verticalSpacing={6}>
              <Table.Tbody>
                <Row label="Data folder">
                  <PathValue value={i.dataDir} label="data folder" />
                </Row>
                <Row label="Database file">
                  <PathValue value={i.databasePath} label="database file" />
                </Row>
                <Row label="People in the book">{i.peopleCount.toLocaleString()}</Row>
                <Row label="Data format">version {i.schemaVersion}</Row>
                <Row label="Rapport">
                  {i.version} · {i.mode === 'electron' ? 'desktop app' : 'station mode (in a browser)'}
                </Row>
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm" c="dimmed">
              {info.isError ? info.error.message : 'Loading…'}
            </Text>
          )}
        </Card>

        <AppearanceSettings />
        <BackupsSettings />
        <ExportSettings />
        <KeepInTouchSettings />
        <PhoneSettings />
        <CheckInSettings />
        <HospitalitySettings />

        <Card withBorder radius="md" p="lg" component="section" aria-label="Sample data">
          <Title order={2} size="h5" mb={4}>
            Sample data
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            A realistic book of 320 fictional people and two seminars (one past, one upcoming), to explore Rapport before you enter your own. It is added beside your own
            people.
          </Text>
          {i?.sampleLoadedAt ? (
            <Text size="sm">Loaded on {formatDate(i.sampleLoadedAt)}.</Text>
          ) : (
            <Button
              variant="light"
              leftSection={<IconDatabaseImport size={16} aria-hidden />}
              loading={load.isPending}
              disabled={!i}
              style={{ alignSelf: 'flex-start' }}
              onClick={() =>
                load.mutate(undefined, {
                  onSuccess: (r) => notifications.show({ color: 'teal', title: 'Sample data loaded', message: `${plural(r.people, 'person', 'people')} added.` }),
                  onError: (e) => notifications.show({ color: 'red', title: 'Could not load the sample data', message: e.message }),
                })
              }
            >
              Load sample data
            </Button>
          )}
        </Card>
      </Stack>
    </div>
  );
}
