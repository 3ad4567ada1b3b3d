import { Button, Card, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconChartBar, IconHome, IconUser } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { PersonPicker } from '../relationships/PersonPicker';
import { useSeminars } from '../seminars/queries';

function ReportCard({ title, icon, description, children }: { title: string; icon: ReactNode; description: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {icon} {title}
        </Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}

/** The four reports of DOMAIN.md, each on screen, on paper, as PDF (and the rapport report as CSV). */
export function ReportsScreen() {
  const past = useSeminars('past');
  const upcoming = useSeminars('upcoming');
  const [seminarId, setSeminarId] = useState<string | null>(null);
  const [personId, setPersonId] = useState<number | null>(null);
  const seminars = [...(past.data ?? []), ...(upcoming.data ?? [])];
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <PageHeader title="Reports" subtitle="To review the book on paper: once a month, before a planning day, before meeting someone." />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" px="xl" pb="xl" maw={1100}>
        <ReportCard title="Rapport report" icon={<IconChartBar size={18} aria-hidden />} description="The stage mix, the client-to-customer ratio, everyone by rapport score with its parts, who is ready to become a client and who is at risk. For the whole book or a segment.">
          <Button component={Link} to="/reports/rapport" style={{ alignSelf: 'flex-start' }}>
            Open the rapport report
          </Button>
        </ReportCard>
        <ReportCard title="Intimacy report" icon={<IconHome size={18} aria-hidden />} description="How many of your best clients have been in your home, when each was last hosted, who was never invited, and what is planned.">
          <Button component={Link} to="/reports/intimacy" style={{ alignSelf: 'flex-start' }}>
            Open the intimacy report
          </Button>
        </ReportCard>
        <ReportCard title="Seminar report" icon={<IconCalendarEvent size={18} aria-hidden />} description="Registered against attended, in person and on the stream, walk-ins and no-shows, follow-ups captured and done, and how attendees moved since.">
          <Select label="Seminar" placeholder="Choose a seminar" data={seminars.map((s) => ({ value: String(s.id), label: s.title }))} value={seminarId} onChange={setSeminarId} searchable />
          <OpenButton to={seminarId ? `/reports/seminar/${seminarId}` : null}>Open the seminar report</OpenButton>
        </ReportCard>
        <ReportCard title="Person dossier" icon={<IconUser size={18} aria-hidden />} description="One page to read before meeting someone: standing and why, needs and aims, recent touches, what is promised, home visits and advocacy.">
          <PersonPicker label="Person" value={personId} onChange={setPersonId} />
          <OpenButton to={personId === null ? null : `/reports/dossier/${personId}`}>Open the dossier</OpenButton>
        </ReportCard>
      </SimpleGrid>
    </div>
  );
}

/** A link styled as a button; until there is somewhere to go, a disabled button (a link cannot be disabled). */
function OpenButton({ to, children }: { to: string | null; children: string }) {
  return to ? (
    <Button component={Link} to={to} style={{ alignSelf: 'flex-start' }}>
      {children}
    </Button>
  ) : (
    <Button disabled style={{ alignSelf: 'flex-start' }}>
      {children}
    </Button>
  );
}
