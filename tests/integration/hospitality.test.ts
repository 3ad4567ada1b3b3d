import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import {
  createOccasion,
  getOccasion,
  hospitalitySuggestions,
  intimacyMeasure,
  inviteGuests,
  occasionPairings,
  personHospitality,
  removeGuest,
  setGuestState,
  updateHospitalitySettings,
} from '../../electron/core/services/hospitality';
import { createPerson } from '../../electron/core/services/people';
import { addLink, addNeed, answerClientTest, getRelationship, logInteraction, personTimeline } from '../../electron/core/services/relationships';
import { localDay } from '../../electron/core/services/standing';
import { guestPairings, OccasionInputSchema } from '../../shared/domain/hospitality';
import { PersonInputSchema } from '../../shared/domain/person';
import { ClientTestInputSchema, InteractionInputSchema, NeedInputSchema } from '../../shared/domain/relationship';
import { dayMinus } from '../../shared/domain/standing';
import type { AppError } from '../../shared/errors';
import { openTestContext } from '../helpers/store';

const todayOf = (ctx: CoreContext) => localDay(ctx.now());
const add = (ctx: CoreContext, p: object) => createPerson(ctx, PersonInputSchema.parse(p)).id;
const yes = { yes: true, evidence: '' };

/** A client whose score rises with `touches` recent meetings. */
function client(ctx: CoreContext, name: string, touches: number): number {
  const id = add(ctx, { givenName: name });
  answerClientTest(ctx, ClientTestInputSchema.parse({ personId: id, on: todayOf(ctx), answers: { needKnown: yes, comfortableAsking: yes, reference: yes, trust: yes } }));
  for (let i = 0; i < touches; i++) logInteraction(ctx, InteractionInputSchema.parse({ personId: id, kind: 'meeting', on: dayMinus(todayOf(ctx), 20 + i) }));
  return id;
}

function dinner(ctx: CoreContext, daysFromToday: number, seats = 0) {
  return createOccasion(ctx, OccasionInputSchema.parse({ kind: 'dinner', day: dayMinus(todayOf(ctx), -daysFromToday), time: '19:00', seats }));
}

function guestOf(ctx: CoreContext, occasionId: number, personId: number): number {
  const guest = getOccasion(ctx, occasionId).guests.find((g) => g.person.id === personId);
  if (!guest) throw new Error(`person ${personId} is not a guest`);
  return guest.id;
}

/** A small book with a known answer: five clients ranked A > B > C > D > E, top 3 looked at. */
async function smallBook() {
  const ctx = await openTestContext();
  // Scores: Ada 80 (with her visit), Ben 74, Cal 73, Dora 70 (with hers), Eli 45.
  const ids = { a: client(ctx, 'Ada', 12), b: client(ctx, 'Ben', 11), c: client(ctx, 'Cal', 10), d: client(ctx, 'Dora', 3), e: client(ctx, 'Eli', 0) };
  updateHospitalitySettings(ctx, { topClients: 3 });
  const past = dinner(ctx, -10);
  inviteGuests(ctx, past.id, [ids.a, ids.d, ids.b], false);
  setGuestState(ctx, guestOf(ctx, past.id, ids.a), 'attended');
  setGuestState(ctx, guestOf(ctx, past.id, ids.d), 'attended');
  setGuestState(ctx, guestOf(ctx, past.id, ids.b), 'declined');
  const longAgo = dinner(ctx, -400);
  inviteGuests(ctx, longAgo.id, [ids.e], false);
  setGuestState(ctx, guestOf(ctx, longAgo.id, ids.e), 'attended');
  return { ctx, ids };
}

