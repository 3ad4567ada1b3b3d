import { Alert, Badge, Box, Button, Group, Loader, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconCloudOff, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { RegistrationCounts } from '../../../../shared/domain/seminar';
import { checkedInWhere } from '../../../../shared/domain/door';
import { checkInTime } from '../checkin/AttendeeRow';
import { ResultPanel, type ResultPanelHandle } from '../checkin/ResultPanel';
import { useCheckInTable } from '../checkin/useCheckInTable';
import { WalkInDialog } from '../checkin/WalkInDialog';
import { useStableHandler } from '../../ui/useStableHandler';
import { CameraScanner } from './CameraScanner';
import { DoorList } from './DoorList';
import { doorLink } from './door-link';
import { doorSession, useDoorState, type DoorSession, type DoorState } from './door-session';
import { usePairedDevice } from './paired-device';
import { registerShellWorker } from './shell-worker';

const VIBRATION = { in: [60], already: [60, 80, 60], unknown: [250] } as const;

const DoorCounts = memo(function DoorCounts({ counts }: { counts: RegistrationCounts | null }) {
  const item = (label: string, value: number | undefined) => (
    <div role="group" aria-label={label} className="door-count">
      <span className="door-count-value">{value === undefined ? '–' : value.toLocaleString()}</span>
      <span className="door-count-label">{label}</span>
    </div>
  );
  return (
    <div className="door-counts">
      {item('Checked in', counts?.checkedIn)}
      {item('Still expected', counts?.expected)}
      {item('Walk-ins', counts?.walkIns)}
    </div>
  );
});

function Connection({ state }: { state: DoorState }) {
  const waiting = state.queued.length;
  if (!state.online) {
    return (
      <Badge color="orange" size="lg" variant="filled" tt="none" style={{ flexShrink: 0, overflow: 'visible' }} leftSection={<IconCloudOff size={14} aria-hidden />} role="status" aria-label="Connection">
        Offline — {waiting} waiting
      </Badge>
    );
  }
  return (
    <Badge color={waiting ? 'yellow' : 'teal'} size="lg" variant="light" tt="none" style={{ flexShrink: 0, overflow: 'visible' }} role="status" aria-label="Connection">
      {waiting ? `Sending ${waiting}…` : 'Online'}
    </Badge>
  );
}

/** What the hub answered to check-ins made while it could not be reached. */
function LateAnswers({ state, session }: { state: DoorState; session: DoorSession }) {
  if (state.outcomes.length === 0) return null;
  const done = state.outcomes.filter((o) => o.result === 'in').length;
  const already = state.outcomes.filter((o) => o.result === 'already');
  const refused = state.outcomes.filter((o) => o.result === 'refused');
  return (
    <Alert color={already.length || refused.length ? 'orange' : 'teal'} title="Sent to the hub after being offline" role="region" aria-label="Sent to the hub after being offline" withCloseButton closeButtonLabel="Dismiss" onClose={() => void session.dismissOutcomes()}>
      <Text size="sm">{done} checked in.</Text>
      {already.map((o) => (
        <Text size="sm" key={o.clientId}>
          {o.name} was already checked in{o.checkedInAt ? ` at ${checkInTime(o.checkedInAt)}` : ''} on {checkedInWhere(o.checkedInBy, 'device')}.
        </Text>
      ))}
      {refused.map((o) => (
        <Text size="sm" key={o.clientId} c="red.8">
          {o.name}: {o.message}
        </Text>
      ))}
    </Alert>
  );
}

/**
 * The door screen for a phone or tablet (`/#/door/:seminarId`): one column, large targets, usable
 * without a keyboard. Search or scan, then the same green / orange / red panel as the hub's table,
 * with a tone and a vibration. The same Enter rules decide (shared/domain/check-in-keys): the big
 * button is Enter, a scanned code is typed and entered. Check-ins go through the device's queue, so
 * the door keeps working when the hub cannot be reached and sends them when it answers.
 */
export function DoorScreen() {
  const seminarId = Number(useParams().seminarId);
  const paired = usePairedDevice();
  const [offlineReload, setOfflineReload] = useState<boolean | null>(null);
  useEffect(() => registerShellWorker(setOfflineReload), []);
  if (!Number.isInteger(seminarId) || seminarId <= 0) return <Text p="md">This door address names no seminar.</Text>;
  if (paired.kind === 'asking') {
    return (
      <Box component="main" className="door-screen" aria-label="Door">
        <Group justify="center" py="xl">
          <Loader aria-label="Asking the hub" />
        </Group>
      </Box>
    );
  }
  if (paired.kind === 'unreachable') {
    return (
      <Box component="main" className="door-screen" aria-label="Door">
        <Alert color="orange" title="Not connected" role="alert">
          This device has not reached the hub yet. Connect it to the hub’s network, then open the address the hub shows beside its QR code.
        </Alert>
      </Box>
    );
  }
  if (paired.kind === 'hub') {
    return (
      <Box component="main" className="door-screen" aria-label="Door">
        <Alert color="indigo" title="This screen is for door devices" role="note">
          Phones and tablets pair with the hub (Door devices, on the seminar page) and check people in here. On this computer, use the check-in table.
        </Alert>
        <Button component="a" href={`#/seminars/${seminarId}/check-in`} size="lg">
          Open the check-in table
        </Button>
      </Box>
    );
  }
  if (paired.self.seminarId !== seminarId) {
    return (
      <Box component="main" className="door-screen" aria-label="Door">
        <Alert color="orange" title="Another seminar" role="note">
          This device is paired as {paired.self.name} for {paired.self.seminarTitle}, and checks people in there only.
        </Alert>
        <Button component="a" href={`#/door/${paired.self.seminarId}`} size="lg">
          Open the door of {paired.self.seminarTitle}
        </Button>
      </Box>
    );
  }
  return <Door seminarId={seminarId} device={paired.self.name} offlineReload={offlineReload} />;
}

function Door({ seminarId, device, offlineReload }: { seminarId: number; device: string; offlineReload: boolean | null }) {
  const session = doorSession(seminarId);
  const state = useDoorState(session);
  const link = useMemo(() => doorLink(device), [device]);
  const table = useCheckInTable(seminarId, link);
  const client = useQueryClient();
  const [view, setView] = useState<'search' | 'scan'>('search');
  const [walkIn, setWalkIn] = useState<string | null>(null);
  const panelRef = useRef<ResultPanelHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => session.open(), [session]);
  // The list is searched on the device: read it again whenever the roster or the queue here changes.
  useEffect(() => {
    void client.invalidateQueries({ queryKey: ['seminars', 'checkin', seminarId] });
  }, [client, seminarId, state.online, state.queued, state.entries]);
  const tone = table.panel?.tone;
  const panelKey = table.panel ? ('registration' in table.panel ? `${tone}-${table.panel.registration.id}-${table.panel.registration.state}` : `unknown-${table.panel.code}`) : null;
  useEffect(() => {
    if (tone) navigator.vibrate?.([...VIBRATION[tone]]);
  }, [tone, panelKey]);

  const undoRow = useStableHandler((r: { id: number; name: string }) => table.undo(r.id, r.name));
  const noteKept = useStableHandler((registration: Parameters<typeof table.checkedIn>[0]) =>
    table.show(table.panel?.tone === 'already' ? { tone: 'already', registration } : { tone: 'in', registration }, false),
  );
  const focusSearch = useStableHandler(() => {
    if (view === 'search') requestAnimationFrame(() => searchRef.current?.focus());
  });
  const onCode = useStableHandler((code: string) => table.enterText(code));

  const s = state.seminar;
  const counts = session.counts();
  const selected = table.selected !== null ? table.listed.find((r) => r.id === table.selected) : undefined;
  const waitingHere = table.panel && 'registration' in table.panel && state.queued.some((q) => q.registrationId === (table.panel as { registration: { id: number } }).registration.id);

  if (!state.ready) {
    return (
      <Box component="main" className="door-screen" aria-label="Door">
        {state.problem ? (
          <Alert color="orange" title="Not connected" role="alert">
            {state.problem}
          </Alert>
        ) : (
          <Group justify="center" py="xl">
            <Loader aria-label="Reading the seminar" />
          </Group>
        )}
      </Box>
    );
  }

  return (
    <Box component="main" className="door-screen" aria-label={`Door · ${s?.title ?? ''}`}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Title order={1} size="h4" lineClamp={2}>
            {s?.title}
          </Title>
          <Text size="sm" c="dimmed" aria-label={`This device: ${device}`}>
            {device}
          </Text>
        </div>
        <Connection state={state} />
      </Group>

      <DoorCounts counts={counts} />
      <LateAnswers state={state} session={session} />
      {/* Said when it matters: this browser runs no service worker for the hub (its certificate only clicked through). */}
      {offlineReload === false && !state.online ? (
        <Text size="sm" c="orange.9" role="note">
          Keep this page open until the hub is back: this browser cannot reload it without the hub.
        </Text>
      ) : null}
      {s?.closed ? (
        <Alert color="orange" py="xs" role="note">
          This seminar is closed. Reopen it at the hub to check people in.
        </Alert>
      ) : null}

      <SegmentedControl
        fullWidth
        size="lg"
        value={view}
        onChange={(v) => setView(v as 'search' | 'scan')}
        aria-label="Find by"
        data={[
          { value: 'search', label: 'Search' },
          { value: 'scan', label: 'Scan' },
        ]}
      />

      {view === 'scan' ? (
        <CameraScanner onCode={onCode} />
      ) : (
        <Stack gap={6}>
          <TextInput
            ref={searchRef}
            label="Find attendee"
            size="lg"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="go"
            leftSection={<IconSearch aria-hidden />}
            value={table.query}
            role="combobox"
            aria-expanded={table.listed.length > 0}
            aria-controls="door-list"
            onChange={(e) => table.type(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.nativeEvent.isComposing) return;
              if (e.key === 'Enter') {
                e.preventDefault();
                if (!e.repeat) table.enter();
              } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                table.move(e.key === 'ArrowDown' ? 1 : -1);
              } else if (e.key === 'Escape') table.clear();
            }}
          />
          <Group gap="xs" wrap="nowrap">
            <Button size="lg" style={{ flex: 1 }} onClick={table.enter} loading={table.checkingIn} disabled={!selected}>
              {selected ? (selected.state === 'checked_in' ? `Show ${selected.name}` : `Check in ${selected.name}`) : 'Check in'}
            </Button>
            <Button size="lg" variant="default" onClick={table.clear} aria-label="Clear the search">
              Clear
            </Button>
          </Group>
        </Stack>
      )}

      <div role="status" aria-label="Table message" className="table-say">
        {table.message ? <Text c={table.message.tone === 'error' ? 'red.8' : undefined}>{table.message.text}</Text> : null}
      </div>

      {table.panel ? (
        <div className="door-panel">
          <ResultPanel ref={panelRef} seminarId={seminarId} panel={table.panel} canUndo={table.canUndo} onUndo={undoRow} onChanged={noteKept} onSaid={table.say} onDone={focusSearch} device={device} />
          {waitingHere ? (
            <Text size="sm" c="orange.9" mt={4}>
              Checked in on this device; the hub hears of it as soon as it answers.
            </Text>
          ) : null}
        </div>
      ) : null}

      {view === 'search' ? (
        <DoorList rows={table.results?.rows ?? []} suggestions={table.results?.suggestions ?? []} selected={table.selected} onChoose={table.choose} current={table.current} />
      ) : null}

      <Button
        variant="light"
        size="md"
        leftSection={state.online ? <IconUserPlus size={18} aria-hidden /> : <IconCloudOff size={18} aria-hidden />}
        onClick={() => setWalkIn(table.query)}
        disabled={!state.online}
      >
        {state.online ? 'Walk-in' : 'Walk-ins need the hub'}
      </Button>
      <WalkInDialog seminarId={seminarId} device={device} opened={walkIn !== null} prefill={walkIn ?? ''} onClose={() => setWalkIn(null)} onDone={(r) => {
        table.clear();
        table.checkedIn(r);
      }} />
    </Box>
  );
}
