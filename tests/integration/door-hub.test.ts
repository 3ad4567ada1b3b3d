import { until } from '../helpers/until';
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext, type CoreContext } from '../../electron/core/context';
import { openStore } from '../../electron/core/db/store';
import { deviceCaller } from '../../electron/core/services/door-devices';
import { newToken, ownerRegistry } from '../../electron/station/auth';
import { CERTIFICATE_FILE, KEY_FILE } from '../../electron/station/door-certificate';
import { createStationServer } from '../../electron/station/http';
import { NetworkDoor } from '../../electron/station/network-door';
import type { DoorStatus } from '../../shared/domain/door-hub';
import type { DoorRoster } from '../../shared/domain/door';
import { EVENTS_PATH, type BookEvent } from '../../shared/events';
import { tempDataDir } from '../helpers/store';

/**
 * The hub's door to the network, as devices meet it: HTTPS on its own listener (bound to 127.0.0.1
 * here), the book's own certificate, the pairing page with its code and lock, device tokens that
 * outlive a restart, revoking and closing.
 */

interface Hub {
  ctx: CoreContext;
  dataDir: string;
  loopback: string;
  ownerToken: string;
  door: NetworkDoor;
  stop(): Promise<void>;
}

const running: Hub[] = [];
afterEach(async () => {
  while (running.length) await running.pop()?.stop();
});

async function startHub(dataDir = tempDataDir()): Promise<Hub> {
  const store = await openStore(dataDir);
  const ctx = createContext(store, 'station', '0.0.0-test');
  const staticDir = path.join(dataDir, 'renderer');
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Rapport</title>');
  const ownerToken = newToken();
  const tokens = ownerRegistry(ownerToken);
  tokens.acceptDevices((token) => deviceCaller(ctx, token));
  const station = { ctx, tokens, staticDir, report: () => {} };
  const server = createStationServer(station);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const door = new NetworkDoor({ station, dataDir, host: '127.0.0.1', port: 0 });
  ctx.door = door;
  const hub: Hub = {
    ctx,
    dataDir,
    loopback: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ownerToken,
    door,
    async stop() {
      await door.stop();
      await new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      store.close();
    },
  };
  running.push(hub);
  return hub;
}

async function asOwner<T>(hub: Hub, method: string, input: unknown = {}): Promise<T> {
  const res = await fetch(`${hub.loopback}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${hub.ownerToken}` },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** SHA-256 of the certificate the listener served, read from the TLS connection itself. */
  fingerprint: string;
}

/** A request over HTTPS to the door, accepting its self-signed certificate as a person does once, and noting which it was. */
function overHttps(base: string, pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: url.hostname, port: url.port, path: pathname, method: options.method ?? 'GET', headers: options.headers, rejectUnauthorized: false, agent: false },
      (res) => {
        const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, fingerprint }));
      },
    );
    req.on('error', reject);
    req.end(options.body ?? '');
  });
}

const form = (fields: Record<string, string>, origin: string, extra: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, ...extra },
  body: new URLSearchParams(fields).toString(),
});