describe('the intimacy measure', () => {
  it('counts, among the top N clients by score, those who have been in the home', async () => {
    const { ctx, ids } = await smallBook();
    const measure = intimacyMeasure(ctx);
    expect(measure.clients.map((c) => c.id)).toEqual([ids.a, ids.b, ids.c]);
    expect(measure.clients.map((c) => c.score)).toEqual([80, 74, 73]);
    expect(measure).toMatchObject({ top: 3, topSetting: 3, hosted: 1 });
    expect(measure.clients.map((c) => [c.timesHosted, c.declined])).toEqual([
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    updateHospitalitySettings(ctx, { topClients: 20 });
    expect(intimacyMeasure(ctx)).toMatchObject({ top: 5, hosted: 3 }); // fewer clients than N: N is how many there are
  });

  it('suggests best clients never hosted, and clients not hosted in the last twelve months', async () => {
    const { ctx, ids } = await smallBook();
    const s = hospitalitySuggestions(ctx);
    expect(s.neverHosted.map((x) => x.person.id)).toEqual([ids.b, ids.c]);
    expect(s.neverHosted[0]?.reason).toMatch(/top 3 clients .*never in your home; declined once/);
    expect(s.notRecently.map((x) => x.person.id)).toEqual([ids.e]);
    expect(s.notRecently[0]?.reason).toContain(dayMinus(todayOf(ctx), 400));
  });

  it('pairs guests by a need one can meet for the other, and by shared segments', () => {
    const pairs = guestPairings([
      { id: 1, name: 'Ann', tags: ['Small business'], needs: ['A trusted bookkeeper'], offers: 'Owner Acme Print' },
      { id: 2, name: 'Beth', tags: [], needs: [], offers: 'Bookkeeper Independent' },
      { id: 3, name: 'Cy', tags: ['Real estate', 'Small business'], needs: [], offers: 'Realtor' },
      { id: 4, name: 'Dee', tags: ['real estate'], needs: ['Coaching before a keynote'], offers: 'Broker' },
    ]);
    expect(pairs.map((p) => `${p.a.name}+${p.b.name}: ${p.reason}`)).toEqual([
      'Ann+Beth: Ann needs “A trusted bookkeeper”; Beth may help',
      'Ann+Cy: both in Small business',
      'Cy+Dee: both in Real estate',
    ]);
  });
});

describe('occasions', () => {
  it('records a home visit on attending, feeding the score, and takes it back when undone', async () => {
    const ctx = await openTestContext();
    const id = client(ctx, 'Fay', 1);
    const before = getRelationship(ctx, id).score.score;
    const o = dinner(ctx, 0);
    inviteGuests(ctx, o.id, [id], false);
    const guest = guestOf(ctx, o.id, id);
    setGuestState(ctx, guest, 'accepted');
    setGuestState(ctx, guest, 'attended');
    expect(personHospitality(ctx, id)).toMatchObject({ hasBeenInMyHome: true, timesHosted: 1, lastHosted: todayOf(ctx) });
    expect(personTimeline(ctx, id).filter((e) => e.title === 'Home visit')).toHaveLength(1);
    expect(getRelationship(ctx, id).score.score).toBeGreaterThan(before);
    expect(getOccasion(ctx, o.id).guests[0]?.history.map((h) => h.state)).toEqual(['invited', 'accepted', 'attended']);

    setGuestState(ctx, guest, 'accepted');
    expect(personHospitality(ctx, id).hasBeenInMyHome).toBe(false);
    expect(getRelationship(ctx, id).score.score).toBe(before);
    setGuestState(ctx, guest, 'attended');
    removeGuest(ctx, guest);
    expect(ctx.db.prepare("SELECT count(*) AS n FROM interactions WHERE kind = 'home_visit'").get()).toEqual({ n: 0 });
  });

  it('refuses attendance before the day, invites a household in one step, and warns when seats run out', async () => {
    const ctx = await openTestContext();
    const gus = add(ctx, { givenName: 'Gus' });
    const hana = add(ctx, { givenName: 'Hana' });
    const ivy = add(ctx, { givenName: 'Ivy' });
    addLink(ctx, { personId: gus, otherId: hana, kind: 'partner' });
    const o = dinner(ctx, 5, 2);
    expect(inviteGuests(ctx, o.id, [gus, ivy], true)).toEqual({ added: 3, alreadyInvited: 0 });
    expect(inviteGuests(ctx, o.id, [hana], true)).toEqual({ added: 0, alreadyInvited: 2 });
    const error = (() => {
      try {
        setGuestState(ctx, guestOf(ctx, o.id, gus), 'attended');
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error?.fields).toEqual({ state: 'It has not happened yet: mark who came on the day or after.' });
    for (const p of [gus, hana, ivy]) setGuestState(ctx, guestOf(ctx, o.id, p), 'accepted');
    expect(getOccasion(ctx, o.id)).toMatchObject({ overSeats: 1, counts: { accepted: 3 } });
  });

  it('suggests which guests of a planned occasion would enjoy meeting, from the store', async () => {
    const ctx = await openTestContext();
    const ann = add(ctx, { givenName: 'Ann', tags: ['Small business'] });
    addNeed(ctx, ann, NeedInputSchema.parse({ what: 'A trusted bookkeeper', problem: 'Sunday nights on invoices' }));
    const beth = add(ctx, { givenName: 'Beth', role: 'Bookkeeper' });
    const o = dinner(ctx, 7);
    inviteGuests(ctx, o.id, [ann, beth], false);
    expect(occasionPairings(ctx, o.id).map((p) => p.reason)).toEqual(['Ann needs “A trusted bookkeeper”; Beth may help']);
  });
});
