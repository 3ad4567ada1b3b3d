import { useSyncExternalStore } from 'react';
import type { DoorRoster, RosterEntry } from '../../../../shared/domain/door';
import type { CheckInResults } from '../../../../shared/domain/registrant-match';
import { prepareRoster, searchRoster, type PreparedRoster } from '../../../../shared/domain/roster-search';
import type { CheckInUndo, RegistrationCounts, Seminar } from '../../../../shared/domain/seminar';
import { ApiError, type Envelope } from '../../../../shared/errors';
import { send as sendToHub, subscribe, type LiveEvent } from '../../api/client';
import { newClientId } from '../../api/client-id';
import { openDoorBook, type DoorBook, type QueuedCheckIn, type ReplayOutcome } from './door-book';
import { replay, sendQueued, type Send, type SendResult } from './door-queue';

/**
 * One seminar's door on this device: the roster kept in IndexedDB and kept current by the hub's
 * live events, the check-ins waiting for the hub, and whether the hub answers. Check-ins always go
 * through the queue; when the hub answers, they leave it at once.
 */

/** A search or a check-in the hub has not answered by then is done on the device (and sent later). */
export const HUB_TIMEOUT_MS = 2500;
/** While the hub is away, it is asked again this often (the event stream also says when it is back). */
const RETRY_MS = 3000;
/** Live events are applied together at most this often: a burst at three doors is one repaint, one write. */
const APPLY_MS = 50;

export interface DoorState {
  /** The roster was read (from this device or the hub). */
  ready: boolean;
  seminar: Seminar | null;
  entries: ReadonlyMap<number, RosterEntry>;
  queued: readonly QueuedCheckIn[];
  outcomes: readonly ReplayOutcome[];
  /** The hub answered the last call. */
  online: boolean;
  /** Nothing kept on this device and the hub cannot be reached: nothing to work with yet. */
  problem: string | null;
}

const send: Send = (method, input) => sendToHub(method, input, HUB_TIMEOUT_MS);
const unreachable = (e: Envelope<unknown>) => !e.ok && e.error.code === 'unreachable';

let bookPromise: Promise<DoorBook> | null = null;
const book = () => (bookPromise ??= openDoorBook());

