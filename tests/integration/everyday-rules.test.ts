import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { dispatch } from '../../electron/core/api';
import { setBoundaryFlags } from '../../electron/core/services/boundaries';
import { agenda, createFollowUp, createFollowUps, reopenFollowUps, snoozeFollowUp } from '../../electron/core/services/followups';
import { createPerson } from '../../electron/core/services/people';
import {
  addNeed,
  addPurchase,
  answerClientTest,
  getRelationship,
  logInteraction,
  personTimeline,
  standingList,
  updateNeed,
} from '../../electron/core/services/relationships';
import { localDay } from '../../electron/core/services/standing';
import { BOUNDARY_FLAG_KEYS, crossedBy, type BoundaryFlag } from '../../shared/domain/boundaries';
import { CADENCE_DEFAULTS, FOLLOW_UP_KINDS, FollowUpInputSchema } from '../../shared/domain/followup';
import { PersonInputSchema } from '../../shared/domain/person';
import { ClientTestInputSchema, InteractionInputSchema, LOGGED_KINDS, NeedInputSchema, PurchaseInputSchema, type InteractionKind } from '../../shared/domain/relationship';
import { dayMinus } from '../../shared/domain/standing';
import { AppError } from '../../shared/errors';
import { openTestContext } from '../helpers/store';

const todayOf = (ctx: CoreContext) => localDay(ctx.now());
const day = (ctx: CoreContext, fromToday: number) => dayMinus(todayOf(ctx), -fromToday);

/** Someone who entered the book `daysAgo` days ago. */
function addedAgo(ctx: CoreContext, name: string, daysAgo: number): number {
  const realNow = ctx.now;
  ctx.now = () => new Date(realNow().getTime() - daysAgo * 86_400_000);
  try {
    return createPerson(ctx, PersonInputSchema.parse({ givenName: name })).id;
  } finally {
    ctx.now = realNow;
  }
}

const ids = (ctx: CoreContext, list: 'dueToReconnect' | 'atRisk') => standingList(ctx, list).items.map((r) => r.id).sort();
const allYes = (ctx: CoreContext, personId: number, on: string) =>
  answerClientTest(
    ctx,
    ClientTestInputSchema.parse({
      personId,
      on,
      answers: { needKnown: { yes: true }, comfortableAsking: { yes: true }, reference: { yes: true }, trust: { yes: true } },
    }),
  );
const log = (ctx: CoreContext, personId: number, kind: InteractionKind, on: string, extra: object = {}) =>
  logInteraction(ctx, { ...InteractionInputSchema.parse({ personId, kind, on }), ...extra });
const follow = (ctx: CoreContext, personId: number, what: string, kind: string, dueOn: string | null) =>
  createFollowUp(ctx, FollowUpInputSchema.parse({ personId, what, kind, dueOn }));

function boundaryError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError && error.code === 'boundary') return error;
    throw error;
  }
  throw new Error('expected a boundary error');
}

