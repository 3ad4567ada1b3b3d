import { Badge, Checkbox, Group, List, ScrollArea, Select, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { DUPLICATE_CHOICES, MAPPABLE_FIELDS, type ColumnMapping, type DuplicateChoice, type ImportPreview, type MappableField } from '../../../../shared/domain/import';
import { MATCH_REASONS } from '../../../../shared/domain/merge';
import { plural } from '../../ui/format';

const CHOICE_LABELS: Record<DuplicateChoice, string> = { merge: 'Merge', skip: 'Skip', create: 'Create anyway' };
const CHOICES = DUPLICATE_CHOICES.map((c) => ({ value: c, label: CHOICE_LABELS[c] }));
const NOT_IMPORTED = '';
const FIELD_OPTIONS = [{ value: NOT_IMPORTED, label: 'Do not import' }, ...(Object.keys(MAPPABLE_FIELDS) as MappableField[]).map((f) => ({ value: f, label: MAPPABLE_FIELDS[f] }))];

/** For a CSV of no known layout: what each column holds, each shown with its first values. */
export function ColumnMappingTable({
  header,
  samples,
  mapping,
  remembered,
  headerRow,
  onChange,
  onHeaderRow,
}: {
  header: string[];
  samples: string[][];
  mapping: ColumnMapping;
  remembered: boolean;
  headerRow: boolean;
  onChange: (m: ColumnMapping) => void;
  onHeaderRow: (named: boolean) => void;
}) {
  return (
    <section aria-label="Columns">
      <Title order={3} size="h6" mb={4}>
        Columns
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {remembered
          ? 'As you mapped these columns last time.'
          : headerRow
            ? 'Rapport did not recognise this layout. Say what each column holds; it remembers your choice for files with the same columns.'
            : 'This file has no row naming its columns, so each is shown with its first values. Say what each holds.'}
      </Text>
      <Checkbox mb="xs" label="The first row names the columns" checked={headerRow} onChange={(e) => onHeaderRow(e.currentTarget.checked)} />
      <Table verticalSpacing={4} aria-label="Column mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Column</Table.Th>
            <Table.Th>First values</Table.Th>
            <Table.Th>Holds</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {header.map((h, i) =>
            h.trim() ? (
              <Table.Tr key={`${i}-${h}`}>
                <Table.Td w="25%">{h}</Table.Td>
                <Table.Td w="40%">
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {(samples[i] ?? []).length
                      ? (samples[i] ?? []).map((v, n) => (
                          // A short value wraps as a whole (a phone number is not cut between lines); a long one wraps where it must.
                          <Fragment key={n}>
                            {n ? ' · ' : ''}
                            <span style={{ whiteSpace: v.length <= 30 ? 'nowrap' : undefined }}>{v}</span>
                          </Fragment>
                        ))
                      : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={headerRow ? `Column “${h}”` : `${h} (“${samples[i]?.[0] ?? 'empty'}”)`}
                    data={FIELD_OPTIONS}
                    value={mapping[h] ?? NOT_IMPORTED}
                    allowDeselect={false}
                    onChange={(v) => {
                      const next = { ...mapping };
                      if (v) next[h] = v as MappableField;
                      else delete next[h];
                      onChange(next);
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ) : null,
          )}
        </Table.Tbody>
      </Table>
    </section>
  );
}

export function FirstRowsTable({ preview }: { preview: ImportPreview }) {
  return (
    <section aria-label="First rows">
      <Title order={3} size="h6" mb={4}>
        {preview.rows.length < preview.people ? `The first ${preview.rows.length} of ${plural(preview.people, 'person', 'people')}, as they will be imported` : 'As they will be imported'}
      </Title>
      <ScrollArea.Autosize mah={320}>
        <Table striped verticalSpacing={4} aria-label="Rows as they will be imported">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{preview.format === 'vcard' ? 'Card at line' : 'Line'}</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Organization</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Phone</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r) => (
              <Table.Tr key={r.line}>
                <Table.Td>{r.line}</Table.Td>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>{r.organization}</Table.Td>
                <Table.Td>{r.email}</Table.Td>
                <Table.Td>{r.phone}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </section>
  );
}

export function ProblemsList({ problems }: { problems: ImportPreview['problems'] }) {
  if (problems.length === 0) return null;
  return (
    <section aria-label="Problems">
      <Group gap="xs" mb={4}>
        <Title order={3} size="h6">
          Problems
        </Title>
        <Badge color="orange" variant="light">
          {problems.length.toLocaleString()}
        </Badge>
      </Group>
      <ScrollArea.Autosize mah={220}>
        <List size="sm" spacing={2} aria-label="Problems by line">
          {problems.map((p, i) => (
            <List.Item key={`${p.line}-${i}`}>
              <Text span fw={600} size="sm">
                Line {p.line}:
              </Text>{' '}
              {p.message}
            </List.Item>
          ))}
        </List>
      </ScrollArea.Autosize>
    </section>
  );
}

/** People in the file who are likely already in the book, with what to do about each. */
export function MatchesTable({
  preview,
  all,
  byLine,
  onAll,
  onLine,
}: {
  preview: ImportPreview;
  all: DuplicateChoice;
  byLine: Record<string, DuplicateChoice>;
  onAll: (c: DuplicateChoice) => void;
  onLine: (line: number, c: DuplicateChoice) => void;
}) {
  if (preview.matchCount === 0) return null;
  return (
    <section aria-label="Already in your book">
      <Group justify="space-between" align="flex-end" mb="xs">
        <div>
          <Title order={3} size="h6">
            Already in your book
          </Title>
          <Text size="sm" c="dimmed">
            {plural(preview.matchCount, 'person', 'people')} in the file {preview.matchCount === 1 ? 'looks' : 'look'} like someone you have: merge fills in what
            your book lacks and keeps what it has; skip leaves your book as it is.
            {preview.matches.length < preview.matchCount ? ` The first ${preview.matches.length} are listed; the choice for all applies to the rest.` : ''}
          </Text>
        </div>
        <Select label="For every match" data={CHOICES} value={all} allowDeselect={false} onChange={(v) => v && onAll(v as DuplicateChoice)} w={200} />
      </Group>
      <ScrollArea.Autosize mah={360}>
        <Table verticalSpacing={4} aria-label="Matches">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>In the file</Table.Th>
              <Table.Th>In your book</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th>What to do</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.matches.map((m) => (
              <Table.Tr key={m.line}>
                <Table.Td>
                  <Text size="sm">{m.incoming.name}</Text>
                  <Text size="xs" c="dimmed">
                    Line {m.line} · {[m.incoming.organization, m.incoming.email].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{m.existing.name}</Text>
                  <Text size="xs" c="dimmed">
                    {[m.existing.organization, m.existing.email].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{MATCH_REASONS[m.reason]}</Text>
                </Table.Td>
                <Table.Td w={200}>
                  <Select
                    aria-label={`For line ${m.line}, ${m.incoming.name}`}
                    data={CHOICES}
                    value={byLine[String(m.line)] ?? all}
                    allowDeselect={false}
                    onChange={(v) => v && onLine(m.line, v as DuplicateChoice)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </section>
  );
}
