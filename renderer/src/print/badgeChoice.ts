import type { BadgeChoice } from '../../../shared/domain/badges';

/**
 * The address of the badges screen: who gets a badge (`who`, with `ids` for a selection), or one
 * registration's badge printed from the check-in table (`from=check-in` returns there after).
 */
export function badgesLink(
  seminarId: number,
  options: { who?: BadgeChoice; ids?: number[]; registration?: number; from?: 'check-in'; layout?: string } = {},
): string {
  const params = new URLSearchParams();
  if (options.layout) params.set('layout', options.layout);
  if (options.who) params.set('who', options.who);
  if (options.ids?.length) params.set('ids', options.ids.join(','));
  if (options.from) params.set('from', options.from);
  if (options.registration) params.set('registration', String(options.registration));
  const query = params.toString();
  return `/seminars/${seminarId}/badges${query ? `?${query}` : ''}`;
}

/** The ids of a selection as the address carries them; anything that is not an id is left out. */
export const idsFromParam = (value: string | null): Set<number> =>
  new Set((value ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0));