describe('never touched counts as due once the cadence has passed', () => {
  it('a customer of a year who only ever received newsletters is due to reconnect', async () => {
    const ctx = await openTestContext();
    const customer = addedAgo(ctx, 'Newsletter-only customer', 400);
    addPurchase(ctx, PurchaseInputSchema.parse({ personId: customer, what: 'Coaching', on: day(ctx, -300) }));
    log(ctx, customer, 'newsletter', day(ctx, -10));
    const fresh = addedAgo(ctx, 'Met last week', 7);
    expect(ids(ctx, 'dueToReconnect')).toEqual([customer]);
    const r = getRelationship(ctx, customer);
    expect(r.cadence.due).toBe(true);
    const row = standingList(ctx, 'dueToReconnect').items[0];
    expect(row?.lastPersonalOn).toBeNull();
    expect(row?.knownSince).toBe(dayMinus(todayOf(ctx), 400));
    expect(getRelationship(ctx, fresh).cadence.due).toBe(false);
  });

  it('someone imported today with a purchase of last year counts from the purchase, not from the import', async () => {
    const ctx = await openTestContext();
    const imported = addedAgo(ctx, 'Imported', 0);
    expect(ids(ctx, 'dueToReconnect')).toEqual([]);
    addPurchase(ctx, PurchaseInputSchema.parse({ personId: imported, what: 'Workshop', on: day(ctx, -(CADENCE_DEFAULTS.customer + 1)) }));
    expect(ids(ctx, 'dueToReconnect')).toEqual([imported]);
  });

  it('a prospect given four yeses becomes a client never touched: at risk and due once the client cadence has passed', async () => {
    const ctx = await openTestContext();
    const client = addedAgo(ctx, 'Four yeses', CADENCE_DEFAULTS.client + 5);
    const recent = addedAgo(ctx, 'New client', CADENCE_DEFAULTS.client - 5);
    allYes(ctx, client, todayOf(ctx));
    allYes(ctx, recent, todayOf(ctx));
    expect(getRelationship(ctx, client).stage).toBe('client');
    expect(ids(ctx, 'atRisk')).toEqual([client]);
    expect(ids(ctx, 'dueToReconnect')).toEqual([client]);
    // A personal touch takes them off both lists at once.
    log(ctx, client, 'call', todayOf(ctx));
    expect(ids(ctx, 'atRisk')).toEqual([]);
    expect(ids(ctx, 'dueToReconnect')).toEqual([]);
  });

  it('the list, the person page and the due count agree for generated books', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ added: fc.integer({ min: 0, max: 500 }), touched: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }), bought: fc.boolean() }), {
          minLength: 1,
          maxLength: 8,
        }),
        async (people) => {
          const ctx = await openTestContext();
          for (const p of people) {
            const id = addedAgo(ctx, 'P', p.added);
            if (p.bought) addPurchase(ctx, PurchaseInputSchema.parse({ personId: id, what: 'x', on: day(ctx, -p.added) }));
            if (p.touched !== null) log(ctx, id, 'meeting', day(ctx, -p.touched));
          }
          const listed = new Set(ids(ctx, 'dueToReconnect'));
          const counted = (dispatch(ctx, 'followUps.dueSummary', {}) as { ok: true; value: { dueToReconnect: number } }).value.dueToReconnect;
          expect(counted).toBe(listed.size);
          for (const { id } of ctx.db.prepare('SELECT id FROM people').all() as { id: number }[]) {
            expect(getRelationship(ctx, id).cadence.due).toBe(listed.has(id));
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('a touch completes only the follow-ups already due', () => {
  it('a coffee today closes the coffee due today and the overdue one, not the lunch next week nor a call', async () => {
    const ctx = await openTestContext();
    const laura = addedAgo(ctx, 'Laura', 30);
    const dueToday = follow(ctx, laura, 'Quick coffee', 'meal', todayOf(ctx));
    const overdue = follow(ctx, laura, 'Coffee we postponed', 'meal', day(ctx, -3));
    const nextWeek = follow(ctx, laura, 'Lunch at the new office', 'meal', day(ctx, 7));
    const inSixDays = follow(ctx, laura, 'Coffee with Laura and Marco', 'meal', day(ctx, 6));
    const undated = follow(ctx, laura, 'Dinner some day', 'meal', null);
    const call = follow(ctx, laura, 'Call about the board', 'call', todayOf(ctx));

    const logged = log(ctx, laura, 'meal', todayOf(ctx));
    expect(logged.completedFollowUps.map((f) => f.id).sort()).toEqual([dueToday.id, overdue.id].sort());
    const open = Object.values(agenda(ctx, laura))
      .flat()
      .map((f) => f.id)
      .sort();
    expect(open).toEqual([nextWeek.id, inSixDays.id, undated.id, call.id].sort());
  });

  it('future ones are completed only when ticked, and Undo puts completed ones back as they were', async () => {
    const ctx = await openTestContext();
    const marco = addedAgo(ctx, 'Marco', 30);
    const snoozed = follow(ctx, marco, 'Call back', 'call', day(ctx, -5));
    snoozeFollowUp(ctx, snoozed.id, day(ctx, 2));
    const later = follow(ctx, marco, 'Call in spring', 'call', day(ctx, 40));
    // Snoozed to a later day is not due: the rule leaves it.
    expect(log(ctx, marco, 'call', todayOf(ctx)).completedFollowUps).toEqual([]);
    const ticked = log(ctx, marco, 'call', todayOf(ctx), { completeFollowUps: [snoozed.id, later.id] });
    expect(ticked.completedFollowUps).toEqual([
      { id: snoozed.id, what: 'Call back', snoozedUntil: day(ctx, 2) },
      { id: later.id, what: 'Call in spring', snoozedUntil: null },
    ]);
    expect(Object.values(agenda(ctx, marco)).flat()).toEqual([]);
    expect(reopenFollowUps(ctx, ticked.completedFollowUps)).toEqual({ reopened: 2 });
    const back = Object.values(agenda(ctx, marco)).flat();
    expect(back.find((f) => f.id === snoozed.id)).toMatchObject({ state: 'snoozed', snoozedUntil: day(ctx, 2), doneOn: null });
    expect(back.find((f) => f.id === later.id)).toMatchObject({ state: 'open', dueOn: day(ctx, 40) });
    // Ticking someone else's follow-up completes nothing of theirs.
    const other = addedAgo(ctx, 'Other', 3);
    const theirs = follow(ctx, other, 'Call them', 'call', todayOf(ctx));
    expect(log(ctx, marco, 'call', todayOf(ctx), { completeFollowUps: [theirs.id] }).completedFollowUps).toEqual([]);
  });
});

describe('boundaries the app acts on', () => {
  it('a newsletter for someone flagged "no mailings" is refused until confirmed, and nothing is written meanwhile', async () => {
    const ctx = await openTestContext();
    const ann = addedAgo(ctx, 'Ann', 10);
    setBoundaryFlags(ctx, ann, ['no_mailings']);
    const error = boundaryError(() => log(ctx, ann, 'newsletter', todayOf(ctx)));
    expect(error.message).toMatch(/Ann \(No mailings\)/);
    expect(personTimeline(ctx, ann).filter((e) => e.type === 'interaction')).toEqual([]);
    // Through the API: the same code, then confirmed.
    const refused = dispatch(ctx, 'interactions.log', { personId: ann, kind: 'newsletter', on: todayOf(ctx) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'boundary' } });
    expect(dispatch(ctx, 'interactions.log', { personId: ann, kind: 'newsletter', on: todayOf(ctx), confirmBoundaries: true })).toMatchObject({ ok: true });
    // A call crosses nothing of hers.
    expect(log(ctx, ann, 'call', todayOf(ctx)).kind).toBe('call');
  });

  it('a bulk follow-up asks, includes or leaves out those it would cross', async () => {
    const ctx = await openTestContext();
    const a = addedAgo(ctx, 'Anna', 10);
    const b = addedAgo(ctx, 'Bert', 10);
    setBoundaryFlags(ctx, b, ['email_only']);
    const step = { what: 'Call to catch up', kind: 'call' as const, dueOn: todayOf(ctx), seminarId: null, source: 'people_list' as const };
    expect(boundaryError(() => createFollowUps(ctx, [a, b], step, 'ask')).message).toMatch(/Bert \(Email only\)/);
    expect(Object.values(agenda(ctx, null)).flat()).toEqual([]);
    expect(createFollowUps(ctx, [a, b], step, 'skip')).toEqual({ created: 1, leftOut: 1 });
    expect(createFollowUps(ctx, [a, b], step, 'include')).toEqual({ created: 2, leftOut: 0 });
    // A message is fine for "email only".
    expect(createFollowUps(ctx, [a, b], { ...step, kind: 'message' }, 'ask')).toEqual({ created: 2, leftOut: 0 });
  });

  it('for any flags and any kind, a write is refused exactly when it crosses one, and refused writes leave no trace', async () => {
    const ctx = await openTestContext();
    const id = addedAgo(ctx, 'Gen', 10);
    const flagsArb = fc.subarray([...BOUNDARY_FLAG_KEYS]) as fc.Arbitrary<BoundaryFlag[]>;
    fc.assert(
      fc.property(flagsArb, fc.constantFrom(...LOGGED_KINDS), fc.constantFrom(...FOLLOW_UP_KINDS), (flags, touchKind, followUpKind) => {
        setBoundaryFlags(ctx, id, flags);
        expect(getRelationship(ctx, id).personId).toBe(id);
        const before = (ctx.db.prepare('SELECT (SELECT count(*) FROM interactions) + (SELECT count(*) FROM follow_ups) AS n').get() as { n: number }).n;
        const touchCrosses = crossedBy(flags, { touch: touchKind }).length > 0;
        const followCrosses = crossedBy(flags, { followUp: followUpKind }).length > 0;
        const t = dispatch(ctx, 'interactions.log', { personId: id, kind: touchKind, on: todayOf(ctx) });
        const f = dispatch(ctx, 'followUps.create', { personId: id, what: 'Step', kind: followUpKind });
        expect(t.ok).toBe(!touchCrosses);
        expect(f.ok).toBe(!followCrosses);
        if (!t.ok) expect(t.error.code).toBe('boundary');
        if (!f.ok) expect(f.error.code).toBe('boundary');
        const after = (ctx.db.prepare('SELECT (SELECT count(*) FROM interactions) + (SELECT count(*) FROM follow_ups) AS n').get() as { n: number }).n;
        expect(after - before).toBe((touchCrosses ? 0 : 1) + (followCrosses ? 0 : 1));
      }),
      { numRuns: 60 },
    );
  });

  it('flags are kept in a fixed order, unknown ones refused at the API', async () => {
    const ctx = await openTestContext();
    const id = addedAgo(ctx, 'Order', 1);
    expect(dispatch(ctx, 'people.setBoundaries', { personId: id, flags: ['no_photos_on_badges', 'no_calls'] })).toEqual({
      ok: true,
      value: { flags: ['no_calls', 'no_photos_on_badges'] },
    });
    expect(dispatch(ctx, 'people.setBoundaries', { personId: id, flags: ['no_fax'] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((dispatch(ctx, 'people.get', { id }) as { ok: true; value: { boundaryFlags: string[] } }).value.boundaryFlags).toEqual(['no_calls', 'no_photos_on_badges']);
  });
});

describe('needs have a history', () => {
  it('every status change is dated and on the timeline; met reads as achieved', async () => {
    const ctx = await openTestContext();
    const id = addedAgo(ctx, 'Needy', 10);
    const need = addNeed(ctx, id, NeedInputSchema.parse({ what: 'A bookkeeper', problem: 'Taxes late' }));
    const discussed = updateNeed(ctx, need.id, need.version, NeedInputSchema.parse({ what: 'A bookkeeper', problem: 'Taxes late', status: 'discussed' }));
    // Changing the words only moves no status.
    const reworded = updateNeed(ctx, need.id, discussed.version, NeedInputSchema.parse({ what: 'A bookkeeper', problem: 'Taxes always late', status: 'discussed' }));
    const met = updateNeed(ctx, need.id, reworded.version, NeedInputSchema.parse({ what: 'A bookkeeper', problem: 'Taxes always late', status: 'met' }));
    const today = todayOf(ctx);
    expect(met.history).toEqual([
      { from: null, to: 'noticed', on: today },
      { from: 'noticed', to: 'discussed', on: today },
      { from: 'discussed', to: 'met', on: today },
    ]);
    const titles = personTimeline(ctx, id)
      .filter((e) => e.type === 'need')
      .map((e) => e.title);
    expect(titles).toEqual(expect.arrayContaining(['Need met: A bookkeeper', 'Need discussed: A bookkeeper', 'Need noted (noticed): A bookkeeper']));
  });
});
