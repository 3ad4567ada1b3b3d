import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { newToken, ownerRegistry, sessionCookieName } from '../../electron/station/auth';
import { createStationServer, MAX_BODY_BYTES } from '../../electron/station/http';
import { METHOD_NAMES } from '../../shared/contract';
import { openTestContext, tempDataDir } from '../helpers/store';

let server: http.Server | null = null;

afterEach(async () => {
  if (server) await new Promise((resolve) => server?.close(resolve));
  server = null;
});

async function startStation() {
  const ctx = await openTestContext();
  const staticDir = tempDataDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Rapport</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const token = newToken();
  server = createStationServer({ ctx, tokens: ownerRegistry(token), staticDir, report: () => {} });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  key = token;
  return { ctx, base: `http://127.0.0.1:${port}`, port, token };
}

/** The key every test station prints; `post` sends it unless told otherwise. */
let key = '';
const bearer = () => ({ Authorization: `Bearer ${key}` });
const JSON_TYPE = { 'Content-Type': 'application/json' };

const post = (base: string, method: string, body: unknown, headers: Record<string, string> = { ...JSON_TYPE, ...bearer() }) =>
  fetch(`${base}/api/${method}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** A raw request, for what fetch() will not do: set Host, send a path exactly as written. */
function raw(base: string, pathname: string, headers: Record<string, string>, method = 'GET', body = ''): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: pathname, method, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const rawGet = (base: string, pathname: string, headers: Record<string, string>) => raw(base, pathname, headers);

describe('station mode over HTTP', () => {
  it('serves the API as envelopes', async () => {
    const { base } = await startStation();
    const res = await post(base, 'people.create', { givenName: 'José', familyName: 'Álvarez', emails: [{ address: 'jose@acme.com' }] });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, value: { name: 'José Álvarez' } });
    const list = await (await post(base, 'people.list', { query: 'alv' })).json();
    expect(list).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('names the bad fields and writes nothing', async () => {
    const { base, ctx } = await startStation();
    for (const input of [{}, { givenName: 'Ann', emails: [{ address: 'not-an-email' }] }]) {
      const res = await post(base, 'people.create', input);
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(body.ok).toBe(false);
      expect(body.error.code).toBe('invalid_input');
      expect(Object.keys(body.error.fields)).toEqual([Object.keys(input).length ? 'emails.0.address' : 'givenName']);
    }
    expect(ctx.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 0 });
  });

  it('answers bad requests with clean envelopes and keeps serving', async () => {
    const { base } = await startStation();
    const unknown = await post(base, 'people.explode', {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });

    const notJson = await post(base, 'people.list', 'query=ann', { 'Content-Type': 'application/x-www-form-urlencoded', ...bearer() });
    expect(notJson.status).toBe(415);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'unsupported_media_type' } });

    const broken = await post(base, 'people.list', '{"query": ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    const huge = await post(base, 'people.list', JSON.stringify({ query: 'x'.repeat(10 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });

    const wrongVerb = await fetch(`${base}/api/people.list`, { headers: bearer() });
    expect(wrongVerb.status).toBe(400);
    expect((await wrongVerb.json()).ok).toBe(false);

    const after = await post(base, 'people.list', {});
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('limits bodies to a documented size', () => {
    expect(MAX_BODY_BYTES).toBe(1024 * 1024);
  });

  it('lists the methods with their input schemas at GET /api', async () => {
    const { base } = await startStation();
    const body = await (await fetch(`${base}/api`, { headers: bearer() })).json();
    expect(body.methods.map((m: { method: string }) => m.method)).toEqual(METHOD_NAMES);
  });

  it('refuses other hosts and other sites', async () => {
    const { base } = await startStation();
    const rebinding = await rawGet(base, '/', { Host: 'evil.example:80' });
    expect(rebinding.status).toBe(403);
    const crossSite = await post(base, 'people.list', {}, { ...JSON_TYPE, ...bearer(), Origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
  });

  it('accepts only its own origin, exactly: not another port, not another loopback name, not null', async () => {
    const { base, port } = await startStation();
    const own = await post(base, 'people.list', {}, { ...JSON_TYPE, ...bearer(), Origin: base });
    expect(own.status).toBe(200);
    for (const origin of [`http://127.0.0.1:${port + 1}`, `http://localhost:${port}`, `https://127.0.0.1:${port}`, 'null', `${base}.evil.example`]) {
      const res = await post(base, 'people.list', {}, { ...JSON_TYPE, ...bearer(), Origin: origin });
      expect(res.status, origin).toBe(403);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const otherPort = await rawGet(base, '/', { Host: `127.0.0.1:${port + 1}` });
    expect(otherPort.status).toBe(403);
  });

  it('serves the renderer with security headers and nothing outside it', async () => {
    const { base } = await startStation();
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await index.text()).toMatch(/<title>Rapport/);
    const asset = await fetch(`${base}/assets/app.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    const escape = await rawGet(base, '/..%2f..%2f..%2fetc%2fpasswd', { Host: new URL(base).host });
    expect(escape.status).toBe(404);
    expect((await fetch(`${base}/no-such-file.js`)).status).toBe(404);
  });
});

describe('station mode: nobody gets in without the key', () => {
  it('refuses every method of the contract without the key, or with a wrong one, and writes nothing', async () => {
    const { base, ctx } = await startStation();
    const rowCounts = () =>
      (ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        ({ name }) => [name, (ctx.db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n] as const,
      );
    const before = rowCounts();
    const sample = { givenName: 'Ann', id: 1, seminarId: 1, personId: 1, personIds: [1], name: 'x', content: 'x', query: 'a' };
    for (const method of METHOD_NAMES) {
      for (const headers of [JSON_TYPE, { ...JSON_TYPE, Authorization: `Bearer ${newToken()}` }, { ...JSON_TYPE, Authorization: key }]) {
        const res = await post(base, method, sample, headers);
        expect(res.status, method).toBe(401);
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
        const body = await res.json();
        expect(body, method).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringMatching(/address the station printed/) } });
      }
    }
    for (const pathname of ['/api', '/api/']) expect((await fetch(`${base}${pathname}`)).status).toBe(401);
    expect((await fetch(`${base}/api/people.list`)).status).toBe(401);
    expect(rowCounts()).toEqual(before);
  });

  it('answers every method of the contract with the key (Bearer or the session cookie), none with unauthorized', async () => {
    const { base, port } = await startStation();
    const cookie = { ...JSON_TYPE, Cookie: `${sessionCookieName(port)}=${key}` };
    for (const method of METHOD_NAMES) {
      for (const headers of [{ ...JSON_TYPE, ...bearer() }, cookie]) {
        const body = await (await post(base, method, {}, headers)).json();
        if (!body.ok) expect(['unauthorized', 'forbidden'], method).not.toContain(body.error.code);
      }
    }
  });

  it('trades the printed address for an HttpOnly SameSite=Strict cookie and drops the key from the address', async () => {
    const { base, port } = await startStation();
    const login = await raw(base, `/?token=${key}`, { Host: new URL(base).host });
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/');
    const setCookie = login.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toBe(`${sessionCookieName(port)}=${key}; HttpOnly; SameSite=Strict; Path=/`);
    const withCookie = await post(base, 'people.list', {}, { ...JSON_TYPE, Cookie: setCookie.split(';')[0] ?? '' });
    expect(await withCookie.json()).toMatchObject({ ok: true });

    // Another station's cookie (same host, other port) is not this one's.
    const otherPorts = await post(base, 'people.list', {}, { ...JSON_TYPE, Cookie: `${sessionCookieName(port + 1)}=${key}` });
    expect(otherPorts.status).toBe(401);

    const stale = await raw(base, `/?token=${newToken()}`, { Host: new URL(base).host });
    expect(stale.status).toBe(401);
    expect(stale.headers['set-cookie']).toBeUndefined();
    expect(stale.body).toMatch(/not valid any more/);
    expect(stale.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('serves the page itself without the key: it holds no data and tells the visitor how to get in', async () => {
    const { base } = await startStation();
    expect((await fetch(`${base}/`)).status).toBe(200);
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(200);
  });
});

describe('station mode: addresses it cannot read', () => {
  it('answers GET /%E0 and POST /api/%E0 with a 400 envelope, not a 500', async () => {
    const { base } = await startStation();
    const host = { Host: new URL(base).host };
    const page = await raw(base, '/%E0', host);
    expect(page.status).toBe(400);
    expect(JSON.parse(page.body)).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/%-escape/) } });
    const api = await raw(base, '/api/%E0', { ...host, ...JSON_TYPE, ...bearer() }, 'POST', '{}');
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/%-escape/) } });
    expect((await post(base, 'people.list', {})).status).toBe(200);
  });

  it('never answers 500 to any path, with or without the key', async () => {
    const { base } = await startStation();
    const host = { Host: new URL(base).host };
    const segment = fc.oneof(
      fc.constantFrom('api', '%E0', '%', '%%', '%2e%2e', '..', '%00', '%C0%AF', '%FF', '~', 'index.html', 'people.list', '?token=', '#'),
      fc.string({ unit: fc.constantFrom('a', '%', 'E', '0', '/', '.', '?', '&', '=', 'é'), maxLength: 12 }).map((t) => encodeURI(t).replace(/%25/g, '%')),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.constantFrom('GET', 'POST', 'HEAD'), fc.boolean(), async (parts, method, keyed) => {
        const res = await raw(base, `/${parts.join('/')}`, { ...host, ...JSON_TYPE, ...(keyed ? bearer() : {}) }, method, method === 'POST' ? '{}' : '');
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
  });
});
