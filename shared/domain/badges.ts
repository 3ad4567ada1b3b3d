import type { Registration } from './seminar';

/**
 * Who gets a badge when the owner prints a seminar's badges. A badge is for the room: the live
 * stream's registrants get none unless the owner chooses them (everyone, or by selection), and a
 * cancelled registration never gets one.
 */
export const BADGE_CHOICES = {
  in_person: 'In person',
  not_printed: 'In person, not yet printed',
  selected: 'Selected on the seminar page',
  everyone: 'Everyone, live stream too',
} as const;
export type BadgeChoice = keyof typeof BADGE_CHOICES;
export const DEFAULT_BADGE_CHOICE: BadgeChoice = 'in_person';

export const isBadgeChoice = (value: string | null): value is BadgeChoice => value !== null && Object.hasOwn(BADGE_CHOICES, value);

/** The registrations that get a badge under a choice, in the order given. */
export function badgeHolders(registrations: readonly Registration[], choice: BadgeChoice, selected: ReadonlySet<number> = new Set()): Registration[] {
  const live = registrations.filter((r) => r.state !== 'cancelled');
  switch (choice) {
    case 'in_person':
      return live.filter((r) => r.mode === 'in_person');
    case 'not_printed':
      return live.filter((r) => r.mode === 'in_person' && r.badgePrintedAt === null);
    case 'selected':
      return live.filter((r) => selected.has(r.id));
    case 'everyone':
      return live;
  }
}
