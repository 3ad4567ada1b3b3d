import { Alert, Button, Card, Checkbox, Group, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { IMPORT_ENCODINGS, type ColumnMapping, type DuplicateChoice, type ImportEncoding, type ImportSummary } from '../../../../shared/domain/import';
import { ATTENDANCE_MODES, type AttendanceMode } from '../../../../shared/domain/seminar';
import { PageHeader } from '../../ui/PageHeader';
import { plural } from '../../ui/format';
import { useSeminars } from '../seminars/queries';
import { FileChooser } from './FileChooser';
import { FullExportImport } from './FullExportImport';
import { ImportHistory, UndoImportButton } from './ImportHistory';
import { ColumnMappingTable, FirstRowsTable, MatchesTable, ProblemsList } from './PreviewTables';
import { fileToBase64, useCancelImport, useImportPreview, useImportProgress, useRunImport, type ImportFileInput } from './queries';

const ENCODINGS = (Object.keys(IMPORT_ENCODINGS) as ImportEncoding[]).map((e) => ({ value: e, label: IMPORT_ENCODINGS[e] }));
const MODES: Record<AttendanceMode, string> = { in_person: 'In person', stream: 'On the live stream' };

/**
 * The import wizard: choose a file, check the preview (layout, encoding, columns, first rows,
 * problems, people already in the book), import in one go with progress, then the summary with undo.
 */
export function ImportScreen() {
  const [params] = useSearchParams();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<{ fileName: string; content: string } | null>(null);
  const [fileVersion, setFileVersion] = useState(0);
  const [reading, setReading] = useState<string | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [headerRow, setHeaderRow] = useState<boolean | null>(null);
  const [seminarId, setSeminarId] = useState<number | null>(Number(params.get('seminar')) || null);
  const [mode, setMode] = useState<AttendanceMode>('in_person');
  const [all, setAll] = useState<DuplicateChoice>('merge');
  const [byLine, setByLine] = useState<Record<string, DuplicateChoice>>({});
  const [accepted, setAccepted] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);

  const upcoming = useSeminars('upcoming');
  const past = useSeminars('past');
  const seminars = useMemo(
    () => [...(upcoming.data ?? []), ...(past.data ?? [])].filter((s) => !s.closed).map((s) => ({ value: String(s.id), label: s.title })),
    [upcoming.data, past.data],
  );

  const fullExport = source !== null && /\.json$/i.test(source.fileName);
  const input: ImportFileInput | null = source && !fullExport ? { ...source, encoding, mapping, headerRow, seminarId, mode } : null;
  const preview = useImportPreview(input, fileVersion);
  const run = useRunImport();
  const cancel = useCancelImport();
  const progress = useImportProgress(run.isPending);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setSource(null);
    setEncoding(null);
    setMapping(null);
    setHeaderRow(null);
    setByLine({});
    setAccepted(false);
    setSummary(null);
    run.reset();
    if (!chosen) return;
    setReading(chosen.name);
    try {
      setSource({ fileName: chosen.name, content: await fileToBase64(chosen) });
      setFileVersion((v) => v + 1);
    } finally {
      setReading(null);
    }
  };

  const start = () => {
    if (!input) return;
    cancel.reset();
    run.mutate({ ...input, duplicates: all, byLine, acceptProblems: accepted }, { onSuccess: setSummary });
  };

  const p = preview.data;
  const hasProblems = (p?.problems.length ?? 0) > 0;
  const done = progress.data?.running ? progress.data.done : 0;
  const total = progress.data?.running ? progress.data.total : 0;

  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <PageHeader title="Import" subtitle="People into your book, and attendees into a seminar" />
      <Stack gap="lg" px="xl" pb="xl" maw={1100}>
        {summary ? (
          <Card withBorder radius="md" p="lg" component="section" aria-label="Import finished">
            <Group gap="xs" mb="xs">
              <IconCheck size={20} color="var(--mantine-color-teal-6)" aria-hidden />
              <Title order={2} size="h4">
                Import finished
              </Title>
            </Group>
            <Text>
              {plural(summary.created, 'person', 'people')} created, {summary.merged.toLocaleString()} merged, {summary.skipped.toLocaleString()} skipped,{' '}
              {summary.rejected.length.toLocaleString()} rejected{summary.registered ? `, ${plural(summary.registered, 'registration')} added` : ''}.
            </Text>
            {summary.rejected.length ? <ProblemsList problems={summary.rejected} /> : null}
            <Text size="sm" c="dimmed" mt="xs">
              A backup was taken just before: {summary.backup}.
            </Text>
            <Group mt="md">
              <Button component={Link} to="/people">
                Show people
              </Button>
              <UndoImportButton id={summary.importId} fileName={source?.fileName ?? ''} onUndone={() => setSummary(null)} />
              <Button variant="default" onClick={() => void choose(null)}>
                Import another file
              </Button>
            </Group>
          </Card>
        ) : (
          <>
            <FileChooser file={file} onChoose={(f) => void choose(f)} />
            <Group align="flex-end">
              <Select
                label="Register everyone for a seminar"
                placeholder="No seminar: people only"
                data={seminars}
                value={seminarId ? String(seminarId) : null}
                onChange={(v) => setSeminarId(v ? Number(v) : null)}
                clearable
                w={360}
              />
              {seminarId ? (
                <Select
                  label="Attending"
                  data={ATTENDANCE_MODES.map((m) => ({ value: m, label: MODES[m] }))}
                  value={mode}
                  allowDeselect={false}
                  onChange={(v) => v && setMode(v as AttendanceMode)}
                  w={220}
                />
              ) : null}
            </Group>
            {reading ? <Text c="dimmed">Reading {reading}…</Text> : null}
            {fullExport && source ? <FullExportImport content={source.content} /> : null}
            {preview.isFetching && !p ? <Text c="dimmed">Reading the file…</Text> : null}
            {preview.error ? (
              <Alert color="red" icon={<IconAlertTriangle size={16} aria-hidden />} title="This file cannot be read">
                {preview.error.message}
              </Alert>
            ) : null}
            {p ? (
              <Card withBorder radius="md" p="lg" component="section" aria-label="Preview">
                <Stack gap="lg">
                  <Group justify="space-between" align="flex-end">
                    <div>
                      <Title order={2} size="h4">
                        {p.formatLabel}
                      </Title>
                      <Text size="sm" c="dimmed">
                        {plural(p.people, 'person', 'people')} to import · {plural(p.problems.length, 'problem')}
                      </Text>
                    </div>
                    <Select
                      label="Character encoding"
                      description="Change it if names look garbled"
                      data={ENCODINGS}
                      value={p.encoding}
                      allowDeselect={false}
                      onChange={(v) => v && setEncoding(v as ImportEncoding)}
                      w={300}
                    />
                  </Group>
                  {p.mapping ? (
                    <ColumnMappingTable
                      header={p.header}
                      samples={p.samples}
                      mapping={mapping ?? p.mapping}
                      remembered={p.mappingRemembered}
                      headerRow={headerRow ?? p.headerRow}
                      onChange={(m) => {
                        // Another mapping finds other problems: the owner looks at them again.
                        setAccepted(false);
                        setMapping(m);
                      }}
                      onHeaderRow={(named) => {
                        // Other columns: the mapping made for the old ones no longer applies.
                        setAccepted(false);
                        setMapping(null);
                        setHeaderRow(named);
                      }}
                    />
                  ) : null}
                  {p.people > 0 ? <FirstRowsTable preview={p} /> : null}
                  <ProblemsList problems={p.problems} />
                  <MatchesTable preview={p} all={all} byLine={byLine} onAll={setAll} onLine={(line, c) => setByLine((b) => ({ ...b, [String(line)]: c }))} />
                  {hasProblems && p.people > 0 ? (
                    <Checkbox
                      label={`Import the ${plural(p.people, 'person', 'people')} that can be read; what is listed under Problems is left out`}
                      checked={accepted}
                      onChange={(e) => setAccepted(e.currentTarget.checked)}
                    />
                  ) : null}
                  {run.isPending ? (
                    <Stack gap={4}>
                      <Progress value={total ? (100 * done) / total : 0} aria-label="Import progress" size="lg" animated />
                      <Group justify="space-between">
                        <Text size="sm" aria-live="polite">
                          {cancel.isSuccess ? 'Cancelling…' : `Importing ${plural(p.people, 'person', 'people')}: ${total ? Math.floor((100 * done) / total) : 0}%`}
                        </Text>
                        <Button variant="default" size="xs" onClick={() => cancel.mutate()} disabled={cancel.isPending || cancel.isSuccess}>
                          Cancel import
                        </Button>
                      </Group>
                    </Stack>
                  ) : (
                    <Group>
                      <Button onClick={start} disabled={preview.isPlaceholderData || p.people === 0 || (hasProblems && !accepted)}>
                        Import {plural(p.people, 'person', 'people')}
                      </Button>
                      {run.error ? (
                        <Text c="red" size="sm" role="alert">
                          {run.error.message}
                        </Text>
                      ) : null}
                    </Group>
                  )}
                </Stack>
              </Card>
            ) : null}
          </>
        )}
        <ImportHistory />
      </Stack>
    </div>
  );
}
