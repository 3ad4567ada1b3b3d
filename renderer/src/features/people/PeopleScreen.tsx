import { ActionIcon, Badge, Box, Button, Group, Loader, NumberInput, Select, Text, TextInput, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconCalendarPlus, IconMessagePlus, IconPlus, IconSearch, IconX, IconFileImport, IconUsers } from '@tabler/icons-react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PEOPLE_SORTS, type PeopleSort, type PersonSummary } from '../../../../shared/domain/person';
import { STAGES, STAGE_LABELS, type Stage } from '../../../../shared/domain/standing';
import { FollowUpDialog } from '../followups/FollowUpDialog';
import { LogTouchDialog } from '../relationships/LogTouchDialog';
import { StageBadge } from '../relationships/StandingPanel';
import { PageHeader } from '../../ui/PageHeader';
import { PersonAvatar } from '../../ui/PersonAvatar';
import { plural } from '../../ui/format';
import { useStableHandler } from '../../ui/useStableHandler';
import { EmptyBook } from './EmptyBook';
import { PAGE_SIZE, peoplePageQuery, useTags, type PeopleQuery } from './queries';

const ROW_HEIGHT = 56;
const COLUMNS: { label: string; sort?: PeopleSort; hidden?: boolean }[] = [
  { label: 'Name', sort: 'name' },
  { label: 'Organization', sort: 'organization' },
  { label: 'Stage' },
  { label: 'Score', sort: 'score' },
  { label: 'Email' },
  { label: 'Phone' },
  { label: 'Tags' },
  { label: 'Actions', hidden: true },
];

const SORTS_HIGHEST_FIRST: PeopleSort[] = ['updated', 'score'];

