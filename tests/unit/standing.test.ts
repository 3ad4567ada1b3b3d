import { describe, expect, it } from 'vitest';
import {
  SCORE_PARTS,
  SCORE_WEIGHTS,
  deriveStage,
  explainPart,
  partMaximum,
  rapportScore,
  recencyPoints,
  standingText,
  type ClientTestAnswers,
  type ScoreFacts,
} from '../../shared/domain/standing';

const answers = (needKnown: boolean, comfortableAsking: boolean, reference: boolean, trust: boolean): ClientTestAnswers => ({
  needKnown,
  comfortableAsking,
  reference,
  trust,
});

const TODAY = '2026-11-22';
const nothing: ScoreFacts = { yeses: 0, lastPersonalOn: null, personalInWindow: 0, homeVisits: 0, advocacyActs: 0, overdueFollowUps: 0 };
const sum = (parts: Record<string, number>) => Object.values(parts).reduce((a, b) => a + b, 0);

describe('the stage', () => {
  it('is prospect when nothing was bought and the test was never answered', () => {
    expect(standingText(deriveStage({ purchases: 0, latestTest: null }))).toBe('Prospect — nothing bought yet');
  });

  it('is prospect, with the yeses counted, when someone who never bought fails the test', () => {
    expect(standingText(deriveStage({ purchases: 0, latestTest: answers(true, true, false, false) }))).toBe('Prospect — nothing bought yet; 2 of 4 yes');
  });

  it('is customer with unknown trust when someone bought and the test was never answered', () => {
    expect(standingText(deriveStage({ purchases: 2, latestTest: null }))).toBe('Customer — trust not yet known');
  });

  it('is customer, naming the missing answers, when a buyer lacks a yes', () => {
    expect(standingText(deriveStage({ purchases: 1, latestTest: answers(true, true, false, true) }))).toBe('Customer — 3 of 4 yes; not yet: reference');
    expect(deriveStage({ purchases: 1, latestTest: answers(false, false, false, false) }).reason).toBe(
      '0 of 4 yes; not yet: need known, comfortable asking, reference, trust',
    );
  });

  it('is client with four yeses, bought or not', () => {
    expect(standingText(deriveStage({ purchases: 3, latestTest: answers(true, true, true, true) }))).toBe('Client — all four client-test answers are yes');
    expect(deriveStage({ purchases: 0, latestTest: answers(true, true, true, true) }).stage).toBe('client');
  });
});

describe('the rapport score', () => {
  it('is zero for someone with nothing recorded', () => {
    const { score, parts } = rapportScore(nothing, TODAY);
    expect(score).toBe(0);
    expect(Object.values(parts).every((p) => p === 0)).toBe(true);
  });

  it('has parts that always add up to the score', () => {
    const cases: ScoreFacts[] = [
      { yeses: 4, lastPersonalOn: '2026-11-20', personalInWindow: 30, homeVisits: 5, advocacyActs: 9, overdueFollowUps: 0 },
      { yeses: 2, lastPersonalOn: '2026-05-01', personalInWindow: 3, homeVisits: 1, advocacyActs: 1, overdueFollowUps: 1 },
      { yeses: 0, lastPersonalOn: '2025-01-01', personalInWindow: 0, homeVisits: 0, advocacyActs: 0, overdueFollowUps: 7 },
      { yeses: 1, lastPersonalOn: null, personalInWindow: 0, homeVisits: 0, advocacyActs: 0, overdueFollowUps: 7 },
    ];
    for (const facts of cases) {
      const { score, parts } = rapportScore(facts, TODAY);
      expect(sum(parts)).toBe(score);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
    }
  });

  it('reaches 100 only with every positive part full, and the maxima add up to 100', () => {
    const full = rapportScore({ yeses: 4, lastPersonalOn: TODAY, personalInWindow: 99, homeVisits: 9, advocacyActs: 9, overdueFollowUps: 0 }, TODAY);
    expect(full.score).toBe(100);
    const positiveMax = SCORE_PARTS.filter((k) => k !== 'overdueFollowUps').reduce((a, k) => a + partMaximum(k), 0);
    expect(positiveMax).toBe(100);
  });

  it('gives a broadcast-only relationship nothing for recency or frequency', () => {
    // Newsletters and mailings never reach the facts as personal touches: the store counts only personal kinds.
    const { parts } = rapportScore({ ...nothing, yeses: 1 }, TODAY);
    expect(parts.recency).toBe(0);
    expect(parts.frequency).toBe(0);
    expect(explainPart('recency', nothing, TODAY)).toMatch(/newsletters and mailings do not count/);
  });

  it('rates recency full within two weeks, falling to nothing after a year', () => {
    expect(recencyPoints('2026-11-10', TODAY)).toBe(SCORE_WEIGHTS.recency.max);
    expect(recencyPoints('2025-11-22', TODAY)).toBe(0);
    const midway = recencyPoints('2026-05-22', TODAY);
    expect(midway).toBeGreaterThan(0);
    expect(midway).toBeLessThan(SCORE_WEIGHTS.recency.max);
    expect(recencyPoints('2026-06-22', TODAY)).toBeGreaterThan(midway);
  });

  it('takes points for overdue follow-ups without going below zero', () => {
    const some = rapportScore({ ...nothing, yeses: 4, overdueFollowUps: 1 }, TODAY);
    expect(some.parts.overdueFollowUps).toBe(-SCORE_WEIGHTS.overdueFollowUps.perOverdue);
    expect(some.score).toBe(4 * SCORE_WEIGHTS.clientTest.perYes - SCORE_WEIGHTS.overdueFollowUps.perOverdue);
    const floor = rapportScore({ ...nothing, overdueFollowUps: 5 }, TODAY);
    expect(floor.score).toBe(0);
    expect(floor.parts.overdueFollowUps).toBe(0);
  });

  it('takes every weight from SCORE_WEIGHTS: changing one there changes the score', () => {
    const facts: ScoreFacts = { ...nothing, yeses: 3, advocacyActs: 1 };
    const before = rapportScore(facts, TODAY).score;
    const weights = SCORE_WEIGHTS as unknown as { clientTest: { perYes: number } };
    const original = weights.clientTest.perYes;
    try {
      weights.clientTest.perYes = original + 1;
      expect(rapportScore(facts, TODAY).score).toBe(before + 3);
      expect(partMaximum('clientTest')).toBe(4 * (original + 1));
    } finally {
      weights.clientTest.perYes = original;
    }
  });
});
