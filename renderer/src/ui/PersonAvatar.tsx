import { Avatar } from '@mantine/core';
import { initials } from '../../../shared/domain/names';

const COLORS = ['indigo', 'teal', 'grape', 'orange', 'cyan', 'pink', 'lime', 'violet', 'blue', 'red'];

/** A stable colour per name, so the same person always looks the same in every list. */
function colorFor(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return COLORS[hash % COLORS.length] ?? 'indigo';
}

export function PersonAvatar({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  return (
    <Avatar size={size} color={colorFor(name)} radius="xl" aria-hidden>
      {initials(name)}
    </Avatar>
  );
}
