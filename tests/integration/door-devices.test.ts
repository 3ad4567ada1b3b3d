import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api';
import type { CoreContext } from '../../electron/core/context';
import { eventsOf } from '../../electron/core/events';
import { checkIn, noteAtTable, undoCheckIn, walkIn } from '../../electron/core/services/checkin';
import { doorRoster } from '../../electron/core/services/door-roster';
import { createPerson } from '../../electron/core/services/people';
import { createSeminar, getSeminar, listRegistrations, registerPeople } from '../../electron/core/services/seminars';
import { newToken, ownerRegistry } from '../../electron/station/auth';
import { createStationServer } from '../../electron/station/http';
import { PersonInputSchema } from '../../shared/domain/person';
import { SeminarInputSchema } from '../../shared/domain/seminar';
import { AppError } from '../../shared/errors';
import type { BookEvent } from '../../shared/events';
import { openTestContext, tempDataDir } from '../helpers/store';

async function door(count = 3) {
  const ctx = await openTestContext();
  // 9:00 in New York on the day: check-ins below are told on that clock.
  ctx.now = () => new Date('2031-01-16T14:02:00Z');
  const seminar = createSeminar(ctx, SeminarInputSchema.parse({ title: 'Door', date: '2031-01-16', startTime: '09:00', endTime: '12:00', timeZone: 'America/New_York' }));
  const people = Array.from({ length: count }, (_, i) =>
    createPerson(ctx, PersonInputSchema.parse({ givenName: `Guest${i}`, familyName: 'Lee', organization: 'Acme', emails: [{ address: `g${i}@acme.example` }, { address: `g${i}@home.example` }] })).id,
  );
  registerPeople(ctx, seminar.id, people, 'in_person');
  const regs = listRegistrations(ctx, seminar.id);
  return { ctx, seminarId: seminar.id, regs, people };
}

