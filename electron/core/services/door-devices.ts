import type Database from 'better-sqlite3';
import type { DoorCaller } from '../../../shared/access';
import type { PairedDevice } from '../../../shared/domain/door-hub';
import { AppError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { newToken, tokenDigest } from '../tokens';

/**
 * Door devices paired with this book (migration 13): each with its own token (kept as a digest
 * only), the door role for one seminar, when it was last seen and how many check-ins it made.
 * A revoked device's token finds no caller, so its next call answers `unauthorized`.
 */

/** Far above any door's helpers; stops a code holder from filling the book with devices. */
export const MAX_LIVE_DEVICES = 200;
/** Last seen is written at most this often per device: a device calls on every keystroke. */
const SEEN_EVERY_MS = 15_000;

interface DeviceRow {
  id: number;
  name: string;
  seminar_id: number;
  paired_at: string;
  last_seen_at: string;
  checkins_made: number;
  revoked_at: string | null;
}

const COLUMNS = 'id, name, seminar_id, paired_at, last_seen_at, checkins_made, revoked_at';

const toDevice = (r: DeviceRow): PairedDevice => ({
  id: r.id,
  name: r.name,
  seminarId: r.seminar_id,
  pairedAt: r.paired_at,
  lastSeenAt: r.last_seen_at,
  checkInsMade: r.checkins_made,
  revokedAt: r.revoked_at,
});

/** A new device for `seminarId`, and the token it will carry (given out once, never stored). */
export function pairDevice(ctx: CoreContext, seminarId: number, name: string): { device: PairedDevice; token: string } {
  const token = newToken();
  const id = ctx.db
    .transaction(() => {
      if (!stmt(ctx.db, 'SELECT 1 FROM seminars WHERE id = ?').get(seminarId)) throw notFound('This seminar');
      const live = stmt<[], { n: number }>(ctx.db, 'SELECT count(*) AS n FROM door_devices WHERE revoked_at IS NULL').get()?.n ?? 0;
      if (live >= MAX_LIVE_DEVICES) throw new AppError('conflict', `${MAX_LIVE_DEVICES} devices are paired already: unpair some on the hub first.`);
      const at = ctx.now().toISOString();
      return Number(
        stmt(ctx.db, 'INSERT INTO door_devices (name, seminar_id, token_hash, paired_at, last_seen_at) VALUES (?, ?, ?, ?, ?)').run(name, seminarId, tokenDigest(token), at, at)
          .lastInsertRowid,
      );
    })
    .immediate();
  return { device: getDevice(ctx, id), token };
}

export function getDevice(ctx: CoreContext, id: number): PairedDevice {
  const row = stmt<[number], DeviceRow>(ctx.db, `SELECT ${COLUMNS} FROM door_devices WHERE id = ?`).get(id);
  if (!row) throw notFound('This device');
  return toDevice(row);
}

/** A seminar's devices that may still call, most recently paired first. */
export function liveDevices(ctx: CoreContext, seminarId: number): PairedDevice[] {
  return stmt<[number], DeviceRow>(ctx.db, `SELECT ${COLUMNS} FROM door_devices WHERE seminar_id = ? AND revoked_at IS NULL ORDER BY paired_at DESC, id DESC`)
    .all(seminarId)
    .map(toDevice);
}

const seen = new WeakMap<Database.Database, Map<number, number>>();

/**
 * The caller a device token stands for, or null when it is no live device's (never paired, or
 * revoked). Notes that the device was seen, at most every quarter of a minute.
 */
export function deviceCaller(ctx: CoreContext, token: string): DoorCaller | null {
  const row = stmt<[string], { id: number; name: string; seminar_id: number }>(
    ctx.db,
    'SELECT id, name, seminar_id FROM door_devices WHERE token_hash = ? AND revoked_at IS NULL',
  ).get(tokenDigest(token));
  if (!row) return null;
  let times = seen.get(ctx.db);
  if (!times) seen.set(ctx.db, (times = new Map()));
  const now = ctx.now();
  if (now.getTime() - (times.get(row.id) ?? 0) >= SEEN_EVERY_MS) {
    times.set(row.id, now.getTime());
    stmt(ctx.db, 'UPDATE door_devices SET last_seen_at = ? WHERE id = ?').run(now.toISOString(), row.id);
  }
  return { role: 'door', seminarId: row.seminar_id, deviceId: row.id, deviceName: row.name };
}

/** Whether this device may still call (not revoked). */
export function isLiveDevice(ctx: CoreContext, id: number): boolean {
  return stmt(ctx.db, 'SELECT 1 FROM door_devices WHERE id = ? AND revoked_at IS NULL').get(id) !== undefined;
}

/** Revokes one device at once: its token lets nothing in from its next call on. */
export function revokeDevice(ctx: CoreContext, id: number): PairedDevice {
  stmt(ctx.db, 'UPDATE door_devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(ctx.now().toISOString(), id);
  return getDevice(ctx, id);
}

/** Closing the door: every device is revoked. */
export function revokeAllDevices(ctx: CoreContext): number {
  return stmt(ctx.db, 'UPDATE door_devices SET revoked_at = ? WHERE revoked_at IS NULL').run(ctx.now().toISOString()).changes;
}

/**
 * A check-in this device just made (inside the same transaction): remembered beside the
 * registration, counted once — a repeat of the same check-in (a retry) counts nothing more.
 */
export function recordDoorCheckIn(ctx: CoreContext, deviceId: number, registrationId: number): void {
  // Only a check-in that stands: an answer repeated for a retry may be about one undone since.
  const added = stmt(
    ctx.db,
    `INSERT INTO door_checkins (registration_id, device_id)
     SELECT id, ? FROM registrations WHERE id = ? AND state = 'checked_in'
     ON CONFLICT (registration_id) DO NOTHING`,
  ).run(deviceId, registrationId);
  if (added.changes > 0) stmt(ctx.db, 'UPDATE door_devices SET checkins_made = checkins_made + 1 WHERE id = ?').run(deviceId);
}

/** The device that made this registration's current check-in, or null (the owner's table, or not checked in). */
export function checkInMadeBy(ctx: CoreContext, registrationId: number): number | null {
  return stmt<[number], { device_id: number }>(ctx.db, 'SELECT device_id FROM door_checkins WHERE registration_id = ?').get(registrationId)?.device_id ?? null;
}

/** The port the network listener had when the hub stopped with the door open, or null when it was closed. */
export function openDoorPort(ctx: CoreContext): number | null {
  return stmt<[], { port: number }>(ctx.db, 'SELECT port FROM door_listener WHERE id = 1').get()?.port ?? null;
}

export function rememberOpenDoor(ctx: CoreContext, port: number): void {
  stmt(ctx.db, 'INSERT INTO door_listener (id, port, opened_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET port = excluded.port').run(port, ctx.now().toISOString());
}

export function forgetOpenDoor(ctx: CoreContext): void {
  stmt(ctx.db, 'DELETE FROM door_listener').run();
}
