import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import {
  agenda,
  completeFollowUp,
  createFollowUp,
  createReviewFollowUps,
  dropFollowUp,
  dueSummary,
  followUpsCalendar,
  seminarReview,
  snoozeFollowUp,
} from '../../electron/core/services/followups';
import { setCadence, updateKeepInTouch } from '../../electron/core/services/keep-in-touch';
import { createPerson, listPeople } from '../../electron/core/services/people';
import { addPurchase, getRelationship, logInteraction, standingList } from '../../electron/core/services/relationships';
import { loadSampleData } from '../../electron/core/services/sample';
import { localDay } from '../../electron/core/services/standing';
import { PeopleListInput, SeminarListInput } from '../../shared/contract';
import { CADENCE_DEFAULTS, FollowUpInputSchema } from '../../shared/domain/followup';
import { PersonInputSchema } from '../../shared/domain/person';
import { InteractionInputSchema, PurchaseInputSchema } from '../../shared/domain/relationship';
import { dayMinus } from '../../shared/domain/standing';
import { listSeminars } from '../../electron/core/services/seminars';
import { openTestContext } from '../helpers/store';

const add = (ctx: CoreContext, p: object) => createPerson(ctx, PersonInputSchema.parse(p)).id;
const todayOf = (ctx: CoreContext) => localDay(ctx.now());
const daysFromToday = (ctx: CoreContext, n: number) => dayMinus(todayOf(ctx), -n);
const follow = (ctx: CoreContext, personId: number, what: string, kind = 'task', dueIn: number | null = 0) =>
  createFollowUp(ctx, FollowUpInputSchema.parse({ personId, what, kind, dueOn: dueIn === null ? null : daysFromToday(ctx, dueIn) }));
const touch = (ctx: CoreContext, personId: number, kind: string, daysAgo = 0) =>
  logInteraction(ctx, InteractionInputSchema.parse({ personId, kind, on: dayMinus(todayOf(ctx), daysAgo) }));
const reconnectIds = (ctx: CoreContext) => standingList(ctx, 'dueToReconnect').items.map((r) => r.id);

/** A customer added long ago (so "never touched" counts from then). */
function longKnownCustomer(ctx: CoreContext, name: string): number {
  const realNow = ctx.now;
  ctx.now = () => new Date(realNow().getTime() - 400 * 86_400_000);
  const id = add(ctx, { givenName: name });
  ctx.now = realNow;
  addPurchase(ctx, PurchaseInputSchema.parse({ personId: id, what: 'Coaching', on: dayMinus(todayOf(ctx), 300) }));
  return id;
}

describe('keeping in touch', () => {
  it('a personal touch resets the cadence at once; a newsletter never does', async () => {
    const ctx = await openTestContext();
    const id = longKnownCustomer(ctx, 'Ann');
    touch(ctx, id, 'call', CADENCE_DEFAULTS.customer + 5);
    expect(reconnectIds(ctx)).toEqual([id]);
    touch(ctx, id, 'newsletter', 0);
    touch(ctx, id, 'mailing', 0);
    expect(reconnectIds(ctx)).toEqual([id]);
    expect(getRelationship(ctx, id).cadence).toEqual({ own: null, stageDefault: CADENCE_DEFAULTS.customer, due: true });
    touch(ctx, id, 'meal', 0);
    expect(reconnectIds(ctx)).toEqual([]);
    expect(getRelationship(ctx, id).cadence.due).toBe(false);
  });

  it('a person’s own cadence wins over their stage’s, both ways', async () => {
    const ctx = await openTestContext();
    const close = longKnownCustomer(ctx, 'Bo');
    const distant = longKnownCustomer(ctx, 'Cy');
    touch(ctx, close, 'call', 20); // within the customer default of 90 days
    touch(ctx, distant, 'call', 120); // beyond it
    expect(reconnectIds(ctx)).toEqual([distant]);
    setCadence(ctx, [close], 14);
    setCadence(ctx, [distant], 365);
    expect(reconnectIds(ctx)).toEqual([close]);
    expect(getRelationship(ctx, close).cadence).toMatchObject({ own: 14, due: true });
    setCadence(ctx, [close], null);
    expect(reconnectIds(ctx)).toEqual([]);
  });

  it('changing the stage cadence in Settings moves who is due, and At risk follows it', async () => {
    const ctx = await openTestContext();
    const id = longKnownCustomer(ctx, 'Di');
    touch(ctx, id, 'visit', 45);
    expect(reconnectIds(ctx)).toEqual([]);
    updateKeepInTouch(ctx, { cadence: { ...CADENCE_DEFAULTS, customer: 30 }, reminderTime: '09:00', timeZone: 'UTC' });
    expect(reconnectIds(ctx)).toEqual([id]);
    expect(standingList(ctx, 'atRisk').total).toBe(0); // a customer is never "at risk": that is for clients
  });
});

