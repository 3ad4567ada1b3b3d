import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client';

interface Props {
  label: string;
  value: number | null;
  onChange: (id: number | null) => void;
  /** People who cannot be chosen here (the person whose page this is). */
  exclude?: number[];
  error?: string | undefined;
}

/** Choose someone from the book by typing part of their name, organization or email. */
export function PersonPicker({ label, value, onChange, exclude = [], error }: Props) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 80);
  const results = useQuery({
    queryKey: ['people', 'list', { query, pick: 'person' }],
    queryFn: () => call('people.list', { query, limit: 30 }),
    placeholderData: keepPreviousData,
  });
  const data = (results.data?.items ?? [])
    .filter((p) => !exclude.includes(p.id))
    .map((p) => ({ value: String(p.id), label: p.organization ? `${p.name} · ${p.organization}` : p.name }));
  return (
    <Select
      label={label}
      placeholder="Type a name"
      searchable
      clearable
      data={data}
      // The book already filtered them; a second filter here would hide namesakes' organizations.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      nothingFoundMessage={query ? 'No one in your book matches' : 'Type to search your book'}
      error={error}
    />
  );
}
