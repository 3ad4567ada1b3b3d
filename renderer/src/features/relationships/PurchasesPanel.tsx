import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Purchase } from '../../../../shared/domain/relationship';
import { formatDay } from '../../ui/format';
import { Empty, Panel } from '../../ui/Panel';
import { useQuickForm } from '../../ui/useQuickForm';
import { todayInput } from '../../ui/days';
import { useBookWrite } from './queries';

const amountFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** What they bought or engaged the owner for: buying is what makes a prospect a customer. */
export function PurchasesPanel({ personId, purchases }: { personId: number; purchases: Purchase[] }) {
  const [adding, setAdding] = useState(false);
  const remove = useBookWrite('purchases.delete');
  return (
    <Panel
      title="Purchases"
      actions={
        adding ? null : (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            Record a purchase
          </Button>
        )
      }
    >
      {purchases.length === 0 && !adding ? <Empty>Nothing bought yet.</Empty> : null}
      {purchases.map((p) => (
        <Group key={p.id} justify="space-between" wrap="nowrap">
          <div>
            <Text size="sm" fw={500}>
              {p.what}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDay(p.on)}
              {p.amount === null ? '' : ` · ${amountFormat.format(p.amount)}`}
            </Text>
          </div>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Remove purchase: ${p.what}`}
            onClick={() => remove.mutate({ id: p.id }, { onError: (error) => notifications.show({ color: 'red', title: 'Not removed', message: error.message }) })}
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      {adding ? <PurchaseForm personId={personId} onDone={() => setAdding(false)} /> : null}
    </Panel>
  );
}

function PurchaseForm({ personId, onDone }: { personId: number; onDone: () => void }) {
  const form = useQuickForm({ what: '', on: todayInput(), amount: '' });
  const add = useBookWrite('purchases.add');
  return (
    <form
      aria-label="New purchase"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const ok = await form.submit((v) => add.mutateAsync({ personId, what: v.what, on: v.on, amount: v.amount === '' ? null : Number(v.amount) }));
        if (ok) onDone();
      }}
    >
      <Stack gap="xs">
        <TextInput label="What" placeholder="A product, service or engagement" autoFocus {...form.field('what')} />
        <Group grow>
          <TextInput label="Date" type="date" max={todayInput()} {...form.field('on')} />
          <NumberInput
            label="Amount (optional)"
            min={0}
            decimalScale={2}
            thousandSeparator=","
            value={form.values.amount}
            onChange={(v) => form.set({ amount: v === '' ? '' : String(v) })}
            error={form.errorOf('amount')}
          />
        </Group>
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button size="xs" type="submit" loading={form.saving}>
            Save purchase
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
