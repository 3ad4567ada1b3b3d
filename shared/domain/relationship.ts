import { z } from 'zod';
import { Day } from '../dates';
import { CLIENT_TEST_QUESTIONS, type ClientTestKey, type Mark, type ScoreFacts, type ScoreParts, type Stage } from './standing';

/**
 * What the owner records about a relationship: interactions, purchases, client-test answers,
 * needs, links between people and advocacy. Schemas validate on both sides of the API.
 */

export const INTERACTION_KINDS = {
  meeting: { label: 'Meeting', personal: true, logged: true },
  call: { label: 'Call', personal: true, logged: true },
  meal: { label: 'Meal or coffee', personal: true, logged: true },
  message: { label: 'Message', personal: true, logged: true },
  visit: { label: 'Visit', personal: true, logged: true },
  gift: { label: 'Gift', personal: true, logged: true },
  // Not logged by hand: a check-in makes the first, hospitality will make the second.
  seminar: { label: 'Seminar attended', personal: true, logged: false },
  home_visit: { label: 'Home visit', personal: true, logged: false },
  newsletter: { label: 'Newsletter', personal: false, logged: true },
  mailing: { label: 'Mailing', personal: false, logged: true },
  annual_checkin: { label: 'Annual check-in', personal: false, logged: true },
} as const;

export type InteractionKind = keyof typeof INTERACTION_KINDS;
export const PERSONAL_KINDS = (Object.keys(INTERACTION_KINDS) as InteractionKind[]).filter((k) => INTERACTION_KINDS[k].personal);
export const LOGGED_KINDS = (Object.keys(INTERACTION_KINDS) as InteractionKind[]).filter((k) => INTERACTION_KINDS[k].logged);

export const NEED_STATUSES = ['noticed', 'discussed', 'proposed', 'met'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const NEED_STATUS_LABELS: Record<NeedStatus, string> = { noticed: 'Noticed', discussed: 'Discussed', proposed: 'Proposed', met: 'Met' };

export const LINK_KINDS = {
  introduced_by: { label: 'Introduced by', inverse: 'Introduced' },
  works_with: { label: 'Works with', inverse: 'Works with' },
  partner: { label: 'Partner', inverse: 'Partner' },
  family: { label: 'Family', inverse: 'Family' },
} as const;
export type LinkKind = keyof typeof LINK_KINDS;

export const ADVOCACY_KINDS = {
  referral: { label: 'Referral', verb: 'Referred' },
  testimonial: { label: 'Testimonial', verb: 'Gave a testimonial' },
  recommendation: { label: 'Public recommendation', verb: 'Recommended me publicly' },
  reference: { label: 'Acted as a reference', verb: 'Acted as a reference' },
} as const;
export type AdvocacyKind = keyof typeof ADVOCACY_KINDS;

const kindsOf = <K extends string>(o: Record<K, unknown>) => Object.keys(o) as [K, ...K[]];

const Id = z.number().int().positive();

/** A calendar day the owner picked (shared/dates.ts: the one date reading of the contract). */
export { Day };

const line = (max: number, what: string) => z.string().trim().max(max, `Keep ${what} under ${max} characters.`).default('');

export const InteractionInputSchema = z.object({
  personId: Id,
  kind: z.enum(LOGGED_KINDS as [InteractionKind, ...InteractionKind[]], { message: 'Choose what kind of touch it was.' }),
  on: Day,
  note: line(2000, 'the note'),
});

/** Logging a touch: which open follow-ups it completes (null: those of its kind already due), and whether a crossed boundary was confirmed. */
export const LogInteractionInputSchema = InteractionInputSchema.extend({
  completeFollowUps: z.array(Id).max(200).nullable().default(null),
  confirmBoundaries: z.boolean().default(false),
});

export const PurchaseInputSchema = z.object({
  personId: Id,
  what: z.string().trim().min(1, 'Say what they bought or engaged you for.').max(200, 'Keep this under 200 characters.'),
  on: Day,
  /** In the owner's currency, as typed; optional. */
  amount: z
    .number({ message: 'Enter the amount as a number, or leave it empty.' })
    .min(0, 'The amount cannot be negative.')
    .max(1e9, 'That amount is too large.')
    .nullable()
    .default(null),
});

const evidence = line(500, 'the evidence');

export const ClientTestInputSchema = z.object({
  personId: Id,
  on: Day,
  answers: z.object(
    Object.fromEntries(CLIENT_TEST_QUESTIONS.map((q) => [q.key, z.object({ yes: z.boolean({ message: 'Answer yes or no.' }), evidence })])) as Record<
      ClientTestKey,
      z.ZodObject<{ yes: z.ZodBoolean; evidence: typeof evidence }>
    >,
  ),
});

export const NeedInputSchema = z.object({
  what: z.string().trim().min(1, 'Say what they need.').max(300, 'Keep this under 300 characters.'),
  problem: line(1000, 'the problem'),
  status: z.enum(NEED_STATUSES, { message: 'Choose how far it has gone.' }).default('noticed'),
});

export const NewReferredPersonSchema = z.object({
  givenName: line(100, 'the given name'),
  familyName: line(100, 'the family name'),
  email: z.union([z.literal(''), z.email({ message: 'Enter a valid email address, like ann@example.com.' })]).default(''),
});

export const AdvocacyInputSchema = z
  .object({
    personId: Id,
    kind: z.enum(kindsOf(ADVOCACY_KINDS), { message: 'Choose what they did.' }),
    on: Day,
    note: line(1000, 'the note'),
    /** For a referral: whom they referred, already in the book or new. */
    referredId: Id.nullable().default(null),
    referredNew: NewReferredPersonSchema.nullable().default(null),
  })
  .superRefine((a, ctx) => {
    if (a.kind !== 'referral' && (a.referredId !== null || a.referredNew !== null)) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'Only a referral names the person referred.' });
    }
    if (a.referredNew && !a.referredNew.givenName && !a.referredNew.familyName) {
      ctx.addIssue({ code: 'custom', path: ['referredNew', 'givenName'], message: 'Enter the name of the person they referred.' });
    }
    if (a.referredId !== null && a.referredNew !== null) {
      ctx.addIssue({ code: 'custom', path: ['referredId'], message: 'Choose someone in the book or enter a new person, not both.' });
    }
  });

