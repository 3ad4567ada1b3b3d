import { TZDate } from '@date-fns/tz';
import { createEvent, createEvents, type EventAttributes } from 'ics';
import type { z } from 'zod';
import {
  AGENDA_BUCKETS,
  FOLLOW_UP_KIND_LABELS,
  REVIEW_GROUPS,
  REVIEW_TEMPLATE_DEFAULTS,
  agendaBucket,
  isContactKind,
  type Agenda,
  type DueSummary,
  type FollowUp,
  type FollowUpInputSchema,
  type FollowUpKind,
  type FollowUpSource,
  type FollowUpState,
  type ReviewGroup,
  type ReviewGroupSummary,
  type ReviewTemplate,
} from '../../../shared/domain/followup';
import type { CompletedFollowUp, Interaction } from '../../../shared/domain/relationship';
import type { BoundaryChoice } from '../../../shared/domain/boundaries';
import { boundaryCrossings } from './boundaries';
import { dayMinus } from '../../../shared/domain/standing';
import { isoInstant, readDay } from '../../../shared/dates';
import { AppError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { contentText, foldContentLines } from '../export/content-lines';
import { stmt } from '../db/statements';
import { DUE_TO_RECONNECT_SQL, cadenceParams, keepInTouch } from './keep-in-touch';
import { fieldError, ownerOf, refOf, writeAbout, type NameRow } from './person-records';
import { readSetting, setSetting } from './settings';
import { ensureStandingsFresh, refreshStanding, today } from './standing';

type FollowUpInput = z.output<typeof FollowUpInputSchema>;

interface FollowUpRow extends NameRow {
  follow_up_id: number;
  what: string;
  kind: FollowUpKind;
  due_on: string | null;
  state: FollowUpState;
  snoozed_until: string | null;
  done_on: string | null;
  drop_reason: string;
  seminar_id: number | null;
  seminar_title: string | null;
  source: FollowUpSource;
  last_personal_on: string;
  created_at: string;
}

const SELECT = `SELECT f.id AS follow_up_id, p.id, p.given_name, p.family_name, p.display_name, f.what, f.kind, f.due_on, f.state,
    f.snoozed_until, f.done_on, f.drop_reason, f.seminar_id, s.title AS seminar_title, f.source, p.last_personal_on, f.created_at
  FROM follow_ups f JOIN people p ON p.id = f.person_id LEFT JOIN seminars s ON s.id = f.seminar_id`;

const OPEN = "f.state IN ('open', 'snoozed')";

function toFollowUp(r: FollowUpRow): FollowUp {
  return {
    id: r.follow_up_id,
    person: refOf(r),
    what: r.what,
    kind: r.kind,
    dueOn: r.due_on,
    state: r.state,
    snoozedUntil: r.snoozed_until,
    when: r.state === 'snoozed' ? r.snoozed_until : r.due_on,
    doneOn: r.done_on,
    dropReason: r.drop_reason,
    seminar: r.seminar_id === null ? null : { id: r.seminar_id, title: r.seminar_title ?? '' },
    source: r.source,
    lastPersonalOn: r.last_personal_on || null,
    createdAt: r.created_at,
  };
}

export function getFollowUp(ctx: CoreContext, id: number): FollowUp {
  const row = stmt<[number], FollowUpRow>(ctx.db, `${SELECT} WHERE f.id = ?`).get(id);
  if (!row) throw notFound('This follow-up');
  return toFollowUp(row);
}

function seminarMustExist(ctx: CoreContext, seminarId: number | null): void {
  if (seminarId !== null && !stmt(ctx.db, 'SELECT 1 FROM seminars WHERE id = ?').get(seminarId)) throw notFound('This seminar');
}

/** Inserts one follow-up; the caller owns the transaction and refreshes the person's standing. */
function insertFollowUp(ctx: CoreContext, f: Omit<FollowUpInput, 'personId'>, personId: number): number {
  const at = ctx.now().toISOString();
  return Number(
    stmt(
      ctx.db,
      "INSERT INTO follow_ups (person_id, what, kind, due_on, state, seminar_id, source, created_at, updated_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?)",
    ).run(personId, f.what, f.kind, f.dueOn, f.seminarId, f.source, at, at).lastInsertRowid,
  );
}

export function createFollowUp(ctx: CoreContext, input: FollowUpInput, confirmBoundaries = false): FollowUp {
  seminarMustExist(ctx, input.seminarId);
  const id = writeAbout(ctx, input.personId, () => {
    boundaryCrossings(ctx, [input.personId], { followUp: input.kind }, confirmBoundaries ? 'include' : 'ask');
    return insertFollowUp(ctx, input, input.personId);
  });
  return getFollowUp(ctx, id);
}

/** The same step for each of a selection of people (e.g. everyone due to reconnect), in one transaction. */
export function createFollowUps(
  ctx: CoreContext,
  personIds: number[],
  f: Omit<FollowUpInput, 'personId'>,
  boundaries: BoundaryChoice = 'ask',
): { created: number; leftOut: number } {
  seminarMustExist(ctx, f.seminarId);
  return ctx.db
    .transaction(() => {
      const crossing = boundaryCrossings(ctx, personIds, { followUp: f.kind }, boundaries);
      const known = stmt<[string], { id: number }>(ctx.db, 'SELECT id FROM people WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(personIds));
      const chosen = boundaries === 'skip' ? known.filter((k) => !crossing.has(k.id)) : known;
      for (const { id } of chosen) {
        insertFollowUp(ctx, f, id);
        refreshStanding(ctx, id);
      }
      return { created: chosen.length, leftOut: known.length - chosen.length };
    })
    .immediate();
}

/** Open and snoozed follow-ups, for one person or the whole book, in Overdue / Today / This week / Later. */
export function agenda(ctx: CoreContext, personId: number | null): Agenda {
  const rows = stmt(
    ctx.db,
    `${SELECT} WHERE ${OPEN} ${personId === null ? '' : 'AND f.person_id = @personId'}
     ORDER BY coalesce(f.snoozed_until, f.due_on) IS NULL, coalesce(f.snoozed_until, f.due_on), f.id`,
  ).all(personId === null ? {} : { personId }) as FollowUpRow[];
  const day = today(ctx);
  const result = Object.fromEntries(AGENDA_BUCKETS.map((b) => [b, [] as FollowUp[]])) as Agenda;
  for (const row of rows) {
    const f = toFollowUp(row);
    result[agendaBucket(f.when, day)].push(f);
  }
  return result;
}

/** A person's finished follow-ups (done or dropped), newest first. */
export function closedFollowUps(ctx: CoreContext, personId: number): FollowUp[] {
  return (
    stmt(ctx.db, `${SELECT} WHERE f.person_id = ? AND f.state IN ('done', 'dropped') ORDER BY f.updated_at DESC, f.id DESC LIMIT 50`).all(personId) as FollowUpRow[]
  ).map(toFollowUp);
}

/** Changes an open follow-up in one transaction, refreshing the person's standing (overdue ones cost points). */
function changeOpen(ctx: CoreContext, id: number, change: (f: FollowUp, at: string) => void): FollowUp {
  const personId = ownerOf(ctx, 'follow_ups', id, 'This follow-up');
  writeAbout(ctx, personId, () => {
    const f = getFollowUp(ctx, id);
    if (f.state !== 'open' && f.state !== 'snoozed') throw new AppError('conflict', `“${f.what}” is already ${f.state}.`);
    change(f, ctx.now().toISOString());
  });
  return getFollowUp(ctx, id);
}

/**
 * Marks a follow-up done today. For a contact kind (call, meeting…) the owner may log that touch
 * in the same step; it then counts for recency and resets the keep-in-touch cadence at once.
 */
export function completeFollowUp(ctx: CoreContext, id: number, log: boolean, note: string): { followUp: FollowUp; interaction: Interaction | null } {
  let interaction: Interaction | null = null;
  const followUp = changeOpen(ctx, id, (f, at) => {
    const day = today(ctx);
    let interactionId: number | null = null;
    if (log && isContactKind(f.kind)) {
      const text = note.trim() || f.what;
      interactionId = Number(
        stmt(ctx.db, 'INSERT INTO interactions (person_id, kind, occurred_on, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
          f.person.id,
          f.kind,
          day,
          text,
          at,
          at,
        ).lastInsertRowid,
      );
      interaction = { id: interactionId, kind: f.kind, on: day, note: text, version: 1 };
    }
    stmt(ctx.db, "UPDATE follow_ups SET state = 'done', done_on = ?, snoozed_until = NULL, interaction_id = ?, updated_at = ? WHERE id = ?").run(
      day,
      interactionId,
      at,
      id,
    );
  });
  return { followUp, interaction };
}

export function snoozeFollowUp(ctx: CoreContext, id: number, until: string): FollowUp {
  if (until <= today(ctx)) throw fieldError('until', 'Snooze until a day after today.');
  return changeOpen(ctx, id, (_, at) =>
    stmt(ctx.db, "UPDATE follow_ups SET state = 'snoozed', snoozed_until = ?, updated_at = ? WHERE id = ?").run(until, at, id),
  );
}

export function rescheduleFollowUp(ctx: CoreContext, id: number, dueOn: string | null): FollowUp {
  return changeOpen(ctx, id, (_, at) =>
    stmt(ctx.db, "UPDATE follow_ups SET state = 'open', due_on = ?, snoozed_until = NULL, updated_at = ? WHERE id = ?").run(dueOn, at, id),
  );
}

export function dropFollowUp(ctx: CoreContext, id: number, reason: string): FollowUp {
  return changeOpen(ctx, id, (_, at) =>
    stmt(ctx.db, "UPDATE follow_ups SET state = 'dropped', snoozed_until = NULL, drop_reason = ?, updated_at = ? WHERE id = ?").run(reason, at, id),
  );
}

/**
 * A touch just logged completes open follow-ups of the same kind for that person that are already
 * due (today or overdue) and were promised by its day — nobody is reminded to call someone they
 * called yesterday — but never a promise still ahead ("lunch next Tuesday" stays open). With
 * `chosen`, exactly the open follow-ups of theirs the owner ticked, whatever their kind or day.
 */
export function completeByTouch(ctx: CoreContext, personId: number, kind: string, on: string, interactionId: number, chosen: number[] | null = null): CompletedFollowUp[] {
  const at = ctx.now().toISOString();
  const which =
    chosen === null
      ? `kind = @kind AND coalesce(snoozed_until, due_on) <= @today AND date(created_at, 'localtime') <= @on`
      : 'id IN (SELECT value FROM json_each(@chosen))';
  const params = { personId, kind, on, today: today(ctx), chosen: JSON.stringify(chosen ?? []) };
  const found = stmt(
    ctx.db,
    `SELECT id, what, snoozed_until FROM follow_ups WHERE person_id = @personId AND state IN ('open', 'snoozed') AND ${which} ORDER BY coalesce(snoozed_until, due_on), id`,
  ).all(params) as { id: number; what: string; snoozed_until: string | null }[];
  const done = stmt(
    ctx.db,
    "UPDATE follow_ups SET state = 'done', done_on = ?, snoozed_until = NULL, interaction_id = ?, updated_at = ? WHERE id = ?",
  );
  for (const f of found) done.run(on, interactionId, at, f.id);
  return found.map((f) => ({ id: f.id, what: f.what, snoozedUntil: f.snoozed_until }));
}

/** Puts follow-ups a touch completed back as they were (the toast's Undo); ones changed since are left alone. */
export function reopenFollowUps(ctx: CoreContext, items: { id: number; snoozedUntil: string | null }[]): { reopened: number } {
  return ctx.db
    .transaction(() => {
      let reopened = 0;
      const people = new Set<number>();
      for (const item of items) {
        const row = stmt<[number], { person_id: number }>(ctx.db, "SELECT person_id FROM follow_ups WHERE id = ? AND state = 'done'").get(item.id);
        if (!row) continue;
        stmt(
          ctx.db,
          "UPDATE follow_ups SET state = CASE WHEN ? IS NULL THEN 'open' ELSE 'snoozed' END, snoozed_until = ?, done_on = NULL, interaction_id = NULL, updated_at = ? WHERE id = ?",
        ).run(item.snoozedUntil, item.snoozedUntil, ctx.now().toISOString(), item.id);
        people.add(row.person_id);
        reopened++;
      }
      for (const id of people) refreshStanding(ctx, id);
      return { reopened };
    })
    .immediate();
}

export function dueSummary(ctx: CoreContext): DueSummary {
  ensureStandingsFresh(ctx);
  const day = today(ctx);
  const counts = stmt(
    ctx.db,
    `SELECT count(*) FILTER (WHERE coalesce(snoozed_until, due_on) < @day) AS overdue,
            count(*) FILTER (WHERE coalesce(snoozed_until, due_on) = @day) AS today
     FROM follow_ups WHERE state IN ('open', 'snoozed')`,
  ).get({ day }) as { overdue: number; today: number };
  const reconnect = stmt(ctx.db, `SELECT count(*) AS n FROM people p WHERE ${DUE_TO_RECONNECT_SQL}`).get(cadenceParams(ctx, day)) as { n: number };
  return { ...counts, dueToReconnect: reconnect.n };
}

// Calendar -------------------------------------------------------------------------------------

/** A follow-up the calendar file leaves out, and why (the rest of the file is written all the same). */
export interface CalendarSkip {
  id: number;
  what: string;
  reason: string;
}

/** `20310120T143000Z`: the UTC form iCalendar takes, always with a four-digit year (ics writes years unpadded). */
const icsUtc = (iso: string) => `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;

function calendarEvent(f: FollowUp, hours: number, minutes: number, timeZone: string): EventAttributes | string {
  if (f.state !== 'open' && f.state !== 'snoozed') return 'It is done or dropped.';
  if (f.when === null) return 'It has no day yet. Give it a due date first.';
  const day = readDay(f.when);
  if (!day.ok) return `Its day “${f.when}” cannot go in a calendar: ${day.message} Give it another day.`;
  const instant = isoInstant(new TZDate(day.year, day.month - 1, day.day, hours, minutes, 0, timeZone).getTime());
  if (!instant) return `Its day “${f.when}” cannot go in a calendar. Give it another day.`;
  const from = f.seminar ? `From “${f.seminar.title}”. ` : '';
  return {
    uid: `follow-up-${f.id}@rapport`,
    // A string goes out as written: ics turns a number before 1970 into an error and a year under 1000 into three digits.
    start: icsUtc(instant),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: 30 },
    // ics escapes LF but writes a bare CR as it is; contentText leaves only LF.
    title: contentText(`${f.what} — ${f.person.name}`),
    description: contentText(`${FOLLOW_UP_KIND_LABELS[f.kind]} with ${f.person.name}. ${from}Kept in Rapport.`),
    calName: 'Rapport follow-ups',
    productId: 'rapport/follow-ups',
  };
}

/**
 * Open follow-ups with a day (all of them, or those chosen) as an iCalendar file: each a
 * half-hour entry at the reminder time of its day in the owner's time zone, written as UTC.
 * One that cannot be written (no day, closed, a day no calendar takes) is left out and named in
 * `skipped` with the reason; it never costs the others their place in the file.
 */
export function followUpsCalendar(ctx: CoreContext, ids: number[] | null): { filename: string; content: string; count: number; skipped: CalendarSkip[] } {
  const { reminderTime, timeZone } = keepInTouch(ctx);
  const [hours, minutes] = reminderTime.split(':').map(Number) as [number, number];
  const rows = (
    ids === null
      ? stmt(ctx.db, `${SELECT} WHERE ${OPEN} AND coalesce(f.snoozed_until, f.due_on) IS NOT NULL ORDER BY coalesce(f.snoozed_until, f.due_on), f.id`).all()
      : stmt(ctx.db, `${SELECT} WHERE f.id IN (SELECT value FROM json_each(?)) ORDER BY f.id`).all(JSON.stringify(ids))
  ) as FollowUpRow[];
  const skipped: CalendarSkip[] = [];
  const written: { f: FollowUp; event: EventAttributes }[] = [];
  for (const f of rows.map(toFollowUp)) {
    const event = calendarEvent(f, hours, minutes, timeZone);
    if (typeof event === 'string') skipped.push({ id: f.id, what: f.what, reason: event });
    else written.push({ f, event });
  }
  let { error, value } = createEvents(written.map((w) => w.event));
  if (error) {
    // The library refused the batch: find the entries it refuses on their own and leave only those out.
    const kept = written.filter((w) => {
      const one = createEvent(w.event);
      if (one.error) skipped.push({ id: w.f.id, what: w.f.what, reason: `It cannot be written as a calendar entry (${one.error.message}).` });
      return !one.error;
    });
    written.splice(0, written.length, ...kept);
    ({ error, value } = createEvents(written.map((w) => w.event)));
    if (error) throw error;
  }
  if (written.length === 0) {
    const why = skipped.length === 1 ? ` “${skipped[0]?.what}”: ${skipped[0]?.reason}` : '';
    throw new AppError('conflict', `No open follow-up with a day to put in a calendar.${why}`);
  }
  if (!value) throw new Error('The calendar file could not be written.');
  const filename = written.length === 1 ? `follow-up-${written[0]?.f.id}.ics` : 'rapport-follow-ups.ics';
  return { filename, content: foldContentLines(value), count: written.length, skipped };
}

// The post-seminar review ----------------------------------------------------------------------

const TEMPLATES_KEY = 'review.templates';

function reviewTemplates(ctx: CoreContext): Record<ReviewGroup, ReviewTemplate> {
  const saved = readSetting<Partial<Record<ReviewGroup, ReviewTemplate>>>(ctx, TEMPLATES_KEY) ?? {};
  return Object.fromEntries(REVIEW_GROUPS.map((g) => [g, saved[g] ?? REVIEW_TEMPLATE_DEFAULTS[g]])) as Record<ReviewGroup, ReviewTemplate>;
}

const GROUP_WHERE: Record<ReviewGroup, string> = {
  in_person: "r.state = 'checked_in' AND r.mode = 'in_person' AND r.source <> 'walk_in'",
  stream: "r.state = 'checked_in' AND r.mode = 'stream' AND r.source <> 'walk_in'",
  walk_in: "r.state = 'checked_in' AND r.source = 'walk_in'",
  no_show: "r.state = 'no_show'",
};

function closedSeminar(ctx: CoreContext, seminarId: number): { title: string } {
  const seminar = stmt<[number], { title: string; closed_at: string | null }>(ctx.db, 'SELECT title, closed_at FROM seminars WHERE id = ?').get(seminarId);
  if (!seminar) throw notFound('This seminar');
  if (seminar.closed_at === null) throw new AppError('conflict', 'Close the seminar first: only then is it known who did not come.');
  return seminar;
}

function groupPeople(ctx: CoreContext, seminarId: number, group: ReviewGroup): (NameRow & { followed_up: number })[] {
  return stmt(
    ctx.db,
    `SELECT p.id, p.given_name, p.family_name, p.display_name,
       EXISTS (SELECT 1 FROM follow_ups f WHERE f.person_id = p.id AND f.seminar_id = @seminarId AND f.source = 'review') AS followed_up
     FROM registrations r JOIN people p ON p.id = r.person_id
     WHERE r.seminar_id = @seminarId AND ${GROUP_WHERE[group]} ORDER BY p.sort_key, p.id`,
  ).all({ seminarId }) as (NameRow & { followed_up: number })[];
}

/** Attendees of a closed seminar grouped by how they took part, with each group's follow-up template. */
export function seminarReview(ctx: CoreContext, seminarId: number): ReviewGroupSummary[] {
  closedSeminar(ctx, seminarId);
  const templates = reviewTemplates(ctx);
  return REVIEW_GROUPS.map((group) => {
    const people = groupPeople(ctx, seminarId, group);
    return {
      group,
      people: people.map((p) => ({ ...refOf(p), followedUp: p.followed_up === 1 })),
      template: templates[group],
      followedUp: people.filter((p) => p.followed_up === 1).length,
    };
  });
}

/**
 * One follow-up per person of a group, linked to the seminar, in one transaction; people already
 * followed up from this review are skipped, and so are those the owner left out (`excluded`:
 * person ids; ids not in the group change nothing). The wording used becomes the group's template.
 */
export function createReviewFollowUps(
  ctx: CoreContext,
  seminarId: number,
  group: ReviewGroup,
  template: ReviewTemplate,
  excluded: readonly number[] = [],
  boundaries: BoundaryChoice = 'ask',
): { created: number; skipped: number; excluded: number; leftOut: number } {
  const leftOut = new Set(excluded);
  const seminar = closedSeminar(ctx, seminarId);
  return ctx.db
    .transaction(() => {
      setSetting(ctx, TEMPLATES_KEY, JSON.stringify({ ...reviewTemplates(ctx), [group]: template }));
      const dueOn = dayMinus(today(ctx), -template.dueInDays);
      const what = template.what.replaceAll('{seminar}', seminar.title);
      let created = 0;
      let skipped = 0;
      let excludedCount = 0;
      const people = groupPeople(ctx, seminarId, group);
      const crossing = boundaryCrossings(
        ctx,
        people.filter((p) => !leftOut.has(p.id) && p.followed_up !== 1).map((p) => p.id),
        { followUp: template.kind },
        boundaries,
      );
      let leftOutByBoundary = 0;
      for (const person of people) {
        if (leftOut.has(person.id)) {
          excludedCount++;
          continue;
        }
        if (person.followed_up === 1) {
          skipped++;
          continue;
        }
        if (boundaries === 'skip' && crossing.has(person.id)) {
          leftOutByBoundary++;
          continue;
        }
        insertFollowUp(ctx, { what, kind: template.kind, dueOn, seminarId, source: 'review' }, person.id);
        refreshStanding(ctx, person.id);
        created++;
      }
      return { created, skipped, excluded: excludedCount, leftOut: leftOutByBoundary };
    })
    .immediate();
}
