import fc from 'fast-check';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api';
import type { CoreContext } from '../../electron/core/context';
import { contentText, FOLD_OCTETS } from '../../electron/core/export/content-lines';
import { safeCell } from '../../electron/core/export/csv';
import { readVcard } from '../../electron/core/import/vcard';
import type { Person } from '../../shared/domain/person';
import { openTestContext } from '../helpers/store';

/**
 * Exports that are safe to open (issue 14, items 4 and 5). Every file is read back by an
 * independent parser (papaparse, ical.js) and, for vCard, by Rapport's own importer too.
 */

function call<T>(ctx: CoreContext, method: string, input: unknown): T {
  const reply = dispatch(ctx, method, input);
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message} ${JSON.stringify(reply.error.fields ?? {})}`);
  return reply.value as T;
}

const INJECTION_PREFIXES = ['=', '+', '-', '@', '\t', '\r'];
const EXAMPLES = ['=HYPERLINK("http://x.example","y")', "+cmd|' /C calc'!A0", '-1+1', '@SUM(1+1)', '=1+1\n=2+2', '-2+3+cmd|x'];

/** What a spreadsheet would run as a formula: a cell beginning with one of the prefixes. */
const runsAsFormula = (cell: string) => INJECTION_PREFIXES.some((p) => cell.startsWith(p));
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;

/** Papaparse reads the file back; the byte-order mark first, then a header row. */
function parseCsv(content: string): Record<string, string>[] {
  expect(content.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(content.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** The cell as written must be the value or the value behind one `'`, and never a formula (plain numbers and phones aside). */
function expectNeutral(written: string, value: string, phoneColumn = false) {
  if (written === value) {
    if (runsAsFormula(value)) expect(PLAIN_NUMBER.test(value) || phoneColumn, `left as is: ${JSON.stringify(value)}`).toBe(true);
  } else {
    expect(written).toBe(`'${value}`);
    expect(runsAsFormula(value)).toBe(true);
  }
}

