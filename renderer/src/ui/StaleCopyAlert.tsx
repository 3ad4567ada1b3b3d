import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import type { StaleCopy } from './useVersionedSave';

interface Props {
  stale: StaleCopy;
  onReload: () => void;
  /** Runs before the form submits again (the button is the form's submit button). */
  onOverwrite: () => void;
  reloading?: boolean;
}

/** Someone else saved first: their change or mine, chosen by the owner, never lost without a word. */
export function StaleCopyAlert({ stale, onReload, onOverwrite, reloading = false }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // It appears below the fields, where the Save button was: bring all of it, buttons too, into view.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <Alert ref={ref} color="orange" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />} title="Changed elsewhere while you were editing">
      <Stack gap="xs">
        <Text size="sm">{stale.message} Reload their latest to see their change (your edits here are dropped), or save yours over it.</Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={onReload} loading={reloading}>
            Reload their latest
          </Button>
          <Button size="xs" color="orange" type="submit" onClick={onOverwrite}>
            Save mine anyway
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
