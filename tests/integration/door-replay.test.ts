import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api';
import { doorRoster } from '../../electron/core/services/door-roster';
import { createPerson } from '../../electron/core/services/people';
import { createSeminar, listRegistrations, registerPeople } from '../../electron/core/services/seminars';
import { openDoorBook, type DoorBook } from '../../renderer/src/features/door/door-book';
import { replay, sendQueued, type Send } from '../../renderer/src/features/door/door-queue';
import { PersonInputSchema } from '../../shared/domain/person';
import { SeminarInputSchema } from '../../shared/domain/seminar';
import type { Envelope } from '../../shared/errors';
import { openTestContext } from '../helpers/store';

/**
 * Door devices' offline queues against the real store: the device side (IndexedDB, here the
 * fake-indexeddb implementation) replaying through the one dispatch, as over HTTP.
 */

const unreachable: Envelope<never> = { ok: false, error: { code: 'unreachable', message: 'Rapport is not reachable.' } };
let books = 0;

async function hub(count: number) {
  const ctx = await openTestContext();
  const seminar = createSeminar(ctx, SeminarInputSchema.parse({ title: 'Door', date: '2031-01-16', startTime: '09:00', endTime: '12:00', timeZone: 'UTC' }));
  const ids = Array.from({ length: count }, (_, i) => createPerson(ctx, PersonInputSchema.parse({ givenName: `P${i}`, familyName: 'Lee' })).id);
  registerPeople(ctx, seminar.id, ids, 'in_person');
  return { ctx, seminarId: seminar.id, regs: listRegistrations(ctx, seminar.id) };
}

describe('a door device’s queue', () => {
  it('keeps a check-in the hub did not answer, replays it once it does, and shows who had checked someone in meanwhile', async () => {
    const { ctx, seminarId, regs } = await hub(3);
    const book = await openDoorBook(`door-test-${++books}`);
    await book.replace(doorRoster(ctx, seminarId));
    const online: Send = async (method, input) => dispatch(ctx, method, input);
    const offline: Send = async () => unreachable;
    for (const [i, r] of regs.entries()) {
      const item = await book.enqueue({ clientId: `offline-item-000${i}`, seminarId, registrationId: r.id, device: 'Door 1', at: new Date().toISOString(), late: false });
      expect(await sendQueued(book, item, offline)).toMatchObject({ kind: 'kept' });
    }
    expect(await book.queued(seminarId)).toHaveLength(3);
    // Meanwhile another device checks the second one in at the hub.
    dispatch(ctx, 'checkin.checkIn', { registrationId: regs[1]!.id, device: 'Door 2' });
    // The page reloads: a new connection to the same IndexedDB finds the queue as it was.
    book.close();
    const again = await openDoorBook(`door-test-${books}`);
    expect(await replay(again, seminarId, online)).toEqual({ sent: 3, kept: 0 });
    expect(await again.queued(seminarId)).toEqual([]);
    const outcomes = await again.outcomes(seminarId);
    expect(outcomes.map((o) => [o.registrationId, o.result, o.checkedInBy]).sort()).toEqual(
      [
        [regs[0]!.id, 'in', 'Door 1'],
        [regs[1]!.id, 'already', 'Door 2'],
        [regs[2]!.id, 'in', 'Door 1'],
      ].sort(),
    );
    expect(outcomes.find((o) => o.result === 'already')?.message).toMatch(/already checked in at .* on Door 2\./);
    expect((await again.entry(seminarId, regs[1]!.id))?.checkedInBy).toBe('Door 2');
    expect(listRegistrations(ctx, seminarId).map((r) => r.checkedInBy)).toEqual(['Door 1', 'Door 2', 'Door 1']);
    again.close();
  });

  it('never checks anyone in twice and loses nothing (generated: devices interleaved, answers lost, reloads, offline spells)', async () => {
    const { ctx, seminarId, regs } = await hub(10);
    const ids = regs.map((r) => r.id);
    const step = fc.record({ device: fc.nat({ max: 2 }), what: fc.constantFrom('send', 'send', 'lose-answer', 'reload', 'offline') });
    const scenario = fc.record({
      picks: fc.tuple(...[0, 1, 2].map(() => fc.array(fc.constantFrom(...ids), { maxLength: 6 }))),
      steps: fc.array(step, { maxLength: 40 }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ picks, steps }) => {
        run += 1;
        ctx.db.prepare("UPDATE registrations SET state = 'registered', checked_in_at = NULL, checked_in_by = NULL WHERE seminar_id = ?").run(seminarId);
        const names = [0, 1, 2].map((d) => `door-gen-${run}-${d}`);
        const devices: DoorBook[] = [];
        const made: { device: number; clientId: string; registrationId: number }[] = [];
        for (const [d, list] of picks.entries()) {
          const book = await openDoorBook(names[d]);
          await book.replace(doorRoster(ctx, seminarId));
          for (const [k, registrationId] of list.entries()) {
            const clientId = `g${run}-d${d}-${String(k).padStart(4, '0')}`;
            await book.enqueue({ clientId, seminarId, registrationId, device: `Door ${d + 1}`, at: new Date().toISOString(), late: true });
            made.push({ device: d, clientId, registrationId });
          }
          devices.push(book);
        }
        const online: Send = async (method, input) => dispatch(ctx, method, input);
        // The hub commits, the answer never arrives: the device must send it again later.
        const loseAnswer: Send = async (method, input) => (dispatch(ctx, method, input), unreachable);
        for (const { device: d, what } of steps) {
          const book = devices[d]!;
          const [first] = await book.queued(seminarId);
          if (what === 'reload') {
            book.close();
            devices[d] = await openDoorBook(names[d]);
          } else if (first) await sendQueued(book, first, what === 'send' ? online : what === 'lose-answer' ? loseAnswer : async () => unreachable);
        }
        for (const book of devices) expect((await replay(book, seminarId, online)).kept).toBe(0);
        // Nothing lost: every check-in made at a device has its answer there, and the queues are empty.
        for (const [d, book] of devices.entries()) {
          expect(await book.queued(seminarId)).toEqual([]);
          const answeredIds = new Set((await book.outcomes(seminarId)).map((o) => o.clientId));
          for (const m of made.filter((x) => x.device === d)) expect(answeredIds.has(m.clientId), m.clientId).toBe(true);
        }
        // Never twice: each person asked for is checked in, by exactly one answered-"in" check-in.
        const all = (await Promise.all(devices.map((b) => b.outcomes(seminarId)))).flat();
        const now = listRegistrations(ctx, seminarId);
        for (const r of now) {
          const asked = made.filter((m) => m.registrationId === r.id);
          expect(r.state).toBe(asked.length ? 'checked_in' : 'registered');
          const ins = all.filter((o) => o.registrationId === r.id && o.result === 'in');
          expect(ins).toHaveLength(asked.length ? 1 : 0);
          if (ins[0]) expect(r.checkedInBy).toBe(ins[0].checkedInBy);
        }
        devices.forEach((b) => b.close());
      }),
      { numRuns: 40 },
    );
  });
});
