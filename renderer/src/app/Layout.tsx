import { AppShell, Group, NavLink, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAddressBook, IconHeartHandshake, IconPresentation, IconSettings, IconUsersGroup } from '@tabler/icons-react';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';

const NAV = [
  { to: '/people', label: 'People', icon: IconAddressBook },
  { to: '/relationships', label: 'Relationships', icon: IconHeartHandshake },
  { to: '/seminars', label: 'Seminars', icon: IconPresentation },
  { to: '/settings', label: 'Settings', icon: IconSettings },
];

export function Layout() {
  const { pathname } = useLocation();
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
              active={pathname === to || pathname.startsWith(`${to}/`)}
              variant="light"
              style={{ borderRadius: 8 }}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
