/**
 * Where a relationship stands: the stage (prospect / customer / client) from the client test and
 * purchases, and the rapport score from parts the owner can see. Pure functions of plain facts,
 * shared by the core (which stores the result for sorting) and anything that explains it.
 * See DOMAIN.md, "Relationship standing" and "Measures".
 */

export const STAGES = ['prospect', 'customer', 'client'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = { prospect: 'Prospect', customer: 'Customer', client: 'Client' };

/** The client test, in the words of DOMAIN.md. Order matters: it is the order they are asked in. */
export const CLIENT_TEST_QUESTIONS = [
  {
    key: 'needKnown',
    short: 'Need known',
    question: 'I know a specific product or service they need, and the problem it would solve for them.',
  },
  {
    key: 'comfortableAsking',
    short: 'Comfortable asking',
    question: 'I would comfortably ask them for a referral, a testimonial or a public recommendation.',
  },
  {
    key: 'reference',
    short: 'Reference',
    question: 'I would name them as a reference without asking first, sure of what they would say.',
  },
  { key: 'trust', short: 'Trust', question: 'I know, without doubt, that they trust and respect me.' },
] as const;

export type ClientTestKey = (typeof CLIENT_TEST_QUESTIONS)[number]['key'];
export type ClientTestAnswers = Record<ClientTestKey, boolean>;

export interface StageFacts {
  /** Purchases or engagements recorded. */
  purchases: number;
  /** The most recent answering of the client test, if any. */
  latestTest: ClientTestAnswers | null;
}

export interface StageVerdict {
  stage: Stage;
  /** Why, in a few words, to follow the stage label: "Customer — trust not yet known". */
  reason: string;
}

export function yesCount(answers: ClientTestAnswers | null): number {
  return answers ? CLIENT_TEST_QUESTIONS.filter((q) => answers[q.key]).length : 0;
}

function missing(answers: ClientTestAnswers): string {
  return CLIENT_TEST_QUESTIONS.filter((q) => !answers[q.key])
    .map((q) => q.short.toLowerCase())
    .join(', ');
}

/** Four yeses make a client; a purchase without them a customer; neither, a prospect. */
export function deriveStage({ purchases, latestTest }: StageFacts): StageVerdict {
  const yeses = yesCount(latestTest);
  if (latestTest && yeses === CLIENT_TEST_QUESTIONS.length) return { stage: 'client', reason: 'all four client-test answers are yes' };
  if (purchases > 0) {
    if (!latestTest) return { stage: 'customer', reason: 'trust not yet known' };
    return { stage: 'customer', reason: `${yeses} of 4 yes; not yet: ${missing(latestTest)}` };
  }
  if (!latestTest) return { stage: 'prospect', reason: 'nothing bought yet' };
  return { stage: 'prospect', reason: `nothing bought yet; ${yeses} of 4 yes` };
}

export function standingText(v: StageVerdict): string {
  return `${STAGE_LABELS[v.stage]} — ${v.reason}`;
}

/**
 * Every weight of the rapport score, and only here. The positive parts' maxima add up to 100;
 * overdue follow-ups take points away.
 */
export const SCORE_WEIGHTS = {
  clientTest: { perYes: 10 },
  /** Full points for a personal touch within `fullWithinDays`, falling evenly to none at `noneAfterDays`. */
  recency: { max: 20, fullWithinDays: 14, noneAfterDays: 365 },
  /** Personal touches in the last `windowDays`; `forFull` of them (about monthly) earn every point. */
  frequency: { max: 15, windowDays: 365, forFull: 12 },
  homeVisits: { perVisit: 5, max: 10 },
  advocacy: { perAct: 5, max: 15 },
  overdueFollowUps: { perOverdue: 5, max: 10 },
} as const;

export const SCORE_PARTS = ['clientTest', 'recency', 'frequency', 'homeVisits', 'advocacy', 'overdueFollowUps'] as const;
export type ScorePartKey = (typeof SCORE_PARTS)[number];

export const SCORE_PART_LABELS: Record<ScorePartKey, string> = {
  clientTest: 'Client test',
  recency: 'Recent personal touch',
  frequency: 'Personal touches this year',
  homeVisits: 'Home visits',
  advocacy: 'Advocacy',
  overdueFollowUps: 'Overdue follow-ups',
};

export interface ScoreFacts {
  /** Yes answers in the latest client test (0–4). */
  yeses: number;
  /** Day (YYYY-MM-DD) of the last personal interaction; null if there never was one. Broadcasts do not count. */
  lastPersonalOn: string | null;
  /** Personal interactions within the frequency window. */
  personalInWindow: number;
  homeVisits: number;
  advocacyActs: number;
  overdueFollowUps: number;
}

export type ScoreParts = Record<ScorePartKey, number>;

export interface RapportScore {
  score: number;
  parts: ScoreParts;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to`, both YYYY-MM-DD calendar days. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The calendar day `days` before `day` (YYYY-MM-DD). */
export function dayMinus(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/** "today", "yesterday", "12 days ago". */
export function daysAgo(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

export function recencyPoints(lastPersonalOn: string | null, today: string): number {
  if (!lastPersonalOn) return 0;
  const { max, fullWithinDays, noneAfterDays } = SCORE_WEIGHTS.recency;
  const age = Math.max(0, daysBetween(lastPersonalOn, today));
  if (age <= fullWithinDays) return max;
  if (age >= noneAfterDays) return 0;
  return Math.round((max * (noneAfterDays - age)) / (noneAfterDays - fullWithinDays));
}

/** The rapport score (0–100) on `today`; the parts always add up to the score. */
export function rapportScore(f: ScoreFacts, today: string): RapportScore {
  const w = SCORE_WEIGHTS;
  const positive = {
    clientTest: Math.min(4, f.yeses) * w.clientTest.perYes,
    recency: recencyPoints(f.lastPersonalOn, today),
    frequency: Math.round((w.frequency.max * Math.min(f.personalInWindow, w.frequency.forFull)) / w.frequency.forFull),
    homeVisits: Math.min(w.homeVisits.max, f.homeVisits * w.homeVisits.perVisit),
    advocacy: Math.min(w.advocacy.max, f.advocacyActs * w.advocacy.perAct),
  };
  const earned = Object.values(positive).reduce((a, b) => a + b, 0);
  // A penalty never takes the score below zero, so the parts still add up to it.
  const penalty = Math.min(earned, w.overdueFollowUps.max, f.overdueFollowUps * w.overdueFollowUps.perOverdue);
  const parts: ScoreParts = { ...positive, overdueFollowUps: penalty === 0 ? 0 : -penalty };
  return { score: earned - penalty, parts };
}

/** The most a part can add (or, for overdue follow-ups, take away). */
export function partMaximum(key: ScorePartKey): number {
  const w = SCORE_WEIGHTS;
  switch (key) {
    case 'clientTest':
      return 4 * w.clientTest.perYes;
    case 'recency':
      return w.recency.max;
    case 'frequency':
      return w.frequency.max;
    case 'homeVisits':
      return w.homeVisits.max;
    case 'advocacy':
      return w.advocacy.max;
    case 'overdueFollowUps':
      return w.overdueFollowUps.max;
  }
}

/** A sentence per part for the person page and reports: where its points came from. */
export function explainPart(key: ScorePartKey, f: ScoreFacts, today: string): string {
  const w = SCORE_WEIGHTS;
  switch (key) {
    case 'clientTest':
      return `${f.yeses} of 4 yes × ${w.clientTest.perYes}`;
    case 'recency':
      if (!f.lastPersonalOn) return 'No personal touch yet (newsletters and mailings do not count)';
      return `Last personal touch ${daysAgo(daysBetween(f.lastPersonalOn, today))}; full within ${w.recency.fullWithinDays}, none after ${w.recency.noneAfterDays}`;
    case 'frequency':
      return `${f.personalInWindow} in the last ${w.frequency.windowDays} days; ${w.frequency.forFull} earn every point`;
    case 'homeVisits':
      return `${f.homeVisits} home ${f.homeVisits === 1 ? 'visit' : 'visits'} × ${w.homeVisits.perVisit}`;
    case 'advocacy':
      return `${f.advocacyActs} referrals, testimonials, recommendations or references × ${w.advocacy.perAct}`;
    case 'overdueFollowUps':
      return `${f.overdueFollowUps} overdue × ${w.overdueFollowUps.perOverdue}`;
  }
}

export interface StandingMarks {
  friend: boolean;
  futureClient: boolean;
  cultivate: boolean;
}

export const MARKS = ['friend', 'futureClient', 'cultivate'] as const;
export type Mark = (typeof MARKS)[number];

export const MARK_LABELS: Record<Mark, { label: string; hint: string }> = {
  friend: { label: 'Friend', hint: 'Mutual affection, whatever the stage' },
  futureClient: { label: 'Future client', hint: 'A prospect worth getting to know' },
  cultivate: { label: 'Cultivate', hint: 'A customer chosen to become a client' },
};
