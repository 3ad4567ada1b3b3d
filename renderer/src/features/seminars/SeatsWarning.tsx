import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { seatsOver, type Seminar } from '../../../../shared/domain/seminar';

/**
 * Says when a seminar's room has more people than seats, and by how many — or would, once the
 * `adding` people being registered in person are. The stream takes no seat.
 */
export function SeatsWarning({ seminar: s, adding = 0 }: { seminar: Seminar; adding?: number }) {
  const now = seatsOver(s);
  const after = seatsOver(s, adding).registered;
  const seats = s.capacity?.toLocaleString();
  const text =
    adding > 0 && after > 0
      ? `Registering ${adding.toLocaleString()} more in person makes ${(s.counts.registeredInPerson + adding).toLocaleString()} for ${seats} seats: ${after.toLocaleString()} over.`
      : now.inRoom > 0
        ? `${s.counts.checkedInInPerson.toLocaleString()} people are checked in for ${seats} seats: ${now.inRoom.toLocaleString()} over.`
        : now.registered > 0
          ? `${s.counts.registeredInPerson.toLocaleString()} registered in person for ${seats} seats: ${now.registered.toLocaleString()} over if everyone comes.`
          : null;
  if (!text) return null;
  return (
    <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title="Over capacity" role="note">
      {text}
    </Alert>
  );
}
