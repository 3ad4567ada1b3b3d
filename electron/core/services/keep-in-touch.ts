import { CADENCE_DEFAULTS, type KeepInTouch } from '../../../shared/domain/followup';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { readSetting, setSetting } from './settings';

const KEY = 'keepInTouch';

/** This machine's time zone: what calendar entries are written in until the owner picks another. */
function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function keepInTouch(ctx: CoreContext): KeepInTouch {
  const defaults: KeepInTouch = { cadence: { ...CADENCE_DEFAULTS }, reminderTime: '09:00', timeZone: systemTimeZone() };
  // A setting written by a newer or older Rapport may lack fields; one that does not pass its schema is not used at all.
  const saved = readSetting<Partial<KeepInTouch>>(ctx, KEY);
  return saved ? { ...defaults, ...saved, cadence: { ...defaults.cadence, ...saved.cadence } } : defaults;
}

export function updateKeepInTouch(ctx: CoreContext, value: KeepInTouch): KeepInTouch {
  ctx.db.transaction(() => setSetting(ctx, KEY, JSON.stringify(value))).immediate();
  return keepInTouch(ctx);
}

/**
 * SQL for "this person's cadence in days" and "due to reconnect" over a `people p` row — never
 * touched personally counts from the day the book first knew of them (services/standing.ts) — with the
 * stage cadences bound as @clientCadence, @customerCadence, @prospectCadence and today as @today.
 */
export const CADENCE_SQL =
  "coalesce(p.cadence_days, CASE p.stage WHEN 'client' THEN @clientCadence WHEN 'customer' THEN @customerCadence ELSE @prospectCadence END)";
export const DUE_TO_RECONNECT_SQL = `coalesce(nullif(p.last_personal_on, ''), nullif(p.known_since, ''), date(p.created_at, 'localtime')) < date(@today, '-' || ${CADENCE_SQL} || ' days')`;

export function cadenceParams(ctx: CoreContext, today: string) {
  const { cadence } = keepInTouch(ctx);
  return { clientCadence: cadence.client, customerCadence: cadence.customer, prospectCadence: cadence.prospect, today };
}

/** Sets (or, with null, clears) the keep-in-touch cadence of a selection of people. */
export function setCadence(ctx: CoreContext, personIds: number[], days: number | null): { changed: number } {
  return ctx.db
    .transaction(() => ({
      changed: stmt(ctx.db, 'UPDATE people SET cadence_days = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND cadence_days IS NOT ?').run(
        days,
        ctx.now().toISOString(),
        JSON.stringify(personIds),
        days,
      ).changes,
    }))
    .immediate();
}
