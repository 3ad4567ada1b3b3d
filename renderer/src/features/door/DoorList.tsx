import { memo } from 'react';
import { MODE_LABELS } from '../../../../shared/domain/seminar';
import type { CheckInRow } from '../../../../shared/domain/registrant-match';
import { checkInTime } from '../checkin/AttendeeRow';

interface Props {
  rows: CheckInRow[];
  suggestions: CheckInRow[];
  selected: number | null;
  current: boolean;
  onChoose: (id: number) => void;
}

/**
 * The registrants for what was typed, as large rows to tap: a tap chooses the person (as ↓ does at
 * the hub's table) and the big button above checks them in — so a stray touch never checks anyone in.
 */
export const DoorList = memo(function DoorList({ rows, suggestions, selected, current, onChoose }: Props) {
  const row = (r: CheckInRow) => {
    const checkedIn = r.state === 'checked_in';
    return (
      <button
        type="button"
        key={r.id}
        role="option"
        aria-selected={r.id === selected}
        aria-label={`${r.name}${r.organization ? `, ${r.organization}` : ''}${checkedIn ? ', checked in' : ''}${r.reason ? ` (${r.reason})` : ''}`}
        className={`door-row${r.id === selected ? ' door-row-selected' : ''}`}
        onClick={() => onChoose(r.id)}
      >
        <span className="door-row-name">{r.name}</span>
        <span className="door-row-detail">
          {[r.reason, r.organization, MODE_LABELS[r.mode]].filter(Boolean).join(' · ')}
          {checkedIn ? <b className="door-row-in"> · In {checkInTime(r.checkedInAt)}</b> : null}
        </span>
      </button>
    );
  };
  return (
    <div id="door-list" role="listbox" aria-label="Attendees" className="door-list" data-current={current}>
      {rows.map(row)}
      {suggestions.length > 0 ? (
        <div role="group" aria-label="Did you mean">
          <div className="attendee-heading" aria-hidden>
            Did you mean…
          </div>
          {suggestions.map(row)}
        </div>
      ) : null}
    </div>
  );
});
