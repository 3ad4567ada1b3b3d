import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

/**
 * A station as its own process, as a person starts one, for the tests, the e2e fixture and the
 * bench: started on a free port over its own data folder, ready once it prints its address.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const READY = /^Rapport station at (http:\/\/127\.0\.0\.1:\d+)\/\?token=([A-Za-z0-9_-]+)$/;

export interface StationAddress {
  /** The origin, without the key: what pages and API calls are addressed to. */
  url: string;
  /** The owner's key, for `Authorization: Bearer`. */
  token: string;
  /** The address as printed; opening it gives a browser the session cookie. */
  loginUrl: string;
}

/** Reads the line a ready station prints: `Rapport station at http://127.0.0.1:<port>/?token=<key>`. */
export function parseStationLine(line: string): StationAddress | null {
  const m = READY.exec(line);
  if (!m?.[1] || !m[2]) return null;
  return { url: m[1], token: m[2], loginUrl: `${m[1]}/?token=${m[2]}` };
}

export interface ApiReply<T> {
  ok: boolean;
  value: T;
  error?: { code: string; message: string; fields?: Record<string, string>; version?: number };
}

export interface StationProcess extends StationAddress {
  child: ChildProcess;
  /** Calls one API method over HTTP with the owner's key; the envelope as answered. */
  api<T = unknown>(method: string, input?: unknown): Promise<ApiReply<T>>;
  /** SIGTERM, then waits for the exit (the station closes the book cleanly). */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The built station (out/main/station.js, as users run it) or the sources through tsx's loader. */
  from?: 'build' | 'source';
  port?: number;
  /** The door's HTTPS port once opened (0: any free one, kept in the book for the next start). */
  doorPort?: number;
  /** Where the station's own error output goes; kept for the failure message when piped. */
  stderr?: 'pipe' | 'inherit';
  timeoutMs?: number;
}

export async function startStationProcess(dataDir: string, options: StartOptions = {}): Promise<StationProcess> {
  const { from = 'build', port = 0, stderr: errors = 'pipe', timeoutMs = 30_000 } = options;
  const entry = from === 'build' ? path.join(ROOT, 'out/main/station.js') : path.join(ROOT, 'electron/station/cli.ts');
  if (!fs.existsSync(entry)) throw new Error(`${path.relative(ROOT, entry)} is missing: run \`npm run build\` first.`);
  // Node itself with tsx's loader, not the tsx command: that one runs the script in a child a SIGKILL would not reach.
  const args = from === 'build' ? [entry] : ['--import', 'tsx', entry];
  // The door for devices, once opened, listens on 127.0.0.1 too: tests reach servers there only.
  const door = ['--door-host', '127.0.0.1', '--door-port', String(options.doorPort ?? 0)];
  const child = spawn(process.execPath, [...args, '--port', String(port), '--data', dataDir, ...door], { cwd: ROOT, stdio: ['ignore', 'pipe', errors] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const address = await new Promise<StationAddress>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`station did not start in time. ${stderr}`)), timeoutMs);
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const parsed = parseStationLine(line);
      if (parsed) {
        clearTimeout(timer);
        resolve(parsed);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`station exited with ${code}: ${stderr}`));
    });
  });
  const api: StationProcess['api'] = async (method, input = {}) => {
    const res = await fetch(`${address.url}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${address.token}` },
      body: JSON.stringify(input),
    });
    return res.json();
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return { ...address, child, api, stop };
}
