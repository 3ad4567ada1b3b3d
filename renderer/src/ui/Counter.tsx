import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled big number (the group's accessible name is the label, so tests and screen readers find it). */
export function Counter({ label, value, detail }: { label: string; value: number; detail?: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md" role="group" aria-label={label}>
      <Text size="xs" c="dimmed" fw={700} tt="uppercase">
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.15}>
        {value.toLocaleString()}
      </Text>
      {detail ? (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      ) : null}
    </Paper>
  );
}