export class DoorSession {
  state: DoorState = { ready: false, seminar: null, entries: new Map(), queued: [], outcomes: [], online: false, problem: null };
  private readonly listeners = new Set<() => void>();
  private stopLive: (() => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private syncing: Promise<void> | null = null;
  private replaying: Promise<void> | null = null;
  private users = 0;
  private heard: Extract<LiveEvent, { type: 'seminar' }>[] = [];
  private applying: ReturnType<typeof setTimeout> | null = null;
  private prepared: { entries: ReadonlyMap<number, RosterEntry>; roster: PreparedRoster } | null = null;

  constructor(readonly seminarId: number) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(change: Partial<DoorState>): void {
    this.state = { ...this.state, ...change };
    this.listeners.forEach((l) => l());
  }

  /** Opened by the door screen; the last screen to leave closes the link to the hub. */
  open(): () => void {
    this.users += 1;
    if (this.users === 1) void this.start();
    return () => {
      this.users -= 1;
      if (this.users === 0) this.stop();
    };
  }

  private async start(): Promise<void> {
    const b = await book();
    await this.reload(b);
    this.stopLive = subscribe((e) => void this.hear(e));
    const wake = () => void this.sync();
    window.addEventListener('online', wake);
    this.timer = setInterval(() => {
      if (!this.state.online || this.state.queued.length > 0) void this.sync();
    }, RETRY_MS);
    const stopTimer = this.timer;
    const stopLive = this.stopLive;
    this.stopLive = () => {
      stopLive();
      clearInterval(stopTimer);
      window.removeEventListener('online', wake);
    };
    await this.sync();
  }

  private stop(): void {
    this.stopLive?.();
    this.stopLive = null;
  }

  /** The state as IndexedDB holds it. */
  private async reload(b: DoorBook): Promise<void> {
    const [stored, queued, outcomes] = await Promise.all([b.read(this.seminarId), b.queued(this.seminarId), b.outcomes(this.seminarId)]);
    this.set({
      ready: stored !== null || this.state.ready,
      seminar: stored?.seminar ?? this.state.seminar,
      entries: stored ? new Map(stored.entries.map((e) => [e.id, e])) : this.state.entries,
      queued,
      outcomes,
    });
  }

  private markOnline(online: boolean): void {
    if (this.state.online !== online) this.set({ online });
  }

  /** Reads the whole roster from the hub, then sends what waits. One at a time. */
  sync(): Promise<void> {
    this.syncing ??= (async () => {
      try {
        const answer = await send('checkin.roster', { seminarId: this.seminarId });
        const b = await book();
        if (answer.ok) {
          await b.replace(answer.value as DoorRoster);
          this.set({ problem: null });
          this.markOnline(true);
          await this.reload(b);
          await this.flush();
        } else {
          this.markOnline(false);
          if (!this.state.ready) {
            this.set({ problem: unreachable(answer) ? 'This device has not reached the hub yet, and keeps nothing of this seminar. Connect it to the hub’s network.' : answer.error.message });
          }
        }
      } finally {
        this.syncing = null;
      }
    })();
    return this.syncing;
  }

  /** Sends the queue in order; stops when the hub does not answer. */
  flush(): Promise<void> {
    this.replaying ??= (async () => {
      try {
        const b = await book();
        const { kept } = await replay(b, this.seminarId, send);
        this.markOnline(kept === 0);
        await this.reload(b);
      } finally {
        this.replaying = null;
      }
    })();
    return this.replaying;
  }

  private async hear(e: LiveEvent): Promise<void> {
    if (e.type === 'disconnected') return this.markOnline(false);
    if (e.type === 'connected' || e.type === 'book') return this.sync();
    if (e.seminarId !== this.seminarId) return;
    this.markOnline(true);
    if (e.resync || !this.state.seminar) return this.sync();
    this.heard.push(e);
    this.applying ??= setTimeout(() => void this.applyHeard(), APPLY_MS);
  }

  /** The events heard since the last repaint: on screen at once, then kept in IndexedDB. */
  private async applyHeard(): Promise<void> {
    const events = this.heard;
    this.heard = [];
    this.applying = null;
    const last = events.at(-1);
    if (!last || !this.state.seminar) return;
    const entries = new Map(this.state.entries);
    for (const e of events) {
      for (const entry of e.entries) {
        if (entry.state === 'cancelled') entries.delete(entry.id);
        else entries.set(entry.id, entry);
      }
      for (const id of e.removed) entries.delete(id);
    }
    this.set({ entries, seminar: { ...this.state.seminar, counts: last.counts } });
    const b = await book();
    for (const e of events) if (!(await b.apply(e))) return this.sync();
  }

  /**
   * The search, on the device: the roster here is the hub's, kept current by its events, and the
   * same rules run on it (roster-search.ts, proven to agree with the hub's) — no round trip per
   * keystroke, and the same answer offline. Only when nothing matches as typed is the hub asked,
   * for its "did you mean…" close names.
   */
  async find(query: string): Promise<CheckInResults> {
    const local = searchRoster(this.roster(), query);
    const wantsSuggestions = local.rows.length === 0 && /\p{L}/u.test(query);
    if (this.state.ready && !(wantsSuggestions && this.state.online)) return this.withQueued(local);
    const answer = await send('checkin.find', { seminarId: this.seminarId, query });
    if (answer.ok) return this.withQueued(answer.value as CheckInResults);
    if (!unreachable(answer)) throw new ApiError(answer.error);
    this.markOnline(false);
    return this.withQueued(local);
  }

  /** The roster in name order, prepared once per change of it. */
  private roster(): PreparedRoster {
    if (this.prepared?.entries !== this.state.entries) this.prepared = { entries: this.state.entries, roster: prepareRoster([...this.state.entries.values()]) };
    return this.prepared.roster;
  }

  /** Those checked in here and still on their way to the hub are checked in, on this screen too. */
  private withQueued(results: CheckInResults): CheckInResults {
    if (this.state.queued.length === 0) return results;
    const mine = new Map(this.state.queued.map((q) => [q.registrationId, q]));
    const mark = <R extends { id: number; state: string }>(r: R): R => {
      const q = mine.get(r.id);
      return q && r.state === 'registered' ? { ...r, state: 'checked_in', checkedInAt: q.at, checkedInBy: q.device } : r;
    };
    return { ...results, rows: results.rows.map(mark), suggestions: results.suggestions.map(mark) };
  }

  /**
   * Checks someone in from this device: into the queue first (so a reload or a dead hub loses
   * nothing), then to the hub. The answer: checked in (here or at the hub), or already in elsewhere.
   */
  async checkIn(registrationId: number, device: string, clientId = newClientId()): Promise<SendResult & { waiting: boolean }> {
    const b = await book();
    const item = await b.enqueue({ clientId, seminarId: this.seminarId, registrationId, device, at: new Date().toISOString(), late: false });
    this.set({ queued: [...this.state.queued, item] });
    const result = await sendQueued(b, item, send);
    this.markOnline(result.kind !== 'kept');
    // What IndexedDB now holds, applied here without reading the whole roster back.
    if (result.kind !== 'kept') {
      const entries = new Map(this.state.entries);
      if (result.kind !== 'refused' && entries.has(registrationId)) entries.set(registrationId, { ...(entries.get(registrationId) as RosterEntry), ...result.entry });
      this.set({ entries, queued: this.state.queued.filter((q) => q.clientId !== item.clientId) });
    }
    return { ...result, waiting: result.kind === 'kept' };
  }

  /** Undo: a check-in still waiting here is simply taken back; one the hub has needs the hub. */
  async undo(registrationId: number, clientId: string): Promise<CheckInUndo> {
    const b = await book();
    const waiting = this.state.queued.find((q) => q.registrationId === registrationId);
    const name = this.state.entries.get(registrationId)?.name ?? 'This person';
    if (waiting) {
      await b.drop(waiting.clientId);
      await this.reload(b);
      return { registrationId, name, outcome: 'expected_again', personKept: null };
    }
    const answer = await send('checkin.undo', { registrationId, clientId });
    if (!answer.ok) {
      if (unreachable(answer)) this.markOnline(false);
      throw new ApiError(unreachable(answer) ? { code: 'unreachable', message: 'Undo needs the hub, which cannot be reached right now. Try again in a moment.' } : answer.error);
    }
    void this.sync();
    return answer.value as CheckInUndo;
  }

  async dismissOutcomes(): Promise<void> {
    const b = await book();
    await b.clearOutcomes(this.seminarId);
    await this.reload(b);
  }

  /** The hub's counts, with this device's check-ins that are still on their way counted in. */
  counts(): RegistrationCounts | null {
    const c = this.state.seminar?.counts;
    if (!c) return null;
    const waiting = this.state.queued.map((q) => this.state.entries.get(q.registrationId)).filter((e): e is RosterEntry => e?.state === 'registered');
    const inPerson = waiting.filter((e) => e.mode === 'in_person').length;
    return {
      ...c,
      checkedIn: c.checkedIn + waiting.length,
      checkedInInPerson: c.checkedInInPerson + inPerson,
      checkedInStream: c.checkedInStream + waiting.length - inPerson,
      expected: Math.max(0, c.expected - waiting.length),
    };
  }
}

const sessions = new Map<number, DoorSession>();

export function doorSession(seminarId: number): DoorSession {
  let s = sessions.get(seminarId);
  if (!s) {
    s = new DoorSession(seminarId);
    sessions.set(seminarId, s);
  }
  return s;
}

export function useDoorState(session: DoorSession): DoorState {
  return useSyncExternalStore(session.subscribe, () => session.state);
}
