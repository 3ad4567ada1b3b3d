import { Text } from '@mantine/core';
import { memo, useEffect, useRef } from 'react';
import type { CheckInRow } from '../../../../shared/domain/registrant-match';
import type { Registration } from '../../../../shared/domain/seminar';
import { AttendeeRow } from './AttendeeRow';

interface Props {
  rows: CheckInRow[];
  suggestions: CheckInRow[];
  selected: number | null;
  /** The text these rows answer (for the benchmark's paint probe), undefined while they answer older text. */
  answering: string | undefined;
  current: boolean;
  empty: string | null;
  onChoose: (id: number) => void;
  onEnterRow: (id: number) => void;
  onUndo: (registration: Registration) => void;
}

/**
 * The registrants for what was typed, then "Did you mean…" names when nothing matched as typed.
 * The selected row is always scrolled into view: ↓ never selects a row the volunteer cannot see.
 */
export const AttendeeList = memo(function AttendeeList({ rows, suggestions, selected, answering, current, empty, onChoose, onEnterRow, onUndo }: Props) {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (selected === null) return;
    list.current?.querySelector(`#attendee-${selected}`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <div id="attendee-list" ref={list} role="listbox" aria-label="Attendees" data-query={answering} data-current={current} className="attendee-list">
      {empty ? (
        <Text c="dimmed" py="lg" ta="center">
          {empty}
        </Text>
      ) : null}
      {rows.map((r) => (
        <AttendeeRow key={r.id} registration={r} reason={r.reason || undefined} selected={r.id === selected} onChoose={onChoose} onEnter={onEnterRow} onUndo={onUndo} />
      ))}
      {suggestions.length > 0 ? (
        <div role="group" aria-label="Did you mean">
          <div className="attendee-heading" aria-hidden>
            Did you mean…
          </div>
          {suggestions.map((r) => (
            <AttendeeRow key={r.id} registration={r} reason={r.reason} selected={r.id === selected} onChoose={onChoose} onEnter={onEnterRow} onUndo={onUndo} />
          ))}
        </div>
      ) : null}
    </div>
  );
});
