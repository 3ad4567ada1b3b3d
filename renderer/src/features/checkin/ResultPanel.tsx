import { Button, Group, Kbd, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertOctagon, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { forwardRef, memo, useImperativeHandle, useRef, useState } from 'react';
import { Link } from 'react-router';
import { checkedInWhere } from '../../../../shared/domain/door';
import { guessKind } from '../../../../shared/domain/followup';
import type { Registration } from '../../../../shared/domain/seminar';
import { newClientId } from '../../api/client-id';
import { ApiError } from '../../../../shared/errors';
import { PersonBoundaryBadges } from '../boundaries/BoundaryFlags';
import { useBookWrite } from '../relationships/queries';
import { checkInTime } from './AttendeeRow';
import { useCheckInActions } from './queries';
import type { Panel } from './table-memory';

export interface ResultPanelHandle {
  focusNote(): void;
  focusFollowUp(): void;
}

const TONES = {
  in: { color: 'teal', icon: IconCircleCheck },
  already: { color: 'orange', icon: IconInfoCircle },
  unknown: { color: 'red', icon: IconAlertOctagon },
} as const;

interface Props {
  seminarId: number;
  panel: Panel;
  canUndo: boolean;
  onUndo: (registration: Registration) => void;
  /** A note was kept: the panel shows the registration as it is now. */
  onChanged: (registration: Registration) => void;
  onSaid: (text: string, tone: 'info' | 'error') => void;
  onDone: () => void;
  /** On a door device: its name (its notes carry it), and no badge printing (the hub's printer is not here). */
  device?: string | undefined;
}

/** "Ann Lee is already checked in at 9:02 on Door 2". */
export function alreadyInText(r: Registration, viewer: 'hub' | 'device'): string {
  const when = r.checkedInAt ? ` at ${checkInTime(r.checkedInAt)}` : '';
  return `${r.name} is already checked in${when} on ${checkedInWhere(r.checkedInBy, viewer)}`;
}

/**
 * The person the volunteer is dealing with, large enough to read from a step away: green when
 * just checked in, orange when looked up and already in (with the time), red for a ticket that is
 * no one's here. A note or a follow-up typed here goes to the person shown — never to whoever was
 * checked in before.
 */
const PanelView = forwardRef<ResultPanelHandle, Props>(function ResultPanel({ seminarId, panel, canUndo, onUndo, onChanged, onSaid, onDone, device }, ref) {
  const noteRef = useRef<HTMLInputElement>(null);
  const followUpRef = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({ focusNote: () => noteRef.current?.focus(), focusFollowUp: () => followUpRef.current?.focus() }), []);
  const { color, icon: Icon } = TONES[panel.tone];

  if (panel.tone === 'unknown') {
    return (
      <Paper withBorder radius="md" p="md" bg="var(--mantine-color-red-light)" style={{ borderColor: 'var(--mantine-color-red-5)', borderWidth: 2 }} role="alert" aria-label="Unknown ticket">
        <Group align="flex-start" wrap="nowrap">
          <Icon size={40} color="var(--mantine-color-red-7)" aria-hidden />
          <Stack gap={4}>
            <Text fz={24} fw={750} c="red.9">
              No one here has this ticket
            </Text>
            <Text fz="lg">
              Read: <b style={{ fontFamily: 'var(--mantine-font-family-monospace)', overflowWrap: 'anywhere' }}>{panel.code}</b>
            </Text>
            <Text c="red.9">Nobody was checked in. Ask for their name, or take them as a walk-in{device === undefined ? ' (Alt+W)' : ''}.</Text>
          </Stack>
        </Group>
      </Paper>
    );
  }

  const r = panel.registration;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      bg={`${color}.0`}
      style={{ borderColor: `var(--mantine-color-${color}-5)`, borderWidth: 2 }}
      role="status"
      aria-label="Last check-in"
      data-tone={panel.tone}
    >
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Icon size={40} color={`var(--mantine-color-${color}-7)`} aria-hidden style={{ flexShrink: 0 }} />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fz={24} fw={750} lh={1.2} style={{ overflowWrap: 'anywhere' }}>
            {panel.tone === 'in' ? `${r.name} is checked in` : alreadyInText(r, device === undefined ? 'hub' : 'device')}
          </Text>
          {r.organization ? <Text c="dimmed">{r.organization}</Text> : null}
          <Text fz="lg">
            Introduce as: <b>{r.introduceAs || r.name}</b>
          </Text>
          {r.note ? <Text size="sm">Note: {r.note}</Text> : null}
          <PersonBoundaryBadges personId={r.personId} />
        </Stack>
      </Group>
      <Group gap="xs" mt="sm">
        {device === undefined ? (
          <Button component={Link} to={`/seminars/${seminarId}/badges?layout=badge&from=check-in&registration=${r.id}`} variant="default" size="xs">
            Print badge
          </Button>
        ) : null}
        {/* A door device may undo its own check-ins only (the hub refuses the others'). */}
        {device === undefined || r.checkedInBy === device ? (
          <Button variant="default" size={device === undefined ? 'xs' : 'md'} onClick={() => onUndo(r)} rightSection={canUndo && panel.tone === 'in' && device === undefined ? <Kbd size="xs">Alt+U</Kbd> : null}>
            Undo check-in
          </Button>
        ) : null}
      </Group>
      {/* Keyed by the person: fields typed for one person are never carried to the next. */}
      <PersonNotes key={r.id} seminarId={seminarId} registration={r} noteRef={noteRef} followUpRef={followUpRef} onChanged={onChanged} onSaid={onSaid} onDone={onDone} device={device} />
    </Paper>
  );
});

