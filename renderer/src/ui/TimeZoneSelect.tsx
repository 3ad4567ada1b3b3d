import { Select, Text, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { zoneEntries, zoneMatches } from '../../../shared/domain/time-zones';

/**
 * A time zone picker found by city, zone name or abbreviation ("New York", "Eastern", "CET"),
 * showing the IANA name with its everyday name beside it.
 */
export function TimeZoneSelect({ value, ...props }: Omit<SelectProps, 'data' | 'filter' | 'renderOption' | 'searchable'> & { value?: string | null }) {
  const entries = useMemo(() => zoneEntries(value ? [value] : []), [value]);
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  return (
    <Select
      {...props}
      value={value}
      searchable
      allowDeselect={false}
      data={entries.map((e) => e.id)}
      filter={({ options, search }) => options.filter((o) => 'value' in o && zoneMatches(byId.get(o.value) ?? { id: o.value, label: o.value, keys: o.value.toLowerCase() }, search))}
      renderOption={({ option }) => (
        <div>
          <Text size="sm">{option.value}</Text>
          <Text size="xs" c="dimmed">
            {byId.get(option.value)?.label}
          </Text>
        </div>
      )}
      limit={60}
    />
  );
}