const api = (base: string, method: string, input: unknown, token: string | null, cookie?: string) =>
  overHttps(base, `/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(input),
  });

async function seminar(hub: Hub, title = 'Become a Master Networker'): Promise<number> {
  const s = await asOwner<{ id: number }>(hub, 'seminars.create', { title, date: '2031-01-16', startTime: '09:00', endTime: '12:00', timeZone: 'America/New_York' });
  return s.id;
}

async function openDoor(hub: Hub, seminarId: number): Promise<{ status: DoorStatus; base: string; code: string }> {
  const status = await asOwner<DoorStatus>(hub, 'door.open', { seminarId });
  const base = status.addresses[0] as string;
  return { status, base, code: status.pairing?.code as string };
}

/** Pairs by JSON, as a client that keeps its own token does; the token. */
async function pairJson(base: string, code: string, name: string): Promise<string> {
  const answer = await overHttps(base, '/pair', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, name }) });
  expect(answer.status, answer.body).toBe(200);
  return (JSON.parse(answer.body) as { value: { token: string } }).value.token;
}

interface Stream {
  events: BookEvent[];
  ended: boolean;
  close(): void;
}

/** A device's event stream over HTTPS (GET /api/events), as an EventSource would hold it. */
function listen(base: string, token: string): Promise<Stream> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: url.hostname, port: url.port, path: EVENTS_PATH, headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' }, rejectUnauthorized: false, agent: false },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`events answered ${res.statusCode}`));
        const stream: Stream = { events: [], ended: false, close: () => req.destroy() };
        let buffer = '';
        res.on('data', (c: Buffer) => {
          buffer += c.toString();
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const data = buffer
              .slice(0, cut)
              .split('\n')
              .filter((l) => l.startsWith('data: '))
              .map((l) => l.slice(6))
              .join('\n');
            buffer = buffer.slice(cut + 2);
            if (data) stream.events.push(JSON.parse(data) as BookEvent);
          }
        });
        res.on('end', () => (stream.ended = true));
        res.on('close', () => (stream.ended = true));
        resolve(stream);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const refused = (port: number) =>
  new Promise<string>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });

describe('the door to the network', () => {
  it('listens over HTTPS with the book’s own certificate, kept private, whose fingerprint the owner is shown', async () => {
    const hub = await startHub();
    const seminarId = await seminar(hub);
    const closed = await asOwner<DoorStatus>(hub, 'door.status', { seminarId });
    expect(closed).toMatchObject({ open: false, addresses: [], pairing: null, devices: [] });
    const { status, base } = await openDoor(hub, seminarId);
    expect(status.open).toBe(true);
    expect(base).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(status.pairing).toMatchObject({ code: expect.stringMatching(/^\d{6}$/), url: `${base}/pair?code=${status.pairing?.code}` });
    const expiresIn = new Date(status.pairing?.expiresAt as string).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(9 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(10 * 60_000);

    const page = await overHttps(base, '/pair');
    expect(page.fingerprint).toBe(status.fingerprint);
    const onDisk = new crypto.X509Certificate(fs.readFileSync(path.join(hub.dataDir, CERTIFICATE_FILE)));
    expect(onDisk.fingerprint256).toBe(status.fingerprint);
    expect(onDisk.subjectAltName).toContain('IP Address:127.0.0.1');
    if (process.platform !== 'win32') {
      for (const file of [CERTIFICATE_FILE, KEY_FILE]) expect(fs.statSync(path.join(hub.dataDir, file)).mode & 0o777, file).toBe(0o600);
    }
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("form-action 'self'");
    expect(page.body).toContain('<form method="post" action="/pair"');

    // Opening it again changes nothing: the same code, the same listener.
    const again = await asOwner<DoorStatus>(hub, 'door.open', { seminarId });
    expect(again.pairing?.code).toBe(status.pairing?.code);
    expect(again.addresses).toEqual(status.addresses);
  });

  it('pairs a device with the code and a name: its own token, the door role for that seminar, in a cookie only HTTPS sends back', async () => {
    const hub = await startHub();
    const seminarId = await seminar(hub);
    const other = await seminar(hub, 'The Other Room');
    const { base, code } = await openDoor(hub, seminarId);
    const prefilled = await overHttps(base, `/pair?code=${code}`);
    expect(prefilled.body).toContain(`value="${code}"`);

    const paired = await overHttps(base, '/pair', form({ code: `${code.slice(0, 3)} ${code.slice(3)}`, name: '  Door 2 ' }, base));
    expect(paired.status).toBe(303);
    expect(paired.headers.location).toBe(`/#/door/${seminarId}`);
    const setCookie = paired.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/; HttpOnly; Secure; SameSite=Strict; Path=\/; Max-Age=\d+$/);
    const cookie = setCookie.split(';')[0] as string;

    const self = JSON.parse((await api(base, 'door.self', {}, null, cookie)).body);
    expect(self).toMatchObject({ ok: true, value: { name: 'Door 2', seminarId, seminarTitle: 'Become a Master Networker' } });
    // The door's methods for its seminar only; everything else is the owner's.
    expect((await api(base, 'checkin.find', { seminarId, query: '' }, null, cookie)).status).toBe(200);
    const elsewhere = await api(base, 'checkin.find', { seminarId: other, query: '' }, null, cookie);
    expect([elsewhere.status, JSON.parse(elsewhere.body).error.code]).toEqual([403, 'forbidden']);
    const people = await api(base, 'people.list', {}, null, cookie);
    expect([people.status, JSON.parse(people.body).error.code]).toEqual([403, 'forbidden']);

    // A client keeping its own token gets it in the JSON answer (and it works as a Bearer token).
    const token = await pairJson(base, code, 'Door 3');
    expect(JSON.parse((await api(base, 'door.self', {}, token)).body).value.name).toBe('Door 3');

    const status = await asOwner<DoorStatus>(hub, 'door.status', { seminarId });
    expect(status.devices.map((d) => [d.name, d.checkInsMade])).toEqual([
      ['Door 3', 0],
      ['Door 2', 0],
    ]);
    // The token is nowhere in the book, only its digest.
    const stored = hub.ctx.db.prepare('SELECT * FROM door_devices').all();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(cookie.split('=')[1]);
  });

  it('keeps the owner’s key to the loopback address, strangers out, and other sites’ forms and host names away', async () => {
    const hub = await startHub();
    const seminarId = await seminar(hub);
    const { base, code } = await openDoor(hub, seminarId);
    const owner = await api(base, 'people.list', {}, hub.ownerToken);
    expect(owner.status).toBe(403);
    expect(JSON.parse(owner.body).error.message).toMatch(/this computer’s own address/);
    const stranger = await api(base, 'checkin.find', { seminarId, query: '' }, null);
    expect(stranger.status).toBe(401);
    expect(JSON.parse(stranger.body).error.message).toMatch(/not paired/);
    const otherSite = await overHttps(base, '/pair', form({ code, name: 'Evil' }, 'https://evil.example'));
    expect(otherSite.status).toBe(403);
    const otherHost = await overHttps(base, '/pair', { headers: { Host: `rapport.evil.example:${new URL(base).port}` } });
    expect(otherHost.status).toBe(403);
    expect(hub.ctx.db.prepare('SELECT count(*) AS n FROM door_devices').get()).toEqual({ n: 0 });
    // The loopback listener does not know the pairing page.
    const loopback = await fetch(`${hub.loopback}/pair`);
    expect(loopback.status).toBe(404);
  });

  it('says what is wrong at the field, and locks pairing for a minute after five wrong codes — even for the right one', async () => {
    const hub = await startHub();
    const seminarId = await seminar(hub);
    const { base, code } = await openDoor(hub, seminarId);
    const noName = await overHttps(base, '/pair', form({ code, name: '' }, base));
    expect(noName.status).toBe(422);
    expect(noName.body).toContain('Give this device a name, such as Door 2.');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 1; i <= 4; i++) {
      const answer = await overHttps(base, '/pair', form({ code: wrong, name: 'Door 9' }, base));
      expect(answer.status).toBe(401);
      expect(answer.body).toContain('This code is not right, or it has expired');
    }
    const fifth = await overHttps(base, '/pair', form({ code: wrong, name: 'Door 9' }, base));
    expect(fifth.status).toBe(429);
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(50);
    expect(fifth.body).toContain('Pairing is locked for');
    const right = await overHttps(base, '/pair', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: base }, body: JSON.stringify({ code, name: 'Door 2' }) });
    expect(right.status).toBe(429);
    expect(JSON.parse(right.body)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const status = await asOwner<DoorStatus>(hub, 'door.status', { seminarId });
    expect(new Date(status.lockedUntil as string).getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(status.devices).toEqual([]);
  });

  it('revokes a device at once: its next call answers unauthorized, the others keep working', async () => {
    const hub = await startHub();
    const seminarId = await seminar(hub);
    const { base, code } = await openDoor(hub, seminarId);
    const two = await pairJson(base, code, 'Door 2');
    const three = await pairJson(base, code, 'Door 3');
    const [door3, door2] = (await asOwner<DoorStatus>(hub, 'door.status', { seminarId })).devices;
    expect(door2?.name).toBe('Door 2');
    await asOwner(hub, 'door.revoke', { deviceId: door2?.id });
    const next = await api(base, 'checkin.find', { seminarId, query: '' }, two);
    expect(next.status).toBe(401);
    expect(JSON.parse(next.body).error.code).toBe('unauthorized');
    expect((await api(base, 'checkin.find', { seminarId, query: '' }, three)).status).toBe(200);
    expect((await asOwner<DoorStatus>(hub, 'door.status', { seminarId })).devices.map((d) => d.id)).toEqual([door3?.id]);
  });

  it('keeps the door open and paired devices working across a restart of the hub, on the same port with the same certificate', async () => {
    const dataDir = tempDataDir();
    const first = await startHub(dataDir);
    const seminarId = await seminar(first);
    const { base, status } = await openDoor(first, seminarId);
    const token = await pairJson(base, status.pairing?.code as string, 'Door 2');
    await first.stop();
    running.splice(running.indexOf(first), 1);
    expect(await refused(Number(new URL(base).port))).toBe('ECONNREFUSED');

    const second = await startHub(dataDir);
    expect(await second.door.resume()).toBe(true);
    const after = await asOwner<DoorStatus>(second, 'door.status', { seminarId });
    expect(after.addresses).toEqual([base]);
    expect(after.fingerprint).toBe(status.fingerprint);
    // A restarted hub hands out no old code: the owner makes a new one when the next device comes.
    expect(after.pairing).toBeNull();
    const self = await api(base, 'door.self', {}, token);
    expect(self.status).toBe(200);
    expect(self.fingerprint).toBe(status.fingerprint);
  });

  it('closing the door revokes every device and stops the listener: the network port refuses connections, and stays closed after a restart', async () => {
    const dataDir = tempDataDir();
    const hub = await startHub(dataDir);
    const seminarId = await seminar(hub);
    const { base, code } = await openDoor(hub, seminarId);
    const token = await pairJson(base, code, 'Door 2');
    const port = Number(new URL(base).port);
    expect(await refused(port)).toBe('connected');
    expect(await asOwner(hub, 'door.close')).toEqual({ revoked: 1 });
    expect(await refused(port)).toBe('ECONNREFUSED');
    const status = await asOwner<DoorStatus>(hub, 'door.status', { seminarId });
    expect(status).toMatchObject({ open: false, devices: [], pairing: null });
    expect(deviceCaller(hub.ctx, token)).toBeNull();
    await hub.stop();
    running.splice(running.indexOf(hub), 1);
    const again = await startHub(dataDir);
    expect(await again.door.resume()).toBe(false);
    expect(await refused(port)).toBe('ECONNREFUSED');
    // Opened again: the earlier devices stay revoked, and the old code is gone.
    const reopened = await openDoor(again, seminarId);
    expect(reopened.code).not.toBeUndefined();
    expect((await api(reopened.base, 'door.self', {}, token)).status).toBe(401);
  });

  it('tells a device its own seminar’s live events only, with nothing private in them, until it is revoked', async () => {
    const hub = await startHub();
    const seminarId = await seminar(hub);
    const other = await seminar(hub, 'The Other Room');
    const ann = await asOwner<{ id: number }>(hub, 'people.create', { givenName: 'Ann', familyName: 'Lee', emails: [{ address: 'ann@acme.test' }, { address: 'ann.private@home.test' }], notes: 'owes me a call' });
    const bo = await asOwner<{ id: number }>(hub, 'people.create', { givenName: 'Bo', familyName: 'Chen' });
    const cy = await asOwner<{ id: number }>(hub, 'people.create', { givenName: 'Cy', familyName: 'Moss' });
    await asOwner(hub, 'registrations.add', { seminarId, personIds: [ann.id, bo.id] });
    await asOwner(hub, 'registrations.add', { seminarId: other, personIds: [ann.id, cy.id] });
    const regs = await asOwner<{ id: number; name: string }[]>(hub, 'registrations.list', { seminarId });
    const otherRegs = await asOwner<{ id: number; name: string }[]>(hub, 'registrations.list', { seminarId: other });
    const { base, code } = await openDoor(hub, seminarId);
    const token = await pairJson(base, code, 'Door 2');

    // Its roster: the seminar's registrants in name order, with the one email the list shows; another seminar's is forbidden.
    const roster = JSON.parse((await api(base, 'checkin.roster', { seminarId }, token)).body) as { ok: boolean; value: DoorRoster };
    expect(roster.value.registrants.map((r) => [r.name, r.emails])).toEqual([
      ['Bo Chen', []],
      ['Ann Lee', ['ann@acme.test']],
    ]);
    expect(JSON.stringify(roster)).not.toMatch(/ann\.private|owes me/);
    expect((await api(base, 'checkin.roster', { seminarId: other }, token)).status).toBe(403);
    const elsewhere = await overHttps(base, `${EVENTS_PATH}?seminarId=${other}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(elsewhere.status).toBe(403);

    const stream = await listen(base, token);
    // The owner checks in at the other seminar (not this device's business), then the device at its own.
    await asOwner(hub, 'checkin.checkIn', { registrationId: otherRegs.find((r) => r.name === 'Ann Lee')?.id });
    const annHere = regs.find((r) => r.name === 'Ann Lee')?.id;
    const answer = JSON.parse((await api(base, 'checkin.checkIn', { registrationId: annHere, clientId: 'door2-http-0001', device: 'Somebody else' }, token)).body);
    expect(answer).toMatchObject({ ok: true, value: { checkedInBy: 'Door 2' } });
    await until('the device’s check-in on its stream', () => stream.events.some((e) => e.type === 'seminar' && e.change === 'checked_in'), 10_000);
    expect(stream.events.every((e) => e.type === 'book' || e.seminarId === seminarId)).toBe(true);
    const told = stream.events.find((e) => e.type === 'seminar' && e.change === 'checked_in');
    expect(told).toMatchObject({ seminarId, by: 'Door 2', counts: { checkedIn: 1 }, entries: [{ id: annHere, emails: ['ann@acme.test'], checkedInBy: 'Door 2' }] });
    expect(JSON.stringify(stream.events)).not.toMatch(/ann\.private|owes me|Cy Moss|The Other Room/);

    // Revoked: the stream ends at the next event, and says nothing of it.
    const [device] = (await asOwner<DoorStatus>(hub, 'door.status', { seminarId })).devices;
    await asOwner(hub, 'door.revoke', { deviceId: device?.id });
    const heard = stream.events.length;
    await asOwner(hub, 'checkin.checkIn', { registrationId: regs.find((r) => r.name === 'Bo Chen')?.id });
    await until('the revoked device’s stream to end', () => stream.ended, 10_000);
    expect(stream.events).toHaveLength(heard);
    stream.close();
  });

  it('refuses to open the door for a closed seminar', async () => {
    const hub = await startHub();
    const seminarId = await seminar(hub);
    await asOwner(hub, 'seminars.close', { id: seminarId, closed: true });
    const res = await fetch(`${hub.loopback}/api/door.open`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${hub.ownerToken}` },
      body: JSON.stringify({ seminarId }),
    });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/closed/) } });
    expect(hub.door.listening()).toBeNull();
  });
});
