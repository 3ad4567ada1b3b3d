import { Alert, Box, Button, CloseButton, Group, Kbd, Loader, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle, IconPlugConnectedX, IconSearch } from '@tabler/icons-react';
import { memo, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { CHECK_IN_QUERY_MAX } from '../../../../shared/domain/registrant-match';
import { formatSeminarDate, formatSeminarHours, seatsOver, type Registration, type Seminar } from '../../../../shared/domain/seminar';
import { useStableHandler } from '../../ui/useStableHandler';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { NotFound } from '../../ui/NotFound';
import { useSeminar } from '../seminars/queries';
import { AttendeeList } from './AttendeeList';
import { ResultPanel, type ResultPanelHandle } from './ResultPanel';
import { useCheckInTable } from './useCheckInTable';
import { useLiveSeminar } from './live';
import { WalkInDialog } from './WalkInDialog';
import { DoorDevicesButton } from '../door-hub/DoorDevicesButton';

const dayIn = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

const TableHeader = memo(function TableHeader({ s, onWalkIn }: { s: Seminar; onWalkIn: () => void }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <div style={{ minWidth: 0 }}>
        <Title order={1} size="h3" lineClamp={1}>
          Check-in · {s.title}
        </Title>
        <Text c="dimmed" size="sm">
          {formatSeminarDate(s.startsAt, s.timeZone)} · {formatSeminarHours(s.startsAt, s.endsAt, s.timeZone)}
        </Text>
      </div>
      <Group gap="xs" wrap="nowrap">
        <Button variant="light" onClick={onWalkIn} rightSection={<Kbd size="xs">Alt+W</Kbd>}>
          Walk-in
        </Button>
        <DoorDevicesButton seminarId={s.id} seminarTitle={s.title} variant="default" />
        <Button component={Link} to={`/seminars/${s.id}`} variant="default">
          Exit check-in
        </Button>
      </Group>
    </Group>
  );
});

const TableCounts = memo(function TableCounts({ s }: { s: Seminar }) {
  const c = s.counts;
  const item = (label: string, value: number, detail?: string) => (
    <div role="group" aria-label={label} className="table-count">
      <span className="table-count-label">{label}</span> <b className="table-count-value">{value.toLocaleString()}</b>
      {detail ? <span className="table-count-detail"> {detail}</span> : null}
    </div>
  );
  return (
    <div className="table-counts">
      {item('Registered', c.registered, `${c.registeredInPerson} in person${s.capacity ? ` of ${s.capacity} seats` : ''} · ${c.registeredStream} stream`)}
      {item('Checked in', c.checkedIn, `${c.checkedInInPerson} in the room · ${c.checkedInStream} stream`)}
      {item('Walk-ins', c.walkIns)}
      {item('Still expected', c.expected)}
    </div>
  );
});

/**
 * The check-in table: find an arriving person in a keystroke or two and check them in with
 * Enter. Keyboard: ↑/↓ choose, Enter checks in the selected person, Alt+U undoes this table's
 * check-ins one by one, Alt+W opens a walk-in, Alt+N / Alt+F note a word or a follow-up about the
 * person shown, Esc clears the search.
 */
