import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
  server = createStationServer({ ctx, staticDir, report: () => {} });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { ctx, base: `http://127.0.0.1:${port}` };
}

const post = (base: string, method: string, body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  fetch(`${base}/api/${method}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** A raw request, for headers fetch() will not let us set (Host). */
function rawGet(base: string, pathname: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(pathname, base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

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

    const notJson = await post(base, 'people.list', 'query=ann', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(notJson.status).toBe(415);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'unsupported_media_type' } });

    const broken = await post(base, 'people.list', '{"query": ', { 'Content-Type': 'application/json' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    const huge = await post(base, 'people.list', JSON.stringify({ query: 'x'.repeat(10 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });

    const wrongVerb = await fetch(`${base}/api/people.list`);
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
    const body = await (await fetch(`${base}/api`)).json();
    expect(body.methods.map((m: { method: string }) => m.method)).toEqual(METHOD_NAMES);
  });

  it('refuses other hosts and other sites', async () => {
    const { base } = await startStation();
    const rebinding = await rawGet(base, '/', { Host: 'evil.example:80' });
    expect(rebinding.status).toBe(403);
    const crossSite = await post(base, 'people.list', {}, { 'Content-Type': 'application/json', Origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
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
