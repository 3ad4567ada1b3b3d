import samplePeople from '../../../resources/sample/people.json';
import sampleSeminars from '../../../resources/sample/seminars.json';
import sampleRelationships from '../../../resources/sample/relationships.json';
import sampleOccasions from '../../../resources/sample/occasions.json';
import sampleDates from '../../../resources/sample/dates.json';
import { ImportantDateInputSchema } from '../../../shared/domain/important-dates';
import { insertDate } from './important-dates';
import {
  AdvocacyInputSchema,
  ClientTestInputSchema,
  InteractionInputSchema,
  LinkInputSchema,
  NeedInputSchema,
  PurchaseInputSchema,
} from '../../../shared/domain/relationship';
import { CLIENT_TEST_QUESTIONS, MARKS } from '../../../shared/domain/standing';
import { PersonInputSchema } from '../../../shared/domain/person';
import { SeminarInputSchema } from '../../../shared/domain/seminar';
import { AppError } from '../../../shared/errors';
import type { SampleLoadResult } from '../../../shared/contract';
import type { CoreContext } from '../context';
import { getSetting, setSetting } from './settings';
import { insertPerson } from './people';
import { createSeminar, registerPeople, setSeminarClosed } from './seminars';
import { addAdvocacy, addLink, addNeed, addPurchase, answerClientTest, logInteraction, setMark } from './relationships';
import { localDay, refreshAllStandings } from './standing';
import { completeFollowUp, createFollowUp, snoozeFollowUp } from './followups';
import { FollowUpInputSchema } from '../../../shared/domain/followup';
import { GuestStateSchema, OccasionInputSchema } from '../../../shared/domain/hospitality';
import { createOccasion, getOccasion, inviteGuests, setGuestState } from './hospitality';

import { stmt } from '../db/statements';
import { attachTicket } from './platform-tickets';

const SAMPLE_LOADED_KEY = 'sample.loadedAt';

export function sampleLoadedAt(ctx: CoreContext): string | null {
  return getSetting(ctx, SAMPLE_LOADED_KEY);
}

/** Adds the fictional sample book (resources/sample/) in one transaction, once per book. */
export function loadSampleData(ctx: CoreContext): SampleLoadResult {
  const profiles = new Map(sampleRelationships.map((r) => [r.person, r]));
  const people = samplePeople.map((p, i) => {
    const r = profiles.get(i);
    return PersonInputSchema.parse({ ...p, desiredResults: r?.desiredResults, theirWork: r?.theirWork, boundaries: r?.boundaries });
  });
  return ctx.db
    .transaction(() => {
      if (getSetting(ctx, SAMPLE_LOADED_KEY)) {
        throw new AppError('conflict', 'The sample data is already in this book.');
      }
      const at = ctx.now().toISOString();
      const ids = people.map((p) => insertPerson(ctx.db, p, at));
      const seminars = sampleSeminars.map((s) => addSampleSeminar(ctx, s, ids));
      for (const r of sampleRelationships) replayRelationship(ctx, r, ids);
      for (const o of sampleOccasions) addSampleOccasion(ctx, o, ids);
      for (const d of sampleDates) addSampleDate(ctx, d, ids);
      refreshAllStandings(ctx.db, localDay(ctx.now()), ctx.now().toISOString());
      setSetting(ctx, SAMPLE_LOADED_KEY, at);
      return { people: people.length, seminars: seminars.length };
    })
    .immediate();
}

interface SampleEventbrite {
  firstOrder: number;
  firstAttendee: number;
  ticketTypes: string[];
  question: string;
  answers: string[];
}
type SampleSeminar = (typeof sampleSeminars)[number] & { date?: string; daysFromLoad?: number; eventbrite?: SampleEventbrite };

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * A sample seminar with a deterministic slice of the sample people registered: every n-th on the
 * live stream, the first `checkedIn` of them checked in (some as walk-ins), then closed if past.
 */
function addSampleSeminar(ctx: CoreContext, sample: SampleSeminar, personIds: number[]): number {
  const date = sample.date ?? isoDay(new Date(ctx.now().getTime() + (sample.daysFromLoad ?? 30) * 86_400_000));
  const seminar = createSeminar(ctx, SeminarInputSchema.parse({ ...sample, date }));
  const chosen = personIds.filter((_, i) => i % 2 === (sample.closed ? 0 : 1)).slice(0, sample.registrations);
  const stream = chosen.filter((_, i) => sample.streamEvery > 0 && i % sample.streamEvery === sample.streamEvery - 1);
  registerPeople(ctx, seminar.id, chosen.filter((id) => !stream.includes(id)), 'in_person');
  if (stream.length) registerPeople(ctx, seminar.id, stream, 'stream');
  const start = new Date(seminar.startsAt).getTime();
  chosen.slice(0, sample.checkedIn).forEach((personId, i) => {
    const arrived = new Date(start - 20 * 60_000 + i * 25_000).toISOString();
    const source = i >= sample.checkedIn - sample.walkIns ? 'walk_in' : 'ahead';
    stmt(
      ctx.db,
      "UPDATE registrations SET state = 'checked_in', checked_in_at = ?, source = ?, updated_at = ? WHERE seminar_id = ? AND person_id = ?",
    ).run(arrived, source, arrived, seminar.id, personId);
  });
  if (sample.eventbrite) addSampleTickets(ctx, seminar.id, sample.eventbrite);
  if (sample.closed) setSeminarClosed(ctx, seminar.id, true);
  return seminar.id;
}

