import type { DoorSelf, DoorStatus, PairedDevice } from '../../../shared/domain/door-hub';
import { pairingUrl } from '../../../shared/domain/door-hub';
import { AppError, notFound } from '../../../shared/errors';
import type { CoreContext } from '../context';
import type { DoorControl } from '../door/control';
import { stmt } from '../db/statements';
import { getDevice, liveDevices, revokeAllDevices, revokeDevice } from './door-devices';

/**
 * The owner's door: let other devices check in at a seminar (the hub listens on the local network
 * and hands out a pairing code), see the devices, revoke any, close the door.
 */

function control(ctx: CoreContext): DoorControl {
  if (!ctx.door) throw new AppError('conflict', 'Door devices are let in by the hub: the desktop app or a station started with npm run station.');
  return ctx.door;
}

function seminarOpenForCheckIn(ctx: CoreContext, seminarId: number): void {
  const s = stmt<[number], { closed_at: string | null }>(ctx.db, 'SELECT closed_at FROM seminars WHERE id = ?').get(seminarId);
  if (!s) throw notFound('This seminar');
  if (s.closed_at) throw new AppError('conflict', 'This seminar is closed. Reopen it to let devices check people in.');
}

export function doorStatus(ctx: CoreContext, seminarId: number): DoorStatus {
  if (!stmt(ctx.db, 'SELECT 1 FROM seminars WHERE id = ?').get(seminarId)) throw notFound('This seminar');
  const door = ctx.door;
  const listening = door?.listening() ?? null;
  const issued = listening ? door?.desk.current(seminarId) : null;
  const first = listening?.addresses[0];
  const locked = door?.desk.lockedUntil() ?? null;
  return {
    open: listening !== null,
    addresses: listening?.addresses ?? [],
    fingerprint: listening?.fingerprint ?? null,
    pairing: issued ? { code: issued.code, expiresAt: new Date(issued.expiresAt).toISOString(), url: first ? pairingUrl(first, issued.code) : null } : null,
    lockedUntil: locked === null ? null : new Date(locked).toISOString(),
    devices: liveDevices(ctx, seminarId),
    problem: !door
      ? 'Door devices are let in by the hub: the desktop app or a station.'
      : listening && listening.addresses.length === 0
        ? 'This computer is on no network: join the Wi-Fi the devices use.'
        : null,
  };
}

/** Opens the door to the network (if it is not open yet) and gives this seminar a pairing code, unless it has one that still works. */
export async function openDoor(ctx: CoreContext, seminarId: number): Promise<DoorStatus> {
  seminarOpenForCheckIn(ctx, seminarId);
  const door = control(ctx);
  await door.open();
  if (!door.desk.current(seminarId)) door.desk.issue(seminarId);
  return doorStatus(ctx, seminarId);
}

/** A fresh code for this seminar; the one before it stops working. */
export function newPairingCode(ctx: CoreContext, seminarId: number): DoorStatus {
  seminarOpenForCheckIn(ctx, seminarId);
  const door = control(ctx);
  if (!door.listening()) throw new AppError('conflict', 'The door is closed. Let other devices check in first.');
  door.desk.issue(seminarId);
  return doorStatus(ctx, seminarId);
}

/** Every device is revoked first (a call in flight is refused), then the network listener stops. */
export async function closeDoor(ctx: CoreContext): Promise<{ revoked: number }> {
  const revoked = revokeAllDevices(ctx);
  await ctx.door?.close();
  return { revoked };
}

export function unpairDevice(ctx: CoreContext, deviceId: number): PairedDevice {
  getDevice(ctx, deviceId);
  return revokeDevice(ctx, deviceId);
}

/** Who the calling device is (the owner is no device). */
export function doorSelf(ctx: CoreContext): DoorSelf {
  if (ctx.caller.role !== 'door') throw new AppError('not_found', 'This is the hub itself, not a paired door device.');
  const device = getDevice(ctx, ctx.caller.deviceId);
  const seminar = stmt<[number], { title: string }>(ctx.db, 'SELECT title FROM seminars WHERE id = ?').get(device.seminarId);
  return { deviceId: device.id, name: device.name, seminarId: device.seminarId, seminarTitle: seminar?.title ?? '', pairedAt: device.pairedAt };
}
