import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairingDesk } from '../../electron/core/door/pairing-desk';
import { PAIRING_CODE_TTL_MS, PAIRING_LOCK_MS, PAIRING_WRONG_LIMIT } from '../../shared/domain/door-hub';

/** A desk on a clock the test moves. */
function deskAt(start = 1_000_000) {
  let now = start;
  const desk = new PairingDesk(() => now);
  return { desk, advance: (ms: number) => (now += ms), now: () => now };
}

describe('pairing codes', () => {
  it('gives six digits per seminar, good for ten minutes, replaced by the next one', () => {
    const { desk, advance } = deskAt();
    const first = desk.issue(7);
    expect(first.code).toMatch(/^\d{6}$/);
    expect(desk.redeem(first.code)).toEqual({ ok: true, seminarId: 7 });
    const second = desk.issue(7);
    if (second.code !== first.code) expect(desk.redeem(first.code)).toMatchObject({ ok: false, reason: 'wrong' });
    advance(PAIRING_CODE_TTL_MS - 1);
    expect(desk.redeem(second.code)).toEqual({ ok: true, seminarId: 7 });
    advance(1);
    expect(desk.current(7)).toBeNull();
    expect(desk.redeem(second.code)).toMatchObject({ ok: false, reason: 'wrong' });
  });

  it('never gives two seminars the same code', () => {
    let draws = 0;
    // A generator that keeps drawing the same number: the desk must draw again rather than hand it out twice.
    const desk = new PairingDesk(Date.now, () => (draws++ < 5 ? 42 : draws));
    const a = desk.issue(1);
    const b = desk.issue(2);
    expect(a.code).toBe('000042');
    expect(b.code).not.toBe(a.code);
    expect(desk.redeem(b.code)).toEqual({ ok: true, seminarId: 2 });
  });

  it('does not count what could never be a code', () => {
    const { desk } = deskAt();
    desk.issue(1);
    for (let i = 0; i < 20; i++) expect(desk.redeem(['', '12345', '1234567', 'abcdef'][i % 4] as string)).toEqual({ ok: false, reason: 'malformed' });
    expect(desk.lockedUntil()).toBeNull();
  });

  it('locks pairing for a minute after five wrong codes in a row, even for the right code; a right code resets the count (generated sequences)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ right: fc.boolean(), wait: fc.nat({ max: 3 * PAIRING_LOCK_MS }) }), { maxLength: 40 }),
        (tries) => {
          const { desk, advance, now } = deskAt();
          let wrongInARow = 0;
          let lockedUntil = 0;
          for (const t of tries) {
            advance(t.wait % 20_000);
            const code = desk.current(3)?.code ?? desk.issue(3).code;
            const typed = t.right ? code : String((Number(code) + 1) % 1_000_000).padStart(6, '0');
            const answer = desk.redeem(typed);
            if (now() < lockedUntil) {
              expect(answer).toEqual({ ok: false, reason: 'locked', until: lockedUntil });
              continue;
            }
            if (t.right) {
              expect(answer).toEqual({ ok: true, seminarId: 3 });
              wrongInARow = 0;
            } else if (++wrongInARow === PAIRING_WRONG_LIMIT) {
              lockedUntil = now() + PAIRING_LOCK_MS;
              wrongInARow = 0;
              expect(answer).toEqual({ ok: false, reason: 'locked', until: lockedUntil });
            } else {
              expect(answer).toEqual({ ok: false, reason: 'wrong', triesLeft: PAIRING_WRONG_LIMIT - wrongInARow });
            }
          }
        },
      ),
    );
  });

  it('lets nothing in once cleared (the door closed)', () => {
    const { desk } = deskAt();
    const { code } = desk.issue(1);
    desk.clear();
    expect(desk.current(1)).toBeNull();
    expect(desk.redeem(code)).toMatchObject({ ok: false, reason: 'wrong' });
  });
});
