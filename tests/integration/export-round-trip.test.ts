import fc from 'fast-check';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { parse as parseVcard4 } from 'vcard4';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api';
import type { CoreContext } from '../../electron/core/context';
import { FOLD_OCTETS } from '../../electron/core/export/content-lines';
import { readImportFile } from '../../electron/core/import/read';
import { exportPeopleCsv, exportVCards } from '../../electron/core/services/exports';
import { runImport } from '../../electron/core/services/imports';
import { getPerson } from '../../electron/core/services/people';
import { loadSampleData } from '../../electron/core/services/sample';
import { ImportRunInputSchema } from '../../shared/domain/import';
import type { Person, PersonData } from '../../shared/domain/person';
import { labelForKinds, PHONE_KINDS } from '../../shared/domain/phone';
import { openTestContext } from '../helpers/store';

/**
 * Exports other programs read, and that Rapport reads back whole (issue 16, Done 2): the sample
 * book as CSV and as vCard 4.0, each read by independent parsers (papaparse; ical.js and vcard4)
 * without an error, and imported into an empty book equal to the book — emails, phones with their
 * kinds, tags, how we met and every other field.
 */

function call<T>(ctx: CoreContext, method: string, input: unknown): T {
  const reply = dispatch(ctx, method, input);
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message} ${JSON.stringify(reply.error.fields ?? {})}`);
  return reply.value as T;
}

/** A phone without a label of its own is shown, exported and read back labelled by its kinds ("Work fax"). */
const shownLabel = (ph: PersonData['phones'][number]) => ph.label || labelForKinds(ph.kinds);

const comparable = (p: PersonData) => ({
  name: [p.givenName, p.familyName, p.displayName],
  organization: p.organization,
  role: p.role,
  emails: p.emails,
  phones: p.phones.map((ph) => ({ ...ph, label: shownLabel(ph) })),
  address: p.address,
  website: p.website,
  linkedin: p.linkedin,
  tags: [...p.tags].sort(),
  notes: p.notes,
  introduceAs: p.introduceAs,
  howWeMet: p.howWeMet,
  desiredResults: p.desiredResults,
  theirWork: p.theirWork,
  boundaries: p.boundaries,
});
const everyone = (ctx: CoreContext) =>
  (ctx.db.prepare('SELECT id FROM people').all() as { id: number }[])
    .map((r) => comparable(getPerson(ctx, r.id)))
    .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));

const importInto = (ctx: CoreContext, fileName: string, content: string) =>
  runImport(ctx, ImportRunInputSchema.parse({ fileName, content: Buffer.from(content).toString('base64'), duplicates: 'create' }));

/** Every physical line at most 75 octets, CRLF only, never a character cut in two. */
function expectFolded(content: string) {
  const lines = Buffer.from(content, 'utf8').toString('latin1').split('\r\n');
  for (const line of lines) {
    const bytes = Buffer.from(line, 'latin1');
    expect(bytes.length).toBeLessThanOrEqual(FOLD_OCTETS);
    expect(bytes.includes(0x0d) || bytes.includes(0x0a)).toBe(false);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
  }
}

function icalCards(content: string): ICAL.Component[] {
  const parsed = ICAL.parse(content);
  return ((Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[]).map((c) => new ICAL.Component(c as never));
}

interface Vcard4Property {
  group: string | null;
  property: string;
  parameters: Record<string, string>;
  value: unknown;
}
function vcard4Cards(content: string): Vcard4Property[][] {
  const parsed = parseVcard4(content) as unknown;
  const list = (Array.isArray(parsed) ? parsed : [parsed]) as { parsedVcard: Vcard4Property[] }[];
  return list.map((c) => c.parsedVcard);
}

describe('the sample book round trip (issue 16, Done 2)', () => {
  it('→ CSV → an empty book: everyone back as they were; papaparse reads the file without an error', async () => {
    const source = await openTestContext();
    loadSampleData(source);
    const csv = exportPeopleCsv(source, { personIds: null, includePersonal: true });
    const parsed = Papa.parse<Record<string, string>>(csv.content.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(csv.count);
    const target = await openTestContext();
    const summary = await importInto(target, csv.filename, csv.content);
    expect(summary).toMatchObject({ created: csv.count, rejected: [] });
    expect(everyone(target)).toEqual(everyone(source));
    // The book has phones with kinds, several emails, tags and how we met: the comparison is not of empty lists.
    const all = everyone(source);
    expect(all.some((p) => p.phones.some((ph) => ph.kinds.length))).toBe(true);
    expect(all.some((p) => p.emails.length > 1 && p.tags.length > 1 && p.howWeMet)).toBe(true);
  });

  it('→ vCard 4.0 → an empty book: everyone back as they were; ical.js and vcard4 read every card without an error', async () => {
    const source = await openTestContext();
    loadSampleData(source);
    const vcf = exportVCards(source, { personIds: null, includePersonal: true });
    expectFolded(vcf.content);
    const cards = icalCards(vcf.content);
    expect(cards).toHaveLength(vcf.count);
    const strict = vcard4Cards(vcf.content);
    expect(strict).toHaveLength(vcf.count);
    // Both readers see what Rapport wrote: the same names, and each phone with its kinds as TYPE.
    const people = (source.db.prepare('SELECT id FROM people').all() as { id: number }[]).map((r) => getPerson(source, r.id));
    for (const [i, card] of cards.entries()) {
      const p = people.find((x) => `urn:rapport:person:${x.id}` === card.getFirstPropertyValue('uid')) as Person;
      expect(card.getFirstPropertyValue('fn')).toBe(p.name);
      expect(card.getAllProperties('tel').map((t) => t.getValues()[0])).toEqual(p.phones.map((ph) => ph.number));
      const props = strict[i] as Vcard4Property[];
      expect(props.find((x) => x.property === 'FN')?.value).toBe(p.name);
      expect(props.filter((x) => x.property === 'TEL').map((x) => x.parameters.TYPE ?? '')).toEqual(p.phones.map((ph) => ph.kinds.map((k) => (k === 'mobile' ? 'cell' : k)).join(',')));
      if (p.howWeMet) expect(card.getFirstPropertyValue('x-rapport-how-we-met')).toBe(p.howWeMet);
    }
    const target = await openTestContext();
    const summary = await importInto(target, vcf.filename, vcf.content);
    expect(summary).toMatchObject({ created: vcf.count, rejected: [] });
    expect(everyone(target)).toEqual(everyone(source));
  });
});

describe('generated people survive both exports', () => {
  const text = (max: number) => fc.string({ maxLength: max }).map((s) => s.trim());
  const word = fc.constantFrom('Sales; EMEA', 'a\\b', 'Board', 'Évora, PT', 'x;y;z', '日本', 'Tag "quoted"', 'Zoë');
  const phone = fc.record({
    label: fc.constantFrom('', 'Assistant', 'Work fax', 'Mobile', 'Büro; Zentrale'),
    number: fc.tuple(fc.integer({ min: 201, max: 989 }), fc.integer({ min: 1000000, max: 9999999 }), fc.constantFrom('', ' ext. 12', ' x7')).map(([a, n, ext]) => `+1 ${a} ${n}${ext}`),
    kinds: fc.subarray([...PHONE_KINDS]),
  });

  it('kinds, labels, tags with their separators and the Rapport-only fields come back from CSV and vCard', async () => {
    const source = await openTestContext();
    let run = 0;
    const made: Person[] = [];
    fc.assert(
      fc.property(
        fc.record({ given: text(20), howWeMet: text(60), introduceAs: text(40), boundaries: text(60), tags: fc.uniqueArray(word, { maxLength: 4 }), phones: fc.array(phone, { maxLength: 3 }) }),
        (r) => {
          const p = dispatch(source, 'people.create', {
            givenName: `${r.given}P${run++}`,
            howWeMet: r.howWeMet,
            introduceAs: r.introduceAs,
            boundaries: r.boundaries,
            tags: r.tags,
            phones: r.phones,
            emails: [{ label: 'Personal', address: `p${run}@example.com` }],
          });
          if (p.ok) made.push(p.value as Person);
        },
      ),
      { numRuns: 40 },
    );
    expect(made.length).toBeGreaterThan(20);
    for (const [fileName, content] of [
      ['people.csv', exportPeopleCsv(source, { personIds: null, includePersonal: true }).content],
      ['people.vcf', exportVCards(source, { personIds: null, includePersonal: true }).content],
    ] as const) {
      const target = await openTestContext();
      await importInto(target, fileName, content);
      expect(everyone(target), fileName).toEqual(everyone(source));
    }
  });

  it('one person exported alone is read back as Rapport’s own CSV, however many “; ” their cells hold', async () => {
    const ctx = await openTestContext();
    let run = 0;
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 4 }), fc.array(phone, { maxLength: 3 }), fc.integer({ min: 1, max: 3 }), (tags, phones, emails) => {
        const p = call<Person>(ctx, 'people.create', {
          givenName: `Solo${run++}`,
          tags,
          phones,
          emails: Array.from({ length: emails }, (_, i) => ({ label: i ? 'Home; private' : '', address: `solo${run}.${i}@example.com` })),
        });
        const csv = exportPeopleCsv(ctx, { personIds: [p.id], includePersonal: false });
        const file = readImportFile(csv.filename, new TextEncoder().encode(csv.content));
        expect(file.format).toBe('rapport');
        expect(file.records.map((r) => [r.person.emails.length, r.person.phones.length, [...r.person.tags].sort()])).toEqual([[emails, new Set(p.phones.map((ph) => ph.number)).size, [...p.tags].sort()]]);
      }),
      { numRuns: 40 },
    );
  });

  it('a tag holding “;” is one tag in the CSV, told apart from two', async () => {
    const ctx = await openTestContext();
    call<Person>(ctx, 'people.create', { givenName: 'Ann', tags: ['Sales; EMEA', 'Board'] });
    const csv = exportPeopleCsv(ctx, { personIds: null, includePersonal: false });
    const row = Papa.parse<Record<string, string>>(csv.content.slice(1), { header: true, skipEmptyLines: true }).data[0];
    expect(row?.Tags).toBe('Board; Sales\\; EMEA');
    const back = await openTestContext();
    await importInto(back, csv.filename, csv.content);
    expect(everyone(back)[0]?.tags).toEqual(['Board', 'Sales; EMEA']);
  });
});

describe('calendar files are folded by octets', () => {
  it('a follow-up of long non-Latin words folds at 75 octets, never inside a character, and ical.js reads it back', async () => {
    const ctx = await openTestContext();
    const p = call<Person>(ctx, 'people.create', { givenName: '田中', familyName: 'Αλέξανδρος' });
    const what = `${'打ち合わせの準備をする'.repeat(6)} — ${'Προετοιμασία συνάντησης '.repeat(4)}`;
    call(ctx, 'followUps.create', { personId: p.id, what, dueOn: '2031-01-20' });
    const file = call<{ content: string }>(ctx, 'followUps.calendar', {});
    expectFolded(file.content);
    const event = new ICAL.Component(ICAL.parse(file.content)).getFirstSubcomponent('vevent');
    expect(String(event?.getFirstPropertyValue('summary'))).toContain(what.trim());
  });
});
