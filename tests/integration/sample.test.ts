import { describe, expect, it } from 'vitest';
import { PeopleListInput, SeminarListInput } from '../../shared/contract';
import { formatSeminarHours } from '../../shared/domain/seminar';
import { getSeminar, listSeminars } from '../../electron/core/services/seminars';
import { appInfo } from '../../electron/core/services/app-info';
import { listPeople, listTags } from '../../electron/core/services/people';
import { loadSampleData } from '../../electron/core/services/sample';
import { getRelationship, standingList } from '../../electron/core/services/relationships';
import { STANDING_LISTS } from '../../shared/domain/relationship';
import { dueSummary } from '../../electron/core/services/followups';
import { hospitalitySuggestions, intimacyMeasure, listOccasions } from '../../electron/core/services/hospitality';
import { openTestContext } from '../helpers/store';
import { dispatch } from '../../electron/core/api';

describe('sample data', () => {
  it('loads a varied book of at least 300 people, once', async () => {
    const ctx = await openTestContext();
    const { people } = loadSampleData(ctx);
    expect(people).toBeGreaterThanOrEqual(300);
    const info = appInfo(ctx);
    expect(info.peopleCount).toBe(people);
    expect(info.sampleLoadedAt).not.toBeNull();
    expect(listTags(ctx).length).toBeGreaterThanOrEqual(8);
    const find = (query: string) => listPeople(ctx, PeopleListInput.parse({ query })).total;
    expect(find('田中')).toBeGreaterThan(0); // non-Latin scripts
    expect(find('nunez') + find('alvarez') + find('muller')).toBeGreaterThan(0); // accents
    expect(find('ann lee')).toBe(2); // namesakes told apart by organization
    expect(() => loadSampleData(ctx)).toThrow(/already/);
    const [past] = listSeminars(ctx, SeminarListInput.parse({ when: 'past' }));
    expect(past?.title).toBe('Become a Master Networker');
    const counts = getSeminar(ctx, past?.id ?? 0).counts;
    expect(counts).toMatchObject({ registered: 120, checkedIn: 88, walkIns: 6, noShows: 32, expected: 0 });
    expect(counts.checkedInStream).toBeGreaterThan(0);
    expect(formatSeminarHours(past?.startsAt ?? '', past?.endsAt ?? '', 'America/New_York').replace(/\s+/g, ' ')).toBe('9:00 AM – 12:00 PM Eastern Time');
    const [upcoming] = listSeminars(ctx, SeminarListInput.parse({ when: 'upcoming' }));
    expect(upcoming).toMatchObject({ title: 'Clients, Not Customers', registered: 38, checkedIn: 0 });
    expect(appInfo(ctx).peopleCount).toBe(people);
  });
});

describe('the sample book’s relationships', () => {
  it('gives every list that drives action members, and Ready to become clients is exactly what the store says', async () => {
    const ctx = await openTestContext();
    loadSampleData(ctx);
    // Computed here from the raw records, not from the stored stage: customers (bought, latest
    // answering not four yeses) with exactly three yeses, or marked cultivate.
    const expected = (
      ctx.db
        .prepare(
          `WITH latest AS (
             SELECT person_id, need_known + comfortable_asking + reference + trust AS yeses,
                    row_number() OVER (PARTITION BY person_id ORDER BY answered_on DESC, id DESC) AS n
             FROM client_tests)
           SELECT p.id FROM people p LEFT JOIN latest l ON l.person_id = p.id AND l.n = 1
           WHERE EXISTS (SELECT 1 FROM purchases WHERE person_id = p.id) AND coalesce(l.yeses, 0) < 4
             AND (coalesce(l.yeses, 0) = 3 OR p.cultivate = 1)
           ORDER BY p.id`,
        )
        .all() as { id: number }[]
    ).map((r) => r.id);
    const ready = standingList(ctx, 'ready');
    expect(ready.total).toBeGreaterThan(5);
    expect(ready.items.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected);
    expect(standingList(ctx, 'atRisk').total).toBeGreaterThan(0);
    expect(standingList(ctx, 'futureClients').total).toBeGreaterThan(0);
    // The tabs' and Home's counts are the lists' totals.
    const totals = Object.fromEntries(STANDING_LISTS.map((l) => [l, standingList(ctx, l).total]));
    expect(dispatch(ctx, 'relationship.counts', {})).toEqual({ ok: true, value: totals });
    // Only the lists asked for are counted (Home leaves out the whole-book scan of Due to reconnect).
    expect(dispatch(ctx, 'relationship.counts', { lists: ['ready', 'atRisk'] })).toEqual({ ok: true, value: { ready: totals.ready, atRisk: totals.atRisk } });

    const count = (sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;
    expect(count("SELECT count(*) AS n FROM people WHERE stage = 'client'")).toBeGreaterThan(20);
    expect(count("SELECT count(*) AS n FROM interactions WHERE kind IN ('newsletter', 'mailing')")).toBeGreaterThan(50);
    expect(count('SELECT count(*) AS n FROM needs')).toBeGreaterThan(20);
    expect(count("SELECT count(*) AS n FROM advocacy WHERE kind = 'referral' AND referred_id IS NOT NULL")).toBeGreaterThan(5);
    // Stage history is dated when each move happened, not all on the day the sample was loaded.
    expect(count("SELECT count(DISTINCT substr(changed_at, 1, 10)) AS n FROM stage_changes WHERE to_stage = 'client'")).toBeGreaterThan(10);

    const ann = listPeople(ctx, PeopleListInput.parse({ query: 'ann lee acme' })).items[0];
    const annRelationship = getRelationship(ctx, ann?.id ?? 0);
    expect(annRelationship).toMatchObject({ stage: 'client', marks: { friend: true } });
    expect(annRelationship.score.score).toBeGreaterThan(70);
  });
});

describe('the sample book’s follow-ups', () => {
  it('has open, done, snoozed and overdue follow-ups, and people due to reconnect', async () => {
    const ctx = await openTestContext();
    loadSampleData(ctx);
    const byState = Object.fromEntries(
      (ctx.db.prepare('SELECT state, count(*) AS n FROM follow_ups GROUP BY state').all() as { state: string; n: number }[]).map((r) => [r.state, r.n]),
    );
    expect(byState.open).toBeGreaterThan(10);
    expect(byState.done).toBeGreaterThan(3);
    expect(byState.snoozed).toBeGreaterThan(1);
    const summary = dueSummary(ctx);
    expect(summary.overdue).toBeGreaterThan(3);
    expect(summary.today).toBeGreaterThan(0);
    expect(summary.dueToReconnect).toBeGreaterThan(10);
    expect(standingList(ctx, 'dueToReconnect').total).toBe(summary.dueToReconnect);
  });
});

describe('the sample book’s occasions', () => {
  it('has past and upcoming occasions, so the intimacy measure and its suggestions mean something', async () => {
    const ctx = await openTestContext();
    loadSampleData(ctx);
    expect(listOccasions(ctx, 'past').length).toBeGreaterThanOrEqual(2);
    expect(listOccasions(ctx, 'upcoming').length).toBeGreaterThanOrEqual(1);
    const measure = intimacyMeasure(ctx);
    expect(measure.top).toBe(20);
    expect(measure.hosted).toBeGreaterThan(0);
    expect(measure.hosted).toBeLessThan(measure.top);
    const suggestions = hospitalitySuggestions(ctx);
    expect(suggestions.neverHosted.length).toBe(measure.top - measure.hosted);
    expect(suggestions.notRecently.length).toBeGreaterThan(0);
  });
});
