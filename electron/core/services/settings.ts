import type { CoreContext } from '../context';
import { stmt } from '../db/statements';

export function getSetting(ctx: CoreContext, key: string): string | null {
  const row = stmt<[string], { value: string }>(ctx.db, 'SELECT value FROM settings WHERE key = ?').get(key);
  return row ? row.value : null;
}

export function setSetting(ctx: CoreContext, key: string, value: string): void {
  stmt(ctx.db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
