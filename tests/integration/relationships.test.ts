import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { dispatch } from '../../electron/core/api';
import { checkIn, undoCheckIn } from '../../electron/core/services/checkin';
import { createPerson, getPerson, listPeople, tagPeople } from '../../electron/core/services/people';
import {
  addAdvocacy,
  addLink,
  addPurchase,
  answerClientTest,
  getRelationship,
  logInteraction,
  personTimeline,
  setMark,
  standingList,
} from '../../electron/core/services/relationships';
import { localDay } from '../../electron/core/services/standing';
import { createSeminar, registerPeople } from '../../electron/core/services/seminars';
import { PeopleListInput } from '../../shared/contract';
import { PersonInputSchema } from '../../shared/domain/person';
import { AdvocacyInputSchema, ClientTestInputSchema, InteractionInputSchema, PurchaseInputSchema } from '../../shared/domain/relationship';
import { SeminarInputSchema } from '../../shared/domain/seminar';
import { dayMinus } from '../../shared/domain/standing';
import { CADENCE_DEFAULTS } from '../../shared/domain/followup';
import { AppError } from '../../shared/errors';
import { openTestContext } from '../helpers/store';

const add = (ctx: CoreContext, p: object) => createPerson(ctx, PersonInputSchema.parse(p)).id;
const todayOf = (ctx: CoreContext) => localDay(ctx.now());

function answer(ctx: CoreContext, personId: number, yes: [boolean, boolean, boolean, boolean], on = todayOf(ctx)) {
  const [needKnown, comfortableAsking, reference, trust] = yes;
  const a = (v: boolean) => ({ yes: v, evidence: v ? 'seen it' : '' });
  return answerClientTest(
    ctx,
    ClientTestInputSchema.parse({ personId, on, answers: { needKnown: a(needKnown), comfortableAsking: a(comfortableAsking), reference: a(reference), trust: a(trust) } }),
  );
}

const log = (ctx: CoreContext, personId: number, kind: string, daysAgo = 0) =>
  logInteraction(ctx, InteractionInputSchema.parse({ personId, kind, on: dayMinus(todayOf(ctx), daysAgo) }));

const part = (ctx: CoreContext, id: number, key: string) => getRelationship(ctx, id).score.parts.find((p) => p.key === key)?.points;

describe('stage and its history', () => {
  it('moves prospect → customer → client → customer, keeping every answering and every move', async () => {
    const ctx = await openTestContext();
    const ann = add(ctx, { givenName: 'Ann', familyName: 'Lee' });
    expect(getRelationship(ctx, ann)).toMatchObject({ stage: 'prospect', reason: 'nothing bought yet' });

    addPurchase(ctx, PurchaseInputSchema.parse({ personId: ann, what: 'Referral workshop', on: todayOf(ctx), amount: 450 }));
    expect(getRelationship(ctx, ann)).toMatchObject({ stage: 'customer', reason: 'trust not yet known' });

    answer(ctx, ann, [true, true, true, true]);
    expect(getRelationship(ctx, ann).stage).toBe('client');

    answer(ctx, ann, [true, true, true, false]);
    const r = getRelationship(ctx, ann);
    expect(r).toMatchObject({ stage: 'customer', reason: '3 of 4 yes; not yet: trust' });
    expect(r.tests.map((t) => t.yeses)).toEqual([3, 4]);
    expect(r.stageHistory.map((c) => `${c.from}→${c.to}`)).toEqual(['client→customer', 'customer→client', 'prospect→customer']);
    expect(r.purchases).toEqual([expect.objectContaining({ what: 'Referral workshop', amount: 450 })]);
    expect(getPerson(ctx, ann).name).toBe('Ann Lee');
  });

  it('decides by the latest answering by day, not by the order it was typed in', async () => {
    const ctx = await openTestContext();
    const bo = add(ctx, { givenName: 'Bo' });
    answer(ctx, bo, [true, true, true, true], dayMinus(todayOf(ctx), 1));
    answer(ctx, bo, [false, true, true, true], dayMinus(todayOf(ctx), 30)); // an old answering typed in late
    expect(getRelationship(ctx, bo).stage).toBe('client');
  });
});

