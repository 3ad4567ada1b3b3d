import { kindsOf, phoneKey, PhoneSettingsSchema, DEFAULT_PHONE_REGION } from '../../../../shared/domain/phone';
import type { Migration } from './index';

/**
 * Phones get their kinds (mobile, fax, work…: a `TEL;TYPE=WORK,FAX` stays a work fax) and a key
 * for matching worked out by libphonenumber (E.164 in the owner's region), which replaces "the last
 * ten digits". Existing phones take their kinds from their labels ("Mobile", "Work fax"), and
 * their keys from the region saved in settings, if any (the default otherwise). The index on the
 * digits goes: nothing looks numbers up by them any more.
 */
export const m014PhoneKinds: Migration = {
  version: 14,
  name: 'phone kinds and keys',
  up(db) {
    db.exec(`
      ALTER TABLE person_phones ADD COLUMN kinds TEXT NOT NULL DEFAULT '' CHECK (kinds NOT GLOB '*[^a-z,]*');
      ALTER TABLE person_phones ADD COLUMN phone_key TEXT NOT NULL DEFAULT '';
      DROP INDEX IF EXISTS person_phones_by_digits;
    `);
    const saved = db.prepare("SELECT value FROM settings WHERE key = 'phones'").get() as { value: string } | undefined;
    let region = DEFAULT_PHONE_REGION;
    try {
      const parsed = PhoneSettingsSchema.safeParse(saved ? JSON.parse(saved.value) : null);
      if (parsed.success) region = parsed.data.region;
    } catch {
      // An unreadable setting is the default's business (services/settings.ts says so when it is read).
    }
    const update = db.prepare('UPDATE person_phones SET kinds = ?, phone_key = ? WHERE id = ?');
    for (const r of db.prepare('SELECT id, label, number FROM person_phones').all() as { id: number; label: string; number: string }[]) {
      update.run(kindsOf(r.label).join(','), phoneKey(r.number, region), r.id);
    }
    db.exec('CREATE INDEX person_phones_by_key ON person_phones (phone_key) WHERE phone_key != \'\'');
  },
};
