import { describe, expect, it } from 'vitest';
import { dispatch, dispatchAsync } from '../../electron/core/api';
import { asCaller } from '../../electron/core/context';
import { newToken, ownerRegistry, type TokenRegistry } from '../../electron/station/auth';
import { ALLOWED_METHODS, mayCall, OWNER, ROLES, type Caller } from '../../shared/access';
import { METHOD_NAMES } from '../../shared/contract';
import { openTestContext } from '../helpers/store';

const DOOR: Caller = { role: 'door', seminarId: 1, deviceId: 1, deviceName: 'Door 2' };

describe('who may call what', () => {
  it('lets the owner call every method of the contract', () => {
    for (const method of METHOD_NAMES) expect(mayCall(OWNER, method), method).toBe(true);
  });

  it('lists only methods of the contract for every other role', () => {
    for (const role of ROLES.filter((r) => r !== 'owner')) {
      for (const method of ALLOWED_METHODS[role as Exclude<typeof role, 'owner'>]) expect(METHOD_NAMES).toContain(method);
    }
  });

  it('authorizes in dispatch: a caller without the method on its list is refused before anything runs', async () => {
    const ctx = await openTestContext();
    const door = asCaller(ctx, DOOR);
    for (const method of METHOD_NAMES) {
      const allowed = ALLOWED_METHODS.door.includes(method);
      const reply = await dispatchAsync(door, method, { givenName: 'Ann' });
      if (!allowed) expect(reply, method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(dispatch(door, 'people.create', { givenName: 'Ann' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ctx.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 0 });
    // The same context as the owner: the call goes through.
    expect(dispatch(asCaller(ctx, OWNER), 'people.create', { givenName: 'Ann' })).toMatchObject({ ok: true });
    expect(ctx.caller).toEqual(OWNER);
  });
});

describe('tokens', () => {
  it('knows the owner by the token made at start, nobody by another, and forgets a revoked one', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(token);
    const registry: TokenRegistry = ownerRegistry(token);
    expect(registry.callerFor(token)).toEqual(OWNER);
    expect(registry.callerFor(newToken())).toBeNull();
    expect(registry.callerFor('')).toBeNull();
    expect(registry.callerFor(null)).toBeNull();
    const device = newToken();
    registry.add(device, DOOR);
    expect(registry.callerFor(device)).toEqual(DOOR);
    registry.revoke(device);
    expect(registry.callerFor(device)).toBeNull();
    expect(registry.callerFor(token)).toEqual(OWNER);
  });
});
