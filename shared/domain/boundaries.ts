import { z } from 'zod';
import type { FollowUpKind } from './followup';
import type { InteractionKind } from './relationship';

/**
 * Boundaries the app acts on (DOMAIN.md: "what the owner agreed not to do / how they prefer to be
 * dealt with"). The free text stays for everything else; these flags make the app warn before a
 * touch or follow-up crosses one, and keep a photo off badges.
 */
export const BOUNDARY_FLAGS = {
  no_mailings: { label: 'No mailings', hint: 'No newsletters or mailings', touches: ['newsletter', 'mailing'], followUps: [] },
  no_calls: { label: 'No calls', hint: 'Do not phone them', touches: ['call', 'annual_checkin'], followUps: ['call'] },
  no_visits: { label: 'No visits', hint: 'Do not drop by their home or office', touches: ['visit'], followUps: ['visit'] },
  email_only: {
    label: 'Email only',
    hint: 'Reach them by email or message, nothing else',
    touches: ['meeting', 'call', 'meal', 'visit', 'gift', 'annual_checkin'],
    followUps: ['call', 'meeting', 'meal', 'visit', 'gift'],
  },
  no_gifts: { label: 'No gifts', hint: 'They would rather not receive gifts', touches: ['gift'], followUps: ['gift'] },
  no_photos_on_badges: { label: 'No photo on badges', hint: 'Never print their photo', touches: [], followUps: [] },
} as const satisfies Record<string, { label: string; hint: string; touches: readonly InteractionKind[]; followUps: readonly FollowUpKind[] }>;

export type BoundaryFlag = keyof typeof BOUNDARY_FLAGS;
export const BOUNDARY_FLAG_KEYS = Object.keys(BOUNDARY_FLAGS) as [BoundaryFlag, ...BoundaryFlag[]];

export const BoundaryFlagsSchema = z
  .array(z.enum(BOUNDARY_FLAG_KEYS, { message: 'Choose boundaries from the list.' }))
  .max(BOUNDARY_FLAG_KEYS.length)
  .transform((flags) => BOUNDARY_FLAG_KEYS.filter((k) => flags.includes(k)));

/** Stored as a comma-separated list in people.boundary_flags; unknown words (a newer Rapport's) are kept out. */
export function parseBoundaryFlags(stored: string): BoundaryFlag[] {
  const words = stored.split(',');
  return BOUNDARY_FLAG_KEYS.filter((k) => words.includes(k));
}

export function storeBoundaryFlags(flags: readonly BoundaryFlag[]): string {
  return BOUNDARY_FLAG_KEYS.filter((k) => flags.includes(k)).join(',');
}

/** The flags a touch or follow-up of this kind would cross. */
export function crossedBy(flags: readonly BoundaryFlag[], what: { touch: InteractionKind } | { followUp: FollowUpKind }): BoundaryFlag[] {
  return flags.filter((f) => {
    const rule = BOUNDARY_FLAGS[f];
    return 'touch' in what ? (rule.touches as readonly string[]).includes(what.touch) : (rule.followUps as readonly string[]).includes(what.followUp);
  });
}

/** "No calls, Email only" */
export function flagLabels(flags: readonly BoundaryFlag[]): string {
  return flags.map((f) => BOUNDARY_FLAGS[f].label).join(', ');
}

/** How a bulk write treats people whose boundaries it would cross. */
export const BoundaryChoiceSchema = z.enum(['ask', 'include', 'skip']).default('ask');
export type BoundaryChoice = z.output<typeof BoundaryChoiceSchema>;