describe('CSV injection: one writer for every CSV', () => {
  it('neutralises each OWASP prefix, and leaves plain numbers and phones in a phone column as typed', () => {
    for (const p of INJECTION_PREFIXES) expect(safeCell(`${p}cmd|' /C calc'!A0`)).toBe(`'${p}cmd|' /C calc'!A0`);
    for (const n of ['-5', '+3', '-1.5', '-2e3', 0, -7]) expect(safeCell(n)).toBe(String(n));
    expect(safeCell('+1 717 555 0100', true)).toBe('+1 717 555 0100');
    expect(safeCell('+1 717 555 0100; +44 20 7946 0958', true)).toBe('+1 717 555 0100; +44 20 7946 0958');
    // Only in a phone column, and only when it is a phone: a formula there is still a formula.
    expect(safeCell('+1 717 555 0100')).toBe("'+1 717 555 0100");
    expect(safeCell('+1+cmd|x', true)).toBe("'+1+cmd|x");
    expect(safeCell('-1+1', true)).toBe("'-1+1");
    expect(safeCell('+1\t717 555 0100', true)).toBe("'+1\t717 555 0100");
  });

  it('exports.peopleCsv and reports.rapportCsv neutralise every injection example in every text column', async () => {
    const ctx = await openTestContext();
    const created = EXAMPLES.map((x, i) =>
      call<Person>(ctx, 'people.create', { givenName: x, familyName: `${x}`, organization: x, role: x, notes: x, howWeMet: x, introduceAs: x, tags: [`${x.slice(0, 30)}${i}`, 'inj'] }),
    );
    const people = parseCsv(call<{ content: string }>(ctx, 'exports.peopleCsv', { tag: 'inj' }).content);
    expect(people).toHaveLength(EXAMPLES.length);
    const report = parseCsv(call<{ content: string }>(ctx, 'reports.rapportCsv', { filter: { tags: ['inj'] } }).content);
    expect(report).toHaveLength(EXAMPLES.length);
    for (const p of created) {
      const row = people.find((r) => r['Given name'] === p.givenName || r['Given name'] === `'${p.givenName}`) as Record<string, string>;
      for (const [column, value] of [
        ['Given name', p.givenName],
        ['Family name', p.familyName],
        ['Organization', p.organization],
        ['Role', p.role],
        ['Notes', p.notes],
        ['How we met', p.howWeMet],
        ['Introduce as', p.introduceAs],
      ] as const) {
        expect(row[column]).toBe(`'${value}`);
      }
      const line = report.find((r) => r.Organization === `'${p.organization}`) as Record<string, string>;
      expect(line.Name).toBe(`'${p.name}`);
      expect(line.Tags?.startsWith("'")).toBe(true);
    }
    // Every cell of both files, whatever column: nothing left that a spreadsheet would run.
    for (const row of [...people, ...report]) {
      for (const [column, cell] of Object.entries(row)) if (column !== 'Phones') expect(!runsAsFormula(cell) || PLAIN_NUMBER.test(cell), `${column}: ${cell}`).toBe(true);
    }
  });

  it('generated cells: every value comes back as itself or behind one quote, never as a formula', async () => {
    const ctx = await openTestContext();
    let run = 0;
    const cell = fc.oneof(
      fc.tuple(fc.constantFrom(...INJECTION_PREFIXES), fc.string({ maxLength: 30 })).map(([p, s]) => `${p}${s}`),
      fc.string({ maxLength: 30 }),
      fc.double({ noNaN: true }).map(String),
      fc.integer().map(String),
    );
    // What a name, organisation or note can hold once the API has trimmed it.
    const stored = cell.map((s) => s.trim()).filter((s) => s.length > 0);
    const phone = fc
      .tuple(fc.constantFrom('+', ''), fc.array(fc.integer({ min: 100, max: 9999 }), { minLength: 2, maxLength: 3 }))
      .map(([plus, groups]) => `${plus}${groups.join(' ')}`);
    fc.assert(
      fc.property(fc.array(fc.record({ name: stored, org: stored, notes: stored, phone }), { minLength: 1, maxLength: 8 }), (rows) => {
        const tag = `run${run++}`;
        // Rows come in name order: each person is found again by a marker of their own (how we met, a tag).
        const made = rows.map((r, i) =>
          call<Person>(ctx, 'people.create', { givenName: r.name, organization: r.org, notes: r.notes, phones: [{ number: r.phone }], howWeMet: `m${i}`, tags: [tag, `m${i}`] }),
        );
        const people = parseCsv(call<{ content: string }>(ctx, 'exports.peopleCsv', { tag }).content);
        const report = parseCsv(call<{ content: string }>(ctx, 'reports.rapportCsv', { filter: { tags: [tag] } }).content);
        expect(people).toHaveLength(made.length);
        made.forEach((p, i) => {
          const row = people.find((r) => r['How we met'] === `m${i}`) as Record<string, string>;
          expectNeutral(row['Given name'] as string, p.givenName);
          expectNeutral(row.Organization as string, p.organization);
          expectNeutral(row.Notes as string, p.notes);
          expectNeutral(row.Phones as string, p.phones.map((ph) => ph.number).join('; '), true);
          const line = report.find((r) => (r.Tags as string).split('; ').includes(`m${i}`));
          expect(line).toBeDefined();
          expectNeutral(line?.Organization as string, p.organization);
          expectNeutral(line?.Name as string, p.name);
        });
        for (const row of report) for (const k of ['Rapport score', 'Overdue follow-ups']) expect(row[k]).toMatch(/^-?\d+$/);
      }),
      { numRuns: 25 },
    );
  });
});

/** Every control character: C0 (CR alone among them), DEL, C1 (NEL among them), and the Unicode line and paragraph separators. */
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)),
  '\u2028',
  '\u2029',
];

