import './badges.css';
import { Button, Group } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { formatSeminarDate, formatSeminarHours, MODE_LABELS } from '../../../shared/domain/seminar';
import { useRegistrations, useSeminar } from '../features/seminars/queries';
import { LoadingScreen } from '../ui/LoadingScreen';
import { NotFound } from '../ui/NotFound';
import { QrCode } from '../ui/QrCode';

/** A one-page registration confirmation with the ticket's QR code, to print or save as PDF. */
export function ConfirmationScreen() {
  const seminarId = Number(useParams().id);
  const registrationId = Number(useParams().registrationId);
  const seminar = useSeminar(seminarId);
  const registrations = useRegistrations(seminarId);
  if (seminar.isPending || registrations.isPending) return <LoadingScreen />;
  const r = registrations.data?.find((x) => x.id === registrationId);
  if (seminar.isError || !r) {
    return <NotFound title="This registration is not in your book" error={seminar.error ?? new Error('It may have been removed.')} back={{ to: `/seminars/${seminarId}`, label: 'Back to the seminar' }} />;
  }
  const s = seminar.data;
  return (
    <div className="badges-screen">
      <style>{'@page { size: letter; margin: 0.75in; }'}</style>
      <Group className="no-print" justify="flex-end" p="md" bg="white">
        <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
          Print
        </Button>
        <Button component={Link} to={`/seminars/${seminarId}`} variant="default">
          Back to seminar
        </Button>
      </Group>
      <article className="confirmation" aria-label="Registration confirmation">
        <p className="confirmation-kicker">Registration confirmed</p>
        <h1>{s.title}</h1>
        <p className="confirmation-when">
          {formatSeminarDate(s.startsAt, s.timeZone)}
          <br />
          {formatSeminarHours(s.startsAt, s.endsAt, s.timeZone)}
        </p>
        {r.mode === 'stream' ? (
          <p>Live stream{s.streamUrl ? `: ${s.streamUrl}` : ''}</p>
        ) : (
          <p>{[s.venueName, s.venueAddress].filter(Boolean).join(', ') || 'Venue to be announced'}</p>
        )}
        <div className="confirmation-ticket">
          <div>
            <p className="confirmation-name">{r.name}</p>
            {r.organization ? <p>{r.organization}</p> : null}
            <p>{MODE_LABELS[r.mode]}</p>
            <p className="confirmation-code">Ticket {r.ticketCode}</p>
          </div>
          <QrCode value={r.ticketCode} size="1.6in" label={`Ticket ${r.ticketCode}`} />
        </div>
        <p className="confirmation-note">Show this code at the check-in table, on paper or on your phone.</p>
      </article>
    </div>
  );
}
