import { Button, Card, Group, Select, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAddressBook, IconFileSpreadsheet, IconFileZip } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../api/client';
import { plural } from '../../ui/format';
import { downloadFile } from '../followups/queries';
import { useTags } from '../people/queries';

type Kind = 'vcard' | 'csv' | 'full';

/** The whole book out: vCard for address books, CSV for spreadsheets, and everything as JSON. */
export function ExportSettings() {
  const [includePersonal, setIncludePersonal] = useState(false);
  const [tag, setTag] = useState<string | null>(null);
  const tags = useTags();
  const [busy, setBusy] = useState<Kind | null>(null);
  const run = async (kind: Kind) => {
    setBusy(kind);
    try {
      const file =
        kind === 'vcard'
          ? await call('exports.vcard', { includePersonal, tag })
          : kind === 'csv'
            ? await call('exports.peopleCsv', { includePersonal, tag })
            : await call('exports.full', { includePersonal });
      downloadFile(file.filename, file.content, kind === 'vcard' ? 'text/vcard' : kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json');
      notifications.show({ message: `${plural(file.count, 'person', 'people')} exported to ${file.filename}.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not exported', message: (error as Error).message });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label="Export">
      <Title order={2} size="h5" mb={4}>
        Export
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Your book, out: vCard 4.0 for any address book, CSV for spreadsheets (UTF-8, accents kept), or everything as one JSON document (format in docs/EXPORT.md).
      </Text>
      <Switch
        mb="md"
        label="Include home addresses and family"
        description="Personal details stay out of exports unless you ask for them, each time."
        checked={includePersonal}
        onChange={(e) => setIncludePersonal(e.currentTarget.checked)}
      />
      <Select
        mb="md"
        label="People to export as vCard or CSV"
        placeholder="Everyone"
        data={(tags.data ?? []).map((t) => ({ value: t.name, label: `Tagged “${t.name}” (${t.count})` }))}
        value={tag}
        onChange={setTag}
        clearable
        w={360}
      />
      <Group gap="sm">
        <Button variant="light" leftSection={<IconAddressBook size={16} aria-hidden />} loading={busy === 'vcard'} onClick={() => void run('vcard')}>
          People as vCard
        </Button>
        <Button variant="light" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} loading={busy === 'csv'} onClick={() => void run('csv')}>
          People as CSV
        </Button>
        <Button variant="light" leftSection={<IconFileZip size={16} aria-hidden />} loading={busy === 'full'} onClick={() => void run('full')}>
          Everything (JSON)
        </Button>
      </Group>
    </Card>
  );
}
