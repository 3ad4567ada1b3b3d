import { ActionIcon, Button, Card, Group, MultiSelect, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { PersonInputSchema, type PersonData } from '../../../../shared/domain/person';
import { kindsOf, PHONE_KIND_LABELS, PHONE_KINDS } from '../../../../shared/domain/phone';
import { fieldErrors } from '../../../../shared/validation';
import { EditorForm } from '../../ui/EditorForm';
import { useFormSubmit } from '../../ui/useFormSubmit';
import { useTags } from './queries';

interface Props {
  initial: PersonData;
  submitLabel: string;
  saving: boolean;
  onSubmit: (values: PersonData) => Promise<unknown>;
  onCancel: () => void;
  notice?: ReactNode;
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label={title}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h5">
            {title}
          </Title>
          {description ? (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          ) : null}
        </div>
        {children}
      </Stack>
    </Card>
  );
}

interface ContactLinesProps {
  form: UseFormReturnType<PersonData>;
  list: 'emails' | 'phones';
  field: 'address' | 'number';
  noun: string;
  title: string;
  placeholder: string;
  type: 'email' | 'tel';
  /** Label for the first line, then for the others. */
  labels: [string, string];
}

const KIND_OPTIONS = PHONE_KINDS.map((k) => ({ value: k, label: PHONE_KIND_LABELS[k] }));

/** A list of labelled email or phone lines, each removable; accessible names carry the line number. A phone also has its kinds (mobile, fax…). */
function ContactLines({ form, list, field, noun, title, placeholder, type, labels }: ContactLinesProps) {
  const lines = form.values[list];
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {title}
      </Text>
      {lines.map((_, i) => (
        <Group key={form.key(`${list}.${i}`)} align="flex-start" gap="xs" wrap="nowrap">
          <TextInput aria-label={`Label for ${noun} ${i + 1}`} placeholder={labels[i === 0 ? 0 : 1]} w={140} {...form.getInputProps(`${list}.${i}.label`)} />
          {list === 'phones' ? (
            <MultiSelect
              aria-label={`Kinds of phone ${i + 1}`}
              placeholder="Kind"
              data={KIND_OPTIONS}
              w={200}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps(`phones.${i}.kinds`)}
            />
          ) : null}
          <TextInput
            aria-label={`${noun[0]?.toUpperCase()}${noun.slice(1)} ${i + 1}`}
            placeholder={placeholder}
            type={type}
            style={{ flex: 1 }}
            autoComplete="off"
            {...form.getInputProps(`${list}.${i}.${field}`)}
          />
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`Remove ${noun} ${i + 1}`} onClick={() => form.removeListItem(list, i)}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconPlus size={14} aria-hidden />}
        onClick={() => {
          const label = labels[lines.length ? 1 : 0];
          if (list === 'emails') form.insertListItem(list, { label, address: '' });
          else form.insertListItem(list, { label, number: '', kinds: kindsOf(label) });
        }}
        style={{ alignSelf: 'flex-start' }}
      >
        Add {noun}
      </Button>
    </Stack>
  );
}

/** The one editor for a person, used to add and to edit. Validates with the contract's own schema. */
export function PersonForm({ initial, submitLabel, saving, onSubmit, onCancel, notice }: Props) {
  const tags = useTags();
  const form = useForm<PersonData>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => {
      const result = PersonInputSchema.safeParse(values);
      if (result.success) return {};
      const errors = fieldErrors(result.error);
      // Blank email and phone lines are dropped on save, so they are not mistakes.
      values.emails.forEach((e, i) => e.address.trim() === '' && delete errors[`emails.${i}.address`]);
      values.phones.forEach((p, i) => p.number.trim() === '' && delete errors[`phones.${i}.number`]);
      return errors;
    },
    validateInputOnChange: false,
  });

  const { formRef, submit } = useFormSubmit(form, onSubmit);

  return (
    <EditorForm formRef={formRef} submit={submit} submitLabel={submitLabel} saving={saving} onCancel={onCancel} notice={notice}>
        <Section title="Name" description="At least one name. Accents and any script are welcome.">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Given name" autoComplete="off" data-autofocus autoFocus {...form.getInputProps('givenName')} />
            <TextInput label="Family name" autoComplete="off" {...form.getInputProps('familyName')} />
            <TextInput label="Display name" description="Only if different from given + family" autoComplete="off" {...form.getInputProps('displayName')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Organization" autoComplete="off" {...form.getInputProps('organization')} />
            <TextInput label="Role" autoComplete="off" {...form.getInputProps('role')} />
          </SimpleGrid>
          <TextInput
            label="Introduce as"
            description="How they want to be introduced in public — “my friend Ann”, not “my client Ann”."
            autoComplete="off"
            {...form.getInputProps('introduceAs')}
          />
        </Section>

        <Section title="Contact">
          <ContactLines form={form} list="emails" field="address" noun="email" title="Email addresses" placeholder="name@example.com" type="email" labels={['Work', 'Personal']} />
          <ContactLines form={form} list="phones" field="number" noun="phone" title="Phone numbers" placeholder="+1 717 555 0100" type="tel" labels={['Mobile', 'Work']} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Website" placeholder="example.com" {...form.getInputProps('website')} />
            <TextInput label="LinkedIn" placeholder="linkedin.com/in/…" {...form.getInputProps('linkedin')} />
          </SimpleGrid>
        </Section>

        <Section title="Address" description="Personal: left out of exports and printouts unless you ask for it.">
          <TextInput label="Street" {...form.getInputProps('address.street')} />
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <TextInput label="City" {...form.getInputProps('address.city')} />
            <TextInput label="State or region" {...form.getInputProps('address.region')} />
            <TextInput label="Postal code" {...form.getInputProps('address.postalCode')} />
            <TextInput label="Country" {...form.getInputProps('address.country')} />
          </SimpleGrid>
        </Section>

        <Section title="Relationship">
          <TextInput label="How we met" placeholder="Which seminar, or who introduced you" {...form.getInputProps('howWeMet')} />
          <TagsInput
            label="Tags"
            description="The segments you specialize in. Press Enter after each tag."
            data={(tags.data ?? []).map((t) => t.name)}
            clearable
            {...form.getInputProps('tags')}
          />
          <Textarea label="Notes" autosize minRows={3} maxRows={12} {...form.getInputProps('notes')} />
        </Section>

        <Section title="What they want" description="What makes a client: knowing their aims, their work and how they like to be dealt with.">
          <Textarea label="Desired results" placeholder="What they are trying to achieve" autosize minRows={2} {...form.getInputProps('desiredResults')} />
          <Textarea label="Their work" placeholder="Whom they serve, and why it matters to them" autosize minRows={2} {...form.getInputProps('theirWork')} />
          <Textarea label="Boundaries" placeholder="What you agreed not to do; how they prefer to be dealt with" autosize minRows={2} {...form.getInputProps('boundaries')} />
        </Section>

    </EditorForm>
  );
}
