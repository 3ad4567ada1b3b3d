import { Card, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { SeminarInputSchema, type SeminarData } from '../../../../shared/domain/seminar';
import { fieldErrors } from '../../../../shared/validation';
import { EditorForm } from '../../ui/EditorForm';
import { useFormSubmit } from '../../ui/useFormSubmit';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect';

interface Props {
  initial: SeminarData;
  submitLabel: string;
  saving: boolean;
  onSubmit: (values: SeminarData) => Promise<unknown>;
  onCancel: () => void;
  notice?: ReactNode;
}

export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function SeminarForm({ initial, submitLabel, saving, onSubmit, onCancel, notice }: Props) {
  const form = useForm<SeminarData>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => {
      const result = SeminarInputSchema.safeParse(values);
      return result.success ? {} : fieldErrors(result.error);
    },
  });
  const { formRef, submit } = useFormSubmit(form, onSubmit);

  return (
    <EditorForm formRef={formRef} submit={submit} submitLabel={submitLabel} saving={saving} onCancel={onCancel} notice={notice}>
        <Card withBorder radius="md" p="lg" component="section" aria-label="Seminar">
          <Stack gap="sm">
            <TextInput label="Title" autoFocus {...form.getInputProps('title')} />
            <Textarea label="Description" autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <TextInput label="Date" type="date" {...form.getInputProps('date')} />
              <TextInput label="Starts" type="time" {...form.getInputProps('startTime')} />
              <TextInput label="Ends" type="time" {...form.getInputProps('endTime')} />
              <TimeZoneSelect label="Time zone" description="A city, or a name like Eastern or CET" {...form.getInputProps('timeZone')} />
            </SimpleGrid>
          </Stack>
        </Card>
        <Card withBorder radius="md" p="lg" component="section" aria-label="Where">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Venue" placeholder="Melhorn Manor" {...form.getInputProps('venueName')} />
              <TextInput label="Venue address" {...form.getInputProps('venueAddress')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Live-stream link" description="Leave empty if the seminar is not streamed." placeholder="https://…" {...form.getInputProps('streamUrl')} />
              <NumberInput
                label="Seats"
                description="In-person capacity; empty for no limit."
                min={1}
                allowDecimal={false}
                {...form.getInputProps('capacity')}
                value={form.values.capacity ?? ''}
                onChange={(v) => form.setFieldValue('capacity', typeof v === 'number' ? v : null)}
              />
            </SimpleGrid>
          </Stack>
        </Card>
    </EditorForm>
  );
}
