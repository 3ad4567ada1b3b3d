import type Database from 'better-sqlite3';
import { z } from 'zod';
import { BackupRotationSchema, type SettingNotice } from '../../../shared/contract';
import { Day, Instant } from '../../../shared/dates';
import { KeepInTouchSchema, REVIEW_GROUPS, ReviewTemplateSchema } from '../../../shared/domain/followup';
import { HospitalitySettingsSchema } from '../../../shared/domain/hospitality';
import { ColumnMappingSchema } from '../../../shared/domain/import';
import { PhoneSettingsSchema } from '../../../shared/domain/phone';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';

/**
 * The owner's choices, one row per key in `settings`. Every key Rapport stores is listed here with
 * the schema its value must pass — the API's own schema for that choice — so a value that does not
 * (written by a full import, an older Rapport, a hand-edited file) is never acted on: reading it
 * falls back to the default and says so, and the full import refuses it before writing anything.
 * A new setting is added here first.
 */

interface SettingRule {
  /** What the owner calls it, and where it is shown. */
  label: string;
  /** JSON values are parsed first; a few are plain text. */
  text?: boolean;
  schema: z.ZodType;
}

const SETTINGS: Record<string, SettingRule> = {
  'backups.rotation': { label: 'Backups kept (Settings → Backups)', schema: BackupRotationSchema.partial().strict() },
  keepInTouch: { label: 'Keep in touch (Settings)', schema: KeepInTouchSchema.partial() },
  hospitality: { label: 'Top clients for the intimacy measure (Settings)', schema: HospitalitySettingsSchema },
  phones: { label: 'Default region for phone numbers (Settings → Phones)', schema: PhoneSettingsSchema },
  'review.templates': { label: 'Follow-up templates of the seminar review', schema: z.partialRecord(z.enum(REVIEW_GROUPS), ReviewTemplateSchema) },
  'sample.loadedAt': { label: 'When the sample data was loaded', text: true, schema: Instant },
  'standing.asOf': { label: 'The day scores were last worked out', text: true, schema: Day },
};

/** Remembered column mappings, one per set of column names (services/imports.ts). */
const MAPPING_PREFIX = 'import.mapping:';
const MAPPING_RULE: SettingRule = { label: 'A remembered column mapping for imports', schema: ColumnMappingSchema };

export function settingRule(key: string): SettingRule | null {
  if (Object.hasOwn(SETTINGS, key)) return SETTINGS[key] as SettingRule;
  return key.startsWith(MAPPING_PREFIX) ? MAPPING_RULE : null;
}

/** A stored value checked against its rule: the value, or what is wrong with it. */
export function checkSetting(key: string, stored: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const rule = settingRule(key);
  if (!rule) return { ok: false, message: `“${key.slice(0, 80)}” is not a setting this version of Rapport knows.` };
  let raw: unknown = stored;
  if (!rule.text) {
    try {
      raw = JSON.parse(stored);
    } catch {
      return { ok: false, message: 'The value is not readable (not JSON).' };
    }
  }
  const parsed = rule.schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return { ok: false, message: `${where}${issue?.message ?? 'The value is not valid.'}` };
}

export function getSetting(ctx: CoreContext, key: string): string | null {
  const row = stmt<[string], { value: string }>(ctx.db, 'SELECT value FROM settings WHERE key = ?').get(key);
  return row ? row.value : null;
}

export function setSetting(ctx: CoreContext, key: string, value: string): void {
  stmt(ctx.db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Keys already reported in the log, per book: a bad setting is said once, not on every read. */
const reported = new WeakMap<Database.Database, Set<string>>();

/**
 * A stored setting through its rule: its value (as the schema gives it), or null when there is
 * none — or when it does not pass, in which case the caller's default applies and the log says so.
 */
export function readSetting<T>(ctx: CoreContext, key: string): T | null {
  const stored = getSetting(ctx, key);
  if (stored === null) return null;
  const checked = checkSetting(key, stored);
  if (checked.ok) return checked.value as T;
  let keys = reported.get(ctx.db);
  if (!keys) reported.set(ctx.db, (keys = new Set()));
  if (!keys.has(key)) {
    keys.add(key);
    console.warn(`[rapport] The saved setting “${key}” could not be read (${checked.message}); its default is used until it is saved again.`);
  }
  return null;
}

/** Every stored setting that does not pass its rule: what the Settings screen tells the owner. */
export function settingNotices(ctx: CoreContext): SettingNotice[] {
  const rows = stmt<[], { key: string; value: string }>(ctx.db, 'SELECT key, value FROM settings ORDER BY key').all();
  const notices: SettingNotice[] = [];
  for (const row of rows) {
    const rule = settingRule(row.key);
    if (!rule) continue;
    const checked = checkSetting(row.key, row.value);
    if (!checked.ok) notices.push({ key: row.key, label: rule.label, message: `${checked.message} The default is in use until you save it again.` });
  }
  return notices;
}