describe('follow-ups', () => {
  it('sort into the agenda, snooze, drop, and cost points when overdue', async () => {
    const ctx = await openTestContext();
    const id = add(ctx, { givenName: 'Eve' });
    touch(ctx, id, 'meeting', 0);
    const before = getRelationship(ctx, id).score.score;
    follow(ctx, id, 'Send the article', 'message', -2);
    follow(ctx, id, 'Call about referrals', 'call', 0);
    follow(ctx, id, 'Lunch', 'meal', 3);
    const undated = follow(ctx, id, 'Ask about the board seat', 'task', null);
    const titles = (a: ReturnType<typeof agenda>) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v.map((f) => f.what)]));
    expect(titles(agenda(ctx, null))).toEqual({
      overdue: ['Send the article'],
      today: ['Call about referrals'],
      week: ['Lunch'],
      later: ['Ask about the board seat'],
    });
    expect(dueSummary(ctx)).toMatchObject({ overdue: 1, today: 1 });
    const overdue = getRelationship(ctx, id).score.parts.find((p) => p.key === 'overdueFollowUps');
    expect(overdue?.points).toBeLessThan(0);
    expect(getRelationship(ctx, id).score.score).toBeLessThan(before);

    const lunch = agenda(ctx, id).week[0];
    snoozeFollowUp(ctx, lunch?.id ?? 0, daysFromToday(ctx, 7));
    expect(agenda(ctx, id).later.map((f) => f.what)).toEqual(['Lunch', 'Ask about the board seat']);
    expect(() => snoozeFollowUp(ctx, undated.id, todayOf(ctx))).toThrow();
    dropFollowUp(ctx, undated.id, 'They filled the seat');
    expect(agenda(ctx, id).later.map((f) => f.what)).toEqual(['Lunch']);
  });

  it('completing a call can log the call, which resets the cadence; a touch logged by hand completes what it fulfils', async () => {
    const ctx = await openTestContext();
    const id = longKnownCustomer(ctx, 'Finn');
    expect(reconnectIds(ctx)).toEqual([id]);
    const call = follow(ctx, id, 'Call about the workshop', 'call', 0);
    const { interaction } = completeFollowUp(ctx, call.id, true, 'Booked for March');
    expect(interaction).toMatchObject({ kind: 'call', on: todayOf(ctx), note: 'Booked for March' });
    expect(reconnectIds(ctx)).toEqual([]);

    // A reminder must not outlive what already happened: the meal logged today fulfils the one due today.
    follow(ctx, id, 'Coffee to catch up', 'meal', 0);
    const logged = touch(ctx, id, 'meal', 0);
    expect(logged.completedFollowUps.map((f) => f.what)).toEqual(['Coffee to catch up']);
    expect(Object.values(agenda(ctx, id)).flat()).toEqual([]);
  });

  it('export as an iCalendar file that a calendar parser reads back, at the reminder time in the owner’s zone', async () => {
    const ctx = await openTestContext();
    updateKeepInTouch(ctx, { cadence: CADENCE_DEFAULTS, reminderTime: '09:30', timeZone: 'America/New_York' });
    const id = add(ctx, { givenName: 'José', familyName: 'Álvarez' });
    const due = createFollowUp(ctx, FollowUpInputSchema.parse({ personId: id, what: 'Send the replay', kind: 'message', dueOn: '2031-01-20' }));
    createFollowUp(ctx, FollowUpInputSchema.parse({ personId: id, what: 'Lunch in July', kind: 'meal', dueOn: '2031-07-08' }));
    createFollowUp(ctx, FollowUpInputSchema.parse({ personId: id, what: 'Someday', dueOn: null }));

    const all = followUpsCalendar(ctx, null);
    expect(all.count).toBe(2);
    const calendar = new ICAL.Component(ICAL.parse(all.content));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(['Send the replay — José Álvarez', 'Lunch in July — José Álvarez']);
    // 09:30 in New York: 14:30 UTC in January (EST), 13:30 UTC in July (EDT).
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(['2031-01-20T14:30:00.000Z', '2031-07-08T13:30:00.000Z']);
    expect(events.map((e) => e.duration.toSeconds())).toEqual([1800, 1800]);

    const one = followUpsCalendar(ctx, [due.id]);
    expect(one.filename).toBe(`follow-up-${due.id}.ics`);
    expect(new ICAL.Component(ICAL.parse(one.content)).getAllSubcomponents('vevent')).toHaveLength(1);
  });
});