const answered = (ctx: CoreContext) => (ctx.db.prepare('SELECT count(*) AS n FROM client_requests').get() as { n: number }).n;
const refusal = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('one check-in, however often it is sent', () => {
  it('answers a repeated client id with the first answer and checks in once, recording the device', async () => {
    const { ctx, regs } = await door();
    const ann = regs[0]!;
    const first = checkIn(ctx, ann.id, '', { clientId: 'door1-aaaa-0001', device: 'Door 1' });
    expect(first).toMatchObject({ state: 'checked_in', checkedInBy: 'Door 1' });
    ctx.now = () => new Date('2031-01-16T14:30:00Z');
    const again = checkIn(ctx, ann.id, '', { clientId: 'door1-aaaa-0001', device: 'Door 1' });
    expect(again).toEqual(first);
    expect(answered(ctx)).toBe(1);
    // Another device, its own id: refused, and told when and where.
    const other = refusal(() => checkIn(ctx, ann.id, '', { clientId: 'door2-bbbb-0001', device: 'Door 2' }));
    expect(other.code).toBe('conflict');
    expect(other.message).toBe(`${ann.name} is already checked in at 9:02 AM on Door 1.`);
    expect(other.fields).toEqual({ state: 'checked_in', checkedInAt: '2031-01-16T14:02:00.000Z', checkedInBy: 'Door 1' });
    // The owner's own table is "the main computer" to a device.
    checkIn(ctx, regs[1]!.id);
    expect(refusal(() => checkIn(ctx, regs[1]!.id, '', { device: 'Door 2' })).message).toMatch(/on the main computer\.$/);
  });

  it('keeps a refusal as the answer: a replay after an undo still acts not', async () => {
    const { ctx, regs } = await door();
    const ann = regs[0]!;
    checkIn(ctx, ann.id, '', { device: 'Door 2' });
    expect(refusal(() => checkIn(ctx, ann.id, '', { clientId: 'door1-late-0001', device: 'Door 1' })).fields?.checkedInBy).toBe('Door 2');
    undoCheckIn(ctx, ann.id);
    expect(refusal(() => checkIn(ctx, ann.id, '', { clientId: 'door1-late-0001', device: 'Door 1' })).fields?.checkedInBy).toBe('Door 2');
    expect(listRegistrations(ctx, ann.seminarId).find((r) => r.id === ann.id)).toMatchObject({ state: 'registered', checkedInBy: null });
  });

  it('refuses an id already used for another action, and does not keep a failure that decided nothing', async () => {
    const { ctx, regs } = await door();
    checkIn(ctx, regs[0]!.id, '', { clientId: 'same-id-0001' });
    const misuse = refusal(() => checkIn(ctx, regs[1]!.id, '', { clientId: 'same-id-0001' }));
    expect(misuse).toMatchObject({ code: 'invalid_input', fields: { clientId: expect.stringContaining('another action') } });
    expect(listRegistrations(ctx, regs[0]!.seminarId).filter((r) => r.state === 'checked_in')).toHaveLength(1);
    // Bad input is refused before anything is kept: the same id may then be used for the real call.
    expect(dispatch(ctx, 'checkin.checkIn', { registrationId: regs[1]!.id, clientId: 'short' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dispatch(ctx, 'checkin.checkIn', { registrationId: regs[1]!.id, clientId: 'fresh-id-0001', device: 'Door 3' })).toMatchObject({ ok: true, value: { checkedInBy: 'Door 3' } });
  });

  it('makes undo, a note and a walk-in idempotent too', async () => {
    const { ctx, regs, seminarId } = await door();
    const ann = regs[0]!;
    checkIn(ctx, ann.id);
    const undone = undoCheckIn(ctx, ann.id, { clientId: 'undo-0000-0001' });
    checkIn(ctx, ann.id);
    expect(undoCheckIn(ctx, ann.id, { clientId: 'undo-0000-0001' })).toEqual(undone);
    expect(listRegistrations(ctx, seminarId).find((r) => r.id === ann.id)?.state).toBe('checked_in');
    noteAtTable(ctx, ann.id, 'wants referrals', { clientId: 'note-0000-0001' });
    noteAtTable(ctx, ann.id, 'wants referrals', { clientId: 'note-0000-0001' });
    expect(listRegistrations(ctx, seminarId).find((r) => r.id === ann.id)?.note).toBe('wants referrals');
    const person = PersonInputSchema.parse({ givenName: 'Nia', familyName: 'Mensah' });
    const a = walkIn(ctx, seminarId, { person }, 'in_person', { clientId: 'walk-0000-0001', device: 'Door 2' });
    const b = walkIn(ctx, seminarId, { person }, 'in_person', { clientId: 'walk-0000-0001', device: 'Door 2' });
    expect(b).toEqual(a);
    expect(a.checkedInBy).toBe('Door 2');
    expect((ctx.db.prepare("SELECT count(*) AS n FROM people WHERE given_name = 'Nia'").get() as { n: number }).n).toBe(1);
  });
});

describe('replayed queues (generated: random order, duplicates, other devices interleaved)', () => {
  it('never checks anyone in twice and loses no check-in', async () => {
    const { ctx, regs, seminarId } = await door(12);
    const ids = regs.map((r) => r.id);
    // Each device's queue: check-ins with their own ids. The sends: every queued item one or more
    // times, in any order, the devices interleaved — as flaky Wi-Fi and replays after reloads make them.
    const device = fc.record({ name: fc.constantFrom('Door 1', 'Door 2', 'Door 3'), picks: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 8 }) });
    const scenario = fc.array(device, { minLength: 1, maxLength: 3 }).chain((devices) => {
      const items = devices.flatMap((d, di) => d.picks.map((registrationId, k) => ({ clientId: `dev${di}-item-${String(k).padStart(4, '0')}`, registrationId, device: d.name })));
      const sends = fc
        .array(fc.nat({ max: Math.max(0, items.length - 1) }), { maxLength: items.length * 2 })
        .map((repeats) => [...items.map((_, i) => i), ...repeats.filter((i) => i < items.length)]);
      return fc.tuple(fc.constant(items), sends.chain((all) => fc.shuffledSubarray(all, { minLength: all.length })));
    });
    let round = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ([items, sends]) => {
        round += 1;
        ctx.db.prepare("UPDATE registrations SET state = 'registered', checked_in_at = NULL, checked_in_by = NULL WHERE seminar_id = ?").run(seminarId);
        const answers = new Map<string, string[]>();
        for (const i of sends) {
          const item = items[i]!;
          const clientId = `r${round}-${item.clientId}`;
          const envelope = dispatch(ctx, 'checkin.checkIn', { registrationId: item.registrationId, clientId, device: item.device });
          answers.set(clientId, [...(answers.get(clientId) ?? []), JSON.stringify(envelope)]);
        }
        // Every repeat of an id was answered as the first time.
        for (const [, list] of answers) expect(new Set(list).size).toBe(1);
        const now = listRegistrations(ctx, seminarId);
        for (const r of now) {
          const sent = items.filter((it) => it.registrationId === r.id);
          const oks = sent.filter((it) => (JSON.parse(answers.get(`r${round}-${it.clientId}`)![0]!) as { ok: boolean }).ok);
          // Checked in exactly when someone asked, by exactly one of them, recorded as that device.
          expect(r.state).toBe(sent.length > 0 ? 'checked_in' : 'registered');
          expect(oks.length).toBe(sent.length > 0 ? 1 : 0);
          if (oks[0]) expect(r.checkedInBy).toBe(oks[0].device);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('live events', () => {
  it('tells listeners after the commit what changed, with the counts; a repeat tells nothing', async () => {
    const { ctx, regs, seminarId, people } = await door();
    const heard: BookEvent[] = [];
    const stop = eventsOf(ctx).subscribe((e) => heard.push(e));
    checkIn(ctx, regs[0]!.id, '', { clientId: 'evt-0000-0001', device: 'Door 1' });
    checkIn(ctx, regs[0]!.id, '', { clientId: 'evt-0000-0001', device: 'Door 1' });
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ type: 'seminar', seminarId, change: 'checked_in', by: 'Door 1', counts: { checkedIn: 1, expected: 2 } });
    if (heard[0]?.type !== 'seminar') throw new Error('a seminar event');
    expect(heard[0].entries).toEqual([expect.objectContaining({ id: regs[0]!.id, state: 'checked_in', givenName: 'Guest0', emails: ['g0@acme.example', 'g0@home.example'] })]);
    const walk = walkIn(ctx, seminarId, { person: PersonInputSchema.parse({ givenName: 'Nia', familyName: 'Mensah' }) }, 'in_person');
    undoCheckIn(ctx, walk.id);
    expect(heard.slice(1).map((e) => (e.type === 'seminar' ? [e.change, e.removed, e.counts.walkIns] : e.type))).toEqual([
      ['walk_in', [], 1],
      ['undone', [walk.id], 0],
    ]);
    const extra = createPerson(ctx, PersonInputSchema.parse({ givenName: 'Ola', familyName: 'Nordmann' })).id;
    registerPeople(ctx, seminarId, [extra], 'stream');
    expect(heard.at(-1)).toMatchObject({ change: 'registrations', counts: { registeredStream: 1 } });
    // A failed check-in tells nothing; book-wide writes through the API tell every screen to read again.
    expect(() => checkIn(ctx, regs[0]!.id)).toThrow(AppError);
    const before = heard.length;
    dispatch(ctx, 'people.delete', { id: people[2] });
    expect(heard.slice(before).map((e) => e.type)).toEqual(['book']);
    expect(heard.map((e) => e.seq)).toEqual(heard.map((_, i) => i + 1));
    stop();
  });

  it('waits for a caller’s transaction to end before telling (the sample book registers inside one)', async () => {
    const { ctx, regs } = await door();
    const heard: BookEvent[] = [];
    eventsOf(ctx).subscribe((e) => heard.push(e));
    ctx.db.transaction(() => {
      checkIn(ctx, regs[1]!.id);
      expect(heard).toHaveLength(0);
    })();
    await new Promise((resolve) => setImmediate(resolve));
    expect(heard).toHaveLength(1);
  });
});

describe('the door roster', () => {
  it('holds what a door needs, without the platform form answers or cancelled registrations', async () => {
    const { ctx, regs, seminarId } = await door();
    dispatch(ctx, 'registrations.update', { id: regs[2]!.id, cancelled: true });
    ctx.db.prepare("INSERT INTO registration_answers (registration_id, question, answer) VALUES (?, 'Diet?', 'Vegan')").run(regs[0]!.id);
    ctx.db.prepare("INSERT INTO registration_codes (registration_id, kind, code) VALUES (?, 'barcode', '112233445566')").run(regs[0]!.id);
    const roster = doorRoster(ctx, seminarId);
    expect(roster.seminar.counts.registered).toBe(2);
    expect(roster.registrants.map((r) => r.id)).toEqual([regs[0]!.id, regs[1]!.id]);
    expect(roster.registrants[0]).toMatchObject({ givenName: 'Guest0', familyName: 'Lee', ticket: { codes: [{ kind: 'barcode', code: '112233445566' }], answers: [] } });
    expect(getSeminar(ctx, seminarId).counts.cancelled).toBe(1);
  });
});

describe('two devices over HTTP at the same moment', () => {
  let server: http.Server | null = null;
  afterEach(async () => {
    server?.closeAllConnections();
    if (server) await new Promise((resolve) => server?.close(resolve));
    server = null;
  });

  async function station(ctx: CoreContext) {
    const staticDir = tempDataDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Rapport</title>');
    server = createStationServer({ ctx, tokens: ownerRegistry(token), staticDir, report: () => {} });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const token = newToken();
  const post = async (base: string, method: string, body: unknown) =>
    (
      await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      })
    ).json() as Promise<{
      ok: boolean;
      value?: { checkedInBy: string };
      error?: { code: string; message: string; fields: Record<string, string> };
    }>;

  it('records exactly one check-in of each person fired from two clients at once, and the other is told by whom', async () => {
    const { ctx, regs, seminarId } = await door(20);
    const base = await station(ctx);
    const answers = await Promise.all(
      regs.flatMap((r, i) => [
        post(base, 'checkin.checkIn', { registrationId: r.id, clientId: `door1-http-${String(i).padStart(4, '0')}`, device: 'Door 1' }),
        post(base, 'checkin.checkIn', { registrationId: r.id, clientId: `door2-http-${String(i).padStart(4, '0')}`, device: 'Door 2' }),
        // The same request twice (a retry racing its first try): one action, the same answer.
        post(base, 'checkin.checkIn', { registrationId: r.id, clientId: `door2-http-${String(i).padStart(4, '0')}`, device: 'Door 2' }),
      ]),
    );
    for (let i = 0; i < regs.length; i++) {
      const [one, two, twoAgain] = answers.slice(3 * i, 3 * i + 3);
      expect(two).toEqual(twoAgain);
      expect([one?.ok, two?.ok].filter(Boolean)).toHaveLength(1);
      const winner = one?.ok ? one.value?.checkedInBy : two?.value?.checkedInBy;
      const loser = one?.ok ? two : one;
      expect(loser?.error).toMatchObject({ code: 'conflict', fields: { checkedInBy: winner } });
      expect(loser?.error?.message).toMatch(new RegExp(`already checked in at \\d+:\\d\\d [AP]M on ${winner}\\.$`));
    }
    const stored = listRegistrations(ctx, seminarId);
    expect(stored.every((r) => r.state === 'checked_in')).toBe(true);
    expect(answered(ctx)).toBe(40);
  });

  it('streams each change to every listener as server-sent events', async () => {
    const { ctx, regs, seminarId } = await door();
    const base = await station(ctx);
    const open = (query: string) =>
      new Promise<{ res: http.IncomingMessage; events: BookEvent[]; next: () => Promise<BookEvent> }>((resolve, reject) => {
        const req = http.get(`${base}/api/events${query}`, { headers: { Authorization: `Bearer ${token}` } }, (res) => {
          const events: BookEvent[] = [];
          const waiting: ((e: BookEvent) => void)[] = [];
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = block.split('\n').find((l) => l.startsWith('data: '));
              if (!data) continue;
              const event = JSON.parse(data.slice(6)) as BookEvent;
              events.push(event);
              waiting.shift()?.(event);
            }
          });
          resolve({ res, events, next: () => new Promise((r) => (events.length > 0 ? r(events.shift()!) : waiting.push(r))) });
        });
        req.on('error', reject);
      });
    const all = await open('');
    const mine = await open(`?seminarId=${seminarId}`);
    const elsewhere = await open(`?seminarId=${seminarId + 1}`);
    expect(all.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await post(base, 'checkin.checkIn', { registrationId: regs[0]!.id, device: 'Door 3' });
    for (const stream of [all, mine]) expect(await stream.next()).toMatchObject({ type: 'seminar', change: 'checked_in', by: 'Door 3', counts: { checkedIn: 1 } });
    expect(elsewhere.events).toEqual([]);
    expect((await fetch(`${base}/api/events?seminarId=x`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(400);
    // Without the key, no stream: a stranger hears nothing of the door.
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    for (const s of [all, mine, elsewhere]) s.res.destroy();
  });
});
