import './badges.css';
import { Alert, Button, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useRef } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { BADGE_CHOICES, badgeHolders, DEFAULT_BADGE_CHOICE, isBadgeChoice, type BadgeChoice } from '../../../shared/domain/badges';
import type { Registration, Seminar } from '../../../shared/domain/seminar';
import { call } from '../api/client';
import { saveAsPdf } from '../api/shell';
import { useRegistrations, useSeminar } from '../features/seminars/queries';
import { LoadingScreen } from '../ui/LoadingScreen';
import { NotFound } from '../ui/NotFound';
import { QrCode } from '../ui/QrCode';
import { idsFromParam } from './badgeChoice';
import { fitName } from './fitName';

const LAYOUTS = {
  badge: { label: 'Badge, 4 × 3 in (one per page)', page: '4in 3in', perPage: 1 },
  letter: { label: 'Letter sheet, 6 badges', page: 'letter', perPage: 6 },
  a4: { label: 'A4 sheet, 6 badges', page: 'A4', perPage: 6 },
} as const;
type Layout = keyof typeof LAYOUTS;

/** Sets the name at one size and line count, as badges.css lays it out. */
function setName(el: HTMLElement, pt: number, lines: 1 | 2, clamped: boolean) {
  el.style.fontSize = `${pt}pt`;
  el.classList.toggle('one-line', lines === 1);
  el.classList.toggle('clamped', clamped);
}

/** Whether the name, as set now, shows whole within its box and in at most `lines` lines. */
function shows(el: HTMLElement, pt: number, lines: 1 | 2): boolean {
  const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || pt * (4 / 3) * 1.1;
  return el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1 && el.scrollHeight <= lines * lineHeight + 1;
}

/** The attendee's name, as large as its box allows (fitName), measured in the page itself. */
function BadgeName({ name }: { name: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let current = true;
    const fit = () => {
      const chosen = fitName((pt, lines) => {
        setName(el, pt, lines, false);
        return shows(el, pt, lines);
      });
      setName(el, chosen.pt, chosen.lines, chosen.clamped);
      el.dataset.fit = `${chosen.lines} line${chosen.lines === 1 ? '' : 's'}, ${chosen.pt}pt${chosen.clamped ? ', cut' : ''}`;
    };
    fit();
    // Measured again once the badge font has loaded: a fallback font has other widths.
    void document.fonts?.ready.then(() => current && fit());
    return () => {
      current = false;
    };
  }, [name]);
  return (
    <div ref={ref} className="badge-name" title={name}>
      {name}
    </div>
  );
}

function Badge({ registration, seminar }: { registration: Registration; seminar: Seminar }) {
  return (
    <div className="badge" role="group" aria-label={`Badge of ${registration.name}`}>
      <div className="badge-event">{seminar.title}</div>
      <div className="badge-main">
        <BadgeName name={registration.name} />
        {registration.organization ? <div className="badge-org">{registration.organization}</div> : null}
        {registration.role ? <div className="badge-role">{registration.role}</div> : null}
      </div>
      <div className="badge-foot">
        <span className="badge-ticket">{registration.ticketCode}</span>
        <QrCode value={registration.ticketCode} size="0.95in" label={`Ticket ${registration.ticketCode}`} />
      </div>
    </div>
  );
}

/**
 * Badges for one attendee (`?registration=`, from the check-in table) or for those the owner
 * chooses (`?who=`: in person by default, not yet printed, the selection made on the seminar page,
 * or everyone), laid out for paper and printed through the system print dialog (the app) or the
 * browser's print (station mode). Printing or saving marks those badges printed.
 */