describe('the post-seminar review on the sample book', () => {
  it('creates one follow-up per no-show in one action, each linked to the seminar, and never twice', async () => {
    const ctx = await openTestContext();
    loadSampleData(ctx);
    const seminar = listSeminars(ctx, SeminarListInput.parse({ when: 'past' }))[0];
    const seminarId = seminar?.id ?? 0;
    const noShows = (ctx.db.prepare("SELECT count(*) AS n FROM registrations WHERE seminar_id = ? AND state = 'no_show'").get(seminarId) as { n: number }).n;
    const review = seminarReview(ctx, seminarId);
    expect(review.find((g) => g.group === 'no_show')?.people).toHaveLength(noShows);

    const template = { what: 'Sorry we missed you at {seminar}', kind: 'message' as const, dueInDays: 3 };
    expect(createReviewFollowUps(ctx, seminarId, 'no_show', template)).toEqual({ created: noShows, skipped: 0, excluded: 0, leftOut: 0 });
    const linked = ctx.db
      .prepare(
        `SELECT count(*) AS n, count(DISTINCT f.person_id) AS people FROM follow_ups f
         JOIN registrations r ON r.person_id = f.person_id AND r.seminar_id = f.seminar_id
         WHERE f.seminar_id = ? AND f.source = 'review' AND r.state = 'no_show' AND f.what = ?`,
      )
      .get(seminarId, `Sorry we missed you at ${seminar?.title}`) as { n: number; people: number };
    expect(linked).toEqual({ n: noShows, people: noShows });
    expect(createReviewFollowUps(ctx, seminarId, 'no_show', template)).toEqual({ created: 0, skipped: noShows, excluded: 0, leftOut: 0 });
    expect(seminarReview(ctx, seminarId).find((g) => g.group === 'no_show')).toMatchObject({ followedUp: noShows, template });
    expect(listPeople(ctx, PeopleListInput.parse({})).total).toBeGreaterThan(300);
  });

  it('leaves out the people the owner unticked, and only them; they can be followed up later', async () => {
    const ctx = await openTestContext();
    loadSampleData(ctx);
    const seminarId = listSeminars(ctx, SeminarListInput.parse({ when: 'past' }))[0]?.id ?? 0;
    const group = seminarReview(ctx, seminarId).find((g) => g.group === 'in_person');
    const people = group?.people ?? [];
    expect(people.length).toBeGreaterThan(3);
    expect(people.every((p) => !p.followedUp)).toBe(true);
    const [first, second] = people;
    const outsider = seminarReview(ctx, seminarId).find((g) => g.group === 'no_show')?.people[0];
    const template = { what: 'Thank you for coming to {seminar}', kind: 'message' as const, dueInDays: 2 };
    const leftOut = [first?.id ?? 0, second?.id ?? 0, outsider?.id ?? 0];
    expect(createReviewFollowUps(ctx, seminarId, 'in_person', template, leftOut)).toEqual({ created: people.length - 2, skipped: 0, excluded: 2, leftOut: 0 });
    const followed = new Set(
      (ctx.db.prepare("SELECT person_id AS id FROM follow_ups WHERE seminar_id = ? AND source = 'review'").all(seminarId) as { id: number }[]).map((r) => r.id),
    );
    expect(people.filter((p) => followed.has(p.id)).map((p) => p.id)).toEqual(people.slice(2).map((p) => p.id));
    expect(followed.has(outsider?.id ?? 0)).toBe(false);
    const after = seminarReview(ctx, seminarId).find((g) => g.group === 'in_person');
    expect(after?.people.filter((p) => !p.followedUp).map((p) => p.id)).toEqual([first?.id, second?.id]);
    // Ticked again later, they get theirs; no one gets a second.
    expect(createReviewFollowUps(ctx, seminarId, 'in_person', template)).toEqual({ created: 2, skipped: people.length - 2, excluded: 0, leftOut: 0 });
  });
});
