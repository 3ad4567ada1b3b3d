import {
  AFTER_THE_FACT,
  GUEST_STATES,
  HOSPITALITY_DEFAULTS,
  guestPairings,
  hostedLongAgoBefore,
  occasionName,
  seatsTaken,
  type BestClient,
  type Guest,
  type GuestPairing,
  type GuestState,
  type HospitalitySettings,
  type HospitalitySuggestions,
  type IntimacyMeasure,
  type Occasion,
  type OccasionInput,
  type OccasionKind,
  type OccasionSummary,
  type PersonHospitality,
} from '../../../shared/domain/hospitality';
import { AppError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { expectVersion, versionOf } from './versions';
import { stmt } from '../db/statements';
import { fieldError, personRef, refOf, type NameRow } from './person-records';
import { householdOf } from './relationships';
import { readSetting, setSetting } from './settings';
import { ensureStandingsFresh, refreshStanding, today } from './standing';

interface OccasionRow {
  id: number;
  kind: OccasionKind;
  title: string;
  day: string;
  time: string;
  seats: number;
  notes: string;
}

const COUNTS = GUEST_STATES.map((s) => `count(g.id) FILTER (WHERE g.state = '${s}') AS ${s}`).join(', ');

function toSummary(r: OccasionRow & Record<GuestState, number>): OccasionSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    day: r.day,
    time: r.time,
    seats: r.seats,
    notes: r.notes,
    name: occasionName(r),
    counts: Object.fromEntries(GUEST_STATES.map((s) => [s, r[s]])) as Record<GuestState, number>,
  };
}

const SUMMARY_SQL = `SELECT o.id, o.kind, o.title, o.day, o.time, o.seats, o.notes, ${COUNTS}
  FROM occasions o LEFT JOIN occasion_guests g ON g.occasion_id = o.id`;

export function listOccasions(ctx: CoreContext, when: 'upcoming' | 'past'): OccasionSummary[] {
  const sql =
    when === 'upcoming'
      ? `${SUMMARY_SQL} WHERE o.day >= @today GROUP BY o.id ORDER BY o.day, o.time, o.id`
      : `${SUMMARY_SQL} WHERE o.day < @today GROUP BY o.id ORDER BY o.day DESC, o.time DESC, o.id DESC`;
  return (stmt(ctx.db, sql).all({ today: today(ctx) }) as (OccasionRow & Record<GuestState, number>)[]).map(toSummary);
}

export function getOccasion(ctx: CoreContext, id: number): Occasion {
  const row = stmt(ctx.db, `${SUMMARY_SQL} WHERE o.id = ? GROUP BY o.id`).get(id) as (OccasionRow & Record<GuestState, number>) | undefined;
  if (!row) throw notFound('This occasion');
  const summary = toSummary(row);
  const guestRows = stmt<[number], NameRow & { guest_id: number; state: GuestState; changed_at: string }>(
    ctx.db,
    `SELECT g.id AS guest_id, g.state, g.changed_at, p.id, p.given_name, p.family_name, p.display_name
     FROM occasion_guests g JOIN people p ON p.id = g.person_id WHERE g.occasion_id = ? ORDER BY p.sort_key, p.id`,
  ).all(id);
  const changes = stmt<[number], { guest_id: number; state: GuestState; changed_at: string }>(
    ctx.db,
    'SELECT c.guest_id, c.state, c.changed_at FROM occasion_guest_changes c JOIN occasion_guests g ON g.id = c.guest_id WHERE g.occasion_id = ? ORDER BY c.id',
  ).all(id);
  const guests: Guest[] = guestRows.map((g) => ({
    id: g.guest_id,
    person: refOf(g),
    state: g.state,
    changedAt: g.changed_at,
    history: changes.filter((c) => c.guest_id === g.guest_id).map((c) => ({ state: c.state, at: c.changed_at })),
  }));
  const taken = seatsTaken(summary.counts);
  return { ...summary, version: versionOf(ctx.db, 'occasions', id, 'This occasion'), guests, overSeats: summary.seats > 0 ? Math.max(0, taken - summary.seats) : 0, past: summary.day < today(ctx) };
}