/** Each physical line of a vCard / iCalendar text: at most 75 octets, and never a UTF-8 sequence cut in two. */
function expectFolded(content: string) {
  const bytes = Buffer.from(content, 'utf8');
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || (bytes[i] === 0x0d && bytes[i + 1] === 0x0a)) {
      const line = bytes.subarray(start, i);
      expect(line.length).toBeLessThanOrEqual(FOLD_OCTETS);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(line)).not.toThrow();
      // No bare CR or LF inside a line: a line break is CRLF or nothing.
      expect(line.includes(0x0d) || line.includes(0x0a)).toBe(false);
      start = i + 2;
      i++;
    }
  }
}

/** What a value becomes through an exporter: line breaks one LF, TAB a space, other controls gone… */
const written = (value: string) => contentText(value);
/** …and through Rapport's importer, which trims every value as the person form does. */
const carried = (value: string) => contentText(value).trim();
const uidOf = (card: ICAL.Component) => Number(String(card.getFirstPropertyValue('uid')).split(':').pop());

function vcardsOf(content: string): ICAL.Component[] {
  const parsed = ICAL.parse(content);
  return ((Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[]).map((c) => new ICAL.Component(c as never));
}

describe('vCard export: control characters are data, never a new property', () => {
  it('carries every control character in every text field through Rapport’s importer and ical.js', async () => {
    const ctx = await openTestContext();
    const people = CONTROLS.map((c, i) =>
      call<Person>(ctx, 'people.create', {
        givenName: `Ann${c}N:Evil;Eve`,
        familyName: `Lee${c}${i}`,
        organization: `Acme${c}EMAIL:attacker@evil.example`,
        role: `Boss${c}TEL:+1 555 0100`,
        notes: `line one${c}END:VCARD${c}BEGIN:VCARD${c}FN:Mallory`,
        tags: [`t${c}x`],
        emails: [{ address: `ann${i}@example.com` }],
      }),
    );
    const file = call<{ content: string; count: number }>(ctx, 'exports.vcard', {});
    expectFolded(file.content);
    const cards = vcardsOf(file.content);
    expect(cards).toHaveLength(people.length);
    const back = readVcard(new TextEncoder().encode(file.content));
    expect(back.records).toHaveLength(people.length);
    // Cards come in name order; each is found by its UID, and Rapport's reading of it by its place.
    people.forEach((p, i) => {
      const at = cards.findIndex((c) => uidOf(c) === p.id);
      const card = cards[at] as ICAL.Component;
      // Exactly the properties written, once each: nothing injected.
      expect(card.getAllProperties().map((x) => x.name)).toEqual(['version', 'uid', 'fn', 'n', 'org', 'title', 'email', 'categories', 'note', 'rev']);
      expect(card.getFirstPropertyValue('org')).toBe(written(p.organization));
      expect(card.getFirstPropertyValue('note')).toBe(written(p.notes));
      expect(card.getFirstPropertyValue('email')).toBe(`ann${i}@example.com`);
      const mine = back.records[at]?.person;
      expect(mine?.organization).toBe(carried(p.organization));
      expect(mine?.role).toBe(carried(p.role));
      expect(mine?.notes).toBe(carried(p.notes));
      expect(mine?.givenName).toBe(carried(p.givenName));
      expect(mine?.emails).toEqual([{ label: '', address: `ann${i}@example.com` }]);
    });
    expect(back.problems).toEqual([]);
  });

  it('generated text in any field survives the round trip as data, folded by octets', async () => {
    const ctx = await openTestContext();
    const unit = fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 1 }) },
      { weight: 1, arbitrary: fc.constantFrom(...CONTROLS, ';', ',', ':', '\\', '"', '\\n', 'é', '日', '😀', ' ') },
    );
    const text = (max: number) => fc.array(unit, { maxLength: max }).map((a) => a.join(''));
    let run = 0;
    fc.assert(
      fc.property(fc.record({ given: text(30), org: text(60), notes: text(200), role: text(40) }), (r) => {
        const tag = `vc${run++}`;
        const made = dispatch(ctx, 'people.create', { givenName: `${r.given}x`, organization: r.org, notes: r.notes, role: r.role, tags: [tag] });
        if (!made.ok) return; // text the person form itself refuses is not this test's business
        const p = made.value as Person;
        const file = call<{ content: string }>(ctx, 'exports.vcard', { tag });
        expectFolded(file.content);
        const [card] = vcardsOf(file.content);
        const names = card?.getAllProperties().map((x) => x.name) ?? [];
        expect(names.filter((n) => n === 'email' || n === 'tel')).toEqual([]);
        expect(new Set(names).size).toBe(names.length);
        if (p.organization) expect(card?.getFirstPropertyValue('org')).toBe(written(p.organization));
        if (p.notes) expect(card?.getFirstPropertyValue('note')).toBe(written(p.notes));
        const back = readVcard(new TextEncoder().encode(file.content)).records[0]?.person;
        expect(back?.organization).toBe(carried(p.organization));
        expect(back?.notes).toBe(carried(p.notes));
        expect(back?.role).toBe(carried(p.role));
        expect(back?.emails).toEqual([]);
        expect(back?.phones).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('iCalendar export: control characters are data, never a new property', () => {
  const plan = async () => {
    const ctx = await openTestContext();
    call(ctx, 'keepInTouch.update', { cadence: { client: 30, customer: 90, prospect: 180 }, reminderTime: '09:30', timeZone: 'America/New_York' });
    return ctx;
  };

  it('carries every control character in a follow-up and a name, each event with its own properties only', async () => {
    const ctx = await plan();
    const expected = CONTROLS.map((c, i) => {
      const p = call<Person>(ctx, 'people.create', { givenName: `Ann${c}ATTENDEE:mailto:x@evil.example`, familyName: `Lee${i}` });
      const what = `Call${c}END:VEVENT${c}BEGIN:VEVENT${c}SUMMARY:injected`;
      call(ctx, 'followUps.create', { personId: p.id, what, dueOn: '2031-01-20' });
      return written(`${what} — ${p.name}`);
    });
    const file = call<{ content: string; count: number; skipped: unknown[] }>(ctx, 'followUps.calendar', {});
    expect(file.skipped).toEqual([]);
    expectFolded(file.content);
    const events = new ICAL.Component(ICAL.parse(file.content)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(CONTROLS.length);
    const summaries = events.map((e) => String(e.getFirstPropertyValue('summary')));
    expect(summaries.sort()).toEqual([...expected].sort());
    for (const e of events) {
      expect(e.getAllProperties().map((x) => x.name).sort()).toEqual(['description', 'dtstamp', 'dtstart', 'duration', 'summary', 'uid']);
    }
  });

  it('generated follow-up words survive as data, folded by octets', async () => {
    const ctx = await plan();
    const person = call<Person>(ctx, 'people.create', { givenName: 'José', familyName: 'Álvarez' });
    const unit = fc.oneof(fc.string({ unit: 'binary', maxLength: 1 }), fc.constantFrom(...CONTROLS, ';', ',', '\\', ':', '日', '😀'));
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 120 }).map((a) => a.join('')), (raw) => {
        const made = dispatch(ctx, 'followUps.create', { personId: person.id, what: `x${raw}`, dueOn: '2031-07-08' });
        if (!made.ok) return;
        const f = made.value as { id: number; what: string };
        const file = call<{ content: string }>(ctx, 'followUps.calendar', { ids: [f.id] });
        expectFolded(file.content);
        const events = new ICAL.Component(ICAL.parse(file.content)).getAllSubcomponents('vevent');
        expect(events).toHaveLength(1);
        expect(events[0]?.getFirstPropertyValue('summary')).toBe(written(`${f.what} — José Álvarez`));
      }),
      { numRuns: 150 },
    );
  });
});
