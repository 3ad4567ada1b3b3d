import { z } from 'zod';
import { Day, INTERACTION_KINDS } from './relationship';
import { dayMinus, daysBetween, type Stage } from './standing';

/**
 * Follow-ups (a promised next step with one person) and keeping in touch (a cadence per stage,
 * overridable per person). See DOMAIN.md, Follow-up and Interaction.
 */

/** A follow-up is either a kind of contact (completing it can log that touch) or any other task. */
export const FOLLOW_UP_KINDS = ['call', 'meeting', 'meal', 'message', 'visit', 'gift', 'task'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const FOLLOW_UP_KIND_LABELS: Record<FollowUpKind, string> = {
  call: INTERACTION_KINDS.call.label,
  meeting: INTERACTION_KINDS.meeting.label,
  meal: INTERACTION_KINDS.meal.label,
  message: INTERACTION_KINDS.message.label,
  visit: INTERACTION_KINDS.visit.label,
  gift: INTERACTION_KINDS.gift.label,
  task: 'Other task',
};
export const isContactKind = (k: FollowUpKind): k is Exclude<FollowUpKind, 'task'> => k !== 'task';

export const FOLLOW_UP_STATES = ['open', 'snoozed', 'done', 'dropped'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export const FOLLOW_UP_SOURCES = ['person', 'check_in', 'people_list', 'seminar', 'review', 'reconnect'] as const;
export type FollowUpSource = (typeof FOLLOW_UP_SOURCES)[number];

const what = z.string().trim().min(1, 'Say what you promised, in a few words.').max(300, 'Keep it under 300 characters.');

export const FollowUpInputSchema = z.object({
  personId: z.number().int().positive(),
  what,
  kind: z.enum(FOLLOW_UP_KINDS, { message: 'Choose what kind of step it is.' }).default('task'),
  /** null: no date yet (shown under Later). */
  dueOn: Day.nullable().default(null),
  seminarId: z.number().int().positive().nullable().default(null),
  source: z.enum(FOLLOW_UP_SOURCES).default('person'),
});

export interface FollowUp {
  id: number;
  person: { id: number; name: string };
  what: string;
  kind: FollowUpKind;
  dueOn: string | null;
  state: FollowUpState;
  snoozedUntil: string | null;
  /** The day it comes up: the snooze's end, else the due day. */
  when: string | null;
  doneOn: string | null;
  dropReason: string;
  seminar: { id: number; title: string } | null;
  source: FollowUpSource;
  /** The person's last personal touch, so nobody is reminded of what already happened. */
  lastPersonalOn: string | null;
  createdAt: string;
}

export const AGENDA_BUCKETS = ['overdue', 'today', 'week', 'later'] as const;
export type AgendaBucket = (typeof AGENDA_BUCKETS)[number];
export const AGENDA_LABELS: Record<AgendaBucket, string> = { overdue: 'Overdue', today: 'Today', week: 'This week', later: 'Later' };

/** Where an open follow-up goes in the agenda: "this week" is the six days after today. */
export function agendaBucket(when: string | null, today: string): AgendaBucket {
  if (when === null) return 'later';
  const days = daysBetween(today, when);
  if (days < 0) return 'overdue';
  if (days === 0) return 'today';
  return days <= 6 ? 'week' : 'later';
}

export type Agenda = Record<AgendaBucket, FollowUp[]>;

export const CADENCE_DEFAULTS: Record<Stage, number> = { client: 30, customer: 90, prospect: 180 };

export const CadenceSchema = z
  .number({ message: 'Enter a number of days.' })
  .int('Enter a whole number of days.')
  .min(1, 'At least every day.')
  .max(3650, 'At most every ten years.');

export const KeepInTouchSchema = z.object({
  cadence: z.object({ client: CadenceSchema, customer: CadenceSchema, prospect: CadenceSchema }),
  /** When calendar entries for follow-ups start, on their day. */
  reminderTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 09:00.'),
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Choose a time zone from the list.'),
});
export type KeepInTouch = z.output<typeof KeepInTouchSchema>;

/**
 * Due to reconnect: the last personal touch (or, never touched, the day they were added) is
 * older than the cadence. Broadcasts never count as a touch.
 */
export function dueToReconnect(lastPersonalOn: string | null, addedOn: string, cadenceDays: number, today: string): boolean {
  return (lastPersonalOn ?? addedOn) < dayMinus(today, cadenceDays);
}

/** Templates for the post-seminar review, one per way of having (not) come. */
export const REVIEW_GROUPS = ['in_person', 'stream', 'walk_in', 'no_show'] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];
export const REVIEW_GROUP_LABELS: Record<ReviewGroup, string> = {
  in_person: 'Attended in person',
  stream: 'Attended on the live stream',
  walk_in: 'Walk-ins',
  no_show: 'No-shows',
};

export const ReviewTemplateSchema = z.object({
  what,
  kind: z.enum(FOLLOW_UP_KINDS).default('message'),
  dueInDays: z.number().int().min(0, 'Zero or more days.').max(365, 'At most a year.').default(2),
});
export type ReviewTemplate = z.output<typeof ReviewTemplateSchema>;

export const REVIEW_TEMPLATE_DEFAULTS: Record<ReviewGroup, ReviewTemplate> = {
  in_person: { what: 'Thank them for coming to {seminar}; suggest a next step', kind: 'message', dueInDays: 2 },
  stream: { what: 'Send the replay of {seminar}; invite them to the next one in person', kind: 'message', dueInDays: 2 },
  walk_in: { what: 'Welcome note after {seminar}; ask what brought them', kind: 'message', dueInDays: 2 },
  no_show: { what: 'Sorry we missed you at {seminar}; here is the replay link', kind: 'message', dueInDays: 3 },
};

export interface ReviewGroupSummary {
  group: ReviewGroup;
  /** Everyone in the group; `followedUp`: already has a follow-up from this review. */
  people: { id: number; name: string; followedUp: boolean }[];
  template: ReviewTemplate;
  /** How many of them already have a follow-up from this seminar. */
  followedUp: number;
}

export interface DueSummary {
  overdue: number;
  today: number;
  dueToReconnect: number;
}

const KIND_WORDS: [RegExp, FollowUpKind][] = [
  [/^(call|phone|ring)\b/i, 'call'],
  [/^(meet|meeting|visit)\b/i, 'meeting'],
  [/^(lunch|coffee|dinner|breakfast|drinks?)\b/i, 'meal'],
  [/^(email|e-mail|send|write|text|message|note)\b/i, 'message'],
  [/^(gift)\b/i, 'gift'],
];

/** The kind a line typed at the table most likely means ("Call Ann about referrals" is a call). */
export function guessKind(what: string): FollowUpKind {
  const line = what.trim();
  return KIND_WORDS.find(([re]) => re.test(line))?.[1] ?? 'task';
}
