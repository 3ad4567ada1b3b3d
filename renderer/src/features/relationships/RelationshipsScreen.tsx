import { Anchor, Badge, Box, Button, Checkbox, Group, NumberInput, Select, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { startTransition, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { STANDING_LISTS, STANDING_LIST_INFO, type StandingList, type StandingRow } from '../../../../shared/domain/relationship';
import { MARKS, MARK_LABELS, type Mark } from '../../../../shared/domain/standing';
import { guessKind } from '../../../../shared/domain/followup';
import { todayInput } from '../../ui/days';
import { formatDay, plural } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { call } from '../../api/client';
import { downloadFile } from '../followups/queries';
import { useBoundaryChoice } from '../../ui/useBoundaryChoice';
import { useBookWrite, useStandingCounts, useStandingList } from './queries';
import { StageBadge } from './StandingPanel';

/** The lists that drive action (DOMAIN.md, Measures), with bulk tag and mark on a selection. */
export function RelationshipsScreen() {
  const [params, setParams] = useSearchParams();
  const list = STANDING_LISTS.find((l) => l === params.get('list')) ?? 'ready';
  return (
    <>
      <PageHeader title="Relationships" subtitle="Who is ready to become a client, who is slipping away, and who is worth getting to know." />
      <Tabs value={list} onChange={(l) => l && setParams({ list: l }, { replace: true })} px="xl" keepMounted={false} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <Tabs.List>
          {STANDING_LISTS.map((l) => (
            <ListTab key={l} list={l} />
          ))}
        </Tabs.List>
        {STANDING_LISTS.map((l) => (
          <Tabs.Panel key={l} value={l} pt="md" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
            <StandingListView list={l} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

function ListTab({ list }: { list: StandingList }) {
  const total = useStandingCounts().data?.[list];
  return (
    <Tabs.Tab value={list} rightSection={total !== undefined ? <Badge size="sm" variant="light" aria-label={`${total} people`}>{total}</Badge> : null}>
      {STANDING_LIST_INFO[list].title}
    </Tabs.Tab>
  );
}

function StandingListView({ list }: { list: StandingList }) {
  const query = useStandingList(list);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const rows = query.data?.items ?? [];
  const shown = useRowsInStages(rows);
  useEffect(() => {
    // People who left the list (marked, re-scored) leave the selection too.
    setSelected((prev) => new Set([...prev].filter((id) => rows.some((r) => r.id === id))));
  }, [query.data]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the list itself changes
  const all = rows.length > 0 && selected.size === rows.length;
  const toggle = (id: number) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Stack gap="sm" pb="xl">
      <Text size="sm" c="dimmed">
        {STANDING_LIST_INFO[list].description}
      </Text>
      <BulkActions ids={[...selected]} list={list} />
      {query.isSuccess && rows.length === 0 ? (
        <Text c="dimmed" ta="center" py={48}>
          No one is on this list today.
        </Text>
      ) : (
        <Table aria-label={STANDING_LIST_INFO[list].title} highlightOnHover stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Select everyone on this list"
                  checked={all}
                  indeterminate={selected.size > 0 && !all}
                  onChange={() => setSelected(all ? new Set() : new Set(rows.map((r) => r.id)))}
                />
              </Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Organization</Table.Th>
              <Table.Th>Stage</Table.Th>
              <Table.Th ta="right">Score</Table.Th>
              <Table.Th ta="right">Client test</Table.Th>
              <Table.Th>Last personal touch</Table.Th>
              <Table.Th ta="right">Cadence</Table.Th>
              <Table.Th>Marks</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r) => (
              <Row key={r.id} row={r} checked={selected.has(r.id)} onToggle={() => toggle(r.id)} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {query.data && query.data.total > rows.length ? (
        <Text size="sm" c="dimmed">
          Showing the {rows.length.toLocaleString()} highest scores of {plural(query.data.total, 'person', 'people')}.
        </Text>
      ) : null}
    </Stack>
  );
}

/** Rows on the first screen and then some: the list is on screen at once, the rest follows. */
const FIRST_ROWS = 40;

/**
 * The rows to render: the first few at once, then all of them in a transition, which React renders
 * beside the owner's keys and clicks instead of before the list can paint (a list holds up to
 * 1,000 people; rendering all of them first held the screen back by most of a second).
 */
function useRowsInStages<T>(rows: T[]): T[] {
  const [all, setAll] = useState<T[] | null>(null);
  useEffect(() => {
    if (rows.length <= FIRST_ROWS) return;
    startTransition(() => setAll(rows));
  }, [rows]);
  return all === rows || rows.length <= FIRST_ROWS ? rows : rows.slice(0, FIRST_ROWS);
}

function Row({ row: r, checked, onToggle }: { row: StandingRow; checked: boolean; onToggle: () => void }) {
  const marks = MARKS.filter((m) => r.marks[m]);
  return (
    <Table.Tr>
      <Table.Td>
        <Checkbox aria-label={`Select ${r.name}`} checked={checked} onChange={onToggle} />
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/people/${r.id}`} fw={600} size="sm">
          {r.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{r.organization}</Text>
      </Table.Td>
      <Table.Td>
        <StageBadge stage={r.stage} size="sm" />
      </Table.Td>
      <Table.Td ta="right" fw={600}>
        {r.score}
      </Table.Td>
      <Table.Td ta="right">{r.yeses} of 4 yes</Table.Td>
      <Table.Td>
        {r.lastPersonalOn ? (
          formatDay(r.lastPersonalOn)
        ) : (
          <Text span size="sm" fw={600}>
            Never <Text span size="xs" c="dimmed">(known since {formatDay(r.knownSince)})</Text>
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{r.cadenceDays} days</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {marks.map((m) => (
            <Badge key={m} size="sm" variant="light" color={m === 'friend' ? 'pink' : 'grape'}>
              {MARK_LABELS[m].label}
            </Badge>
          ))}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Tag or mark every selected person in one step. */
function BulkActions({ ids, list }: { ids: number[]; list: StandingList }) {
  const [tag, setTag] = useState('');
  const [step, setStep] = useState('Call to catch up');
  const [cadence, setCadence] = useState<number | ''>('');
  const createFollowUps = useBookWrite('followUps.createMany');
  const setCadences = useBookWrite('people.setCadence');
  const [mark, setMarkChoice] = useState<Mark>('cultivate');
  const tagPeople = useBookWrite('people.tag');
  const markPeople = useBookWrite('relationship.mark');
  const failed = (error: Error) => notifications.show({ color: 'red', title: 'Not saved', message: error.message });
  const none = ids.length === 0;
  const boundary = useBoundaryChoice();
  const createForEach = () =>
    boundary
      .run((boundaries) =>
        createFollowUps.mutateAsync({
          personIds: ids,
          what: step,
          kind: guessKind(step),
          dueOn: todayInput(),
          source: list === 'dueToReconnect' ? 'reconnect' : 'people_list',
          boundaries,
        }),
      )
      .then((r) => {
        if (!r) return;
        const left = r.leftOut ? ` ${plural(r.leftOut, 'person', 'people')} left out for their boundaries.` : '';
        notifications.show({ message: `${plural(r.created, 'follow-up')} added to today’s agenda.${left}` });
      }, failed);
  return (
    <Box p="sm" bg="var(--mantine-color-default-hover)" style={{ borderRadius: 8 }} role="group" aria-label="Bulk actions">
      {boundary.element}
      <Group gap="sm" align="flex-end">
        <Text size="sm" fw={600} w={120} style={{ whiteSpace: 'nowrap' }}>
          {none ? 'None selected' : `${ids.length} selected`}
        </Text>
        <TextInput label="Tag" placeholder="e.g. Dinner list" value={tag} onChange={(e) => setTag(e.currentTarget.value)} size="xs" w={180} />
        <Button
          size="xs"
          variant="light"
          disabled={none || !tag.trim()}
          loading={tagPeople.isPending}
          onClick={() =>
            tagPeople.mutate(
              { personIds: ids, tag },
              {
                onSuccess: () => {
                  notifications.show({ message: `Tagged ${plural(ids.length, 'person', 'people')} “${tag.trim()}”.` });
                  setTag('');
                },
                onError: failed,
              },
            )
          }
        >
          Add tag
        </Button>
        <Select label="Mark" data={MARKS.map((m) => ({ value: m, label: MARK_LABELS[m].label }))} value={mark} onChange={(m) => m && setMarkChoice(m as Mark)} allowDeselect={false} size="xs" w={150} />
        {([true, false] as const).map((on) => (
          <Button
            key={String(on)}
            size="xs"
            variant={on ? 'light' : 'default'}
            disabled={none}
            loading={markPeople.isPending}
            onClick={() =>
              markPeople.mutate(
                { personIds: ids, mark, on },
                { onSuccess: ({ changed }) => notifications.show({ message: `${on ? 'Marked' : 'Unmarked'} ${plural(changed, 'person', 'people')}.` }), onError: failed },
              )
            }
          >
            {on ? 'Mark' : 'Unmark'}
          </Button>
        ))}
      </Group>
      <Group gap="sm" align="flex-end" mt="xs">
        <Box w={120} />
        <TextInput label="Follow-up" value={step} onChange={(e) => setStep(e.currentTarget.value)} size="xs" w={220} />
        <Button
          size="xs"
          variant="light"
          disabled={none || !step.trim()}
          loading={createFollowUps.isPending}
          onClick={() => void createForEach()}
        >
          Create for each
        </Button>
        <NumberInput
          label="Keep in touch every (days)"
          placeholder="Stage default"
          min={1}
          max={3650}
          allowDecimal={false}
          value={cadence}
          onChange={(v) => setCadence(typeof v === 'number' ? v : '')}
          size="xs"
          w={190}
        />
        <Button
          size="xs"
          variant="light"
          disabled={none}
          loading={setCadences.isPending}
          onClick={() =>
            setCadences.mutate(
              { personIds: ids, days: cadence === '' ? null : cadence },
              {
                onSuccess: () =>
                  notifications.show({ message: cadence === '' ? 'Back to their stage’s cadence.' : `Keeping in touch every ${cadence} days.` }),
                onError: failed,
              },
            )
          }
        >
          {cadence === '' ? 'Use stage cadence' : 'Set cadence'}
        </Button>
        <Button size="xs" variant="default" disabled={none} onClick={() => void exportSelected(ids, 'vcard')}>
          Export as vCard
        </Button>
        <Button size="xs" variant="default" disabled={none} onClick={() => void exportSelected(ids, 'csv')}>
          Export as CSV
        </Button>
      </Group>
    </Box>
  );
}

/** The selected people out, as vCard 4.0 or CSV (home addresses stay out: Settings → Export can include them). */
async function exportSelected(personIds: number[], kind: 'vcard' | 'csv') {
  try {
    const file = kind === 'vcard' ? await call('exports.vcard', { personIds }) : await call('exports.peopleCsv', { personIds });
    downloadFile(file.filename, file.content, kind === 'vcard' ? 'text/vcard' : 'text/csv;charset=utf-8');
    notifications.show({ message: `${plural(file.count, 'person', 'people')} exported to ${file.filename}.` });
  } catch (error) {
    notifications.show({ color: 'red', title: 'Not exported', message: (error as Error).message });
  }
}