export const LinkInputSchema = z.object({
  personId: Id,
  otherId: Id,
  kind: z.enum(kindsOf(LINK_KINDS), { message: 'Choose how they are related.' }),
});

export interface Interaction {
  id: number;
  kind: InteractionKind;
  on: string;
  note: string;
  /** Moves with every change; an update must name the version it was made on. */
  version: number;
}

/** A follow-up a touch completed, with what it was before (so the toast's Undo can put it back). */
export interface CompletedFollowUp {
  id: number;
  what: string;
  snoozedUntil: string | null;
}

export interface LoggedInteraction extends Interaction {
  /** Open follow-ups this touch fulfilled, now done. */
  completedFollowUps: CompletedFollowUp[];
}

export interface Purchase {
  id: number;
  what: string;
  on: string;
  amount: number | null;
}

export interface ClientTestAnswering {
  id: number;
  on: string;
  answers: Record<ClientTestKey, { yes: boolean; evidence: string }>;
  yeses: number;
  recordedAt: string;
}

export interface Need {
  id: number;
  what: string;
  problem: string;
  status: NeedStatus;
  updatedAt: string;
  /** Moves with every change; an update must name the version it was made on. */
  version: number;
  /** Every move, oldest first, dated (from null: when it was noted). */
  history: { from: NeedStatus | null; to: NeedStatus; on: string }[];
}

export interface StageChange {
  id: number;
  at: string;
  from: Stage;
  to: Stage;
  reason: string;
}

export interface PersonRef {
  id: number;
  name: string;
}

export interface PersonLink {
  id: number;
  kind: LinkKind;
  /** How the other person stands to this one ("Introduced by", "Partner"). */
  label: string;
  other: PersonRef;
}

export interface AdvocacyAct {
  id: number;
  kind: AdvocacyKind;
  on: string;
  note: string;
  /** Who did it (the advocate). */
  by: PersonRef;
  /** For referrals: who was referred, if still in the book. */
  referred: PersonRef | null;
}

export interface ScoreExplained {
  score: number;
  parts: { key: keyof ScoreParts; label: string; points: number; max: number; detail: string }[];
}

/** Everything on a person's page about the relationship. */
export interface Relationship {
  personId: number;
  stage: Stage;
  reason: string;
  score: ScoreExplained;
  facts: ScoreFacts;
  marks: Record<Mark, boolean>;
  /** Keep in touch every so many days: their own cadence (null: their stage's), and whether it has lapsed. */
  cadence: { own: number | null; stageDefault: number; due: boolean };
  tests: ClientTestAnswering[];
  stageHistory: StageChange[];
  purchases: Purchase[];
  needs: Need[];
  links: PersonLink[];
  advocacyGiven: AdvocacyAct[];
  /** Acts by others that name this person (they were referred). */
  referredBy: AdvocacyAct[];
  asOf: string;
}

export type TimelineEntry =
  | { type: 'interaction'; id: number; on: string; kind: InteractionKind; personal: boolean; title: string; note: string; version: number }
  | { type: 'seminar'; id: number; on: string; title: string; note: string }
  | { type: 'stage'; id: number; on: string; title: string; note: string }
  | { type: 'clientTest'; id: number; on: string; title: string; note: string }
  | { type: 'purchase'; id: number; on: string; title: string; note: string }
  | { type: 'need'; id: number; on: string; title: string; note: string }
  | { type: 'advocacy'; id: number; on: string; title: string; note: string };

export const STANDING_LISTS = ['ready', 'atRisk', 'futureClients', 'dueToReconnect'] as const;
export type StandingList = (typeof STANDING_LISTS)[number];

export const STANDING_LIST_INFO: Record<StandingList, { title: string; description: string }> = {
  ready: { title: 'Ready to become clients', description: 'Customers with three of four yeses on the client test, or marked to cultivate.' },
  atRisk: { title: 'At risk', description: 'Clients with no personal touch for longer than their keep-in-touch cadence (never touched: counted from when the book first knew them).' },
  futureClients: { title: 'Future clients', description: 'Prospects marked as worth getting to know.' },
  dueToReconnect: {
    title: 'Due to reconnect',
    description:
      'Anyone whose last personal touch is older than their cadence — or, never touched, who has been in the book longer than it. Newsletters and mailings do not count.',
  },
};

export interface StandingRow {
  id: number;
  name: string;
  organization: string;
  stage: Stage;
  score: number;
  yeses: number;
  lastPersonalOn: string | null;
  /** The earliest day the book knows of them: what "never touched" is counted from. */
  knownSince: string;
  /** Keep in touch every this many days (their own, or their stage's). */
  cadenceDays: number;
  marks: Record<Mark, boolean>;
}

export interface StandingListPage {
  total: number;
  items: StandingRow[];
}
