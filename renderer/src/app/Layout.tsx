import { Alert, AppShell, Badge, Button, Group, NavLink, Stack, Text, ThemeIcon } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconAddressBook, IconBell, IconReportAnalytics, IconHome, IconLayoutDashboard, IconChecklist, IconHeartHandshake, IconPresentation, IconSettings, IconUsersGroup } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Link, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { LoadingScreen } from '../ui/LoadingScreen';
import { useDueSummary } from '../features/followups/queries';
import { useAppInfo } from '../features/people/queries';
import { todayInput } from '../ui/days';
import { LoadFailedBanner } from './LoadFailedBanner';

const NAV = [
  { to: '/', label: 'Home', icon: IconLayoutDashboard },
  { to: '/people', label: 'People', icon: IconAddressBook },
  { to: '/agenda', label: 'Agenda', icon: IconChecklist },
  { to: '/relationships', label: 'Relationships', icon: IconHeartHandshake },
  { to: '/occasions', label: 'At home', icon: IconHome },
  { to: '/seminars', label: 'Seminars', icon: IconPresentation },
  { to: '/reports', label: 'Reports', icon: IconReportAnalytics },
  { to: '/settings', label: 'Settings', icon: IconSettings },
];

export function Layout() {
  const { pathname } = useLocation();
  const due = useDueSummary().data;
  const waiting = due ? due.overdue + due.today : 0;
  return (
    <AppShell navbar={{ width: 220, breakpoint: 0 }} padding={0}>
      <AppShell.Navbar p="sm" aria-label="Main">
        <Group gap="xs" px="xs" py="md">
          <ThemeIcon size="lg" radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'grape' }} aria-hidden>
            <IconUsersGroup size={20} />
          </ThemeIcon>
          <Stack gap={0}>
            <Text fw={700} size="lg" lh={1.1}>
              Rapport
            </Text>
            <Text size="xs" c="dimmed">
              Clients, not customers
            </Text>
          </Stack>
        </Group>
        <Stack gap={2} mt="sm">
          {NAV.map(({ to, label, icon: Icon }) => (
            <NavLink
              key={to}
              component={RouterNavLink}
              to={to}
              label={label}
              leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
              rightSection={
                to === '/agenda' && waiting > 0 ? (
                  <Badge size="sm" color={due?.overdue ? 'red' : 'orange'} aria-label={`${waiting} due`}>
                    {waiting}
                  </Badge>
                ) : null
              }
              active={to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`)}
              variant="light"
              style={{ borderRadius: 8 }}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
        <LoadFailedBanner />
        <DueBanner />
        {/* A screen loads its code on first visit (lazy-screens.ts); the navigation stays meanwhile. */}
        <Suspense fallback={<LoadingScreen />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

/**
 * Station mode's reminder (the desktop app shows a notification instead): once a day, what is
 * due, until dismissed.
 */
function DueBanner() {
  const info = useAppInfo().data;
  const due = useDueSummary().data;
  const [dismissedOn, setDismissedOn] = useLocalStorage({ key: 'rapport.dueBanner.dismissedOn', defaultValue: '' });
  const { pathname } = useLocation();
  if (info?.mode !== 'station' || !due || pathname === '/agenda' || dismissedOn === todayInput()) return null;
  const parts = [due.overdue ? `${due.overdue} overdue` : '', due.today ? `${due.today} due today` : ''].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <Alert
      color={due.overdue ? 'red' : 'orange'}
      icon={<IconBell size={18} aria-hidden />}
      radius={0}
      withCloseButton
      closeButtonLabel="Dismiss for today"
      onClose={() => setDismissedOn(todayInput())}
      title={`Follow-ups: ${parts.join(', ')}`}
      aria-label="Follow-ups due"
    >
      <Group gap="sm">
        <Text size="sm">What you promised is waiting.</Text>
        <Button component={Link} to="/agenda" size="compact-sm" variant="white" color="dark">
          Open the agenda
        </Button>
      </Group>
    </Alert>
  );
}
