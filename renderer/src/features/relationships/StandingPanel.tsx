import { Badge, Group, Progress, RingProgress, SimpleGrid, Stack, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Relationship } from '../../../../shared/domain/relationship';
import { MARKS, MARK_LABELS, STAGE_LABELS, type Stage } from '../../../../shared/domain/standing';
import { formatDate } from '../../ui/format';
import { Panel } from '../../ui/Panel';
import { useBookWrite } from './queries';

export const STAGE_COLORS: Record<Stage, string> = { prospect: 'gray', customer: 'blue', client: 'teal' };

export function StageBadge({ stage, size = 'md' }: { stage: Stage; size?: 'sm' | 'md' | 'lg' }) {
  return (
    // Never clipped to "CUST…": a table column gives way around it instead.
    <Badge color={STAGE_COLORS[stage]} variant="filled" size={size} radius="sm" style={{ minWidth: 'max-content' }}>
      {STAGE_LABELS[stage]}
    </Badge>
  );
}

/** Stage and why, the rapport score with every part, the marks, and how the stage has moved. */
export function StandingPanel({ relationship: r }: { relationship: Relationship }) {
  const mark = useBookWrite('relationship.mark');
  return (
    <Panel title="Standing">
      <Group gap="sm" wrap="nowrap" aria-label="Stage">
        <StageBadge stage={r.stage} size="lg" />
        <Text size="sm">
          <Text span fw={600}>
            {STAGE_LABELS[r.stage]}
          </Text>{' '}
          — {r.reason}
        </Text>
      </Group>
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <RingProgress
          size={104}
          thickness={10}
          roundCaps
          sections={[{ value: r.score.score, color: STAGE_COLORS[r.stage] }]}
          aria-label={`Rapport score ${r.score.score} of 100`}
          label={
            <Stack gap={0} align="center">
              <Text fw={700} size="xl" lh={1}>
                {r.score.score}
              </Text>
              <Text size="xs" c="dimmed">
                of 100
              </Text>
            </Stack>
          }
        />
        <Table aria-label="Score parts" verticalSpacing={4} horizontalSpacing="xs" style={{ flex: 1 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Part</Table.Th>
              <Table.Th ta="right">Points</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.score.parts.map((p) => (
              <Table.Tr key={p.key}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {p.label}
                  </Text>
                  <Progress
                    value={(Math.abs(p.points) / p.max) * 100}
                    color={p.points < 0 ? 'red' : STAGE_COLORS[r.stage]}
                    size="xs"
                    mt={2}
                    aria-hidden
                  />
                  <Text size="xs" c="dimmed">
                    {p.detail}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                  <Text size="sm" fw={600} span>
                    {p.points}
                  </Text>
                  <Text size="xs" c="dimmed" span>
                    {' '}
                    / {p.key === 'overdueFollowUps' ? `−${p.max}` : p.max}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Group>
      <SimpleGrid cols={3} spacing="sm" role="group" aria-label="Marks">
        {MARKS.map((m) => (
          <Switch
            key={m}
            label={MARK_LABELS[m].label}
            description={MARK_LABELS[m].hint}
            checked={r.marks[m]}
            disabled={mark.isPending}
            onChange={(e) =>
              mark.mutate(
                { personIds: [r.personId], mark: m, on: e.currentTarget.checked },
                { onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: error.message }) },
              )
            }
          />
        ))}
      </SimpleGrid>
      {r.stageHistory.length ? (
        <Stack gap={4} aria-label="Stage history">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Stage history
          </Text>
          {r.stageHistory.map((c) => (
            <Text key={c.id} size="sm">
              {formatDate(c.at)}: {STAGE_LABELS[c.from]} → <b>{STAGE_LABELS[c.to]}</b>{' '}
              <Text span c="dimmed" size="xs">
                ({c.reason})
              </Text>
            </Text>
          ))}
        </Stack>
      ) : null}
    </Panel>
  );
}
