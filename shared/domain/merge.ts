/** Why two people are taken for one (electron/core/import/matching.ts), as lists show it. */
export const MATCH_REASONS = { email: 'same email', phone: 'same phone', name: 'similar name, same organization' } as const;
export type MatchReason = keyof typeof MATCH_REASONS;

/** The details of a person the owner picks between when merging two people (emails, phones and tags are always combined). */
export const MERGE_FIELDS = {
  name: 'Name',
  organization: 'Organization',
  role: 'Role',
  address: 'Home address',
  website: 'Website',
  linkedin: 'LinkedIn',
  notes: 'Notes',
  introduceAs: 'Introduce as',
  howWeMet: 'How we met',
  desiredResults: 'Desired results',
  theirWork: 'Their work',
  boundaries: 'Boundaries',
} as const;
export type MergeField = keyof typeof MERGE_FIELDS;
/** Per field, whose value stays; a field left out keeps the survivor's, or the other's where the survivor's is blank. */
export type MergeChoices = Partial<Record<MergeField, 'keep' | 'other'>>;

export interface DuplicateSide {
  id: number;
  name: string;
  organization: string;
  primaryEmail: string;
}

export interface DuplicatePair {
  reason: MatchReason;
  first: DuplicateSide;
  second: DuplicateSide;
}