export function createOccasion(ctx: CoreContext, o: OccasionInput): Occasion {
  const at = ctx.now().toISOString();
  const id = ctx.db
    .transaction(() =>
      Number(
        stmt(ctx.db, 'INSERT INTO occasions (kind, title, day, time, seats, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
          o.kind,
          o.title,
          o.day,
          o.time,
          o.seats,
          o.notes,
          at,
          at,
        ).lastInsertRowid,
      ),
    )
    .immediate();
  return getOccasion(ctx, id);
}

function attendees(ctx: CoreContext, occasionId: number): { id: number; person_id: number; interaction_id: number | null }[] {
  return stmt<[number], { id: number; person_id: number; interaction_id: number | null }>(
    ctx.db,
    "SELECT id, person_id, interaction_id FROM occasion_guests WHERE occasion_id = ? AND state = 'attended'",
  ).all(occasionId);
}

export function updateOccasion(ctx: CoreContext, id: number, version: number, o: OccasionInput): Occasion {
  ctx.db
    .transaction(() => {
      expectVersion(ctx.db, 'occasions', id, version, 'This occasion');
      const before = getOccasion(ctx, id);
      if (o.day > today(ctx) && before.counts.attended + before.counts.absent > 0) {
        throw fieldError('day', 'Guests are already marked as having come or not: the day cannot move into the future.');
      }
      stmt(ctx.db, 'UPDATE occasions SET kind = ?, title = ?, day = ?, time = ?, seats = ?, notes = ?, updated_at = ? WHERE id = ?').run(
        o.kind,
        o.title,
        o.day,
        o.time,
        o.seats,
        o.notes,
        ctx.now().toISOString(),
        id,
      );
      // The home visits move with the occasion.
      for (const g of attendees(ctx, id)) {
        if (g.interaction_id !== null) stmt(ctx.db, 'UPDATE interactions SET occurred_on = ?, note = ? WHERE id = ?').run(o.day, occasionName(o), g.interaction_id);
        refreshStanding(ctx, g.person_id);
      }
    })
    .immediate();
  return getOccasion(ctx, id);
}

export function deleteOccasion(ctx: CoreContext, id: number): { id: number } {
  ctx.db
    .transaction(() => {
      getOccasion(ctx, id);
      const came = attendees(ctx, id);
      for (const g of came) if (g.interaction_id !== null) stmt(ctx.db, 'DELETE FROM interactions WHERE id = ?').run(g.interaction_id);
      stmt(ctx.db, 'DELETE FROM occasions WHERE id = ?').run(id);
      for (const g of came) refreshStanding(ctx, g.person_id);
    })
    .immediate();
  return { id };
}

/** Invites people (and, if asked, each one's partner and family) in one step. */
export function inviteGuests(ctx: CoreContext, occasionId: number, personIds: number[], withHousehold: boolean): { added: number; alreadyInvited: number } {
  return ctx.db
    .transaction(() => {
      getOccasion(ctx, occasionId);
      const everyone = new Set<number>();
      for (const id of personIds) {
        personRef(ctx, id);
        everyone.add(id);
        if (withHousehold) for (const member of householdOf(ctx, id)) everyone.add(member.id);
      }
      const at = ctx.now().toISOString();
      let added = 0;
      for (const personId of everyone) {
        const result = stmt(
          ctx.db,
          "INSERT INTO occasion_guests (occasion_id, person_id, state, changed_at, created_at) VALUES (?, ?, 'invited', ?, ?) ON CONFLICT DO NOTHING RETURNING id",
        ).get(occasionId, personId, at, at) as { id: number } | undefined;
        if (!result) continue;
        stmt(ctx.db, "INSERT INTO occasion_guest_changes (guest_id, state, changed_at) VALUES (?, 'invited', ?)").run(result.id, at);
        added++;
      }
      return { added, alreadyInvited: everyone.size - added };
    })
    .immediate();
}

interface GuestRow {
  id: number;
  occasion_id: number;
  person_id: number;
  state: GuestState;
  interaction_id: number | null;
}

function guestRow(ctx: CoreContext, guestId: number): GuestRow {
  const row = stmt<[number], GuestRow>(ctx.db, 'SELECT id, occasion_id, person_id, state, interaction_id FROM occasion_guests WHERE id = ?').get(guestId);
  if (!row) throw notFound('This guest');
  return row;
}

