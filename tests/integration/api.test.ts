import { describe, expect, it } from 'vitest';
import { describeApi, dispatch } from '../../electron/core/api';
import { METHOD_NAMES } from '../../shared/contract';
import { NAME_REQUIRED } from '../../shared/domain/person';
import { openTestContext } from '../helpers/store';

const silent = () => {};

describe('dispatch', () => {
  it('answers an unknown method with its own code', async () => {
    const ctx = await openTestContext();
    expect(dispatch(ctx, 'people.explode', {})).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'There is no method called “people.explode”.' },
    });
    expect(dispatch(ctx, '__proto__', {}).ok).toBe(false);
    expect(dispatch(ctx, 'constructor', {}).ok).toBe(false);
  });

  it('names each bad field and writes nothing', async () => {
    const ctx = await openTestContext();
    const result = dispatch(ctx, 'people.create', { emails: [{ address: 'not-an-email' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.fields).toEqual({
      givenName: NAME_REQUIRED,
      'emails.0.address': 'Enter a valid email address, like ann@example.com.',
    });
    expect(ctx.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 0 });
  });

  it('rejects input of the wrong shape', async () => {
    const ctx = await openTestContext();
    const result = dispatch(ctx, 'people.get', { id: 'seven' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { id: expect.any(String) } } });
    expect(dispatch(ctx, 'people.list', 'text')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('creates, reads, updates and deletes through the contract', async () => {
    const ctx = await openTestContext();
    const created = dispatch(ctx, 'people.create', { givenName: 'José', familyName: 'Álvarez' });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: number }).id;
    expect(dispatch(ctx, 'people.update', { id, version: 1, givenName: 'José', familyName: 'Álvarez', organization: 'Globex' })).toMatchObject({
      ok: true,
      value: { organization: 'Globex' },
    });
    expect(dispatch(ctx, 'people.delete', { id })).toMatchObject({ ok: true, value: { id } });
    expect(dispatch(ctx, 'people.get', { id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('hides internals of unexpected failures', async () => {
    const ctx = await openTestContext();
    ctx.db.exec("CREATE TRIGGER broken BEFORE INSERT ON people BEGIN SELECT RAISE(ABORT, 'SQLITE internal detail: table people'); END");
    const reported: unknown[] = [];
    const result = dispatch(ctx, 'people.create', { givenName: 'Ann' }, (_m, e) => reported.push(e));
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/SQLITE|people|stack|at /i);
    expect(reported).toHaveLength(1);
  });

  it('reports a conflict when the sample data is loaded twice', async () => {
    const ctx = await openTestContext();
    expect(dispatch(ctx, 'sample.load', {}, silent)).toMatchObject({ ok: true, value: { people: expect.any(Number) } });
    expect(dispatch(ctx, 'sample.load', {}, silent)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('describeApi', () => {
  it('lists every method with a JSON Schema of its input', () => {
    const described = describeApi();
    expect(described.map((d) => d.method)).toEqual(METHOD_NAMES);
    const create = described.find((d) => d.method === 'people.create');
    expect(create?.input).toMatchObject({ type: 'object', properties: { givenName: { type: 'string' } } });
  });
});
