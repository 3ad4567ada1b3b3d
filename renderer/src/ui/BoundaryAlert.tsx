import { Alert } from '@mantine/core';
import { IconHandStop } from '@tabler/icons-react';

/** Shown when a save would cross a boundary the person set: the save button then says "anyway". */
export function BoundaryAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconHandStop size={18} aria-hidden />} title="This crosses a boundary they set" role="alert">
      {message}
    </Alert>
  );
}
