/**
 * Turns at the one write lock between the main thread (every API call) and a job worker that
 * writes in short steps. SQLite's busy handler is not fair: a worker that begins its next step
 * the moment it commits can keep a waiting check-in out for seconds. So the main thread counts
 * its calls in progress in shared memory, and the worker, between two steps, waits while that
 * count is above zero. A call then waits for at most the one step in flight.
 */
const turnsOf = new WeakMap<object, Int32Array>();

/** The shared counter of one open book (keyed by its store), handed to the workers that write to it. */
export function bookTurns(store: object): Int32Array {
  let turns = turnsOf.get(store);
  if (!turns) {
    turns = new Int32Array(new SharedArrayBuffer(4));
    turnsOf.set(store, turns);
  }
  return turns;
}

/** Runs one API call's synchronous work as the main thread's turn. */
export function mainTurn<T>(store: object, work: () => T): T {
  const turns = bookTurns(store);
  Atomics.add(turns, 0, 1);
  try {
    return work();
  } finally {
    Atomics.sub(turns, 0, 1);
    Atomics.notify(turns, 0);
  }
}

/**
 * In a worker, between two steps: waits while the main thread is in a call, for at most `limitMs`
 * (a stream of calls must not stop the job for good).
 */
export function waitForMainThread(turns: Int32Array, limitMs = 1000): void {
  const until = Date.now() + limitMs;
  for (let inCall = Atomics.load(turns, 0); inCall > 0; inCall = Atomics.load(turns, 0)) {
    const left = until - Date.now();
    if (left <= 0) return;
    Atomics.wait(turns, 0, inCall, left);
  }
}
