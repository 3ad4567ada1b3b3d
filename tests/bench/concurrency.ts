/**
 * A single durable write (people.create over HTTP, one every 20 ms, as a check-in desk does)
 * against the built station, while a long job runs — a 100,000-row import, then a restore of the
 * whole 100,000-person book — beside the same write on the idle book. Also the longest wait of
 * each run (the bound is 250 ms). Run alone with `tsx tests/bench/concurrency.ts` (after
 * `npm run build`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStationProcess, type StationAddress } from '../helpers/station-process';
import { makePeople } from './synthetic-people';
import type { Row } from './run';

const ROWS = Number(process.env.RAPPORT_BENCH_IMPORT_ROWS ?? 100_000);
const IDLE_WRITES = 300;

const percentile = (xs: number[], p: number) => Number(([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))] ?? 0).toFixed(1));

type Station = Pick<StationAddress, 'url' | 'token'>;

async function call<T>(station: Station, method: string, input: unknown = {}): Promise<{ ok: boolean; value: T; error?: { code: string; message: string }; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${station.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${station.token}` },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { code: string; message: string } };
  return { ...body, ms: performance.now() - started };
}

/** Writes every 20 ms until `until` settles (or `count` writes are done); the latency of each. */
async function writer(station: Station, prefix: string, until: Promise<unknown> | null, count = Infinity): Promise<{ ms: number[]; failed: string[]; slowest: string }> {
  let done = false;
  void until?.finally(() => (done = true));
  const ms: number[] = [];
  const at: number[] = [];
  const failed: string[] = [];
  const began = Date.now();
  for (let n = 0; !done && n < count; n++) {
    const started = Date.now();
    const a = await call(station, 'people.create', { givenName: `${prefix} ${n}` });
    ms.push(a.ms);
    at.push(started - began);
    if (!a.ok) failed.push(a.error?.code ?? '?');
    const wait = 20 - (Date.now() - started);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  // When the three longest waits began, from the job's start: which part of the job they fell in.
  const slowest = ms
    .map((m, i) => ({ m, at: at[i] as number }))
    .sort((a, b) => b.m - a.m)
    .slice(0, 3)
    .map((w) => `${w.m.toFixed(0)} ms at +${(w.at / 1000).toFixed(2)} s`)
    .join(', ');
  return { ms, failed, slowest };
}

function csv(count: number): string {
  const lines = ['First Name,Last Name,Company,E-mail Address,Mobile Phone'];
  makePeople(count).forEach((p, i) => lines.push([p.givenName, p.familyName, p.organization, `bench${i}@example.com`, p.phones?.[0]?.number ?? ''].map((v) => `"${String(v ?? '').replace(/"/g, '""')}"`).join(',')));
  return lines.join('\r\n');
}

export async function concurrencyRows(log: (m: string) => void): Promise<Row[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-concurrency-'));
  // The built station (`npm run bench` builds it first), as users run it.
  const station = await startStationProcess(dataDir, { from: 'build', stderr: 'inherit' });
  try {
    // The day's first start backs up at once; measure after it.
    while (!(await call<{ reason: string }[]>(station, 'backups.list')).value.some((b) => b.reason === 'daily')) await new Promise((r) => setTimeout(r, 50));

    const idle = await writer(station, 'Idle', null, IDLE_WRITES);
    log(`Concurrency: idle book, ${idle.ms.length} writes: p50 ${percentile(idle.ms, 50)} ms, p95 ${percentile(idle.ms, 95)} ms, max ${Math.max(...idle.ms).toFixed(0)} ms`);

    const content = Buffer.from(csv(ROWS)).toString('base64');
    const importing = call<{ created: number }>(station, 'imports.run', { fileName: 'bench.csv', content });
    const duringImport = await writer(station, 'During import', importing);
    const imported = await importing;
    if (!imported.ok) throw new Error(`the import failed: ${imported.error?.message}`);
    log(
      `  during a ${ROWS.toLocaleString()}-row import (${(imported.ms / 1000).toFixed(1)} s, ${imported.value.created.toLocaleString()} created): ${duringImport.ms.length} writes, ` +
        `p50 ${percentile(duringImport.ms, 50)} ms, p95 ${percentile(duringImport.ms, 95)} ms, max ${Math.max(...duringImport.ms).toFixed(0)} ms (longest: ${duringImport.slowest}), not saved: ${duringImport.failed.length}`,
    );

    const backup = await call<{ name: string; bytes: number }>(station, 'backups.create');
    if (!backup.ok) throw new Error(`the backup failed: ${backup.error?.message}`);
    const restoring = call(station, 'backups.restore', { name: backup.value.name });
    const duringRestore = await writer(station, 'During restore', restoring);
    const restored = await restoring;
    if (!restored.ok) throw new Error(`the restore failed: ${restored.error?.message}`);
    log(
      `  during a restore of the ${(backup.value.bytes / 1e6).toFixed(0)} MB book (${(restored.ms / 1000).toFixed(1)} s): ${duringRestore.ms.length} writes, ` +
        `p50 ${percentile(duringRestore.ms, 50)} ms, p95 ${percentile(duringRestore.ms, 95)} ms, max ${Math.max(...duringRestore.ms).toFixed(0)} ms (longest: ${duringRestore.slowest}), not saved: ${duringRestore.failed.length}`,
    );
    const row = (name: string, ms: number[]): Row => ({
      name,
      p50_ms: percentile(ms, 50),
      p95_ms: percentile(ms, 95),
      baseline_p50_ms: percentile(idle.ms, 50),
      baseline_p95_ms: percentile(idle.ms, 95),
    });
    return [
      row(`single write over HTTP during a ${ROWS.toLocaleString()}-row import (baseline: idle book)`, duringImport.ms),
      row(`single write over HTTP during a restore of the ${ROWS.toLocaleString()}-person book (baseline: idle)`, duringRestore.ms),
    ];
  } finally {
    await station.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await concurrencyRows(console.log)) console.log(r, `p95 ratio ${(r.p95_ms / r.baseline_p95_ms).toFixed(2)}×`);
}
