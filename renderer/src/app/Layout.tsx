import { Alert, AppShell, Badge, Button, Group, Indicator, NavLink, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { useLocalStorage, useMediaQuery } from '@mantine/hooks';
import { IconAddressBook, IconBell, IconReportAnalytics, IconHome, IconLayoutDashboard, IconChecklist, IconHeartHandshake, IconPresentation, IconSettings, IconTrash, IconUsersGroup } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Link, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { LoadingScreen } from '../ui/LoadingScreen';
import { useDueSummary } from '../features/followups/queries';
import { useAppInfo } from '../features/people/queries';
import { todayInput } from '../ui/days';
import { LoadFailedBanner } from './LoadFailedBanner';
import { FindPalette } from '../features/find/FindPalette';

const NAV = [
  { to: '/', label: 'Home', icon: IconLayoutDashboard },
  { to: '/people', label: 'People', icon: IconAddressBook },
  { to: '/agenda', label: 'Agenda', icon: IconChecklist },
  { to: '/relationships', label: 'Relationships', icon: IconHeartHandshake },
  { to: '/occasions', label: 'At home', icon: IconHome },
  { to: '/seminars', label: 'Seminars', icon: IconPresentation },
  { to: '/reports', label: 'Reports', icon: IconReportAnalytics },
  { to: '/settings', label: 'Settings', icon: IconSettings },
  { to: '/trash', label: 'Trash', icon: IconTrash },
];

export function Layout() {
  const { pathname } = useLocation();
  const due = useDueSummary().data;
  const waiting = due ? due.overdue + due.today : 0;
  // Below 1200 px the sidebar keeps only its icons (names in tooltips and for screen readers), so a 1024 px window has room.
  const wide = useMediaQuery('(min-width: 75em)', true) ?? true;
  return (
    <AppShell navbar={{ width: wide ? 220 : 64, breakpoint: 0 }} padding={0}>
      <AppShell.Navbar p={wide ? 'sm' : 8} aria-label="Main">
        <Group gap="xs" px="xs" py="md" wrap={wide ? 'wrap' : 'nowrap'}>
          <ThemeIcon size="lg" radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'grape' }} aria-hidden>
            <IconUsersGroup size={20} />
          </ThemeIcon>
          <Stack gap={0} display={wide ? undefined : 'none'}>
            <Text fw={700} size="lg" lh={1.1}>
              Rapport
            </Text>
            <Text size="xs" c="dimmed">
              Clients, not customers
            </Text>
          </Stack>
        </Group>
        <Stack gap={2} mt="sm">
          {NAV.map(({ to, label, icon: Icon }) => {
            const count = to === '/agenda' && waiting > 0 ? waiting : 0;
            const link = (
            <NavLink
              key={to}
              component={RouterNavLink}
              to={to}
              label={wide ? label : null}
              aria-label={wide ? undefined : count ? `${label}, ${count} due` : label}
              leftSection={
                <Indicator disabled={wide || !count} label={count} size={16} color={due?.overdue ? 'red' : 'orange'} offset={-2}>
                  <Icon size={wide ? 18 : 22} stroke={1.6} aria-hidden />
                </Indicator>
              }
              rightSection={
                wide && count ? (
                  <Badge size="sm" color={due?.overdue ? 'red' : 'orange'} aria-label={`${waiting} due`}>
                    {waiting}
                  </Badge>
                ) : null
              }
              active={to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`)}
              variant="light"
              style={{ borderRadius: 8 }}
            />
            );
            return wide ? (
              link
            ) : (
              <Tooltip key={to} label={label} position="right" withArrow>
                {link}
              </Tooltip>
            );
          })}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
        <LoadFailedBanner />
        <DueBanner />
        {/* A screen loads its code on first visit (lazy-screens.ts); the navigation stays meanwhile. */}
        <Suspense fallback={<LoadingScreen />}>
          <Outlet />
        </Suspense>
        <FindPalette />
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
