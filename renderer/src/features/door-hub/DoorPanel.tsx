import { Alert, Button, Code, Group, Loader, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDeviceMobile, IconLock, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { DoorStatus, PairedDevice } from '../../../../shared/domain/door-hub';
import { PAIRING_PATH } from '../../../../shared/domain/door-hub';
import { QrCode } from '../../ui/QrCode';
import { plural } from '../../ui/format';
import { useDoorActions, useDoorStatus } from './queries';

const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const clockSeconds = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' });

function lastSeen(iso: string): string {
  const ago = Math.max(0, Date.now() - new Date(iso).getTime());
  if (ago < 60_000) return 'just now';
  if (ago < 3_600_000) return `${Math.floor(ago / 60_000)} min ago`;
  return clock.format(new Date(iso));
}

/** Large enough to scan from a phone held at arm's length, small enough to fit a 700-pixel-high window with the rest. */
const QR_BOX = { width: 'min(300px, 36vh)', aspectRatio: '1', display: 'flex' } as const;

/** "123 456": read out and typed in two halves. */
const spaced = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

/** The fingerprint in four lines of eight bytes, as people compare it with a browser's. */
function fingerprintLines(fingerprint: string): string[] {
  const bytes = fingerprint.split(':');
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 8) lines.push(bytes.slice(i, i + 8).join(':'));
  return lines;
}

