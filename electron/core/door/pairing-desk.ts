import crypto from 'node:crypto';
import { isPairingCode, PAIRING_CODE_DIGITS, PAIRING_CODE_TTL_MS, PAIRING_LOCK_MS, PAIRING_WRONG_LIMIT } from '../../../shared/domain/door-hub';

/**
 * The pairing codes the hub hands out, one per seminar whose door is open, and the lock that five
 * wrong codes in a row put on pairing for a minute. Kept in memory only: a code lives ten
 * minutes, and a restarted hub asks the owner for a fresh one.
 */

export type Redeemed =
  | { ok: true; seminarId: number }
  | { ok: false; reason: 'wrong'; triesLeft: number }
  | { ok: false; reason: 'locked'; until: number };

interface Issued {
  code: string;
  expiresAt: number;
}

export class PairingDesk {
  private readonly codes = new Map<number, Issued>();
  private wrongInARow = 0;
  private locked = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly draw: () => number = () => crypto.randomInt(0, 10 ** PAIRING_CODE_DIGITS),
  ) {}

  /** A fresh code for this seminar (the one before it stops working), never one another seminar holds. */
  issue(seminarId: number): Issued {
    const taken = new Set([...this.live()].filter(([id]) => id !== seminarId).map(([, c]) => c.code));
    let code: string;
    do code = String(this.draw()).padStart(PAIRING_CODE_DIGITS, '0');
    while (taken.has(code));
    const issued = { code, expiresAt: this.now() + PAIRING_CODE_TTL_MS };
    this.codes.set(seminarId, issued);
    return issued;
  }

  /** This seminar's code while it lasts. */
  current(seminarId: number): Issued | null {
    const issued = this.codes.get(seminarId);
    return issued && issued.expiresAt > this.now() ? issued : null;
  }

  /** When pairing opens again after five wrong codes, or null. */
  lockedUntil(): number | null {
    return this.locked > this.now() ? this.locked : null;
  }

  /**
   * A code a device sent. Only a well-formed code can count as a try (anything else could never be
   * right); while locked, even the right code is turned away, so guessing gains nothing from the lock.
   */
  redeem(typed: string): Redeemed | { ok: false; reason: 'malformed' } {
    const until = this.lockedUntil();
    if (until !== null) return { ok: false, reason: 'locked', until };
    if (!isPairingCode(typed)) return { ok: false, reason: 'malformed' };
    let found: number | null = null;
    // Every live code is compared, each in constant time: how long this takes says nothing about them.
    for (const [seminarId, issued] of this.live()) {
      if (crypto.timingSafeEqual(Buffer.from(issued.code), Buffer.from(typed))) found = seminarId;
    }
    if (found !== null) {
      this.wrongInARow = 0;
      return { ok: true, seminarId: found };
    }
    this.wrongInARow += 1;
    if (this.wrongInARow >= PAIRING_WRONG_LIMIT) {
      this.wrongInARow = 0;
      this.locked = this.now() + PAIRING_LOCK_MS;
      return { ok: false, reason: 'locked', until: this.locked };
    }
    return { ok: false, reason: 'wrong', triesLeft: PAIRING_WRONG_LIMIT - this.wrongInARow };
  }

  /** Closing the door: no code works any more. */
  clear(): void {
    this.codes.clear();
    this.wrongInARow = 0;
    this.locked = 0;
  }

  private *live(): Iterable<[number, Issued]> {
    const now = this.now();
    for (const entry of this.codes) if (entry[1].expiresAt > now) yield entry;
  }
}
