import { Button, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDeviceMobile } from '@tabler/icons-react';
import { DoorPanel } from './DoorPanel';

/** "Door devices": opens the door panel for this seminar. */
export function DoorDevicesButton({ seminarId, seminarTitle, ...props }: { seminarId: number; seminarTitle: string } & ButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="light" leftSection={<IconDeviceMobile size={16} aria-hidden />} onClick={open} {...props}>
        Door devices
      </Button>
      <DoorPanel seminarId={seminarId} seminarTitle={seminarTitle} opened={opened} onClose={close} />
    </>
  );
}