/** A seminar sold on Eventbrite: each registration gets its order, attendee and barcode numbers, ticket type and an answer. */
function addSampleTickets(ctx: CoreContext, seminarId: number, eb: SampleEventbrite): void {
  const ids = stmt<[number], { id: number }>(ctx.db, 'SELECT id FROM registrations WHERE seminar_id = ? ORDER BY id').all(seminarId);
  ids.forEach(({ id }, i) => {
    const order = String(eb.firstOrder + i * 53);
    const attendee = String(eb.firstAttendee + i * 117);
    const answer = eb.answers[i % eb.answers.length] ?? '';
    attachTicket(
      ctx.db,
      id,
      {
        platform: 'eventbrite',
        ticketType: eb.ticketTypes[i % eb.ticketTypes.length] ?? '',
        codes: [
          { kind: 'attendee', code: attendee },
          { kind: 'order', code: order },
          { kind: 'barcode', code: `${order}${attendee}001` },
        ],
        answers: answer ? [{ question: eb.question, answer }] : [],
      },
      null,
    );
  });
}

type SampleRelationship = (typeof sampleRelationships)[number];

/** A birthday, anniversary or life event falling `inDays` after the day the sample is loaded. */
function addSampleDate(ctx: CoreContext, d: (typeof sampleDates)[number], ids: number[]): void {
  const on = new Date(ctx.now().getTime() + d.inDays * 86_400_000);
  const [year, month, day] = localDay(on).split('-').map(Number) as [number, number, number];
  const yearly = 'yearly' in d ? d.yearly : true;
  const input = ImportantDateInputSchema.parse({ ...d, month, day: month === 2 && day === 29 ? 28 : day, year: yearly ? d.year : year, yearly });
  insertDate(ctx, ids[d.person] as number, input);
}

/**
 * Records one sample relationship through the real services, oldest event first, each on its own
 * day: the stage history then shows when each person moved, as it would have been recorded.
 */
function replayRelationship(ctx: CoreContext, r: SampleRelationship, ids: number[]): void {
  const personId = ids[r.person] as number;
  const idOf = (index: number) => ids[index] as number;
  const events: { daysAgo: number; apply: (at: CoreContext, on: string) => unknown }[] = [];
  for (const p of r.purchases ?? []) {
    events.push({ daysAgo: p.daysAgo, apply: (at, on) => addPurchase(at, PurchaseInputSchema.parse({ personId, what: p.what, on, amount: p.amount })) });
  }
  for (const t of r.tests ?? []) {
    const answers = Object.fromEntries(CLIENT_TEST_QUESTIONS.map((q, i) => [q.key, { yes: t.answers[i], evidence: t.evidence[i] }]));
    events.push({ daysAgo: t.daysAgo, apply: (at, on) => answerClientTest(at, ClientTestInputSchema.parse({ personId, on, answers })) });
  }
  for (const i of r.interactions ?? []) {
    events.push({ daysAgo: i.daysAgo, apply: (at, on) => logInteraction(at, InteractionInputSchema.parse({ personId, kind: i.kind, on, note: i.note })) });
  }
  for (const a of r.advocacy ?? []) {
    const referredId = a.referred === null ? null : idOf(a.referred);
    events.push({ daysAgo: a.daysAgo, apply: (at, on) => addAdvocacy(at, AdvocacyInputSchema.parse({ personId, kind: a.kind, on, note: a.note, referredId })) });
  }
  events.sort((a, b) => b.daysAgo - a.daysAgo);
  const now = ctx.now().getTime();
  for (const e of events) {
    const then = new Date(now - e.daysAgo * 86_400_000);
    e.apply({ ...ctx, now: () => then }, localDay(then));
  }
  for (const n of r.needs ?? []) addNeed(ctx, personId, NeedInputSchema.parse(n));
  for (const f of r.followUps ?? []) replayFollowUp(ctx, personId, f);
  for (const l of r.links ?? []) addLink(ctx, LinkInputSchema.parse({ personId, otherId: idOf(l.other), kind: l.kind }));
  const marks = (r.marks ?? {}) as Partial<Record<(typeof MARKS)[number], boolean>>;
  for (const mark of MARKS) if (marks[mark]) setMark(ctx, [personId], mark, true);
}

/** A sample follow-up, promised on its day and then done or snoozed as the sample says. */
function replayFollowUp(ctx: CoreContext, personId: number, f: NonNullable<SampleRelationship['followUps']>[number]): void {
  const now = ctx.now().getTime();
  const at = (days: number) => new Date(now + days * 86_400_000);
  const promised = at(-f.createdDaysAgo);
  const dueOn = f.dueIn === null ? null : localDay(at(f.dueIn));
  const created = createFollowUp({ ...ctx, now: () => promised }, FollowUpInputSchema.parse({ personId, what: f.what, kind: f.kind, dueOn }));
  if (f.state === 'done') {
    const doneOn = at(Math.min(0, f.dueIn ?? 0));
    completeFollowUp({ ...ctx, now: () => doneOn }, created.id, true, '');
  }
  if (f.state === 'snoozed') snoozeFollowUp(ctx, created.id, localDay(at(('snoozeDays' in f ? f.snoozeDays : undefined) ?? 7)));
}

/** A sample occasion at home, its day counted from the load day, with each guest's answer. */
function addSampleOccasion(ctx: CoreContext, o: (typeof sampleOccasions)[number], ids: number[]): void {
  const day = localDay(new Date(ctx.now().getTime() + o.daysFromLoad * 86_400_000));
  const occasion = createOccasion(ctx, OccasionInputSchema.parse({ ...o, day }));
  inviteGuests(ctx, occasion.id, o.guests.map((g) => ids[g.person] as number), false);
  const guests = getOccasion(ctx, occasion.id).guests;
  for (const g of o.guests) {
    const guest = guests.find((x) => x.person.id === ids[g.person]);
    if (guest && g.state !== 'invited') setGuestState(ctx, guest.id, GuestStateSchema.parse(g.state));
  }
}
