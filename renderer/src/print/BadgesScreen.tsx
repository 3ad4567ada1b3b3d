import './badges.css';
import { Button, Group, Select, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Registration, Seminar } from '../../../shared/domain/seminar';
import { useRegistrations, useSeminar } from '../features/seminars/queries';
import { LoadingScreen } from '../ui/LoadingScreen';
import { NotFound } from '../ui/NotFound';
import { QrCode } from '../ui/QrCode';

const LAYOUTS = {
  badge: { label: 'Badge, 4 × 3 in (one per page)', page: '4in 3in', perPage: 1 },
  letter: { label: 'Letter sheet, 6 badges', page: 'letter', perPage: 6 },
  a4: { label: 'A4 sheet, 6 badges', page: 'A4', perPage: 6 },
} as const;
type Layout = keyof typeof LAYOUTS;

function Badge({ registration, seminar }: { registration: Registration; seminar: Seminar }) {
  return (
    <div className="badge">
      <div className="badge-event">{seminar.title}</div>
      <div>
        <div className="badge-name">{registration.name}</div>
        {registration.organization ? <div className="badge-org">{registration.organization}</div> : null}
      </div>
      <div className="badge-foot">
        <span className="badge-ticket">{registration.ticketCode}</span>
        <QrCode value={registration.ticketCode} size="0.95in" label={`Ticket ${registration.ticketCode}`} />
      </div>
    </div>
  );
}

/**
 * Badges for one attendee (`?registration=`) or every registrant, laid out for paper and printed
 * through the system print dialog (the app) or the browser's print (station mode).
 */
export function BadgesScreen() {
  const seminarId = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const layout: Layout = (Object.keys(LAYOUTS) as Layout[]).find((l) => l === params.get('layout')) ?? 'letter';
  const only = Number(params.get('registration')) || null;
  const back = params.get('from') === 'check-in' ? { to: `/seminars/${seminarId}/check-in`, label: 'Back to check-in' } : { to: `/seminars/${seminarId}`, label: 'Back to seminar' };
  const seminar = useSeminar(seminarId);
  const registrations = useRegistrations(seminarId);

  if (seminar.isPending || registrations.isPending) return <LoadingScreen />;
  if (seminar.isError) return <NotFound title="This seminar is not in your book" error={seminar.error} retry={() => seminar.refetch()} back={{ to: '/seminars', label: 'Back to Seminars' }} />;
  const people = (registrations.data ?? []).filter((r) => r.state !== 'cancelled' && (only === null || r.id === only));
  const { perPage, page } = LAYOUTS[layout];
  const sheets: Registration[][] = [];
  for (let i = 0; i < people.length; i += perPage) sheets.push(people.slice(i, i + perPage));

  return (
    <div className="badges-screen">
      <style>{`@page { size: ${page}; margin: ${perPage === 1 ? '0' : '0.25in'}; }`}</style>
      <Group className="no-print" justify="space-between" p="md" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <div>
          <Text fw={700}>Badges · {seminar.data.title}</Text>
          <Text size="sm" c="dimmed">
            {people.length} {people.length === 1 ? 'badge' : 'badges'} on {sheets.length} {sheets.length === 1 ? 'page' : 'pages'}
          </Text>
        </div>
        <Group>
          <Select
            label="Layout"
            aria-label="Badge layout"
            data={(Object.keys(LAYOUTS) as Layout[]).map((value) => ({ value, label: LAYOUTS[value].label }))}
            value={layout}
            allowDeselect={false}
            onChange={(value) => {
              const next = new URLSearchParams(params);
              next.set('layout', value ?? 'letter');
              setParams(next, { replace: true });
            }}
            w={280}
          />
          <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()} mt={24}>
            Print
          </Button>
          <Button component={Link} to={back.to} variant="default" mt={24}>
            {back.label}
          </Button>
        </Group>
      </Group>
      {sheets.map((sheet, i) => (
        <section key={i} className={`badge-sheet${perPage === 1 ? ' single' : ''}`} aria-label={`Badge page ${i + 1}`}>
          {sheet.map((r) => (
            <Badge key={r.id} registration={r} seminar={seminar.data} />
          ))}
        </section>
      ))}
    </div>
  );
}
