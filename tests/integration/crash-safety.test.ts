import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../helpers/store';

const ROOT = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Station mode from source, as its own process, on a free port. */
async function startStation(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  // Node itself with tsx's loader, not the tsx command: that one runs the script in a child a SIGKILL would not reach.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/station/cli.ts'), '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`station did not start: ${stderr}`)), 30_000);
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const m = /^Rapport station at (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`station exited with ${code}: ${stderr}`)));
  });
  return { child, url };
}

async function api<T>(url: string, method: string, input: unknown): Promise<T> {
  const res = await fetch(`${url}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message);
  return body.value;
}

describe('crash safety', () => {
  it('keeps a check-in that returned, even when the process is killed right after', async () => {
    const dataDir = tempDataDir();
    const first = await startStation(dataDir);
    const person = await api<{ id: number }>(first.url, 'people.create', { givenName: 'Ann', familyName: 'Lee' });
    const seminar = await api<{ id: number }>(first.url, 'seminars.create', {
      title: 'Become a Master Networker',
      date: '2031-01-16',
      startTime: '09:00',
      endTime: '12:00',
      timeZone: 'America/New_York',
    });
    await api(first.url, 'registrations.add', { seminarId: seminar.id, personIds: [person.id], mode: 'in_person' });
    const { rows: [reg] } = await api<{ rows: { id: number }[] }>(first.url, 'checkin.find', { seminarId: seminar.id, query: 'ann' });
    await api(first.url, 'checkin.checkIn', { registrationId: reg?.id });
    const killed = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await killed;

    const db = new Database(path.join(dataDir, 'rapport.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const second = await startStation(dataDir);
    const after = await api<{ state: string; checkedInAt: string | null }[]>(second.url, 'registrations.list', { seminarId: seminar.id });
    expect(after).toEqual([expect.objectContaining({ state: 'checked_in', checkedInAt: expect.any(String) })]);
  });
});
