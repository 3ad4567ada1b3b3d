import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { parseStationLine, type StationAddress } from './station-process';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface StationChild extends StationAddress {
  child: ChildProcess;
  /** Everything the station wrote to stderr so far. */
  stderr(): string;
  /** Kills it with SIGKILL and waits until it is gone. */
  kill(): Promise<void>;
}

/**
 * Station mode from source, as its own process on a free port (Node with tsx's loader, so a
 * SIGKILL reaches the station itself, and its job worker runs from source too). `wrap` puts a
 * command in front (e.g. `unshare` for a private mount).
 */
export async function startStationChild(dataDir: string, extraArgs: string[] = [], wrap: string[] = []): Promise<StationChild> {
  const node = [process.execPath, '--import', 'tsx', path.join(ROOT, 'electron/station/cli.ts'), '--port', '0', '--data', dataDir, ...extraArgs];
  const [command, ...args] = [...wrap, ...node] as [string, ...string[]];
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const address = await new Promise<StationAddress>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`station did not start: ${stderr}`)), 60_000);
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const parsed = parseStationLine(line);
      if (parsed) {
        clearTimeout(timer);
        resolve(parsed);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new StationExit(code, stderr));
    });
  });
  return {
    ...address,
    child,
    stderr: () => stderr,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A station that stopped before it listened: its exit code and what it said. */
export class StationExit extends Error {
  constructor(
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`station exited with ${code}: ${stderr}`);
  }
}

export interface Answer<T = unknown> {
  ok: boolean;
  value: T;
  error?: { code: string; message: string };
  /** How long the call took, from sending to the whole answer. */
  ms: number;
}

/** Calls one API method of a station with the owner's key (the station prints it at start). */
export async function call<T = unknown>(station: Pick<StationAddress, 'url' | 'token'>, method: string, input: unknown = {}): Promise<Answer<T>> {
  const started = performance.now();
  const res = await fetch(`${station.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${station.token}` },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as Omit<Answer<T>, 'ms'>;
  return { ...body, ms: performance.now() - started };
}
