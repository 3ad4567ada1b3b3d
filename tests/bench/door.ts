import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createContext } from '../../electron/core/context';
import { openStore } from '../../electron/core/db/store';
import { insertPerson } from '../../electron/core/services/people';
import { createSeminar, registerPeople } from '../../electron/core/services/seminars';
import { PersonInputSchema } from '../../shared/domain/person';
import { SeminarInputSchema } from '../../shared/domain/seminar';
import { CERTIFICATE_FILE } from '../../electron/station/door-certificate';
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

/** One call over HTTPS to the door, trusting the book's own certificate (kept-alive, as a browser holds its connection). */
function overDoor(agent: https.Agent, address: string, pathname: string, token: string, body: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  const url = new URL(pathname, address);
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), Authorization: `Bearer ${token}` } },
      (res) => {
        let answer = '';
        res.on('data', (c: Buffer) => (answer += c.toString()));
        res.on('end', () => resolve(JSON.parse(answer) as { ok: boolean }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

/**
 * Three paired door devices (Chromium pages on the door screen, paired with the hub's code over
 * its HTTPS listener — no owner's key) checking people in as fast as they go, 200 each: how long a
 * check-in takes at the hub as a device sees it, and how long until the other devices show it
 * (from the hub's commit to the count painted on each other screen, carried by the live events and
 * measured in the pages) — beside the bare durable check-in (the same UPDATE in one
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

    return await withStationAndBrowser(dir, async (url, _openPage, ownerToken, browser) => {
      // The owner opens the door (as the door panel does); the devices pair with the code it shows.
      const opened = (await (
        await fetch(`${url}/api/door.open`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ownerToken}` }, body: JSON.stringify({ seminarId: seminar.id }) })
      ).json()) as { ok: boolean; value: { addresses: string[]; pairing: { code: string } | null } };
      const address = opened.value.addresses[0];
      const code = opened.value.pairing?.code;
      if (!opened.ok || !address || !code) throw new Error('the door did not open');
      const cookieName = `rapport-${new URL(address).port}`;
      const pages = [];
      const tokens: string[] = [];
      for (let d = 0; d < DEVICES; d++) {
        const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true });
        const page = await context.newPage();
        await page.goto(`${address}/pair`);
        await page.getByLabel('Pairing code').fill(code);
        await page.getByLabel('Name of this device').fill(`Door ${d + 1}`);
        await page.getByRole('button', { name: 'Pair this device' }).click();
        await page.getByRole('status', { name: 'Connection' }).filter({ hasText: 'Online' }).waitFor();
        // As a string: the bench runs through tsx, whose helpers do not exist in the page.
        await page.evaluate(WATCH_COUNT);
        // The device's own token (its HttpOnly cookie, read through the browser's devtools): the bench sends as that device.
        const token = (await context.cookies(address)).find((c) => c.name === cookieName)?.value;
        if (!token) throw new Error('the device holds no token after pairing');
        tokens.push(token);
        pages.push(page);
      }
      // The hub's own certificate, trusted as a device that installed it would.
      const agent = new https.Agent({ keepAlive: true, ca: fs.readFileSync(path.join(dir, CERTIFICATE_FILE)) });
      log(`door bench: ${DEVICES} paired devices × ${PER_DEVICE} check-ins over HTTPS…`);
      // Each device's check-ins as fast as the hub answers them, all three at once: the door screens'
      // own requests (the same HTTPS API, device token, client ids), sent from here so the three
      // pages' rendering on this one machine does not hold up their sending.
      const roundTrips = (
        await Promise.all(
          Array.from({ length: DEVICES }, async (_, d) => {
            const times: number[] = [];
            for (const [k, registrationId] of regs.slice(d * PER_DEVICE, (d + 1) * PER_DEVICE).entries()) {
              const t0 = performance.now();
              const answer = await overDoor(agent, address, '/api/checkin.checkIn', tokens[d] as string, { registrationId, clientId: `bench-door${d + 1}-${String(k).padStart(4, '0')}` });
              if (!answer.ok) throw new Error(`check-in ${registrationId} refused: ${answer.error?.message}`);
              times.push(performance.now() - t0);
            }
            return times;
          }),
        )
      ).flat();
      agent.destroy();
      const total = DEVICES * PER_DEVICE;
      for (const page of pages) await page.waitForFunction((n) => window.__counts?.some((c) => c.value >= n), total, { timeout: 60_000 });
      // The k-th commit made the count k: when each other device first showed k or more.
      const committed = (
        (await (await fetch(`${url}/api/registrations.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ownerToken}` }, body: JSON.stringify({ seminarId: seminar.id }) })).json()) as {
          value: { id: number; checkedInAt: string | null; checkedInBy: string | null }[];
        }
      ).value
        .filter((r) => r.checkedInAt)
        .map((r) => ({ at: Date.parse(r.checkedInAt as string), by: r.checkedInBy }))
        .sort((a, b) => a.at - b.at);
      const byDevice = new Set(committed.map((c) => c.by));
      if (committed.length !== total || byDevice.size !== DEVICES) throw new Error(`expected ${total} check-ins by ${DEVICES} paired devices, found ${committed.length} by ${[...byDevice].join(', ')}`);
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
        { name: `door: check-in answered by the hub, ${DEVICES} paired devices × ${PER_DEVICE} at once (HTTPS, device tokens, station)`, p50_ms: percentile(roundTrips, 50), p95_ms: percentile(roundTrips, 95), ...baseline },
        { name: 'door: committed at the hub → count painted on the other paired door screens (live events, Chromium)', p50_ms: percentile(shown, 50), p95_ms: percentile(shown, 95), ...baseline },
      ];
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