/** Takes back the home visit an attendance made. */
function forgetVisit(ctx: CoreContext, g: GuestRow): void {
  if (g.interaction_id !== null) stmt(ctx.db, 'DELETE FROM interactions WHERE id = ?').run(g.interaction_id);
}

/**
 * Moves a guest along (invited → accepted / declined → attended / did not come), dated. Attending
 * adds a home visit to their timeline on the occasion's day, which feeds the rapport score.
 */
export function setGuestState(ctx: CoreContext, guestId: number, state: GuestState): Occasion {
  const occasionId = ctx.db
    .transaction(() => {
      const g = guestRow(ctx, guestId);
      if (g.state === state) return g.occasion_id;
      const occasion = stmt<[number], OccasionRow>(ctx.db, 'SELECT * FROM occasions WHERE id = ?').get(g.occasion_id) as OccasionRow;
      if (AFTER_THE_FACT.includes(state) && occasion.day > today(ctx)) throw fieldError('state', 'It has not happened yet: mark who came on the day or after.');
      const at = ctx.now().toISOString();
      let interactionId: number | null = null;
      if (g.state === 'attended') forgetVisit(ctx, g);
      if (state === 'attended') {
        interactionId = Number(
          stmt(ctx.db, "INSERT INTO interactions (person_id, kind, occurred_on, note, created_at, updated_at) VALUES (?, 'home_visit', ?, ?, ?, ?)").run(
            g.person_id,
            occasion.day,
            occasionName(occasion),
            at,
            at,
          ).lastInsertRowid,
        );
      }
      stmt(ctx.db, 'UPDATE occasion_guests SET state = ?, changed_at = ?, interaction_id = ? WHERE id = ?').run(state, at, interactionId, guestId);
      stmt(ctx.db, 'INSERT INTO occasion_guest_changes (guest_id, state, changed_at) VALUES (?, ?, ?)').run(guestId, state, at);
      refreshStanding(ctx, g.person_id);
      return g.occasion_id;
    })
    .immediate();
  return getOccasion(ctx, occasionId);
}

export function removeGuest(ctx: CoreContext, guestId: number): Occasion {
  const occasionId = ctx.db
    .transaction(() => {
      const g = guestRow(ctx, guestId);
      if (g.state === 'attended') forgetVisit(ctx, g);
      stmt(ctx.db, 'DELETE FROM occasion_guests WHERE id = ?').run(guestId);
      refreshStanding(ctx, g.person_id);
      return g.occasion_id;
    })
    .immediate();
  return getOccasion(ctx, occasionId);
}

// What it measures ----------------------------------------------------------------------------

const HOSTED_SQL = {
  times: "(SELECT count(*) FROM occasion_guests g WHERE g.person_id = p.id AND g.state = 'attended')",
  last: "(SELECT max(o.day) FROM occasion_guests g JOIN occasions o ON o.id = g.occasion_id WHERE g.person_id = p.id AND g.state = 'attended')",
  declined: "(SELECT count(*) FROM occasion_guests g WHERE g.person_id = p.id AND g.state = 'declined')",
  upcoming:
    "EXISTS (SELECT 1 FROM occasion_guests g JOIN occasions o ON o.id = g.occasion_id WHERE g.person_id = p.id AND o.day >= @today AND g.state IN ('invited', 'accepted'))",
};

export function personHospitality(ctx: CoreContext, personId: number): PersonHospitality {
  personRef(ctx, personId);
  const occasions = stmt<[number], OccasionRow & { state: GuestState }>(
    ctx.db,
    'SELECT o.*, g.state FROM occasion_guests g JOIN occasions o ON o.id = g.occasion_id WHERE g.person_id = ? ORDER BY o.day DESC, o.id DESC',
  ).all(personId);
  const attended = occasions.filter((o) => o.state === 'attended');
  return {
    hasBeenInMyHome: attended.length > 0,
    timesHosted: attended.length,
    lastHosted: attended[0]?.day ?? null,
    invitationsDeclined: occasions.filter((o) => o.state === 'declined').length,
    occasions: occasions.map((o) => ({ id: o.id, name: occasionName(o), day: o.day, state: o.state })),
  };
}

const SETTINGS_KEY = 'hospitality';

