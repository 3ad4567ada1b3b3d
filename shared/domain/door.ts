import { z } from 'zod';
import type { Registration, Seminar } from './seminar';

/**
 * Door devices (DESIGN.md, "Door devices"): phones, tablets and laptops that check people in at
 * a seminar's entrance beside the hub. What a device keeps to work offline, what it is called, and
 * how its check-ins are told apart from everyone else's.
 */

/** A registrant as a door device keeps them: what the search reads, the panel shows, a ticket scans by. */
export interface RosterEntry extends Registration {
  givenName: string;
  familyName: string;
  displayName: string;
  /** Every email, so an offline search finds exactly whom the hub's would (registrant-match). */
  emails: string[];
}

/** Everything a door device needs of one seminar to keep checking people in without the hub. */
export interface DoorRoster {
  seminar: Seminar;
  /** Every registration but the cancelled, in name order; platform form answers left out. */
  registrants: RosterEntry[];
  /** When the hub read it (ISO). */
  at: string;
}

export const DEVICE_NAME_MAX = 40;

/**
 * A client-generated id for one action (a check-in, an undo, a note, a walk-in): a repeat with the
 * same id gets the first answer and never acts twice. Random, 8 to 64 URL-safe characters.
 */
export const ClientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'A request id is 8 to 64 letters, digits, - or _.');

/**
 * Where someone was checked in, as the person reading it would say it. `by` is the device's name,
 * or null for the owner's own table (the hub): "this computer" on the hub, "the main computer" on a device.
 */
export function checkedInWhere(by: string | null, viewer: 'hub' | 'device'): string {
  if (by) return by;
  return viewer === 'hub' ? 'this computer' : 'the main computer';
}
