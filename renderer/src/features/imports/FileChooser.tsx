import { FileInput, Paper, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';

/** Choose a file, or drop one on the area. */
export function FileChooser({ file, onChoose }: { file: File | null; onChoose: (file: File | null) => void }) {
  const [over, setOver] = useState(false);
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      style={{ borderStyle: 'dashed', background: over ? 'var(--mantine-color-blue-light)' : undefined }}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const dropped = e.dataTransfer.files[0];
        if (dropped) onChoose(dropped);
      }}
    >
      <Stack gap="xs">
        <FileInput
          label="File to import"
          description="vCard (.vcf) from a phone or mail program; a CSV from Google, Outlook, LinkedIn, Eventbrite, Zoom, Meetup or a spreadsheet; or a Rapport full export (.json)"
          placeholder="Choose a file…"
          accept=".vcf,.vcard,.csv,.txt,.tsv,.xls,.json,text/vcard,text/csv,application/json"
          leftSection={<IconFileImport size={16} aria-hidden />}
          value={file}
          onChange={onChoose}
          clearable
        />
        <Text size="sm" c="dimmed">
          …or drop the file here.
        </Text>
      </Stack>
    </Paper>
  );
}
