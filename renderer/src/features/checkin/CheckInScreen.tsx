import { Alert, Box, Button, Group, Kbd, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatSeminarHours, type Registration } from '../../../../shared/domain/seminar';
import { Counter } from '../../ui/Counter';
import { guessKind } from '../../../../shared/domain/followup';
import { useBookWrite } from '../relationships/queries';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { NotFound } from '../../ui/NotFound';
import { useSeminar } from '../seminars/queries';
import { useCheckInActions, useRegistrantSearch } from './queries';
import { AttendeeRow, checkInTime } from './AttendeeRow';
import { WalkInDialog } from './WalkInDialog';

/**
 * A scanner or a person typing a whole ticket: a digit, then seven more letters or digits — or a
 * platform's barcode or attendee # (Eventbrite's are long digit strings), which only an exact
 * match checks in.
 */
const looksLikeTicket = (text: string) => /^\d[0-9a-z]{3}-?[0-9a-z]{4}$/i.test(text.trim()) || /^\d{9,100}$/.test(text.trim());

/**
 * The check-in table: find an arriving person in a keystroke or two and check them in with
 * Enter. Keyboard: ↑/↓ choose, Enter checks in, Alt+U undoes the last check-in, Alt+W opens a
 * walk-in, Alt+N notes a word about the person just checked in, Alt+F captures a follow-up with
 * them, Esc clears the search.
 */
