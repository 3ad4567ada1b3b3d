import type Database from 'better-sqlite3';
import { isDoorMethod, type DoorCaller, type DoorMethod } from '../../../shared/access';
import type { MethodName, OutputOf, ParsedInputOf, PersonMatch } from '../../../shared/contract';
import type { FollowUp } from '../../../shared/domain/followup';
import { PersonInputSchema, type PersonData } from '../../../shared/domain/person';
import type { CheckInRow } from '../../../shared/domain/registrant-match';
import type { RosterEntry } from '../../../shared/domain/door';
import type { Registration } from '../../../shared/domain/seminar';
import type { BookEvent } from '../../../shared/events';
import { AppError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { checkInMadeBy } from '../services/door-devices';

/**
 * The door role's view of each method it may call (DESIGN.md, "Who may call what"): the one place
 * where a door device is held to its seminar. Each view checks the input against the device's
 * scope before anything runs — a seminar must be its own, a registration or a person must belong
 * to it — then runs the owner's handler, and narrows the answer to what the door needs. Dispatch
 * sends every door call through here; a method on the door's list without a view does not compile.
 */

type Run<M extends DoorMethod> = (input: ParsedInputOf<M>) => OutputOf<M>;
type View<M extends DoorMethod> = (ctx: CoreContext, door: DoorCaller, input: ParsedInputOf<M>, run: Run<M>) => OutputOf<M>;

function forbidden(message: string): AppError {
  return new AppError('forbidden', message);
}

function ownSeminar(door: DoorCaller, seminarId: number | null): void {
  if (seminarId !== door.seminarId) throw forbidden('This device checks people in at the seminar it was paired for, and no other.');
}

/** A registration of another seminar is answered as if it did not exist: a device learns nothing of it. */
function ownRegistration(ctx: CoreContext, door: DoorCaller, registrationId: number): { state: string } {
  const r = stmt<[number], { seminar_id: number; state: string }>(ctx.db, 'SELECT seminar_id, state FROM registrations WHERE id = ?').get(registrationId);
  if (!r || r.seminar_id !== door.seminarId) throw notFound('This registration');
  return r;
}

function registeredHere(ctx: CoreContext, door: DoorCaller, personId: number): boolean {
  return stmt(ctx.db, 'SELECT 1 FROM registrations WHERE seminar_id = ? AND person_id = ?').get(door.seminarId, personId) !== undefined;
}

/** A registration as the door sees it: everything of this seminar's registration but a platform's form answers. */
function doorRegistration<R extends Registration>(r: R): R {
  return { ...r, ticket: r.ticket && { ...r.ticket, answers: [] } };
}

const doorRow = (r: CheckInRow): CheckInRow => doorRegistration(r);

/**
 * A registrant as a door device keeps them (its roster, the live events): the one email the
 * check-in list shows, never the person's others, and no form answers. A search on the device by
 * a second email finds no one offline; online the hub's search still does.
 */
export function doorEntry(entry: RosterEntry): RosterEntry {
  return { ...doorRegistration(entry), emails: entry.primaryEmail ? [entry.primaryEmail] : [] };
}

/**
 * What a door device hears of the hub's live events: its own seminar's, with its registrants as it
 * keeps them; "the book changed" (which says nothing but that); nothing of any other seminar.
 */
export function doorEvent(door: DoorCaller, event: BookEvent): BookEvent | null {
  if (event.type === 'book') return event;
  if (event.seminarId !== door.seminarId) return null;
  return { ...event, entries: event.entries.map(doorEntry) };
}

// The people the walk-in guard showed a device: the only people already in the book it may add as a walk-in.
const OFFER_TTL_MS = 30 * 60_000;
const OFFERS_KEPT = 500;
const offers = new WeakMap<Database.Database, Map<number, Map<number, number>>>();

function offer(ctx: CoreContext, door: DoorCaller, personIds: number[]): void {
  let byDevice = offers.get(ctx.db);
  if (!byDevice) offers.set(ctx.db, (byDevice = new Map()));
  let offered = byDevice.get(door.deviceId);
  if (!offered) byDevice.set(door.deviceId, (offered = new Map()));
  const until = ctx.now().getTime() + OFFER_TTL_MS;
  for (const id of personIds) {
    offered.delete(id);
    offered.set(id, until);
  }
  for (const id of offered.keys()) {
    if (offered.size <= OFFERS_KEPT) break;
    offered.delete(id);
  }
}

const wasOffered = (ctx: CoreContext, door: DoorCaller, personId: number) => (offers.get(ctx.db)?.get(door.deviceId)?.get(personId) ?? 0) > ctx.now().getTime();

/** What a door records about a new walk-in; the rest of a person (notes, needs, tags…) is the owner's to write. */
const WALK_IN_FIELDS = new Set<keyof PersonData>(['givenName', 'familyName', 'displayName', 'organization', 'role', 'emails', 'phones', 'introduceAs']);
const BLANK_PERSON = PersonInputSchema.parse({ givenName: '-' });

function onlyWalkInFields(person: PersonData): void {
  for (const key of Object.keys(person) as (keyof PersonData)[]) {
    if (!WALK_IN_FIELDS.has(key) && JSON.stringify(person[key]) !== JSON.stringify(BLANK_PERSON[key])) {
      throw new AppError('forbidden', 'A door device records a walk-in’s name, organization, role, email, phone and how to introduce them; the rest is kept on the hub.', {
        [`person.${key}`]: 'Not from a door device.',
      });
    }
  }
}

/** "Is this the person?": a name, an organization and why — the email only when it is the one typed. */
function doorMatch(m: PersonMatch, typedEmail: string): PersonMatch {
  return { id: m.id, name: m.name, organization: m.organization, primaryEmail: m.reason === 'email' ? typedEmail : '', reason: m.reason, why: m.why };
}

/** A follow-up taken at the door: what was promised to whom, not the person's history. */
function doorFollowUp(f: FollowUp): FollowUp {
  return { ...f, lastPersonalOn: null };
}

const VIEWS: { [M in DoorMethod]: View<M> } = {
  'checkin.find': (_ctx, door, input, run) => {
    ownSeminar(door, input.seminarId);
    const found = run(input);
    // A platform's form answers are the owner's: the door finds no one by them (nor learns what they say).
    const rows = found.rows.filter((r) => r.match.tier !== 'answer');
    return { ...found, rows: rows.map(doorRow), suggestions: found.suggestions.map(doorRow), identified: rows.some((r) => r.id === found.identified) ? found.identified : null };
  },
  // Who checked in is the device the hub paired (checkin.ts records it from the caller), whatever the request calls itself.
  'checkin.checkIn': (ctx, door, input, run) => {
    ownRegistration(ctx, door, input.registrationId);
    return doorRegistration(run(input));
  },
  'checkin.byTicket': (_ctx, door, input, run) => {
    ownSeminar(door, input.seminarId);
    return doorRegistration(run(input));
  },
  'checkin.undo': (ctx, door, input, run) => {
    const r = ownRegistration(ctx, door, input.registrationId);
    // Not checked in at all: the owner's handler says so in its own words.
    if (r.state === 'checked_in' && checkInMadeBy(ctx, input.registrationId) !== door.deviceId) {
      throw forbidden('This device may undo only the check-ins it made.');
    }
    return run(input);
  },
  'checkin.walkIn': (ctx, door, input, run) => {
    ownSeminar(door, input.seminarId);
    if ('personId' in input) {
      if (!registeredHere(ctx, door, input.personId) && !wasOffered(ctx, door, input.personId)) {
        throw forbidden('Choose someone the walk-in check offered, or add a new person.');
      }
    } else {
      onlyWalkInFields(input.person);
    }
    return doorRegistration(run(input));
  },
  'people.matches': (ctx, door, input, run) => {
    const found = run(input);
    offer(
      ctx,
      door,
      found.map((m) => m.id),
    );
    const typedEmail = input.email.trim().toLowerCase();
    return found.map((m) => doorMatch(m, typedEmail));
  },
  'checkin.note': (ctx, door, input, run) => {
    ownRegistration(ctx, door, input.registrationId);
    return doorRegistration(run(input));
  },
  'followUps.create': (ctx, door, input, run) => {
    ownSeminar(door, input.seminarId);
    if (!registeredHere(ctx, door, input.personId)) throw notFound('This person');
    return doorFollowUp(run(input));
  },
  'checkin.roster': (_ctx, door, input, run) => {
    ownSeminar(door, input.seminarId);
    const roster = run(input);
    return { ...roster, registrants: roster.registrants.map(doorEntry) };
  },
  'seminars.get': (_ctx, door, input, run) => {
    ownSeminar(door, input.id);
    return run(input);
  },
  'door.self': (_ctx, _door, input, run) => run(input),
};

/** One call by a door device, through its method's door view. */
export function callAsDoor(ctx: CoreContext, door: DoorCaller, method: MethodName, input: unknown, run: (input: unknown) => unknown): unknown {
  if (!isDoorMethod(method)) throw forbidden(`This device may not use ${method}.`);
  const view = VIEWS[method] as (ctx: CoreContext, door: DoorCaller, input: unknown, run: (input: unknown) => unknown) => unknown;
  return view(ctx, door, input, run);
}
