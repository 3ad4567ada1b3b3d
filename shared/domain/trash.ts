/** Deleted people, touches and follow-ups wait this many days in the trash, then go for good. */
export const TRASH_DAYS = 30;

export const TRASH_KINDS = ['person', 'interaction', 'follow_up'] as const;
export type TrashKind = (typeof TRASH_KINDS)[number];
export const TRASH_KIND_LABELS: Record<TrashKind, string> = { person: 'Person', interaction: 'Touch', follow_up: 'Follow-up' };

export interface TrashEntry {
  id: number;
  kind: TrashKind;
  /** The person it was (or was about). */
  personId: number;
  label: string;
  detail: string;
  deletedAt: string;
  /** When it goes for good. */
  keptUntil: string;
}