export function CheckInScreen() {
  const seminarId = Number(useParams().id);
  const seminar = useSeminar(seminarId);
  const [query, setQuery] = useState('');
  // Every keystroke searches: an answer is a millisecond away, and a debounce would only add delay.
  const results = useRegistrantSearch(seminarId, query);
  const actions = useCheckInActions();
  const [selected, setSelected] = useState(0);
  const [last, setLast] = useState<Registration | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [walkInOpen, setWalkInOpen] = useState(false);
  const [note, setNote] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const followUpRef = useRef<HTMLInputElement>(null);
  const [followUp, setFollowUp] = useState({ what: '', dueOn: '' });
  const createFollowUp = useBookWrite('followUps.create');
  const rows = results.data ?? [];


  // Enter pressed before the list caught up with the typing acts once the list is current:
  // people type a name and press Enter faster than any search answers.
  const [enterPending, setEnterPending] = useState(false);
  const listIsCurrent = !results.isPlaceholderData && !results.isFetching;

  const focusSearch = () => requestAnimationFrame(() => searchRef.current?.focus());

  const done = (registration: Registration) => {
    setLast(registration);
    setMessage(null);
    setQuery('');
    setSelected(0);
    setNote('');
    focusSearch();
  };
  const failed = (error: Error) => {
    setMessage({ tone: 'error', text: error.message });
    focusSearch();
  };

  const checkInSelected = () => {
    if (looksLikeTicket(query)) {
      actions.byTicket.mutate({ seminarId, ticket: query }, { onSuccess: done, onError: failed });
      return;
    }
    const target = rows[selected];
    if (!target) return;
    if (target.state === 'checked_in') {
      setMessage({ tone: 'info', text: `${target.name} is already checked in${target.checkedInAt ? ` (${checkInTime(target.checkedInAt)})` : ''}.` });
      return;
    }
    actions.checkIn.mutate({ registrationId: target.id }, { onSuccess: done, onError: failed });
  };

  const undo = (registration: Registration | null) => {
    if (!registration) return;
    actions.undo.mutate(registration.id, {
      onSuccess: (r) => {
        setLast(null);
        setMessage({ tone: 'info', text: `Check-in of ${r.name} undone.` });
        focusSearch();
      },
      onError: failed,
    });
  };

  /** Five words at the table become a follow-up on the person just checked in, linked to this seminar. */
  const saveFollowUp = () => {
    if (!last || !followUp.what.trim()) return;
    createFollowUp.mutate(
      { personId: last.personId, what: followUp.what, kind: guessKind(followUp.what), dueOn: followUp.dueOn || null, seminarId, source: 'check_in' },
      {
        onSuccess: (f) => {
          setFollowUp({ what: '', dueOn: '' });
          setMessage({ tone: 'info', text: `Follow-up with ${f.person.name} kept: ${f.what}` });
          focusSearch();
        },
        onError: failed,
      },
    );
  };

  const saveNote = () => {
    if (!last || !note.trim()) return;
    actions.note.mutate(
      { registrationId: last.id, note },
      {
        onSuccess: (r) => {
          setLast(r);
          setNote('');
          focusSearch();
        },
        onError: failed,
      },
    );
  };

  const checkInLatest = useRef(checkInSelected);
  checkInLatest.current = checkInSelected;
  const undoLatest = useRef(undo);
  undoLatest.current = undo;
  // Stable callbacks, so memoized rows do not re-render just because the screen did.
  const stableCheckIn = useCallback(() => checkInLatest.current(), []);
  const stableUndo = useCallback((r: Registration) => undoLatest.current(r), []);
  useEffect(() => {
    if (enterPending && listIsCurrent) {
      setEnterPending(false);
      checkInLatest.current();
    }
  }, [enterPending, listIsCurrent]);

  useHotkeys(
    [
      ['alt+U', () => undo(last)],
      ['alt+W', () => setWalkInOpen(true)],
      ['alt+N', () => last && noteRef.current?.focus()],
      ['alt+F', () => last && followUpRef.current?.focus()],
    ],
    [],
  );

  if (seminar.isPending) return <LoadingScreen />;
  if (seminar.isError) return <NotFound title="This seminar is not in your book" error={seminar.error} back={{ to: '/seminars', label: 'Back to Seminars' }} />;
  const s = seminar.data;
  const atCapacity = s.capacity !== null && s.counts.checkedInInPerson >= s.capacity;
  const activeId = rows[selected] ? `attendee-${rows[selected].id}` : undefined;

  return (
    <Box p="lg" style={{ height: '100vh', display: 'flex', flexDirection: 'column', gap: 16, overflow: 'hidden' }}>
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={0}>
          <Title order={1} size="h2">
            Check-in · {s.title}
          </Title>
          <Text c="dimmed">{formatSeminarHours(s.startsAt, s.endsAt, s.timeZone)}</Text>
        </Stack>
        <Group gap="sm">
          <Button variant="light" onClick={() => setWalkInOpen(true)} rightSection={<Kbd size="xs">Alt+W</Kbd>}>
            Walk-in
          </Button>
          <Button component={Link} to={`/seminars/${s.id}`} variant="default">
            Exit check-in
          </Button>
        </Group>
      </Group>

      <SimpleGrid cols={4}>
        <Counter label="Registered" value={s.counts.registered} detail={s.capacity ? `${s.capacity} seats` : undefined} />
        <Counter label="Checked in" value={s.counts.checkedIn} detail={`${s.counts.checkedInInPerson} in person · ${s.counts.checkedInStream} on the stream`} />
        <Counter label="Walk-ins" value={s.counts.walkIns} />
        <Counter label="Still expected" value={s.counts.expected} />
      </SimpleGrid>
      {atCapacity ? (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title="The room is full">
          {s.counts.checkedInInPerson} people are checked in for {s.capacity} seats.
        </Alert>
      ) : null}

      <div role="status" aria-live="polite" aria-label="Last check-in">
        {last ? (
          <Paper withBorder radius="md" p="md" bg="teal.0" style={{ borderColor: 'var(--mantine-color-teal-4)' }}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Group align="flex-start" wrap="nowrap">
                <IconCircleCheck size={36} color="var(--mantine-color-teal-7)" aria-hidden />
                <Stack gap={2}>
                  <Text fz={22} fw={700}>
                    {last.name} is checked in
                  </Text>
                  <Text fz="lg">
                    Introduce as: <b>{last.introduceAs || last.name}</b>
                  </Text>
                  {last.note ? <Text c="dimmed">Note: {last.note}</Text> : null}
                </Stack>
              </Group>
              <Group gap="xs" wrap="nowrap">
                <Button component={Link} to={`/seminars/${seminarId}/badges?layout=badge&from=check-in&registration=${last.id}`} variant="default">
                  Print badge
                </Button>
                <Button variant="default" onClick={() => undo(last)} rightSection={<Kbd size="xs">Alt+U</Kbd>}>
                  Undo check-in
                </Button>
              </Group>
            </Group>
            <TextInput
              ref={noteRef}
              mt="sm"
              label={`Note about ${last.name}`}
              description="A word to remember (Alt+N), Enter to keep it"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') saveNote();
                if (e.key === 'Escape') focusSearch();
              }}
            />
            <Group mt="sm" gap="sm" align="flex-start" wrap="nowrap">
              <TextInput
                ref={followUpRef}
                style={{ flex: 1 }}
                label={`Follow-up with ${last.name}`}
                description="Promised a next step? A few words (Alt+F), Enter to keep it"
                placeholder="e.g. Call about referrals"
                value={followUp.what}
                onChange={(e) => setFollowUp({ ...followUp, what: e.currentTarget.value })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') saveFollowUp();
                  if (e.key === 'Escape') focusSearch();
                }}
              />
              <TextInput
                label="Due (optional)"
                description="Empty: no date"
                type="date"
                value={followUp.dueOn}
                onChange={(e) => setFollowUp({ ...followUp, dueOn: e.currentTarget.value })}
                onKeyDown={(e) => e.key === 'Enter' && saveFollowUp()}
                w={180}
              />
            </Group>
          </Paper>
        ) : null}
        {message ? (
          <Alert color={message.tone === 'error' ? 'red' : 'blue'} mt={last ? 'sm' : 0}>
            {message.text}
          </Alert>
        ) : null}
      </div>

      <TextInput
        ref={searchRef}
        label="Find attendee"
        description="Type part of a name, organization, email or ticket code; ↑ ↓ to choose, Enter to check in."
        size="xl"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        leftSection={<IconSearch aria-hidden />}
        value={query}
        role="combobox"
        aria-expanded={rows.length > 0}
        aria-controls="attendee-list"
        aria-activedescendant={activeId}
        onChange={(e) => {
          // One render per keystroke: the selection resets together with the text.
          setQuery(e.currentTarget.value);
          setSelected(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setSelected((i) => Math.min(i + 1, rows.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setSelected((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            if (listIsCurrent || looksLikeTicket(query)) checkInSelected();
            else setEnterPending(true);
          } else if (e.key === 'Escape') {
            setQuery('');
            setSelected(0);
          }
        }}
      />

      <Box
        id="attendee-list"
        role="listbox"
        aria-label="Attendees"
        data-query={results.isPlaceholderData ? undefined : query}
        data-current={listIsCurrent}
        style={{ flex: 1, overflow: 'auto' }}
      >
        {rows.length === 0 && results.isSuccess ? (
          <Text c="dimmed" py="lg" ta="center">
            {query.trim() ? `No registrant matches “${query.trim()}”. Press Alt+W to add a walk-in.` : 'No one is registered yet.'}
          </Text>
        ) : null}
        {rows.map((r, i) => (
          <AttendeeRow key={r.id} registration={r} index={i} selected={i === selected} onSelect={setSelected} onCheckIn={stableCheckIn} onUndo={stableUndo} />
        ))}
      </Box>
      <WalkInDialog
        seminarId={seminarId}
        opened={walkInOpen}
        onClose={() => {
          setWalkInOpen(false);
          focusSearch();
        }}
        onDone={done}
      />
    </Box>
  );
}
