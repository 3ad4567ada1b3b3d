import { Alert, Button, Card, Checkbox, Group, NumberInput, ScrollArea, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { REVIEW_GROUP_LABELS, type FollowUpKind, type ReviewGroupSummary, type ReviewTemplate } from '../../../../shared/domain/followup';
import { ApiError, type FieldErrors } from '../../../../shared/errors';
import { call } from '../../api/client';
import { BackLink } from '../../ui/BackLink';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { SettingNotice } from '../settings/SettingNotice';
import { plural } from '../../ui/format';
import { useBoundaryChoice } from '../../ui/useBoundaryChoice';
import { useBookWrite } from '../relationships/queries';
import { useSeminar } from '../seminars/queries';
import { KIND_OPTIONS } from './FollowUpDialog';

/**
 * After a seminar: everyone grouped by how they took part, each group with a follow-up template
 * ({seminar} stands for the title) to create one follow-up per person in one action.
 */
export function ReviewScreen() {
  const seminarId = Number(useParams().id);
  const seminar = useSeminar(seminarId);
  const review = useQuery({ queryKey: ['people', 'review', seminarId], queryFn: () => call('seminars.review', { seminarId }), retry: false });
  if (seminar.isPending || review.isPending) return <LoadingScreen />;
  if (seminar.isError) return <NotFound title="This seminar is not in your book" error={seminar.error} retry={() => seminar.refetch()} back={{ to: '/seminars', label: 'Back to Seminars' }} />;
  return (
    <div style={{ overflow: 'auto', flex: 1 }}>
      <Stack gap={0} px="xl" pt="lg">
        <BackLink to={`/seminars/${seminarId}`} label={seminar.data.title} />
      </Stack>
      <PageHeader title="Review and follow up" subtitle={`${seminar.data.title}: who came, who did not, and the next step for each.`} />
      <Stack gap="lg" px="xl" pb="xl" maw={1100}>
        <SettingNotice settingKey="review.templates" />
        {review.isError ? (
          <Alert color="orange" title="Not ready for review">
            {review.error.message}
          </Alert>
        ) : (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            {review.data.map((g) => (
              <GroupCard key={g.group} seminarId={seminarId} summary={g} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </div>
  );
}

function GroupCard({ seminarId, summary }: { seminarId: number; summary: ReviewGroupSummary }) {
  const [template, setTemplate] = useState<ReviewTemplate>(summary.template);
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => setTemplate(summary.template), [summary.template]);
  const create = useBookWrite('seminars.reviewCreate');
  const boundary = useBoundaryChoice();
  // Everyone is ticked until the owner leaves someone out; a leaving-out lasts while the page is open.
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set());
  const label = REVIEW_GROUP_LABELS[summary.group];
  const remaining = summary.people.length - summary.followedUp;
  const pending = summary.people.filter((p) => !p.followedUp && !excluded.has(p.id)).length;
  const open = summary.people.filter((p) => !p.followedUp);
  const allTicked = open.every((p) => !excluded.has(p.id));
  const tick = (id: number, on: boolean) => {
    const next = new Set(excluded);
    if (on) next.delete(id);
    else next.add(id);
    setExcluded(next);
  };
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label={label}>
      {boundary.element}
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {label}
          </Title>
          <Text size="sm" c="dimmed">
            {plural(summary.people.length, 'person', 'people')}
            {summary.followedUp ? ` · ${summary.followedUp} followed up` : ''}
          </Text>
        </Group>
        {summary.people.length ? (
          <Stack gap={4} role="group" aria-label={`Who gets a follow-up: ${label.toLowerCase()}`}>
            {open.length > 1 ? (
              <Checkbox
                size="xs"
                label="Everyone not yet followed up"
                checked={allTicked}
                indeterminate={!allTicked && open.some((p) => !excluded.has(p.id))}
                onChange={(e) => setExcluded(e.currentTarget.checked ? new Set() : new Set(open.map((p) => p.id)))}
              />
            ) : null}
            <ScrollArea.Autosize mah={168} type="auto" offsetScrollbars>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} verticalSpacing={4} pl={open.length > 1 ? 'md' : 0}>
                {summary.people.map((p) => (
                  <Checkbox
                    key={p.id}
                    size="xs"
                    label={p.followedUp ? `${p.name} (followed up)` : p.name}
                    aria-label={p.followedUp ? `${p.name}, already followed up` : `Follow up with ${p.name}`}
                    checked={p.followedUp || !excluded.has(p.id)}
                    disabled={p.followedUp}
                    onChange={(e) => tick(p.id, e.currentTarget.checked)}
                  />
                ))}
              </SimpleGrid>
            </ScrollArea.Autosize>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No one.
          </Text>
        )}
        <TextInput
          label={`Follow-up for ${label.toLowerCase()}`}
          description="{seminar} becomes the seminar’s title"
          value={template.what}
          onChange={(e) => setTemplate({ ...template, what: e.currentTarget.value })}
          error={errors['template.what']}
        />
        <Group grow>
          <Select
            label="Kind"
            data={KIND_OPTIONS}
            value={template.kind}
            onChange={(kind) => kind && setTemplate({ ...template, kind: kind as FollowUpKind })}
            allowDeselect={false}
          />
          <NumberInput
            label="Due in (days)"
            min={0}
            max={365}
            allowDecimal={false}
            value={template.dueInDays}
            onChange={(v) => setTemplate({ ...template, dueInDays: typeof v === 'number' ? v : 0 })}
            error={errors['template.dueInDays']}
          />
        </Group>
        <Group justify="flex-end">
          <Button
            leftSection={<IconCheck size={16} aria-hidden />}
            disabled={pending === 0}
            loading={create.isPending}
            onClick={() =>
              void boundary
                .run((boundaries) => create.mutateAsync({ seminarId, group: summary.group, template, excludedPersonIds: [...excluded], boundaries }))
                .then(
                  (r) => {
                    if (!r) return;
                    setErrors({});
                    const left = r.leftOut ? ` ${plural(r.leftOut, 'person', 'people')} left out for their boundaries.` : '';
                    notifications.show({ message: `${plural(r.created, 'follow-up')} created for ${label.toLowerCase()}.${left}` });
                  },
                  (error: Error) => {
                    if (error instanceof ApiError && error.code === 'invalid_input') setErrors(error.fields);
                    else notifications.show({ color: 'red', title: 'Not created', message: error.message });
                  },
                )
            }
          >
            {remaining === 0 ? 'Everyone followed up' : pending === 0 ? 'No one ticked' : `Create ${plural(pending, 'follow-up')}`}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