export function CheckInScreen() {
  const seminarId = Number(useParams().id);
  const seminar = useSeminar(seminarId);
  const table = useCheckInTable(seminarId);
  // What door devices and other tabs do shows here within a second.
  useLiveSeminar(seminarId);
  const [walkIn, setWalkIn] = useState<string | null>(null);
  const [notTodaySeen, setNotTodaySeen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<ResultPanelHandle>(null);
  const focusSearch = useStableHandler(() => requestAnimationFrame(() => searchRef.current?.focus()));
  const undoRow = useStableHandler((r: Registration) => table.undo(r.id, r.name));
  const noteKept = useStableHandler((registration: Registration) =>
    table.show(table.panel?.tone === 'already' ? { tone: 'already', registration } : { tone: 'in', registration }, false),
  );
  const openWalkIn = useStableHandler(() => setWalkIn(table.query));
  const closeWalkIn = useStableHandler(() => {
    setWalkIn(null);
    focusSearch();
  });
  const walkInDone = useStableHandler((registration: Registration) => {
    table.clear();
    table.checkedIn(registration);
  });

  useHotkeys(
    [
      ['alt+U', () => table.undoLast()],
      ['alt+W', () => setWalkIn(table.query)],
      ['alt+N', () => panelRef.current?.focusNote()],
      ['alt+F', () => panelRef.current?.focusFollowUp()],
    ],
    [],
  );

  // Intl formatters are costly to build: worked out once per seminar, not on every keystroke.
  const startsAt = seminar.data?.startsAt;
  const timeZone = seminar.data?.timeZone;
  const [seminarIsToday, seminarDay] = useMemo(
    () => (!startsAt || !timeZone ? [true, ''] : [dayIn(new Date(startsAt), timeZone) === dayIn(new Date(), timeZone), formatSeminarDate(startsAt, timeZone)]),
    [startsAt, timeZone],
  );

  if (seminar.isPending) return <LoadingScreen />;
  if (seminar.isError) return <NotFound title="This seminar is not in your book" error={seminar.error} retry={() => seminar.refetch()} back={{ to: '/seminars', label: 'Back to Seminars' }} />;
  const s = seminar.data;
  const over = seatsOver(s);
  const notToday = !notTodaySeen && !seminarIsToday;
  const results = table.results;
  const activeId = table.selected !== null ? `attendee-${table.selected}` : undefined;
  const empty =
    results && table.current && results.rows.length === 0 && results.suggestions.length === 0
      ? table.query.trim()
        ? `No registrant matches “${table.query.trim()}”. Press Alt+W to add a walk-in.`
        : 'No one is registered yet. Press Alt+W to add a walk-in.'
      : results && table.current && results.rows.length === 0
        ? `No registrant matches “${table.query.trim()}” as typed.`
        : null;

  return (
    <Box component="main" className="check-in-screen" aria-label={`Check-in · ${s.title}`}>
      <TableHeader s={s} onWalkIn={openWalkIn} />
      <TableCounts s={s} />

      {notToday ? (
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden size={18} />} py={6} withCloseButton closeButtonLabel="I know, check in anyway" onClose={() => setNotTodaySeen(true)} role="note" aria-label="This seminar is not today">
          <b>This seminar is not today:</b> it is on {seminarDay}. Check-ins are recorded with today’s date and time.
        </Alert>
      ) : null}
      {over.inRoom > 0 || over.registered > 0 ? (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden size={18} />} py={6} role="note" aria-label={over.inRoom > 0 ? 'The room is over capacity' : 'More registered than seats'}>
          {over.inRoom > 0 ? (
            <>
              <b>The room is over capacity:</b> {s.counts.checkedInInPerson} in the room for {s.capacity} seats, {over.inRoom} over.
            </>
          ) : (
            <>
              <b>More registered than seats:</b> {s.counts.registeredInPerson} in person for {s.capacity} seats, {over.registered} over if everyone comes.
            </>
          )}
        </Alert>
      ) : null}
      {table.disconnected ? (
        <Alert color="red" variant="filled" icon={<IconPlugConnectedX aria-hidden size={18} />} py={6} role="alert" aria-label="Not connected">
          <b>Not connected —</b> {table.checkingIn ? 'nothing was checked in yet. Retrying…' : 'the list may be out of date and nothing can be checked in. Retrying…'}
        </Alert>
      ) : table.searchFailed ? (
        <Alert color="red" py={6} role="alert" aria-label="The search failed">
          <b>The search failed:</b> {table.searchFailed.message}
        </Alert>
      ) : null}

      <TextInput
        ref={searchRef}
        label="Find attendee"
        description={
          table.tooLong
            ? `Only the first ${CHECK_IN_QUERY_MAX} characters are searched.`
            : 'Type part of a name, organization, email or ticket code; ↑ ↓ to choose, Enter to check in.'
        }
        size="lg"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        leftSection={<IconSearch aria-hidden />}
        rightSection={table.checkingIn ? <Loader size="sm" aria-label="Checking in" /> : table.undoing ? <Loader size="sm" aria-label="Undoing" /> : null}
        value={table.query}
        role="combobox"
        aria-expanded={table.listed.length > 0}
        aria-controls="attendee-list"
        aria-activedescendant={activeId}
        onChange={(e) => table.type(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            table.move(e.key === 'ArrowDown' ? 1 : -1);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            if (!e.repeat) table.enter();
          } else if (e.key === 'Escape') {
            table.clear();
          }
        }}
      />
      <div role="status" aria-label="Table message" className="table-say" data-tone={table.message?.tone}>
        {table.message ? (
          <Group gap="xs" wrap="nowrap">
            <Text c={table.message.tone === 'error' ? 'red.8' : undefined} fw={table.message.tone === 'error' ? 600 : 500} style={{ flex: 1 }}>
              {table.message.text}
            </Text>
            <CloseButton size="sm" aria-label="Dismiss message" onClick={table.dismissMessage} />
          </Group>
        ) : null}
      </div>

      <div className="check-in-main">
        <AttendeeList
          rows={results?.rows ?? []}
          suggestions={results?.suggestions ?? []}
          selected={table.selected}
          answering={table.current ? table.query : undefined}
          current={table.current && !table.checkingIn && !table.undoing}
          empty={empty}
          onChoose={table.choose}
          onEnterRow={table.enterRow}
          onUndo={undoRow}
        />
        <div className="check-in-side">
          {table.panel ? (
            <ResultPanel
              ref={panelRef}
              seminarId={seminarId}
              panel={table.panel}
              canUndo={table.canUndo}
              onUndo={undoRow}
              onChanged={noteKept}
              onSaid={table.say}
              onDone={focusSearch}
            />
          ) : (
            <Text c="dimmed" size="sm" className="check-in-side-empty">
              The person you check in or look up shows here, with their note and follow-up.
            </Text>
          )}
        </div>
      </div>

      <WalkInDialog
        seminarId={seminarId}
        opened={walkIn !== null}
        prefill={walkIn ?? ''}
        onClose={closeWalkIn}
        onDone={walkInDone}
      />
    </Box>
  );
}
