import ICAL from 'ical.js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportFull, exportPeopleCsv, exportVCards } from '../../electron/core/services/exports';
import { loadSampleData } from '../../electron/core/services/sample';
import { openTestContext } from '../helpers/store';

/** A .vcf file's cards, read back with a maintained parser. */
function cards(content: string): ICAL.Component[] {
  const parsed = ICAL.parse(content);
  const list = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  return list.map((c) => new ICAL.Component(c as never));
}

describe('exports of the sample book', () => {
  it('writes vCard 4.0 that a parser reads back whole: names in any script, every email, tags; addresses only when asked', async () => {
    const ctx = await openTestContext();
    loadSampleData(ctx);
    const people = (ctx.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
    const file = exportVCards(ctx, { personIds: null, includePersonal: false });
    const all = cards(file.content);
    expect(all).toHaveLength(people);
    expect(all.every((c) => c.getFirstPropertyValue('version') === '4.0')).toBe(true);
    const names = all.map((c) => String(c.getFirstPropertyValue('fn')));
    expect(names).toContain('田中 太郎');
    expect(names.some((n) => /[áéíóúñü]/.test(n))).toBe(true);
    const emailsInStore = (ctx.db.prepare('SELECT count(*) AS n FROM person_emails').get() as { n: number }).n;
    expect(all.reduce((n, c) => n + c.getAllProperties('email').length, 0)).toBe(emailsInStore);
    const ann = all.find((c) => String(c.getFirstPropertyValue('org')) === 'Acme Print & Sign');
    expect(ann?.getFirstProperty('categories')?.getValues()).toEqual(['Referral partner', 'Small business']);
    expect(all.some((c) => c.getFirstProperty('adr'))).toBe(false);
    const personal = cards(exportVCards(ctx, { personIds: null, includePersonal: true }).content);
    expect(personal.some((c) => c.getFirstProperty('adr'))).toBe(true);
  });

  it('writes people as CSV with a byte-order mark that parses back; the full export carries every table, personal parts only when asked', async () => {
    const ctx = await openTestContext();
    loadSampleData(ctx);
    const csv = exportPeopleCsv(ctx, { personIds: null, includePersonal: false });
    expect(csv.content.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.content.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(csv.count);
    expect(parsed.meta.fields).not.toContain('Street');
    expect(parsed.data.some((r) => r['Family name'] === 'Álvarez')).toBe(true);

    const count = (table: string, where = '') => (ctx.db.prepare(`SELECT count(*) AS n FROM ${table} ${where}`).get() as { n: number }).n;
    const plain = JSON.parse(exportFull(ctx, false).content) as { format: string; tables: Record<string, Record<string, unknown>[]> };
    expect(plain.format).toBe('rapport-full-export');
    for (const table of ['people', 'interactions', 'client_tests', 'follow_ups', 'occasions', 'occasion_guests', 'registrations', 'seminars']) {
      expect(plain.tables[table], table).toHaveLength(count(table));
    }
    expect(plain.tables.people?.every((p) => p.address_street === '')).toBe(true);
    expect(plain.tables.person_links).toHaveLength(count('person_links', "WHERE kind NOT IN ('partner', 'family')"));
    const full = JSON.parse(exportFull(ctx, true).content) as { tables: Record<string, Record<string, unknown>[]> };
    expect(full.tables.person_links).toHaveLength(count('person_links'));
    expect(full.tables.people?.some((p) => p.address_street !== '')).toBe(true);
  });
});

describe('exporting a selection', () => {
  it('writes only the people chosen, or those with a tag', async () => {
    const ctx = await openTestContext();
    loadSampleData(ctx);
    const tagged = (ctx.db.prepare("SELECT count(*) AS n FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = 'Referral partner'").get() as { n: number }).n;
    expect(tagged).toBeGreaterThan(1);
    expect(exportVCards(ctx, { personIds: null, tag: 'Referral partner', includePersonal: false }).count).toBe(tagged);
    const two = (ctx.db.prepare('SELECT id FROM people ORDER BY id LIMIT 2').all() as { id: number }[]).map((r) => r.id);
    const csv = exportPeopleCsv(ctx, { personIds: two, includePersonal: false });
    expect(csv.count).toBe(2);
    expect(Papa.parse(csv.content.slice(1), { header: true, skipEmptyLines: true }).data).toHaveLength(2);
  });
});
