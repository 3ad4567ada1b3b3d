import { Button, Group, Modal, Radio, Stack, Table, Text, TextInput, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChecklist, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { InputOf } from '../../../../shared/contract';
import type { ClientTestAnswering, Relationship } from '../../../../shared/domain/relationship';
import { CLIENT_TEST_QUESTIONS, type ClientTestKey } from '../../../../shared/domain/standing';
import { ApiError, type FieldErrors } from '../../../../shared/errors';
import { formatDay } from '../../ui/format';
import { Empty, Panel } from '../../ui/Panel';
import { todayInput } from '../../ui/days';
import { useBookWrite } from './queries';

function Answer({ yes }: { yes: boolean }) {
  return (
    <ThemeIcon size="sm" radius="xl" color={yes ? 'teal' : 'gray'} variant={yes ? 'filled' : 'light'} role="img" aria-label={yes ? 'Yes' : 'No'}>
      {yes ? <IconCheck size={12} /> : <IconX size={12} />}
    </ThemeIcon>
  );
}

/** The four questions as last answered, the history of answerings, and the way to answer again. */
export function ClientTestPanel({ relationship: r, personName }: { relationship: Relationship; personName: string }) {
  const [opened, dialog] = useDisclosure(false);
  const latest = r.tests[0];
  return (
    <Panel
      title="Client test"
      actions={
        <Button size="xs" variant="light" leftSection={<IconChecklist size={14} aria-hidden />} onClick={dialog.open}>
          Answer the client test
        </Button>
      }
    >
      {latest ? (
        <Stack gap={6} aria-label="Latest answers">
          <Text size="xs" c="dimmed">
            Last answered {formatDay(latest.on)}: {latest.yeses} of 4 yes
          </Text>
          {CLIENT_TEST_QUESTIONS.map((q) => (
            <Group key={q.key} gap="xs" wrap="nowrap" align="flex-start">
              <Answer yes={latest.answers[q.key].yes} />
              <div>
                <Text size="sm" fw={500}>
                  {q.short}
                </Text>
                {latest.answers[q.key].evidence ? (
                  <Text size="xs" c="dimmed">
                    {latest.answers[q.key].evidence}
                  </Text>
                ) : null}
              </div>
            </Group>
          ))}
        </Stack>
      ) : (
        <Empty>Not answered yet. Four yeses make {personName} a client.</Empty>
      )}
      {r.tests.length ? (
        <Table aria-label="Client test history" verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Answered</Table.Th>
              {CLIENT_TEST_QUESTIONS.map((q) => (
                <Table.Th key={q.key} ta="center">
                  {q.short}
                </Table.Th>
              ))}
              <Table.Th ta="right">Yes</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.tests.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(t.on)}</Table.Td>
                {CLIENT_TEST_QUESTIONS.map((q) => (
                  <Table.Td key={q.key} ta="center">
                    <Answer yes={t.answers[q.key].yes} />
                  </Table.Td>
                ))}
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {t.yeses} of 4
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <ClientTestDialog personId={r.personId} personName={personName} latest={latest ?? null} opened={opened} onClose={dialog.close} />
    </Panel>
  );
}

type Draft = Record<ClientTestKey, { yes: boolean | null; evidence: string }>;

function draftFrom(latest: ClientTestAnswering | null): Draft {
  return Object.fromEntries(
    CLIENT_TEST_QUESTIONS.map((q) => [q.key, latest ? { ...latest.answers[q.key] } : { yes: null, evidence: '' }]),
  ) as Draft;
}

/** Answer all four questions on a day; starts from the last answers so only what changed needs a click. */
function ClientTestDialog({ personId, personName, latest, opened, onClose }: { personId: number; personName: string; latest: ClientTestAnswering | null; opened: boolean; onClose: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(latest));
  const [on, setOn] = useState(todayInput());
  const [errors, setErrors] = useState<FieldErrors>({});
  const answer = useBookWrite('clientTest.answer');

  useEffect(() => {
    if (!opened) return;
    setDraft(draftFrom(latest));
    setOn(todayInput());
    setErrors({});
  }, [opened]); // eslint-disable-line react-hooks/exhaustive-deps -- start from the latest answers each time it opens
  const save = () => {
    // An unanswered question goes to the server as a missing answer, which names it.
    const answers = Object.fromEntries(CLIENT_TEST_QUESTIONS.map((q) => [q.key, { yes: draft[q.key].yes ?? undefined, evidence: draft[q.key].evidence }]));
    answer.mutate({ personId, on, answers } as InputOf<'clientTest.answer'>, {
      onSuccess: (t) => {
        notifications.show({ message: `Client test saved: ${t.yeses} of 4 yes.` });
        onClose();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'invalid_input') setErrors(error.fields);
        else notifications.show({ color: 'red', title: 'Not saved', message: error.message });
      },
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Client test for ${personName}`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
        noValidate
      >
        <Stack gap="md">
          <TextInput label="Answered on" type="date" max={todayInput()} value={on} onChange={(e) => setOn(e.currentTarget.value)} error={errors.on} w={200} />
          {CLIENT_TEST_QUESTIONS.map((q, i) => (
            <Stack key={q.key} gap={6}>
              <Radio.Group
                label={`${i + 1}. ${q.short}`}
                description={q.question}
                value={draft[q.key].yes === null ? null : draft[q.key].yes ? 'yes' : 'no'}
                onChange={(v) => setDraft({ ...draft, [q.key]: { ...draft[q.key], yes: v === 'yes' } })}
                error={errors[`answers.${q.key}.yes`]}
              >
                <Group gap="lg" mt={4}>
                  <Radio value="yes" label="Yes" />
                  <Radio value="no" label="No" />
                </Group>
              </Radio.Group>
              <TextInput
                aria-label={`Evidence: ${q.short}`}
                placeholder="Evidence (optional): what makes you sure"
                size="xs"
                value={draft[q.key].evidence}
                onChange={(e) => setDraft({ ...draft, [q.key]: { ...draft[q.key], evidence: e.currentTarget.value } })}
                error={errors[`answers.${q.key}.evidence`]}
              />
            </Stack>
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={answer.isPending}>
              Save answers
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
