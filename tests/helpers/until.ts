/**
 * Waits for a condition something else makes true on its own schedule (a station, a stream, a
 * file on disk), polling; never a fixed sleep. Fails after a generous while, naming what it waited for.
 */
export async function until(what: string, done: () => boolean, ms = 60_000, every = 20): Promise<void> {
  const give = Date.now() + ms;
  while (!done()) {
    if (Date.now() > give) throw new Error(`waited in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}