describe('the score from the store', () => {
  it('counts personal touches for recency and frequency, and broadcasts not at all', async () => {
    const ctx = await openTestContext();
    const id = add(ctx, { givenName: 'Carla' });
    log(ctx, id, 'newsletter', 2);
    log(ctx, id, 'mailing', 1);
    expect(part(ctx, id, 'recency')).toBe(0);
    expect(part(ctx, id, 'frequency')).toBe(0);

    log(ctx, id, 'call', 100);
    const old = part(ctx, id, 'recency') ?? 0;
    expect(old).toBeGreaterThan(0);
    log(ctx, id, 'meal', 0);
    expect(part(ctx, id, 'recency')).toBeGreaterThan(old);
    expect(getRelationship(ctx, id).facts.personalInWindow).toBe(2);
    // The stored score, used to sort, is the one the page explains.
    const r = getRelationship(ctx, id);
    expect(listPeople(ctx, PeopleListInput.parse({})).items.find((p) => p.id === id)?.score).toBe(r.score.score);
    expect(r.score.parts.reduce((a, p) => a + p.points, 0)).toBe(r.score.score);
  });

  it('counts a seminar check-in as a personal touch, and forgets it when the check-in is undone', async () => {
    const ctx = await openTestContext();
    const id = add(ctx, { givenName: 'Dev' });
    const day = todayOf(ctx);
    const seminar = createSeminar(ctx, SeminarInputSchema.parse({ title: 'Clients, Not Customers', date: day, startTime: '00:00', endTime: '23:59', timeZone: 'UTC' }));
    registerPeople(ctx, seminar.id, [id], 'in_person');
    const registrationId = (ctx.db.prepare('SELECT id FROM registrations WHERE person_id = ?').get(id) as { id: number }).id;
    checkIn(ctx, registrationId);
    expect(getRelationship(ctx, id).facts.lastPersonalOn).toBe(day);
    expect(personTimeline(ctx, id).map((e) => e.title)).toContain('Attended “Clients, Not Customers”');
    undoCheckIn(ctx, registrationId);
    expect(getRelationship(ctx, id).facts.lastPersonalOn).toBeNull();
  });

  it('decays with the calendar: the whole book is re-scored on the first look of a new day', async () => {
    const ctx = await openTestContext();
    const id = add(ctx, { givenName: 'Eve' });
    log(ctx, id, 'visit', 0);
    const fresh = listPeople(ctx, PeopleListInput.parse({})).items[0]?.score ?? 0;
    const realNow = ctx.now;
    ctx.now = () => new Date(realNow().getTime() + 200 * 86_400_000);
    expect(listPeople(ctx, PeopleListInput.parse({})).items[0]?.score ?? 0).toBeLessThan(fresh);
  });

  it('refuses a touch dated in the future, at the date field', async () => {
    const ctx = await openTestContext();
    const id = add(ctx, { givenName: 'Finn' });
    const tomorrow = localDay(new Date(ctx.now().getTime() + 2 * 86_400_000));
    const error = (() => {
      try {
        logInteraction(ctx, InteractionInputSchema.parse({ personId: id, kind: 'call', on: tomorrow }));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields).toEqual({ on: 'Choose today or a day before.' });
    expect(ctx.db.prepare('SELECT count(*) AS n FROM interactions').get()).toEqual({ n: 0 });
  });

  it('answers bad input at the API with the field that is wrong', async () => {
    const ctx = await openTestContext();
    const id = add(ctx, { givenName: 'Gus' });
    const reply = dispatch(ctx, 'purchases.add', { personId: id, what: '', on: '2026-02-30' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { what: 'Say what they bought or engaged you for.', on: 'Choose a real date: February 2026 has 28 days.' } } });
  });
});

describe('advocacy and links', () => {
  it('links a referral to a new person, and both pages show it', async () => {
    const ctx = await openTestContext();
    const ann = add(ctx, { givenName: 'Ann', familyName: 'Lee' });
    const act = addAdvocacy(
      ctx,
      AdvocacyInputSchema.parse({ personId: ann, kind: 'referral', on: todayOf(ctx), referredNew: { givenName: 'Hana', familyName: 'Sato', email: 'hana@example.com' } }),
    );
    expect(act.referred?.name).toBe('Hana Sato');
    const hana = act.referred?.id ?? 0;
    expect(getPerson(ctx, hana)).toMatchObject({ howWeMet: 'Referred by Ann Lee', emails: [{ address: 'hana@example.com' }] });
    expect(getRelationship(ctx, ann).advocacyGiven.map((a) => a.referred?.name)).toEqual(['Hana Sato']);
    expect(getRelationship(ctx, hana).referredBy.map((a) => a.by.name)).toEqual(['Ann Lee']);
    expect(personTimeline(ctx, ann).map((e) => e.title)).toContain('Referred Hana Sato');
    expect(personTimeline(ctx, hana).map((e) => e.title)).toContain('Referred by Ann Lee');
    expect(part(ctx, ann, 'advocacy')).toBe(5);
  });

  it('reads a link from both sides and refuses the same symmetric link twice', async () => {
    const ctx = await openTestContext();
    const a = add(ctx, { givenName: 'Ian' });
    const b = add(ctx, { givenName: 'Jo' });
    addLink(ctx, { personId: a, otherId: b, kind: 'introduced_by' });
    addLink(ctx, { personId: a, otherId: b, kind: 'partner' });
    expect(() => addLink(ctx, { personId: b, otherId: a, kind: 'partner' })).toThrow(/already linked/);
    expect(getRelationship(ctx, a).links.map((l) => `${l.label} ${l.other.name}`)).toEqual(['Introduced by Jo', 'Partner Jo']);
    expect(getRelationship(ctx, b).links.map((l) => `${l.label} ${l.other.name}`)).toEqual(['Introduced Ian', 'Partner Ian']);
  });
});

describe('lists that drive action', () => {
  it('finds the ready, the at-risk and the future clients', async () => {
    const ctx = await openTestContext();
    const day = todayOf(ctx);
    const buyer = (name: string) => {
      const id = add(ctx, { givenName: name });
      addPurchase(ctx, PurchaseInputSchema.parse({ personId: id, what: 'Coaching', on: day }));
      return id;
    };
    const threeYes = buyer('Kim');
    answer(ctx, threeYes, [true, true, true, false]);
    const twoYes = buyer('Lou');
    answer(ctx, twoYes, [true, true, false, false]);
    const cultivated = buyer('Max');
    setMark(ctx, [cultivated], 'cultivate', true);
    const quietClient = buyer('Ned');
    answer(ctx, quietClient, [true, true, true, true]);
    log(ctx, quietClient, 'call', CADENCE_DEFAULTS.client + 1);
    const closeClient = buyer('Oda');
    answer(ctx, closeClient, [true, true, true, true]);
    log(ctx, closeClient, 'call', CADENCE_DEFAULTS.client);
    const future = add(ctx, { givenName: 'Pia' });
    setMark(ctx, [future], 'futureClient', true);

    const ids = (list: 'ready' | 'atRisk' | 'futureClients') => standingList(ctx, list).items.map((r) => r.id).sort();
    expect(ids('ready')).toEqual([threeYes, cultivated].sort());
    expect(ids('atRisk')).toEqual([quietClient]);
    expect(ids('futureClients')).toEqual([future]);
  });

  it('filters and sorts the People list by stage and score; tags a selection', async () => {
    const ctx = await openTestContext();
    const low = add(ctx, { givenName: 'Quinn' });
    const high = add(ctx, { givenName: 'Rosa' });
    answer(ctx, high, [true, true, true, true]);
    log(ctx, high, 'meeting');
    const mid = add(ctx, { givenName: 'Sam' });
    log(ctx, mid, 'meeting');
    const page = listPeople(ctx, PeopleListInput.parse({ sort: 'score', direction: 'desc' }));
    expect(page.items.map((p) => p.id)).toEqual([high, mid, low]);
    expect(listPeople(ctx, PeopleListInput.parse({ stage: 'client' })).items.map((p) => p.id)).toEqual([high]);
    const midScore = page.items[1]?.score ?? 0;
    expect(listPeople(ctx, PeopleListInput.parse({ minScore: midScore })).items.map((p) => p.id)).toEqual([high, mid]);
    expect(listPeople(ctx, PeopleListInput.parse({ minScore: midScore + 1 })).items.map((p) => p.id)).toEqual([high]);
    expect(tagPeople(ctx, [low, mid], 'Dinner list')).toEqual({ changed: 2 });
    expect(listPeople(ctx, PeopleListInput.parse({ tag: 'Dinner list', sort: 'score', direction: 'desc' })).items.map((p) => p.id)).toEqual([mid, low]);
  });
});
