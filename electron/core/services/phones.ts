import type Database from 'better-sqlite3';
import { DEFAULT_PHONE_REGION, phoneKey, type PhoneRegion, type PhoneSettings } from '../../../shared/domain/phone';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { checkSetting, setSetting } from './settings';

/**
 * The owner's default region for phone numbers written without a country code (Settings →
 * Phones), and the phone keys that depend on it. The region is read once per connection: an
 * import matches and stores a hundred thousand numbers with it.
 */

export const PHONE_SETTINGS_KEY = 'phones';

const regions = new WeakMap<Database.Database, PhoneRegion>();

export function phoneRegion(db: Database.Database): PhoneRegion {
  const known = regions.get(db);
  if (known) return known;
  const row = stmt<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(PHONE_SETTINGS_KEY);
  const checked = row ? checkSetting(PHONE_SETTINGS_KEY, row.value) : null;
  const region = checked?.ok ? (checked.value as PhoneSettings).region : DEFAULT_PHONE_REGION;
  regions.set(db, region);
  return region;
}

/** After something else wrote the settings (a full import): the region is read again on next use. */
export function forgetPhoneRegion(db: Database.Database): void {
  regions.delete(db);
}

export function phoneSettings(ctx: CoreContext): PhoneSettings {
  return { region: phoneRegion(ctx.db) };
}

/** Rows re-keyed per transaction, so a check-in never waits behind a book of numbers. */
const BATCH = 2_000;

/**
 * Saves the region, then works out again the key of every number written without a country code
 * (the only ones it changes), a batch at a time.
 */
export function updatePhoneSettings(ctx: CoreContext, value: PhoneSettings): PhoneSettings & { rekeyed: number } {
  const { db } = ctx;
  db.transaction(() => setSetting(ctx, PHONE_SETTINGS_KEY, JSON.stringify(value))).immediate();
  regions.set(db, value.region);
  const next = stmt<[number, number], { id: number; number: string }>(db, "SELECT id, number FROM person_phones WHERE id > ? AND number NOT LIKE '+%' ORDER BY id LIMIT ?");
  const update = stmt(db, 'UPDATE person_phones SET phone_key = ? WHERE id = ? AND phone_key != ?');
  let after = 0;
  let rekeyed = 0;
  for (;;) {
    const rows = next.all(after, BATCH);
    if (rows.length === 0) break;
    db.transaction(() => {
      for (const r of rows) {
        const key = phoneKey(r.number, value.region);
        rekeyed += update.run(key, r.id, key).changes;
      }
    }).immediate();
    after = (rows[rows.length - 1] as { id: number }).id;
  }
  return { ...value, rekeyed };
}
