import { z } from 'zod';

/**
 * The hub's side of door devices (DESIGN.md, "Door devices"): the owner opens the door to the
 * local network, devices pair with a short-lived code and get their own revocable token with the
 * door role for one seminar, and the owner sees and revokes them.
 */

/** Six digits: quick to type on a phone, and with five wrong tries a minute, a million is far out of reach. */
export const PAIRING_CODE_DIGITS = 6;
export const PAIRING_CODE_TTL_MS = 10 * 60_000;
/** Wrong codes in a row that lock pairing, and for how long. */
export const PAIRING_WRONG_LIMIT = 5;
export const PAIRING_LOCK_MS = 60_000;

export const PAIRED_NAME_MAX = 40;
export const PairedNameSchema = z
  .string()
  .trim()
  .min(1, 'Give this device a name, such as Door 2.')
  .max(PAIRED_NAME_MAX, `Keep the name under ${PAIRED_NAME_MAX} characters.`)
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[\u0000-\u001f\u007f-\u009f]/.test(name), 'Use letters, digits and spaces.');

/** What a device types or scans as the code: spaces and dashes are forgiven ("123 456"). */
export function readPairingCode(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

export const isPairingCode = (code: string) => new RegExp(`^\\d{${PAIRING_CODE_DIGITS}}$`).test(code);

export interface PairedDevice {
  id: number;
  name: string;
  seminarId: number;
  pairedAt: string;
  /** The last call it made (to within a quarter of a minute). */
  lastSeenAt: string;
  checkInsMade: number;
  revokedAt: string | null;
}

export interface PairingCode {
  code: string;
  expiresAt: string;
  /** What the QR code holds: the pairing page at the first address, with the code. */
  url: string | null;
}

/** The door as the owner's panel shows it for one seminar. */
export interface DoorStatus {
  /** Listening on the network. */
  open: boolean;
  /** Where devices reach the hub (https://address:port), the one for the QR code first. */
  addresses: string[];
  /** SHA-256 of the hub's certificate, as browsers show it (AB:CD:…). */
  fingerprint: string | null;
  /** This seminar's current pairing code, while it lasts. */
  pairing: PairingCode | null;
  /** Five wrong codes locked pairing until then. */
  lockedUntil: string | null;
  /** This seminar's devices that are not revoked, most recently paired first. */
  devices: PairedDevice[];
  /** Why the door cannot be opened here, or why devices may not reach it (no network found). */
  problem: string | null;
}

/** A door device asking who it is. */
export interface DoorSelf {
  deviceId: number;
  name: string;
  seminarId: number;
  seminarTitle: string;
  pairedAt: string;
}

/** The pairing page on the hub, where the QR code leads. */
export const PAIRING_PATH = '/pair';

export function pairingUrl(address: string, code: string): string {
  return `${address}${PAIRING_PATH}?code=${code}`;
}
