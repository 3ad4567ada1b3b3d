import { Badge, Group, Kbd, Modal, ScrollArea, Stack, Table, Text, TextInput, UnstyledButton, useMantineColorScheme } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { FIND_GROUP_LABELS, type FindHit } from '../../../../shared/domain/find';
import { call } from '../../api/client';
import { LogTouchDialog } from '../relationships/LogTouchDialog';
import { useStableHandler } from '../../ui/useStableHandler';
import { SHORTCUTS, matchCommands, type Command } from './commands';

type Item = { key: string; group: string; title: string; detail: string; run: () => void };

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.getAttribute('role') === 'combobox');

/**
 * Find anything (Ctrl+K / ⌘K): one box for people (name, organization, email, phone in any
 * format), tags, notes, needs, touches, seminars and occasions, and for commands. Also `?` for
 * the shortcuts and `/` for the page's own search. Mounted once, in the layout.
 */
export function FindPalette() {
  const [opened, setOpened] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const [query, setQuery] = useState('');
  const [mode, setMode] = useState<'all' | 'logTouch'>('all');
  const [active, setActive] = useState(0);
  const [logFor, setLogFor] = useState<{ id: number; name: string } | null>(null);
  const [debounced] = useDebouncedValue(query, 120);
  const navigate = useNavigate();
  const { toggleColorScheme } = useMantineColorScheme();
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        open('all');
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || document.querySelector('[role="dialog"]')) return;
      if (e.key === '?') {
        e.preventDefault();
        setShortcuts(true);
      } else if (e.key === '/') {
        e.preventDefault();
        const search = document.querySelector<HTMLInputElement>('main input[type="search"], main [data-page-search] input, main input[data-page-search]');
        if (search) search.focus();
        else open('all');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const open = (m: 'all' | 'logTouch') => {
    setMode(m);
    setQuery('');
    setActive(0);
    setOpened(true);
  };

  const found = useQuery({
    queryKey: ['people', 'find', debounced],
    queryFn: () => call('find.anything', { query: debounced }),
    enabled: opened && debounced.trim() !== '',
    placeholderData: (previous) => previous,
  });
  const today = useQuery({ queryKey: ['seminars', 'list', 'upcoming'], queryFn: () => call('seminars.list', { when: 'upcoming' }), enabled: opened });

  const runCommand = (c: Command) => {
    if (c.id === 'logTouch') return open('logTouch');
    setOpened(false);
    if (c.id === 'newPerson') navigate('/people/new');
    else if (c.id === 'trash') navigate('/trash');
    else if (c.id === 'toggleScheme') toggleColorScheme();
    else if (c.id === 'shortcuts') setShortcuts(true);
    else if (c.id === 'checkInToday') {
      const day = new Date().toLocaleDateString('en-CA');
      const seminar = (today.data ?? []).find((s) => new Date(s.startsAt).toLocaleDateString('en-CA') === day);
      navigate(seminar ? `/seminars/${seminar.id}/check-in` : '/seminars');
    } else if (c.id.startsWith('go:')) navigate(c.id.slice(3));
  };

  const openHit = (h: FindHit) => {
    setOpened(false);
    if (h.type === 'tag') navigate(`/people?tag=${encodeURIComponent(h.tag)}`);
    else if (h.type === 'seminar') navigate(`/seminars/${h.id}`);
    else if (h.type === 'occasion') navigate(`/occasions/${h.id}`);
    else navigate(`/people/${h.personId}`);
  };

  const items: Item[] = useMemo(() => {
    const fresh = found.data && found.data.query === debounced ? found.data.hits : [];
    const hits = query.trim() ? fresh : [];
    if (mode === 'logTouch') {
      return hits
        .filter((h) => h.type === 'person')
        .map((h) => ({
          key: `p${h.id}`,
          group: 'Log a touch for',
          title: h.title,
          detail: h.detail,
          run: () => {
            setOpened(false);
            setLogFor({ id: h.id, name: h.title });
          },
        }));
    }
    const commands = matchCommands(query)
      .filter((c) => c.id !== 'checkInToday' || today.data !== undefined)
      .map((c) => ({ key: c.id, group: 'Commands', title: c.title, detail: '', run: () => runCommand(c) }));
    const found_ = hits.map((h) => ({ key: `${h.type}${h.id}`, group: FIND_GROUP_LABELS[h.type], title: h.title, detail: h.detail, run: () => openHit(h) }));
    // What was found comes first once something is typed; commands follow.
    return query.trim() ? [...found_, ...commands.slice(0, 4)] : commands;
  }, [found.data, debounced, query, mode, today.data]); // eslint-disable-line react-hooks/exhaustive-deps -- the handlers only close over stable setters

  useEffect(() => setActive(0), [items.length, mode]);

  // Enter opens what the list shows for the text in the box: typed faster than the search answers,
  // it waits for that answer (and is dropped if the text changes meanwhile), never opening an
  // earlier text's first hit.
  const current = query.trim() === '' || (debounced === query && found.data?.query === query && !found.isPlaceholderData);
  const [pendingEnter, setPendingEnter] = useState<string | null>(null);
  const runActive = useStableHandler(() => items[active]?.run());
  useEffect(() => {
    if (pendingEnter === null) return;
    if (pendingEnter !== query || !opened) setPendingEnter(null);
    else if (current) {
      setPendingEnter(null);
      runActive();
    }
  }, [pendingEnter, query, current, opened, runActive]);
  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(items.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (current) items[active]?.run();
      else setPendingEnter(query);
    }
  };

  const searching = query.trim() !== '' && (found.isFetching || debounced !== query);
  return (
    <>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={mode === 'logTouch' ? 'Log a touch for whom?' : 'Find anything'}
        size="lg"
        yOffset="10vh"
      >
        <Stack gap="sm">
          <TextInput
            data-autofocus
            aria-label={mode === 'logTouch' ? 'Find the person' : 'Find anything'}
            placeholder={mode === 'logTouch' ? 'Type a name, email or phone' : 'People, phone numbers, notes, needs, seminars… or a command'}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={onKeyDown}
            role="combobox"
            aria-expanded
            aria-controls="find-results"
            aria-activedescendant={items[active] ? `find-${items[active].key}` : undefined}
          />
          <ScrollArea.Autosize mah="55vh" type="auto" viewportRef={listRef}>
            <div id="find-results" role="listbox" aria-label="Results">
              {items.map((item, i) => (
                <div key={item.key}>
                  {i === 0 || items[i - 1]?.group !== item.group ? (
                    <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt={i ? 'sm' : 0} mb={4} aria-hidden>
                      {item.group}
                    </Text>
                  ) : null}
                  <UnstyledButton
                    id={`find-${item.key}`}
                    data-index={i}
                    role="option"
                    aria-selected={i === active}
                    tabIndex={-1}
                    onMouseEnter={() => setActive(i)}
                    onClick={() => item.run()}
                    w="100%"
                    px="sm"
                    py={6}
                    style={{ borderRadius: 6, background: i === active ? 'var(--mantine-primary-color-light)' : undefined }}
                  >
                    <Text size="sm" fw={600} lineClamp={1}>
                      {item.title}
                    </Text>
                    {item.detail ? (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {item.detail}
                      </Text>
                    ) : null}
                  </UnstyledButton>
                </div>
              ))}
              {query.trim() && !searching && items.length === 0 ? (
                <Text size="sm" c="dimmed" role="status">
                  Nothing found for “{query.trim()}”.
                </Text>
              ) : null}
            </div>
          </ScrollArea.Autosize>
          <Group gap="md" justify="flex-end">
            <Text size="xs" c="dimmed">
              <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> to move, <Kbd size="xs">Enter</Kbd> to open
            </Text>
            {searching ? (
              <Badge size="xs" variant="light">
                Searching…
              </Badge>
            ) : null}
          </Group>
        </Stack>
      </Modal>
      <Modal opened={shortcuts} onClose={() => setShortcuts(false)} title="Keyboard shortcuts">
        <Table aria-label="Keyboard shortcuts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Keys</Table.Th>
              <Table.Th>What they do</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SHORTCUTS.map((s) => (
              <Table.Tr key={s.keys}>
                <Table.Td>
                  <Kbd size="xs">{s.keys}</Kbd>
                </Table.Td>
                <Table.Td>{s.what}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
      {logFor ? <LogTouchDialog person={logFor} opened onClose={() => setLogFor(null)} /> : null}
    </>
  );
}