export function hospitalitySettings(ctx: CoreContext): HospitalitySettings {
  return readSetting<HospitalitySettings>(ctx, SETTINGS_KEY) ?? HOSPITALITY_DEFAULTS;
}

export function updateHospitalitySettings(ctx: CoreContext, value: HospitalitySettings): HospitalitySettings {
  ctx.db.transaction(() => setSetting(ctx, SETTINGS_KEY, JSON.stringify(value))).immediate();
  return hospitalitySettings(ctx);
}

type ClientRow = NameRow & { score: number; times: number; last: string | null; declined: number; upcoming: number };

function clientRows(ctx: CoreContext, where: string, limit: number): ClientRow[] {
  return stmt(
    ctx.db,
    `SELECT p.id, p.given_name, p.family_name, p.display_name, p.score,
       ${HOSTED_SQL.times} AS times, ${HOSTED_SQL.last} AS last, ${HOSTED_SQL.declined} AS declined, ${HOSTED_SQL.upcoming} AS upcoming
     FROM people p WHERE p.stage = 'client' ${where} ORDER BY p.score DESC, p.sort_key, p.id LIMIT @limit`,
  ).all({ today: today(ctx), limit }) as ClientRow[];
}

const toBest = (r: ClientRow): BestClient => ({
  ...refOf(r),
  score: r.score,
  timesHosted: r.times,
  lastHosted: r.last,
  declined: r.declined,
  invitedUpcoming: r.upcoming === 1,
});

/** Among the best clients (the top N by rapport score), how many have been in the owner's home. */
export function intimacyMeasure(ctx: CoreContext): IntimacyMeasure {
  ensureStandingsFresh(ctx);
  const { topClients } = hospitalitySettings(ctx);
  const clients = clientRows(ctx, '', topClients).map(toBest);
  return { top: clients.length, topSetting: topClients, hosted: clients.filter((c) => c.timesHosted > 0).length, clients };
}

/** Best clients never hosted, and clients hosted before but not in the last twelve months. */
export function hospitalitySuggestions(ctx: CoreContext): HospitalitySuggestions {
  const measure = intimacyMeasure(ctx);
  const neverHosted = measure.clients
    .filter((c) => c.timesHosted === 0)
    .map((c) => ({
      person: { id: c.id, name: c.name },
      reason: `One of your top ${measure.top} clients (score ${c.score}), never in your home${c.invitedUpcoming ? '; invited to an upcoming occasion' : ''}${
        c.declined ? `; declined ${c.declined === 1 ? 'once' : `${c.declined} times`}` : ''
      }`,
    }));
  const cutoff = hostedLongAgoBefore(today(ctx));
  const notRecently = clientRows(ctx, `AND ${HOSTED_SQL.last} < '${cutoff}'`, 100)
    .map(toBest)
    .map((c) => ({ person: { id: c.id, name: c.name }, reason: `Client (score ${c.score}), last in your home on ${c.lastHosted}, over a year ago` }));
  return { neverHosted, notRecently };
}

/** For a planned occasion: guests (not declined) who would enjoy meeting each other, and why. */
export function occasionPairings(ctx: CoreContext, occasionId: number): GuestPairing[] {
  const occasion = getOccasion(ctx, occasionId);
  const guests = occasion.guests.filter((g) => g.state !== 'declined' && g.state !== 'absent');
  if (guests.length > 200) throw new AppError('conflict', 'Too many guests to suggest pairings for.');
  const profiles = guests.map((g) => {
    const p = stmt<[number], { role: string; organization: string; their_work: string }>(ctx.db, 'SELECT role, organization, their_work FROM people WHERE id = ?').get(
      g.person.id,
    );
    const tags = stmt<[number], { name: string }>(ctx.db, 'SELECT t.name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.person_id = ?')
      .all(g.person.id)
      .map((t) => t.name);
    const needs = stmt<[number], { what: string }>(ctx.db, "SELECT what FROM needs WHERE person_id = ? AND status <> 'met'")
      .all(g.person.id)
      .map((n) => n.what);
    return { id: g.person.id, name: g.person.name, tags, needs, offers: [p?.role, p?.organization, p?.their_work, ...tags].join(' ') };
  });
  return guestPairings(profiles);
}
