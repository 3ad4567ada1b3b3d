import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startStationProcess, type StationProcess } from '../helpers/station-process';
import { tempDataDir } from '../helpers/store';

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Station mode from source, as its own process, on a free port. */
async function startStation(dataDir: string): Promise<StationProcess> {
  const station = await startStationProcess(dataDir, { from: 'source' });
  children.push(station.child);
  return station;
}

async function api<T>(station: StationProcess, method: string, input: unknown): Promise<T> {
  const body = await station.api<T>(method, input);
  if (!body.ok) throw new Error(body.error?.message);
  return body.value;
}

describe('crash safety', () => {
  it('keeps a check-in that returned, even when the process is killed right after', async () => {
    const dataDir = tempDataDir();
    const first = await startStation(dataDir);
    const person = await api<{ id: number }>(first, 'people.create', { givenName: 'Ann', familyName: 'Lee' });
    const seminar = await api<{ id: number }>(first, 'seminars.create', {
      title: 'Become a Master Networker',
      date: '2031-01-16',
      startTime: '09:00',
      endTime: '12:00',
      timeZone: 'America/New_York',
    });
    await api(first, 'registrations.add', { seminarId: seminar.id, personIds: [person.id], mode: 'in_person' });
    const { rows: [reg] } = await api<{ rows: { id: number }[] }>(first, 'checkin.find', { seminarId: seminar.id, query: 'ann' });
    await api(first, 'checkin.checkIn', { registrationId: reg?.id });
    const killed = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await killed;

    const db = new Database(path.join(dataDir, 'rapport.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const second = await startStation(dataDir);
    const after = await api<{ state: string; checkedInAt: string | null }[]>(second, 'registrations.list', { seminarId: seminar.id });
    expect(after).toEqual([expect.objectContaining({ state: 'checked_in', checkedInAt: expect.any(String) })]);
  });
});