/** Memoized: the table re-renders on every keystroke, the panel only when its person changes. */
export const ResultPanel = memo(PanelView);

function PersonNotes({
  seminarId,
  registration: r,
  noteRef,
  followUpRef,
  onChanged,
  onSaid,
  onDone,
  device,
}: {
  seminarId: number;
  device: string | undefined;
  registration: Registration;
  noteRef: React.RefObject<HTMLInputElement | null>;
  followUpRef: React.RefObject<HTMLInputElement | null>;
  onChanged: (registration: Registration) => void;
  onSaid: (text: string, tone: 'info' | 'error') => void;
  onDone: () => void;
}) {
  const [note, setNote] = useState('');
  const [followUp, setFollowUp] = useState({ what: '', dueOn: '' });
  const { note: saveNote } = useCheckInActions();
  const createFollowUp = useBookWrite('followUps.create');
  // A follow-up that crosses one of their boundaries is kept only on a second Enter.
  const [crossing, setCrossing] = useState(false);

  const keepNote = () => {
    if (!note.trim()) return;
    saveNote.mutate(
      { registrationId: r.id, note, clientId: newClientId(), device },
      {
        onSuccess: (updated) => {
          setNote('');
          onChanged(updated);
          onSaid(`Note about ${updated.name} kept.`, 'info');
          onDone();
        },
        onError: (e) => onSaid(`The note about ${r.name} was not kept. ${e.message}`, 'error'),
      },
    );
  };

  const keepFollowUp = () => {
    if (!followUp.what.trim()) return;
    createFollowUp.mutate(
      { personId: r.personId, what: followUp.what, kind: guessKind(followUp.what), dueOn: followUp.dueOn || null, seminarId, source: 'check_in', confirmBoundaries: crossing },
      {
        onSuccess: (f) => {
          setFollowUp({ what: '', dueOn: '' });
          onSaid(`Follow-up with ${f.person.name} kept: ${f.what}`, 'info');
          onDone();
        },
        onError: (e) => {
          const boundary = e instanceof ApiError && e.code === 'boundary';
          setCrossing(boundary);
          onSaid(`The follow-up with ${r.name} was not kept. ${e.message}${boundary ? ' Press Enter again to keep it anyway.' : ''}`, 'error');
        },
      },
    );
  };

  const keys = (save: () => void) => (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') save();
    if (e.key === 'Escape') onDone();
  };

  return (
    <Stack gap="xs" mt="sm">
      <TextInput
        ref={noteRef}
        size="sm"
        label={`Note about ${r.name}`}
        description={device === undefined ? 'A word to remember (Alt+N), Enter to keep it' : 'A word to remember, Enter to keep it'}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        onKeyDown={keys(keepNote)}
      />
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          ref={followUpRef}
          size="sm"
          style={{ flex: 1, minWidth: 0 }}
          label={`Follow-up with ${r.name}`}
          description={device === undefined ? 'A few words (Alt+F), Enter to keep it' : 'A few words, Enter to keep it'}
          placeholder="e.g. Call about referrals"
          value={followUp.what}
          onChange={(e) => {
            setCrossing(false);
            setFollowUp({ ...followUp, what: e.currentTarget.value });
          }}
          onKeyDown={keys(keepFollowUp)}
        />
        <TextInput
          size="sm"
          label="Due (optional)"
          type="date"
          value={followUp.dueOn}
          onChange={(e) => setFollowUp({ ...followUp, dueOn: e.currentTarget.value })}
          onKeyDown={keys(keepFollowUp)}
          w={150}
        />
      </Group>
    </Stack>
  );
}
