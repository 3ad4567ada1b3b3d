import Database from 'better-sqlite3';
import { call } from './station-child';
import type { StationAddress } from './station-process';

export interface Write {
  name: string;
  ok: boolean;
  code: string;
  ms: number;
}

/**
 * A client writing every 20 ms while something long runs, as a check-in desk would: one
 * `people.create` at a time, each with its own given name, every answer kept in the order given.
 */
export function startWriter(station: Pick<StationAddress, 'url' | 'token'>, prefix: string) {
  const writes: Write[] = [];
  let stopped = false;
  const running = (async () => {
    for (let n = 0; !stopped; n++) {
      const started = Date.now();
      const name = `${prefix}-${n}`;
      try {
        const a = await call(station, 'people.create', { givenName: name });
        writes.push({ name, ok: a.ok, code: a.ok ? 'ok' : (a.error?.code ?? '?'), ms: a.ms });
      } catch {
        // The station is gone (a crash trial): nothing was acknowledged.
        return;
      }
      const wait = 20 - (Date.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  return {
    writes,
    /** Names acknowledged with `ok`, in the order they were. */
    acknowledged: () => writes.filter((w) => w.ok).map((w) => w.name),
    async stop(): Promise<Write[]> {
      stopped = true;
      await running;
      return writes;
    },
  };
}

/** Given names starting with `prefix` in a book file (read with its own read-only connection). */
export function namesIn(file: string, prefix: string): Set<string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return new Set((db.prepare('SELECT given_name AS n FROM people WHERE given_name LIKE ?').all(`${prefix}-%`) as { n: string }[]).map((r) => r.n));
  } finally {
    db.close();
  }
}

export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** The CSV of `rows` people most tests import: Outlook-like columns, every row a new person. */
export function peopleCsv(rows: number, tag = 'Person'): string {
  const lines = ['First Name,Last Name,E-mail Address,Mobile Phone'];
  for (let i = 0; i < rows; i++) lines.push(`${tag}${i},Family${i % 997},${tag.toLowerCase()}${i}@example.com,+1 717 ${String(i).padStart(7, '0')}`);
  return lines.join('\r\n');
}