/** Search, tag and sort live in the URL so Back returns to the same list. */
function useListParams(): [PeopleQuery, (patch: Partial<PeopleQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const value: PeopleQuery = {
    query: params.get('q') ?? '',
    tag: params.get('tag'),
    stage: STAGES.find((s) => s === params.get('stage')) ?? null,
    minScore: Math.min(100, Math.max(0, Math.trunc(Number(params.get('min')) || 0))),
    sort: PEOPLE_SORTS.find((s) => s === params.get('sort')) ?? 'name',
    direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
  const update = (patch: Partial<PeopleQuery>) => {
    const next = { ...value, ...patch };
    const out = new URLSearchParams();
    if (next.query) out.set('q', next.query);
    if (next.tag) out.set('tag', next.tag);
    if (next.stage) out.set('stage', next.stage);
    if (next.minScore > 0) out.set('min', String(next.minScore));
    if (next.sort !== 'name') out.set('sort', next.sort);
    if (next.direction !== 'asc') out.set('dir', next.direction);
    setParams(out, { replace: true });
  };
  return [value, update];
}

export function PeopleScreen() {
  const navigate = useNavigate();
  const [params, update] = useListParams();
  // The field owns what is typed and the list follows it at once; the URL (for Back) follows when
  // typing pauses: each URL change re-renders the whole route, which is not worth a keystroke.
  const [typed, setTyped] = useState(params.query);
  const query = typed;
  const [settled] = useDebouncedValue(typed, 300);
  useEffect(() => {
    if (settled !== params.query) update({ query: settled });
  }, [settled]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the settled text changes
  const { tag, stage, minScore, sort, direction } = params;
  const listParams = useMemo(() => ({ query, tag, stage, minScore, sort, direction }), [query, tag, stage, minScore, sort, direction]);
  const client = useQueryClient();
  const type = useStableHandler((text: string) => {
    // The request leaves now, not after React has rendered the keystroke (as on the check-in table).
    void client.prefetchQuery(peoplePageQuery({ ...listParams, query: text }, 0));
    setTyped(text);
  });
  const openPerson = useStableHandler((id: number) => navigate(`/people/${id}`));
  const [logging, setLogging] = useState<{ id: number; name: string } | null>(null);
  const [followingUp, setFollowingUp] = useState<{ id: number; name: string } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const tags = useTags();

  useHotkeys([
    ['/', () => searchRef.current?.focus()],
    ['mod+K', () => searchRef.current?.focus()],
    ['mod+N', () => navigate('/people/new')],
  ]);

  const first = useQuery(peoplePageQuery(listParams, 0));
  const total = first.data?.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const pageNumbers = useMemo(() => {
    const pages = new Set<number>();
    for (const row of virtualRows) pages.add(Math.floor(row.index / PAGE_SIZE));
    return [...pages];
  }, [virtualRows]);
  const pages = useQueries({ queries: pageNumbers.map((p) => peoplePageQuery(listParams, p)) });
  const rowAt = (index: number): PersonSummary | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    const data = page === 0 ? first.data : pages[pageNumbers.indexOf(page)]?.data;
    return data && data.offset === page * PAGE_SIZE ? data.items[index % PAGE_SIZE] : undefined;
  };

  const filtering = query.trim() !== '' || params.tag !== null || params.stage !== null || params.minScore > 0;
  const bookIsEmpty = first.isSuccess && total === 0 && !filtering;

  const sortBy = (sort: PeopleSort) => {
    if (params.sort === sort) update({ direction: params.direction === 'asc' ? 'desc' : 'asc' });
    else update({ sort, direction: SORTS_HIGHEST_FIRST.includes(sort) ? 'desc' : 'asc' });
  };

  return (
    <>
      <PageHeader
        title="People"
        subtitle={first.isSuccess ? (filtering ? `${plural(total, 'person', 'people')} match` : plural(total, 'person', 'people')) : ' '}
        actions={
          <>
            <Button component={Link} to="/people/duplicates" variant="default" leftSection={<IconUsers size={16} aria-hidden />}>
              Likely duplicates
            </Button>
            <Button component={Link} to="/import" variant="default" leftSection={<IconFileImport size={16} aria-hidden />}>
              Import…
            </Button>
            <Button component={Link} to="/people/new" leftSection={<IconPlus size={16} aria-hidden />}>
              New person
            </Button>
          </>
        }
      />
      {bookIsEmpty ? (
        <EmptyBook />
      ) : (
        <>
          <Group px="xl" pb="md" gap="sm" align="flex-end">
            <TextInput
              ref={searchRef}
              label="Search people"
              data-page-search
              placeholder="Name, organization or email"
              value={typed}
              onChange={(e) => type(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') type('');
              }}
              leftSection={<IconSearch size={16} aria-hidden />}
              rightSection={
                typed ? (
                  <ActionIcon variant="subtle" color="gray" aria-label="Clear search" onClick={() => type('')}>
                    <IconX size={14} />
                  </ActionIcon>
                ) : first.isFetching ? (
                  <Loader size="xs" aria-label="Searching" />
                ) : null
              }
              w={360}
              autoFocus
              spellCheck={false}
              autoComplete="off"
            />
            <Select
              label="Tag"
              placeholder="All tags"
              data={(tags.data ?? []).map((t) => ({ value: t.name, label: `${t.name} (${t.count})` }))}
              value={params.tag}
              onChange={(tag) => update({ tag })}
              clearable
              searchable
              w={240}
              nothingFoundMessage="No such tag"
            />
            <Select
              label="Stage"
              placeholder="All stages"
              data={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
              value={params.stage}
              onChange={(stage) => update({ stage: stage as Stage | null })}
              clearable
              w={160}
            />
            <NumberInput
              label="Score at least"
              placeholder="Any"
              min={0}
              max={100}
              clampBehavior="strict"
              allowDecimal={false}
              value={params.minScore || ''}
              onChange={(v) => update({ minScore: typeof v === 'number' ? v : 0 })}
              w={130}
            />
            <Select
              label="Sort by"
              data={[
                { value: 'name', label: 'Name' },
                { value: 'organization', label: 'Organization' },
                { value: 'score', label: 'Rapport score' },
                { value: 'updated', label: 'Recently updated' },
              ]}
              value={params.sort}
              onChange={(sort) => sort && update({ sort: sort as PeopleSort, direction: SORTS_HIGHEST_FIRST.includes(sort as PeopleSort) ? 'desc' : 'asc' })}
              allowDeselect={false}
              w={200}
            />
          </Group>
          <Box
            role="table"
            aria-label="People"
            aria-rowcount={total + 1}
            style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', borderTop: '1px solid var(--mantine-color-default-border)' }}
          >
            <Box
              role="row"
              aria-rowindex={1}
              px="xl"
              py={8}
              className="table-head people-grid"
              style={{ minHeight: 36, borderBottom: '1px solid var(--mantine-color-default-border)' }}
            >
              {COLUMNS.map((col) => {
                const active = col.sort !== undefined && params.sort === col.sort;
                return (
                  <Box
                    key={col.label}
                    role="columnheader"
                    aria-sort={active ? (params.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    {col.sort ? (
                      <UnstyledButton onClick={() => col.sort && sortBy(col.sort)} aria-label={`Sort by ${col.label.toLowerCase()}`}>
                        <Group gap={4}>
                          <Text size="xs" fw={700} tt="uppercase" c={active ? 'var(--mantine-color-indigo-text)' : 'dimmed'}>
                            {col.label}
                          </Text>
                          {active ? params.direction === 'asc' ? <IconArrowUp size={12} aria-hidden /> : <IconArrowDown size={12} aria-hidden /> : null}
                        </Group>
                      </UnstyledButton>
                    ) : col.hidden ? (
                      <VisuallyHidden>{col.label}</VisuallyHidden>
                    ) : (
                      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                        {col.label}
                      </Text>
                    )}
                  </Box>
                );
              })}
            </Box>
            {/* data-query / data-current: which search the rows on screen answer (the bench's paint marker, as on the check-in list). */}
            <div
              ref={scrollRef}
              role="rowgroup"
              data-query={first.data && !first.isPlaceholderData ? query : undefined}
              data-current={first.data !== undefined && !first.isPlaceholderData && query === typed}
              style={{ flex: 1, overflowY: 'auto', overflowX: 'hidden', scrollbarGutter: 'stable' }}
            >
              {first.isSuccess && total === 0 ? (
                <Text c="dimmed" ta="center" py={48}>
                  {query.trim() ? `No one matches “${query.trim()}”.` : 'No one matches these filters.'}
                </Text>
              ) : null}
              <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {virtualRows.map((row) => (
                  <VirtualRow key={row.key} index={row.index} start={row.start} person={rowAt(row.index)} onOpen={openPerson} onLog={setLogging} onFollowUp={setFollowingUp} />
                ))}
              </div>
            </div>
          </Box>
        </>
      )}
      {logging ? <LogTouchDialog person={logging} opened onClose={() => setLogging(null)} /> : null}
      {followingUp ? <FollowUpDialog person={followingUp} source="people_list" opened onClose={() => setFollowingUp(null)} /> : null}
    </>
  );
}

interface RowProps {
  index: number;
  start: number;
  person: PersonSummary | undefined;
  onOpen: (id: number) => void;
  onLog: (who: { id: number; name: string }) => void;
  onFollowUp: (who: { id: number; name: string }) => void;
}

/**
 * One row of the virtual list. Memoized with stable handlers: a keystroke re-renders only the rows
 * whose person changed, not every row (with its tooltips) on every render of the screen.
 */
const VirtualRow = memo(function VirtualRow({ index, start, person, onOpen, onLog, onFollowUp }: RowProps) {
  return (
    <Box
      role="row"
      aria-rowindex={index + 2}
      className="people-row people-grid"
      px="xl"
      onClick={() => person && onOpen(person.id)}
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        transform: `translateY(${start}px)`,
      }}
    >
      {person ? (
        <PersonRow person={person} onLog={() => onLog({ id: person.id, name: person.name })} onFollowUp={() => onFollowUp({ id: person.id, name: person.name })} />
      ) : (
        <LoadingRow />
      )}
    </Box>
  );
});

function PersonRow({ person, onLog, onFollowUp }: { person: PersonSummary; onLog: () => void; onFollowUp: () => void }) {
  return (
    <>
      <Group role="cell" gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <PersonAvatar name={person.name} size="sm" />
        <Box style={{ minWidth: 0 }}>
          <Text fw={600} size="sm" truncate component={Link} to={`/people/${person.id}`} display="block">
            {person.name}
          </Text>
          {person.role ? (
            <Text size="xs" c="dimmed" truncate>
              {person.role}
            </Text>
          ) : null}
        </Box>
      </Group>
      <Text role="cell" size="sm" truncate>
        {person.organization}
      </Text>
      <Box role="cell">
        <StageBadge stage={person.stage} size="sm" />
      </Box>
      <Text role="cell" size="sm" fw={600}>
        {person.score}
      </Text>
      <Text role="cell" size="sm" c="dimmed" truncate>
        {person.primaryEmail}
      </Text>
      <Text role="cell" size="sm" c="dimmed" truncate>
        {person.primaryPhone}
      </Text>
      <Group role="cell" gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
        {person.tags.slice(0, 2).map((t) => (
          <Badge key={t} variant="light" size="sm" radius="sm" maw={130} style={{ flexShrink: 1, minWidth: 0 }}>
            {t}
          </Badge>
        ))}
        {person.tags.length > 2 ? (
          <Tooltip label={person.tags.slice(2).join(', ')}>
            <Badge variant="outline" size="sm" radius="sm" color="gray">
              +{person.tags.length - 2}
            </Badge>
          </Tooltip>
        ) : null}
      </Group>
      <Group role="cell" gap={2} wrap="nowrap">
        <Tooltip label="Add a follow-up">
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Add a follow-up with ${person.name}`}
            onClick={(e) => {
              e.stopPropagation();
              onFollowUp();
            }}
          >
            <IconCalendarPlus size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Log a touch">
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Log a touch with ${person.name}`}
            onClick={(e) => {
              e.stopPropagation();
              onLog();
            }}
          >
            <IconMessagePlus size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </>
  );
}

function LoadingRow() {
  return (
    <Text role="cell" size="sm" c="dimmed">
      Loading…
    </Text>
  );
}