function DeviceTable({ devices, onRevoke, revoking }: { devices: PairedDevice[]; onRevoke: (d: PairedDevice) => void; revoking: number | null }) {
  if (devices.length === 0) return <Text c="dimmed" size="sm">No device is paired yet.</Text>;
  return (
    <Table aria-label="Paired devices" striped verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Device</Table.Th>
          <Table.Th>Last seen</Table.Th>
          <Table.Th ta="right">Check-ins made</Table.Th>
          <Table.Th aria-label="Actions" />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {devices.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td fw={600}>{d.name}</Table.Td>
            <Table.Td>{lastSeen(d.lastSeenAt)}</Table.Td>
            <Table.Td ta="right">{d.checkInsMade.toLocaleString()}</Table.Td>
            <Table.Td ta="right">
              <Button size="compact-sm" variant="light" color="red" aria-label={`Revoke ${d.name}`} loading={revoking === d.id} onClick={() => onRevoke(d)}>
                Revoke
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function OpenDoor({ status, seminarId }: { status: DoorStatus; seminarId: number }) {
  const actions = useDoorActions(seminarId);
  const [confirmClose, setConfirmClose] = useState(false);
  const address = status.addresses[0] ?? null;
  const pairing = status.pairing;
  return (
    <Stack gap="md">
      {status.problem ? (
        <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert" py={8}>
          {status.problem}
        </Alert>
      ) : null}
      {status.lockedUntil ? (
        <Alert color="red" icon={<IconLock size={18} aria-hidden />} role="alert" py={8} aria-label="Pairing is locked">
          Five wrong codes were typed: pairing is locked until {clockSeconds.format(new Date(status.lockedUntil))}.
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <Stack align="center" gap={6}>
          {pairing?.url ? (
            <div style={QR_BOX}>
              <QrCode value={pairing.url} size="100%" label="QR code to pair a device" />
            </div>
          ) : (
            <Stack style={{ ...QR_BOX, border: '1px dashed var(--mantine-color-gray-5)' }} align="center" justify="center" gap="xs" p="md">
              <Text size="sm" c="dimmed" ta="center">
                {address ? 'The pairing code has expired.' : 'No network to show a code for.'}
              </Text>
            </Stack>
          )}
          <Text size="sm" c="dimmed" ta="center">
            Scan with the device’s camera
          </Text>
        </Stack>
        <Stack gap="sm">
          <div>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              Or open this address on the device
            </Text>
            {status.addresses.length > 0 ? (
              status.addresses.map((a) => (
                <Text key={a} ff="monospace" fw={600} size="lg" aria-label="Address for devices">
                  {a}
                  {PAIRING_PATH}
                </Text>
              ))
            ) : (
              <Text c="dimmed">Join the Wi-Fi the devices use.</Text>
            )}
          </div>
          <div>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" id="pairing-code-label">
              Pairing code
            </Text>
            {pairing ? (
              <Group gap="sm" align="baseline">
                <Text component="span" ff="monospace" fw={700} fz={34} lh={1.1} aria-labelledby="pairing-code-label" data-code={pairing.code}>
                  {spaced(pairing.code)}
                </Text>
                <Text component="span" size="sm" c="dimmed">
                  until {clock.format(new Date(pairing.expiresAt))}
                </Text>
              </Group>
            ) : (
              <Text c="dimmed">None: make a new one to pair a device.</Text>
            )}
            <Button mt={6} size="xs" variant="light" leftSection={<IconRefresh size={14} aria-hidden />} loading={actions.newCode.isPending} onClick={() => actions.newCode.mutate()}>
              New code
            </Button>
          </div>
          <div>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" id="fingerprint-label">
              Certificate fingerprint (SHA-256)
            </Text>
            <Code block aria-labelledby="fingerprint-label" data-fingerprint={status.fingerprint ?? ''} fz={12}>
              {fingerprintLines(status.fingerprint ?? '').join('\n')}
            </Code>
            <Text size="xs" c="dimmed" mt={4}>
              Each device’s browser warns once about this hub’s own certificate: the SHA-256 fingerprint in its details must be this one.
            </Text>
          </div>
        </Stack>
      </SimpleGrid>

      <div>
        <Title order={3} size="h5" mb={4}>
          Paired devices{status.devices.length ? ` (${status.devices.length})` : ''}
        </Title>
        <DeviceTable devices={status.devices} revoking={actions.revoke.isPending ? (actions.revoke.variables ?? null) : null} onRevoke={(d) => actions.revoke.mutate(d.id)} />
      </div>
      {actions.revoke.error || actions.newCode.error || actions.close.error ? (
        <Alert color="red" role="alert" py={8}>
          {(actions.revoke.error ?? actions.newCode.error ?? actions.close.error)?.message}
        </Alert>
      ) : null}

      <Group justify="flex-end" gap="sm">
        {confirmClose ? (
          <>
            <Text size="sm">Every device is revoked and the hub stops listening on the network.</Text>
            <Button variant="default" onClick={() => setConfirmClose(false)}>
              Keep it open
            </Button>
            <Button color="red" loading={actions.close.isPending} onClick={() => actions.close.mutate(undefined, { onSuccess: () => setConfirmClose(false) })}>
              Close the door now
            </Button>
          </>
        ) : (
          <Button color="red" variant="light" onClick={() => setConfirmClose(true)}>
            Close the door
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function ClosedDoor({ seminarId, devices }: { seminarId: number; devices: number }) {
  const actions = useDoorActions(seminarId);
  return (
    <Stack gap="md">
      <Text>
        Phones, tablets and other laptops on this computer’s network can check people in at this seminar, beside this table. Rapport then also listens on
        the local network, over HTTPS; each device pairs with a code shown here and may check people in at this seminar — and nothing else.
      </Text>
      {devices > 0 ? <Text size="sm">{plural(devices, 'device')} paired earlier will reconnect.</Text> : null}
      {actions.open.error ? (
        <Alert color="red" role="alert" py={8}>
          {actions.open.error.message}
        </Alert>
      ) : null}
      <Group>
        <Button leftSection={<IconDeviceMobile size={18} aria-hidden />} loading={actions.open.isPending} onClick={() => actions.open.mutate()}>
          Let other devices check in
        </Button>
      </Group>
    </Stack>
  );
}

/** Door devices for one seminar: open the door, pair devices by QR code and code, see and revoke them, close the door. */
export function DoorPanel({ seminarId, seminarTitle, opened, onClose }: { seminarId: number; seminarTitle: string; opened: boolean; onClose: () => void }) {
  const status = useDoorStatus(seminarId, opened);
  return (
    <Modal opened={opened} onClose={onClose} size="min(940px, 94vw)" title={<Title order={2} size="h4">Door devices · {seminarTitle}</Title>}>
      {status.isPending ? (
        <Loader aria-label="Loading the door" />
      ) : status.isError ? (
        <Alert color="red" role="alert">
          {status.error.message}
        </Alert>
      ) : status.data.open ? (
        <OpenDoor status={status.data} seminarId={seminarId} />
      ) : (
        <ClosedDoor seminarId={seminarId} devices={status.data.devices.length} />
      )}
    </Modal>
  );
}
