import { Button, Group, Stack } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import type { FormEvent, ReactNode, RefObject } from 'react';

interface Props {
  formRef: RefObject<HTMLFormElement | null>;
  submit: (event?: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  saving: boolean;
  onCancel: () => void;
  children: ReactNode;
  /** Shown just above Cancel / Save, where the person who pressed Save is looking (a stale copy). */
  notice?: ReactNode;
}

/** The frame of every editor: sections, then Cancel / Save; Ctrl+Enter or Ctrl+S saves. */
export function EditorForm({ formRef, submit, submitLabel, saving, onCancel, children, notice }: Props) {
  return (
    <form ref={formRef} onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()], ['mod+S', () => submit()]])}>
      <Stack gap="md" px="xl" pb="xl" maw={920}>
        {children}
        {notice}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
