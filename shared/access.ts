import type { MethodName } from './contract';

/**
 * Who may call what (DESIGN.md, Security). Every call has a caller with a role. Transports decide
 * who the caller is (IPC: the app's own window, so the owner; HTTP: whoever's token came with the
 * request); `dispatch` asks `mayCall` before anything else, so the two transports cannot drift.
 */
export const ROLES = ['owner', 'door'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The owner may call everything. A door device (issue 15) checks people in at one seminar's
 * entrance with its own revocable token; its scope travels with it: the seminar it was paired for,
 * and which device it is (so it may undo its own check-ins and no one else's).
 */
export type Caller = { role: 'owner' } | DoorCaller;
export interface DoorCaller {
  role: 'door';
  seminarId: number;
  deviceId: number;
  /** The name the device was paired under ("Door 2"). */
  deviceName: string;
}

export const OWNER: Caller = Object.freeze({ role: 'owner' });

/**
 * What a door device may do: find registrants of its seminar, keep its roster to work offline,
 * check in (by choice or by ticket), undo its own check-ins, take a walk-in with the duplicate
 * guard, keep a table note and a follow-up, read its seminar (the counters) and who it is; and hear
 * its seminar's live events (electron/station/events.ts, through the same door view). Each is held to the device's seminar
 * and answers only what the door needs by its door view (electron/core/door/door-views.ts, which
 * must have one for every method listed here).
 */
export const DOOR_METHODS = [
  'checkin.find',
  'checkin.roster',
  'checkin.checkIn',
  'checkin.byTicket',
  'checkin.undo',
  'checkin.walkIn',
  'people.matches',
  'checkin.note',
  'followUps.create',
  'seminars.get',
  'door.self',
] as const satisfies readonly MethodName[];
export type DoorMethod = (typeof DOOR_METHODS)[number];

/** The methods each role but the owner may call. A method not listed is the owner's alone. */
export const ALLOWED_METHODS: { readonly [R in Exclude<Role, 'owner'>]: readonly MethodName[] } = {
  door: DOOR_METHODS,
};

export function isDoorMethod(method: MethodName): method is DoorMethod {
  return (DOOR_METHODS as readonly MethodName[]).includes(method);
}

export function mayCall(caller: Caller, method: MethodName): boolean {
  return caller.role === 'owner' || ALLOWED_METHODS[caller.role].includes(method);
}
