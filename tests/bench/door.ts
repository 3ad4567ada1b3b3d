import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createContext } from '../../electron/core/context';
import { openStore } from '../../electron/core/db/store';
import { insertPerson } from '../../electron/core/services/people';
import { createSeminar, registerPeople } from '../../electron/core/services/seminars';
import { PersonInputSchema } from '../../shared/domain/person';
import { SeminarInputSchema } from '../../shared/domain/seminar';
import { percentile, withStationAndBrowser } from './browser';
import type { Row } from './run';
import { makePeople } from './synthetic-people';

/** Logs each change of the page's "Checked in" count with the wall-clock time it was painted. */
const WATCH_COUNT = `(() => {
  window.__counts = [];
  const read = () => Number(document.querySelector('[aria-label="Checked in"] .door-count-value')?.textContent?.replace(/\\D/g, '') ?? NaN);
  let last = read();
  new MutationObserver(() => {
    const now = read();
    if (now !== last) { last = now; window.__counts.push({ value: now, at: Date.now() }); }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

const DEVICES = 3;
const PER_DEVICE = 200;
const BARE_ROUNDS = 150;

declare global {
  interface Window {
    __counts?: { value: number; at: number }[];
  }
}

/**
 * Three door devices (Chromium pages on the door screen, against station mode) checking people
 * in as fast as they go, 200 each: how long a check-in takes at the hub as a device sees it, and
 * how long until the other devices show it (from the hub's commit to the count painted on each
 * other screen, measured in the pages) — beside the bare durable check-in (the same UPDATE in one
 * synchronous=FULL transaction, better-sqlite3 on the same kind of file).
 */
export async function doorRows(log: (m: string) => void): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-door-'));
  try {
    const store = await openStore(dir);
    const ctx = createContext(store, 'station', 'bench');
    const at = new Date().toISOString();
    const people = makePeople(DEVICES * PER_DEVICE + BARE_ROUNDS + 50).map((p) => PersonInputSchema.parse(p));
    const ids = store.db.transaction(() => people.map((p) => insertPerson(store.db, p, at)))();
    const seminar = createSeminar(ctx, SeminarInputSchema.parse({ title: 'Door bench', date: '2031-01-16', startTime: '09:00', endTime: '12:00', timeZone: 'UTC' }));
    registerPeople(ctx, seminar.id, ids, 'in_person');
    const regs = (store.db.prepare("SELECT id FROM registrations WHERE seminar_id = ? AND state = 'registered' ORDER BY id").all(seminar.id) as { id: number }[]).map((r) => r.id);
    // The baseline on this file, before the station opens it; those rows are set back after.
    const bareIds = regs.slice(DEVICES * PER_DEVICE, DEVICES * PER_DEVICE + BARE_ROUNDS);
    const bareUpdate = store.db.prepare("UPDATE registrations SET state = 'checked_in', checked_in_at = ?, updated_at = ? WHERE id = ? AND state = 'registered'");
    const bare: number[] = bareIds.map((id) => {
      const t0 = performance.now();
      store.db.transaction(() => bareUpdate.run(at, at, id)).immediate();
      return performance.now() - t0;
    });
    store.db.prepare("UPDATE registrations SET state = 'registered', checked_in_at = NULL WHERE id IN (SELECT value FROM json_each(?))").run(JSON.stringify(bareIds));
    store.close();

    return await withStationAndBrowser(dir, async (url, openPage, token) => {
      const pages = [];
      for (let d = 0; d < DEVICES; d++) {
        const page = await openPage({ viewport: { width: 360, height: 640 } });
        await page.context().addInitScript((name) => localStorage.setItem('rapport.door.device', name), `Door ${d + 1}`);
        await page.goto(`${url}/#/door/${seminar.id}`);
        await page.getByRole('status', { name: 'Connection' }).filter({ hasText: 'Online' }).waitFor();
        // As a string: the bench runs through tsx, whose helpers do not exist in the page.
        await page.evaluate(WATCH_COUNT);
        pages.push(page);
      }
      log(`door bench: ${DEVICES} devices × ${PER_DEVICE} check-ins…`);
      // Each device's check-ins as fast as the hub answers them, all three at once: the door screens'
      // own requests (the same HTTP API, the same client ids and device names), sent from here so the
      // three pages' rendering on this one machine does not hold up their sending.
      const roundTrips = (
        await Promise.all(
          Array.from({ length: DEVICES }, async (_, d) => {
            const times: number[] = [];
            for (const [k, registrationId] of regs.slice(d * PER_DEVICE, (d + 1) * PER_DEVICE).entries()) {
              const t0 = performance.now();
              const res = await fetch(`${url}/api/checkin.checkIn`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
                body: JSON.stringify({ registrationId, clientId: `bench-door${d + 1}-${String(k).padStart(4, '0')}`, device: `Door ${d + 1}` }),
              });
              if (!((await res.json()) as { ok: boolean }).ok) throw new Error(`check-in ${registrationId} refused`);
              times.push(performance.now() - t0);
            }
            return times;
          }),
        )
      ).flat();
      const total = DEVICES * PER_DEVICE;
      for (const page of pages) await page.waitForFunction((n) => window.__counts?.some((c) => c.value >= n), total, { timeout: 60_000 });
      // The k-th commit made the count k: when each other device first showed k or more.
      const committed = (
        (await (await fetch(`${url}/api/registrations.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ seminarId: seminar.id }) })).json()) as {
          value: { id: number; checkedInAt: string | null; checkedInBy: string | null }[];
        }
      ).value
        .filter((r) => r.checkedInAt)
        .map((r) => ({ at: Date.parse(r.checkedInAt as string), by: r.checkedInBy }))
        .sort((a, b) => a.at - b.at);
      const logs = await Promise.all(pages.map((p) => p.evaluate(() => window.__counts ?? [])));
      const shown: number[] = [];
      committed.forEach((c, k) => {
        logs.forEach((entries, d) => {
          if (c.by === `Door ${d + 1}`) return;
          const first = entries.find((e) => e.value >= k + 1);
          if (first) shown.push(Math.max(0, first.at - c.at));
        });
      });
      log(`door bench: ${roundTrips.length} check-ins, ${shown.length} shown at other devices`);
      const baseline = { baseline_p50_ms: percentile(bare, 50), baseline_p95_ms: percentile(bare, 95) };
      return [
        { name: `door: check-in answered by the hub, ${DEVICES} devices × ${PER_DEVICE} at once (HTTP, station)`, p50_ms: percentile(roundTrips, 50), p95_ms: percentile(roundTrips, 95), ...baseline },
        { name: 'door: committed at the hub → count painted on the other door screens (Chromium)', p50_ms: percentile(shown, 50), p95_ms: percentile(shown, 95), ...baseline },
      ];
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
