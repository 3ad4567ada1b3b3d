import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badgeHolders, type BadgeChoice } from '../../shared/domain/badges';
import type { Registration } from '../../shared/domain/seminar';
import { fitName, NAME_FIT } from '../../renderer/src/print/fitName';

const reg = (id: number, more: Partial<Registration>): Registration => ({
  id,
  seminarId: 1,
  personId: id,
  name: `P${id}`,
  organization: '',
  role: '',
  primaryEmail: '',
  introduceAs: '',
  mode: 'in_person',
  source: 'ahead',
  state: 'registered',
  checkedInAt: null,
  ticketCode: `1000000${id}`,
  note: '',
  badgePrintedAt: null,
  checkedInBy: null,
  ticket: null,
  ...more,
});

describe('who gets a badge', () => {
  const regs = [
    reg(1, {}),
    reg(2, { mode: 'stream' }),
    reg(3, { badgePrintedAt: '2031-01-16T13:00:00Z' }),
    reg(4, { state: 'cancelled' }),
    reg(5, { state: 'checked_in', checkedInAt: '2031-01-16T14:00:00Z' }),
    reg(6, { mode: 'stream', state: 'cancelled' }),
  ];
  const ids = (choice: BadgeChoice, selected: number[] = []) => badgeHolders(regs, choice, new Set(selected)).map((r) => r.id);

  it('in person by default, not yet printed, the selection, or everyone; never a cancelled registration', () => {
    expect(ids('in_person')).toEqual([1, 3, 5]);
    expect(ids('not_printed')).toEqual([1, 5]);
    expect(ids('selected', [2, 3, 4])).toEqual([2, 3]);
    expect(ids('everyone')).toEqual([1, 2, 3, 5]);
  });
});

describe('fitting a name', () => {
  /** A name of `width` points at 1 pt, in a box `room` wide and `height` tall (a line is 1.1 × the size). */
  const box = (width: number, room: number, height: number) => (pt: number, lines: 1 | 2) => {
    const lineWidth = width * pt;
    const needed = Math.ceil(lineWidth / room);
    return needed <= lines && needed * pt * 1.1 <= height;
  };

  it('takes the largest size on one line, then two lines, then cuts', () => {
    expect(fitName(box(5, 300, 60))).toEqual({ pt: 26, lines: 1, clamped: false });
    expect(fitName(box(15, 300, 60))).toEqual({ pt: 20, lines: 1, clamped: false });
    expect(fitName(box(30, 300, 60))).toEqual({ pt: 17, lines: 2, clamped: false });
    expect(fitName(box(45, 300, 60))).toEqual({ pt: 13, lines: 2, clamped: false });
    expect(fitName(box(500, 300, 60))).toEqual({ pt: NAME_FIT.twoLineMinPt, lines: 2, clamped: true });
  });

  it('whatever it chooses fits, unless it says it cut the name; no larger size on the grid would', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 600, noNaN: true }), fc.double({ min: 100, max: 400, noNaN: true }), fc.double({ min: 20, max: 120, noNaN: true }), (width, room, height) => {
        const fits = box(width, room, height);
        const chosen = fitName(fits);
        expect(chosen.pt).toBeGreaterThanOrEqual(NAME_FIT.twoLineMinPt);
        expect(chosen.pt).toBeLessThanOrEqual(NAME_FIT.maxPt);
        if (chosen.clamped) {
          expect(fits(NAME_FIT.twoLineMinPt, 2)).toBe(false);
          return;
        }
        expect(fits(chosen.pt, chosen.lines)).toBe(true);
        if (chosen.lines === 2) expect(fits(NAME_FIT.oneLineMinPt, 1)).toBe(false);
        const larger = chosen.pt + NAME_FIT.stepPt;
        if (larger <= (chosen.lines === 1 ? NAME_FIT.maxPt : NAME_FIT.oneLineMinPt)) expect(fits(larger, chosen.lines)).toBe(false);
      }),
    );
  });
});
