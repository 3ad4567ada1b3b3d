import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { PLATFORM_CODE_LABELS, TICKET_PLATFORMS, type PlatformTicket } from '../../../../shared/domain/ticket';

/** The ticket type beside a registrant's name, and where the registration came from. */
export function TicketSummary({ ticket }: { ticket: PlatformTicket }) {
  return (
    <Group gap={6} wrap="nowrap">
      {ticket.ticketType ? (
        <Badge size="xs" variant="outline" color="gray" tt="none" style={{ maxWidth: 220 }}>
          {ticket.ticketType}
        </Badge>
      ) : null}
      <Text size="xs" c="dimmed">
        {TICKET_PLATFORMS[ticket.platform]}
      </Text>
    </Group>
  );
}

/** Everything the platform said about one registration: its identifiers, then the form's answers in the order asked. */
export function TicketDetails({ ticket, name }: { ticket: PlatformTicket; name: string }) {
  return (
    <Stack gap="xs" py={4} role="group" aria-label={`${TICKET_PLATFORMS[ticket.platform]} details of ${name}`}>
      <Group gap="lg">
        {ticket.ticketType ? <Field label="Ticket type" value={ticket.ticketType} /> : null}
        {ticket.codes.map((c) => (
          <Field key={`${c.kind}:${c.code}`} label={PLATFORM_CODE_LABELS[c.kind]} value={c.code} mono />
        ))}
      </Group>
      {ticket.answers.length ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={6} component="dl" m={0}>
          {ticket.answers.map((a) => (
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
    </Stack>
  );
}

function Field({ label, value, mono = false }: { label: string; value: string; mono?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ff={mono ? 'monospace' : undefined}>
        {value}
      </Text>
    </div>
  );
}
