import { z } from 'zod';
import type { BestClient, OccasionSummary } from './hospitality';
import { Day } from './relationship';
import { STAGES, STAGE_LABELS, SCORE_PART_LABELS, SCORE_PARTS, type ScoreParts, type Stage } from './standing';

/** The reports of DOMAIN.md (Reports): what each holds, as the screen, the printer and the CSV see it. */

export const RapportFilterSchema = z
  .object({
    tags: z.array(z.string().max(40)).max(30).default([]),
    stages: z.array(z.enum(STAGES)).max(3).default([]),
    seminarId: z.number().int().positive().nullable().default(null),
    /** People touched (personally or by a seminar check-in) between these days. */
    from: Day.nullable().default(null),
    to: Day.nullable().default(null),
    /** Home address and household: personal, so left out unless asked for. */
    includePersonal: z.boolean().default(false),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'The end comes before the start.' });
export type RapportFilter = z.output<typeof RapportFilterSchema>;

export interface RapportRow {
  id: number;
  name: string;
  organization: string;
  stage: Stage;
  score: number;
  parts: ScoreParts;
  lastPersonalOn: string | null;
  openFollowUps: number;
  tags: string[];
  /** Only when the owner asked for personal details. */
  address?: string;
  household?: string;
}

export interface RapportReport {
  generatedAt: string;
  /** The filters in words, for the report's header. */
  segment: string;
  total: number;
  stageMix: Record<Stage, number>;
  /** Clients per customer; null when there are no customers. */
  clientToCustomer: number | null;
  rows: RapportRow[];
  offset: number;
  /** Highest score first; on a page (limit set), only the first `limit` of them: see the totals. */
  ready: { id: number; name: string; score: number; yeses: number }[];
  atRisk: { id: number; name: string; score: number; lastPersonalOn: string | null }[];
  readyTotal: number;
  atRiskTotal: number;
}

export interface IntimacyReport {
  generatedAt: string;
  top: number;
  hosted: number;
  clients: BestClient[];
  /** Distinct people hosted per month, oldest first, for the last two years. */
  hostedByMonth: { month: string; people: number }[];
  neverInvited: BestClient[];
  upcoming: OccasionSummary[];
}

export interface SeminarReport {
  generatedAt: string;
  seminar: { id: number; title: string; startsAt: string; endsAt: string; timeZone: string; closed: boolean };
  registered: number;
  attended: number;
  inPerson: number;
  stream: number;
  walkIns: number;
  noShows: number;
  cancelled: number;
  followUps: { captured: number; done: number; open: number; dropped: number };
  /** Attendees' stage on the seminar's day against today. */
  movement: { from: Stage; to: Stage; people: number }[];
  moved: { id: number; name: string; from: Stage; to: Stage }[];
}

/** The CSV's columns: one row per person, score parts as columns, ISO dates. */
export function rapportCsvColumns(includePersonal: boolean): { key: string; header: string; value: (r: RapportRow) => string | number }[] {
  const columns: { key: string; header: string; value: (r: RapportRow) => string | number }[] = [
    { key: 'name', header: 'Name', value: (r) => r.name },
    { key: 'organization', header: 'Organization', value: (r) => r.organization },
    { key: 'stage', header: 'Stage', value: (r) => STAGE_LABELS[r.stage] },
    { key: 'score', header: 'Rapport score', value: (r) => r.score },
    ...SCORE_PARTS.map((k) => ({ key: k, header: SCORE_PART_LABELS[k], value: (r: RapportRow) => r.parts[k] })),
    { key: 'lastPersonalOn', header: 'Last personal touch', value: (r) => r.lastPersonalOn ?? '' },
    { key: 'openFollowUps', header: 'Open follow-ups', value: (r) => r.openFollowUps },
    { key: 'tags', header: 'Tags', value: (r) => r.tags.join('; ') },
  ];
  if (includePersonal) {
    columns.push({ key: 'address', header: 'Home address', value: (r) => r.address ?? '' }, { key: 'household', header: 'Household', value: (r) => r.household ?? '' });
  }
  return columns;
}
