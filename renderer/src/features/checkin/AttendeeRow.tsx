import { memo } from 'react';
import { MODE_LABELS, type Registration } from '../../../../shared/domain/seminar';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

export function checkInTime(iso: string | null): string {
  return iso ? timeFormat.format(new Date(iso)) : '';
}

interface Props {
  registration: Registration;
  /** Why the row is listed when not by name: a "Did you mean…" reason, or the ticket text that matched. */
  reason?: string;
  selected: boolean;
  onChoose: (id: number) => void;
  onEnter: (id: number) => void;
  onUndo: (registration: Registration) => void;
}

/**
 * One registrant in the check-in list. Plain elements and memoized: the list re-renders on every
 * keystroke, and a row whose registration and selection did not change should cost nothing.
 */
export const AttendeeRow = memo(function AttendeeRow({ registration: r, reason, selected, onChoose, onEnter, onUndo }: Props) {
  const checkedIn = r.state === 'checked_in';
  const detail = [r.organization, r.primaryEmail].filter(Boolean).join(' · ') || '—';
  return (
    <div
      id={`attendee-${r.id}`}
      role="option"
      aria-selected={selected}
      className={`attendee${selected ? ' attendee-selected' : ''}`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onChoose(r.id)}
      onDoubleClick={() => onEnter(r.id)}
    >
      <div className="attendee-who">
        <div className="attendee-name">{r.name}</div>
        <div className="attendee-detail">{reason ? `${reason} · ${detail}` : detail}</div>
      </div>
      <div className="attendee-status">
        <span className="attendee-mode">{MODE_LABELS[r.mode]}</span>
        {checkedIn ? (
          <>
            <span className="attendee-checked">Checked in {checkInTime(r.checkedInAt)}</span>
            <button type="button" className="attendee-undo" aria-label={`Undo check-in of ${r.name}`} onClick={() => onUndo(r)}>
              Undo
            </button>
          </>
        ) : (
          <span className="attendee-ticket">{r.ticketCode}</span>
        )}
      </div>
    </div>
  );
});
