import { z } from 'zod';
import { foldText } from './names';
import { Day } from './relationship';
import { dayMinus } from './standing';

/**
 * Occasions at the owner's home and the intimacy measure: among the best clients, how many
 * have been in the owner's home. See DOMAIN.md, Home invitation, and seeds/001.
 */

export const OCCASION_KINDS = ['dinner', 'barbecue', 'holiday_party', 'other'] as const;
export type OccasionKind = (typeof OCCASION_KINDS)[number];
export const OCCASION_KIND_LABELS: Record<OccasionKind, string> = {
  dinner: 'Dinner',
  barbecue: 'Barbecue',
  holiday_party: 'Holiday party',
  other: 'Other gathering',
};

export const GUEST_STATES = ['invited', 'accepted', 'declined', 'attended', 'absent'] as const;
export type GuestState = (typeof GUEST_STATES)[number];
export const GUEST_STATE_LABELS: Record<GuestState, string> = {
  invited: 'Invited',
  accepted: 'Accepted',
  declined: 'Declined',
  attended: 'Attended',
  absent: 'Did not come',
};
export const GuestStateSchema = z.enum(GUEST_STATES, { message: 'Choose a state.' });
/** States that only make sense once the occasion has begun. */
export const AFTER_THE_FACT: readonly GuestState[] = ['attended', 'absent'];

export const OccasionInputSchema = z.object({
  kind: z.enum(OCCASION_KINDS, { message: 'Choose what kind of occasion it is.' }),
  title: z.string().trim().max(200, 'Keep the title under 200 characters.').default(''),
  day: Day,
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 19:00.'),
  seats: z
    .number({ message: 'Enter the number of seats, or 0 for no limit.' })
    .int('Enter a whole number of seats.')
    .min(0, 'Seats cannot be negative.')
    .max(500, 'At most 500 seats.')
    .default(0),
  notes: z.string().trim().max(5000, 'Keep the notes under 5000 characters.').default(''),
});
export type OccasionInput = z.output<typeof OccasionInputSchema>;

export interface Guest {
  id: number;
  person: { id: number; name: string };
  state: GuestState;
  changedAt: string;
  /** Every change of state, oldest first. */
  history: { state: GuestState; at: string }[];
}

export interface OccasionSummary extends OccasionInput {
  id: number;
  /** The title to show: the given one, else the kind. */
  name: string;
  counts: Record<GuestState, number>;
}

export interface Occasion extends OccasionSummary {
  /** Moves with every change; an update must name the version it was made on. */
  version: number;
  guests: Guest[];
  /** Accepted or attended guests beyond the seats (0 when there is room or no limit). */
  overSeats: number;
  past: boolean;
}

export function occasionName(o: Pick<OccasionInput, 'title' | 'kind'>): string {
  return o.title || OCCASION_KIND_LABELS[o.kind];
}

/** Who is coming: accepted, or already there. */
export function seatsTaken(counts: Record<GuestState, number>): number {
  return counts.accepted + counts.attended;
}

export interface PersonHospitality {
  hasBeenInMyHome: boolean;
  timesHosted: number;
  lastHosted: string | null;
  invitationsDeclined: number;
  occasions: { id: number; name: string; day: string; state: GuestState }[];
}

export interface BestClient {
  id: number;
  name: string;
  score: number;
  timesHosted: number;
  lastHosted: string | null;
  declined: number;
  invitedUpcoming: boolean;
}

export interface IntimacyMeasure {
  /** N in "X of your top N clients": the setting, or fewer when there are fewer clients. */
  top: number;
  /** The setting itself. */
  topSetting: number;
  hosted: number;
  clients: BestClient[];
}

export const HospitalitySettingsSchema = z.object({
  topClients: z.number({ message: 'Enter a number.' }).int('Enter a whole number.').min(1, 'At least 1.').max(500, 'At most 500.'),
});
export type HospitalitySettings = z.output<typeof HospitalitySettingsSchema>;
export const HOSPITALITY_DEFAULTS: HospitalitySettings = { topClients: 20 };

export interface HospitalitySuggestion {
  person: { id: number; name: string };
  reason: string;
}

export interface HospitalitySuggestions {
  neverHosted: HospitalitySuggestion[];
  notRecently: HospitalitySuggestion[];
}

export interface GuestPairing {
  a: { id: number; name: string };
  b: { id: number; name: string };
  reason: string;
}

/** What a person brings to a table: their tags, needs and what they do, for matching guests. */
export interface GuestProfile {
  id: number;
  name: string;
  tags: string[];
  needs: string[];
  /** Role, organization and their work, as one text. */
  offers: string;
}

const STOP = new Set(['their', 'about', 'which', 'would', 'there', 'other', 'before', 'after', 'where', 'without']);

function words(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 5 && !STOP.has(w));
}

/** A need of `a` that what `b` does could meet, by a shared meaningful word ("bookkeeper"). */
function needMetBy(a: GuestProfile, b: GuestProfile): string | null {
  const offered = new Set(words(b.offers));
  for (const need of a.needs) {
    const shared = words(need).find((w) => offered.has(w) || offered.has(w.replace(/s$/, '')));
    if (shared) return need;
  }
  return null;
}

/**
 * Pairs of guests who would enjoy meeting each other, each with its reason: a need one of them
 * can meet for the other, or segments (tags) they share. Pure, so it can be tested on a fixed table.
 */
export function guestPairings(guests: GuestProfile[]): GuestPairing[] {
  const pairs: GuestPairing[] = [];
  for (let i = 0; i < guests.length; i++) {
    for (let j = i + 1; j < guests.length; j++) {
      const a = guests[i] as GuestProfile;
      const b = guests[j] as GuestProfile;
      const reasons: string[] = [];
      const aNeed = needMetBy(a, b);
      if (aNeed) reasons.push(`${a.name} needs “${aNeed}”; ${b.name} may help`);
      const bNeed = needMetBy(b, a);
      if (bNeed) reasons.push(`${b.name} needs “${bNeed}”; ${a.name} may help`);
      const bTags = new Set(b.tags.map((t) => t.toLocaleLowerCase()));
      const shared = a.tags.filter((t) => bTags.has(t.toLocaleLowerCase()));
      if (shared.length) reasons.push(`both in ${shared.join(', ')}`);
      if (reasons.length) pairs.push({ a: { id: a.id, name: a.name }, b: { id: b.id, name: b.name }, reason: reasons.join('; ') });
    }
  }
  // Needs first: a need met is worth more than a shared segment.
  return pairs.sort((x, y) => Number(y.reason.includes('needs')) - Number(x.reason.includes('needs')));
}

/** A year before `today`: clients last hosted before this day are "not hosted in the last 12 months". */
export function hostedLongAgoBefore(today: string): string {
  return dayMinus(today, 365);
}
