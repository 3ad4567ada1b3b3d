import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { PLATFORM_CODE_LABELS, splitAnswers, TICKET_PLATFORMS, type PlatformTicket } from '../../../../shared/domain/ticket';

/** The ticket type under a registrant's name, and the platform the registration came from. */
export function TicketSummary({ ticket }: { ticket: PlatformTicket }) {
  return (
    <Text size="xs" c="dimmed">
      {[ticket.ticketType, TICKET_PLATFORMS[ticket.platform]].filter(Boolean).join(' · ')}
    </Text>
  );
}

/** Everything the platform said about one registration: its identifiers, the form's answers in the order asked, then the order's record. */
export function TicketDetails({ ticket, name }: { ticket: PlatformTicket; name: string }) {
  const { form, record } = splitAnswers(ticket.answers);
  return (
    <Stack gap="xs" py={4} role="group" aria-label={`${TICKET_PLATFORMS[ticket.platform]} details of ${name}`}>
      <Group gap="lg" align="flex-start">
        {ticket.ticketType ? <Field label="Ticket type" value={ticket.ticketType} /> : null}
        {ticket.codes.map((c) => (
          <Field key={`${c.kind}:${c.code}`} label={PLATFORM_CODE_LABELS[c.kind]} value={c.code} mono />
        ))}
      </Group>
      {form.length ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={6} component="dl" m={0} aria-label="Answers">
          {form.map((a) => (
            <div key={a.question}>
              <Text component="dt" size="xs" c="dimmed">
                {a.question}
              </Text>
              <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {a.answer}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      ) : (
        <Text size="xs" c="dimmed">
          No answers to the registration form.
        </Text>
      )}
      {record.length ? (
        <Text size="xs" c="dimmed">
          {record.map((a) => `${a.question}: ${a.answer}`).join(' · ')}
        </Text>
      ) : null}
    </Stack>
  );
}

function Field({ label, value, mono = false }: { label: string; value: string; mono?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ff={mono ? 'monospace' : undefined} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </div>
  );
}