export function BadgesScreen() {
  const seminarId = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const layout: Layout = (Object.keys(LAYOUTS) as Layout[]).find((l) => l === params.get('layout')) ?? 'letter';
  const whoParam = params.get('who');
  const who: BadgeChoice = isBadgeChoice(whoParam) ? whoParam : DEFAULT_BADGE_CHOICE;
  const selectedIds = idsFromParam(params.get('ids'));
  const only = Number(params.get('registration')) || null;
  const fromCheckIn = params.get('from') === 'check-in';
  const back = fromCheckIn ? { to: `/seminars/${seminarId}/check-in`, label: 'Back to check-in' } : { to: `/seminars/${seminarId}`, label: 'Back to seminar' };
  const seminar = useSeminar(seminarId);
  const registrations = useRegistrations(seminarId);
  const markPrinted = useMutation({
    mutationFn: (registrationIds: number[]) => call('badges.markPrinted', { seminarId, registrationIds }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['seminars', 'registrations', seminarId] }),
  });

  if (seminar.isPending || registrations.isPending) return <LoadingScreen />;
  if (seminar.isError) return <NotFound title="This seminar is not in your book" error={seminar.error} retry={() => seminar.refetch()} back={{ to: '/seminars', label: 'Back to Seminars' }} />;
  const all = registrations.data ?? [];
  const people = only !== null ? all.filter((r) => r.id === only && r.state !== 'cancelled') : badgeHolders(all, who, selectedIds);
  const { perPage, page } = LAYOUTS[layout];
  const sheets: Registration[][] = [];
  for (let i = 0; i < people.length; i += perPage) sheets.push(people.slice(i, i + perPage));
  const count = (choice: BadgeChoice) => badgeHolders(all, choice, selectedIds).length;

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next, { replace: true });
  };
  /** Marks the badges printed; a failure is said, and printing goes on (the paper matters more). */
  const marked = async () => {
    if (!people.length) return;
    try {
      await markPrinted.mutateAsync(people.map((r) => r.id));
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not marked as printed', message: (e as Error).message });
    }
  };
  const done = () => {
    if (fromCheckIn) navigate(back.to);
  };
  const print = async () => {
    await marked();
    window.print();
    done();
  };
  const save = async () => {
    const name = `Badges ${seminar.data.title}`.replace(/[^\w .,()-]/gu, '');
    const result = await saveAsPdf(`${name}.pdf`);
    if (result === 'cancelled') return;
    await marked();
    if (result === 'saved') notifications.show({ message: `${people.length === 1 ? 'Badge' : 'Badges'} saved as PDF.` });
    done();
  };

  return (
    <div className="badges-screen">
      <style>{`@page { size: ${page}; margin: ${perPage === 1 ? '0' : '0.25in'}; }`}</style>
      <Group className="no-print badges-toolbar" justify="space-between" p="md" bg="white" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Text component="h1" fw={700} size="md" m={0} truncate="end">
            Badges · {seminar.data.title}
          </Text>
          <Text size="sm" c="dimmed">
            {people.length} {people.length === 1 ? 'badge' : 'badges'} on {sheets.length} {sheets.length === 1 ? 'page' : 'pages'}
          </Text>
        </div>
        <Group gap="sm" align="flex-end">
          {only === null ? (
            <Select
              label="Who gets a badge"
              data={(Object.keys(BADGE_CHOICES) as BadgeChoice[])
                .filter((c) => c !== 'selected' || selectedIds.size > 0)
                .map((value) => ({ value, label: `${BADGE_CHOICES[value]} (${count(value)})` }))}
              value={who}
              allowDeselect={false}
              onChange={(value) => setParam('who', value ?? DEFAULT_BADGE_CHOICE)}
              w={250}
            />
          ) : null}
          <Select
            label="Layout"
            aria-label="Badge layout"
            data={(Object.keys(LAYOUTS) as Layout[]).map((value) => ({ value, label: LAYOUTS[value].label }))}
            value={layout}
            allowDeselect={false}
            onChange={(value) => setParam('layout', value ?? 'letter')}
            w={240}
          />
          <Button variant="default" leftSection={<IconFileTypePdf size={16} aria-hidden />} onClick={save} disabled={!people.length}>
            Save as PDF
          </Button>
          <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={print} disabled={!people.length} loading={markPrinted.isPending}>
            Print
          </Button>
          <Button component={Link} to={back.to} variant="default">
            {back.label}
          </Button>
        </Group>
      </Group>
      {people.length === 0 ? (
        <Alert className="no-print" variant="light" maw={640} mx="auto" mt="lg" title="No badges to print">
          {only !== null ? 'This registration was cancelled.' : who === 'not_printed' ? 'Every in-person badge has been printed.' : 'No one here gets a badge under this choice.'}
        </Alert>
      ) : null}
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
