import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../helpers/corpus';
import { openTestContext } from '../helpers/store';
import { undoImport } from '../../electron/core/import/apply';
import type { CoreContext } from '../../electron/core/context';
import { checkIn, checkInByTicket } from '../../electron/core/services/checkin';
import { searchRegistrants } from '../../electron/core/services/registrant-search';
import { exportFull } from '../../electron/core/services/exports';
import { importFullExport } from '../../electron/core/services/full-import';
import { runImport } from '../../electron/core/services/imports';
import { mergePeople } from '../../electron/core/services/merge';
import { createPerson, getPerson } from '../../electron/core/services/people';
import { attachTicket, findByPlatformCode } from '../../electron/core/services/platform-tickets';
import { createSeminar, listRegistrations, normalizeTicketCode, registerPeople, TICKET_LENGTH } from '../../electron/core/services/seminars';
import { ImportRunInputSchema } from '../../shared/domain/import';
import { PersonInputSchema } from '../../shared/domain/person';
import { SeminarInputSchema, type Registration } from '../../shared/domain/seminar';
import type { PlatformCode } from '../../shared/domain/ticket';
import { AppError } from '../../shared/errors';

const EVENTBRITE = 'eventbrite-csv/eb2ez_attendee_report_custom_questions.csv';
const eventbriteBytes = () => fs.readFileSync(path.join(CORPUS, EVENTBRITE));

/** The corpus report read by papaparse alone: what each row says, by heading. */
function reportRows(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

/** The corpus report with a `Barcode #` column after `Attendee #`, as newer exports write it (FORMATS.md §5.1). */
function withBarcodes(text: string): { text: string; barcodes: Map<string, string> } {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const header = parsed[0] as string[];
  const at = header.indexOf('Attendee #') + 1;
  const barcodes = new Map<string, string>();
  const rows = parsed.map((row, i) => {
    const copy = [...row];
    if (i === 0) copy.splice(at, 0, 'Barcode #');
    else {
      const barcode = `${row[header.indexOf('Order #')]}${row[header.indexOf('Attendee #')]}001`;
      barcodes.set(row[header.indexOf('Email')] as string, barcode);
      copy.splice(at, 0, barcode);
    }
    return copy;
  });
  return { text: Papa.unparse(rows, { newline: '\r\n' }), barcodes };
}

const plan = (ctx: CoreContext, title = 'Become a Master Networker') =>
  createSeminar(ctx, SeminarInputSchema.parse({ title, date: '2031-01-16', startTime: '09:00', endTime: '12:00', timeZone: 'America/New_York' })).id;

const importInto = (ctx: CoreContext, seminarId: number, fileName: string, bytes: Uint8Array | string) =>
  runImport(ctx, ImportRunInputSchema.parse({ fileName, content: Buffer.from(bytes).toString('base64'), seminarId }));

const byEmail = (regs: Registration[], email: string) => {
  const r = regs.find((x) => x.primaryEmail === email);
  if (!r) throw new Error(`no registration for ${email}`);
  return r;
};
const codesOf = (r: Registration, kind: PlatformCode['kind']) => (r.ticket?.codes ?? []).filter((c) => c.kind === kind).map((c) => c.code);
const count = (ctx: CoreContext, table: string) => (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** The person's own columns in the Eventbrite layout: these become the person, not answers. */
const PERSON_COLUMNS = ['First Name', 'Last Name', 'Email', 'Job Title', 'Company', 'Home Address 1', 'Home City', 'Home State', 'Home Zip', 'Home Country', 'How did you hear about this event?'];
const IDENTIFIER_COLUMNS = ['Order #', 'Attendee #', 'Barcode #', 'Ticket Type'];

describe('an Eventbrite attendee report imported into a seminar', () => {
  it('keeps each registration’s attendee #, order #, ticket type and every other column as an answer', async () => {
    const ctx = await openTestContext();
    const seminarId = plan(ctx);
    const text = eventbriteBytes().toString('utf8');
    await importInto(ctx, seminarId, 'attendees.csv', eventbriteBytes());
    const regs = listRegistrations(ctx, seminarId);
    const rows = reportRows(text);
    expect(regs).toHaveLength(rows.length);
    for (const row of rows) {
      const r = byEmail(regs, row.Email as string);
      expect(r.ticket?.platform).toBe('eventbrite');
      expect(codesOf(r, 'attendee')).toEqual([row['Attendee #']]);
      expect(codesOf(r, 'order')).toEqual([row['Order #']]);
      expect(r.ticket?.ticketType).toBe(row['Ticket Type']);
      // Every column that is neither the person nor an identifier, with a value, in the file's order.
      const expected = Object.entries(row)
        .filter(([h, v]) => v.trim() && !PERSON_COLUMNS.includes(h) && !IDENTIFIER_COLUMNS.includes(h))
        .map(([question, answer]) => ({ question, answer: answer.trim() }));
      expect(r.ticket?.answers).toEqual(expected);
    }
    const john = byEmail(regs, 'jdoe1@test1mail.com');
    expect(john.ticket?.answers).toContainEqual({ question: 'Are you a consultant?', answer: 'Yes' });
    expect(john.ticket?.answers).toContainEqual({ question: 'Where are you located (city+state or city+country)', answer: 'City1, CA' });
    expect(john.ticket?.answers).toContainEqual({ question: 'Attendee Status', answer: 'Attending' });
    expect(john.role).toBe('JobTitle1');
  });

  it('keeps a Barcode # column, and the barcode scanned checks in exactly its holder', async () => {
    const ctx = await openTestContext();
    const seminarId = plan(ctx);
    const { text, barcodes } = withBarcodes(eventbriteBytes().toString('utf8'));
    await importInto(ctx, seminarId, 'attendees.csv', text);
    const regs = listRegistrations(ctx, seminarId);
    for (const [email, barcode] of barcodes) expect(codesOf(byEmail(regs, email), 'barcode')).toEqual([barcode]);

    const jane = byEmail(regs, 'jdoe2@test2mail.com');
    // As a scanner sends it: the digits, then CR LF.
    expect(checkInByTicket(ctx, seminarId, `${barcodes.get('jdoe2@test2mail.com')}\r\n`)).toMatchObject({ id: jane.id, state: 'checked_in' });
    const after = listRegistrations(ctx, seminarId);
    expect(after.filter((r) => r.state === 'checked_in').map((r) => r.id)).toEqual([jane.id]);
    // The attendee # on the ticket typed by hand works too.
    const joe = byEmail(regs, 'jbloggs@test3mail.com');
    expect(checkInByTicket(ctx, seminarId, codesOf(joe, 'attendee')[0] as string)).toMatchObject({ id: joe.id, state: 'checked_in' });
  });

  it('attaches the ticket to a registration made before the import; undo takes back only what the import added', async () => {
    const ctx = await openTestContext();
    const seminarId = plan(ctx);
    const jane = createPerson(ctx, PersonInputSchema.parse({ givenName: 'Jane', familyName: 'Doe', emails: [{ address: 'jdoe2@test2mail.com' }] }));
    registerPeople(ctx, seminarId, [jane.id], 'in_person');
    const before = listRegistrations(ctx, seminarId)[0] as Registration;
    expect(before.ticket).toBeNull();
    const summary = await importInto(ctx, seminarId, 'attendees.csv', eventbriteBytes());
    expect(summary).toMatchObject({ created: 2, merged: 1, registered: 2 });
    const janeReg = byEmail(listRegistrations(ctx, seminarId), 'jdoe2@test2mail.com');
    expect(janeReg.id).toBe(before.id);
    expect(codesOf(janeReg, 'attendee')).toEqual(['18441700883']);
    expect(findByPlatformCode(ctx, seminarId, '18441700883')).toEqual([before.id]);

    undoImport(ctx, summary.importId);
    const left = listRegistrations(ctx, seminarId);
    expect(left.map((r) => r.id)).toEqual([before.id]);
    expect(left[0]?.ticket).toBeNull();
    for (const table of ['registration_tickets', 'registration_codes', 'registration_answers']) expect(count(ctx, table), table).toBe(0);
    expect(findByPlatformCode(ctx, seminarId, '18441700883')).toEqual([]);
  });

  it('two imports bringing the same ticket: undoing either leaves the other’s, so the barcode still scans', async () => {
    const ctx = await openTestContext();
    const seminarId = plan(ctx);
    const { text } = withBarcodes(eventbriteBytes().toString('utf8'));
    const first = await importInto(ctx, seminarId, 'attendees.csv', text);
    // Next week's export of the same event: the same tickets, one answer changed, a new ticket type.
    const updated = text.replace('General Admission,18441700883', 'VIP,18441700883').replace('CNSV Email,No,No,No,City2 CA', 'CNSV Email,Yes,No,No,City2 CA');
    expect(updated).not.toBe(text);
    const second = await importInto(ctx, seminarId, 'attendees-updated.csv', updated);
    const jane = () => byEmail(listRegistrations(ctx, seminarId), 'jdoe2@test2mail.com');
    // The first import's ticket is the one shown; codes are not listed twice.
    expect(jane().ticket?.ticketType).toBe('General Admission');
    expect(jane().ticket?.codes.map((c) => c.kind)).toEqual(['attendee', 'order', 'barcode']);
    expect(jane().ticket?.answers.find((a) => a.question === 'Are you a consultant?')?.answer).toBe('No');
    undoImport(ctx, first.importId);
    // The registrations were the first import's: undoing it takes them, and the second's tickets with them.
    expect(listRegistrations(ctx, seminarId)).toEqual([]);
    undoImport(ctx, second.importId);

    const ann = createPerson(ctx, PersonInputSchema.parse({ givenName: 'Jane', familyName: 'Doe', emails: [{ address: 'jdoe2@test2mail.com' }] }));
    registerPeople(ctx, seminarId, [ann.id], 'in_person');
    const a = await importInto(ctx, seminarId, 'attendees.csv', text);
    const b = await importInto(ctx, seminarId, 'attendees-updated.csv', updated);
    undoImport(ctx, a.importId);
    expect(jane().ticket?.ticketType).toBe('VIP');
    expect(jane().ticket?.answers.find((x) => x.question === 'Are you a consultant?')?.answer).toBe('Yes');
    expect(checkInByTicket(ctx, seminarId, '18441700883')).toMatchObject({ id: jane().id, state: 'checked_in' });
    undoImport(ctx, b.importId);
    expect(jane().ticket).toBeNull();
  });

  it('undo of an import removes its registrations with their tickets', async () => {
    const ctx = await openTestContext();
    const seminarId = plan(ctx);
    const summary = await importInto(ctx, seminarId, 'attendees.csv', eventbriteBytes());
    expect(count(ctx, 'registration_codes')).toBe(6);
    undoImport(ctx, summary.importId);
    expect(listRegistrations(ctx, seminarId)).toEqual([]);
    for (const table of ['registration_tickets', 'registration_codes', 'registration_answers']) expect(count(ctx, table), table).toBe(0);
  });

  it('undo keeps a registration checked in since, with the ticket it was checked in by; the others go with theirs', async () => {
    const ctx = await openTestContext();
    const seminarId = plan(ctx);
    const { text, barcodes } = withBarcodes(eventbriteBytes().toString('utf8'));
    const summary = await importInto(ctx, seminarId, 'attendees.csv', text);
    const barcode = barcodes.get('jdoe2@test2mail.com') as string;
    const jane = checkInByTicket(ctx, seminarId, barcode);
    // Kept: her registration, and so her too (the registration refers to her).
    expect(undoImport(ctx, summary.importId)).toMatchObject({ unregistered: summary.registered - 1, removed: summary.created - 1, kept: 2 });
    const left = listRegistrations(ctx, seminarId);
    expect(left.map((r) => [r.id, r.state])).toEqual([[jane.id, 'checked_in']]);
    expect(codesOf(left[0] as Registration, 'barcode')).toEqual([barcode]);
    expect(findByPlatformCode(ctx, seminarId, barcode)).toEqual([jane.id]);
  });

  it('a full export carries the tickets into a new book', async () => {
    const ctx = await openTestContext();
    const seminarId = plan(ctx);
    await importInto(ctx, seminarId, 'attendees.csv', eventbriteBytes());
    const target = await openTestContext();
    await importFullExport(target, Buffer.from(exportFull(ctx, true).content).toString('base64'));
    const strip = (regs: Registration[]) => regs.map((r) => ({ id: r.id, ticket: r.ticket }));
    expect(strip(listRegistrations(target, seminarId))).toEqual(strip(listRegistrations(ctx, seminarId)));
    expect(findByPlatformCode(target, seminarId, '18441583423')).toHaveLength(1);
  });
});

describe('a Zoom registration report', () => {
  it('keeps the registrant id and the custom questions; the organization is the person’s (issue 16), not an answer', async () => {
    const ctx = await openTestContext();
    const seminarId = plan(ctx);
    const csv = [
      'First Name,Last Name,Email,Registration Time,Approval Status,Registrant ID,Organization,What should we cover?',
      'Ann,Lee,ann@acme.com,01/10/2031 09:12:00 AM,approved,aZ3_kq-19XbQ,Acme,Referrals',
      'Bob,Stone,bob@globex.com,01/11/2031 10:00:00 AM,approved,Qm8-pp_2LkW0,,',
    ].join('\r\n');
    await importInto(ctx, seminarId, 'registrants.csv', csv);
    const regs = listRegistrations(ctx, seminarId);
    const ann = byEmail(regs, 'ann@acme.com');
    expect(ann.ticket).toMatchObject({ platform: 'zoom', ticketType: '', codes: [{ kind: 'registrant', code: 'aZ3_kq-19XbQ' }] });
    expect(ann.ticket?.answers).toEqual([
      { question: 'Registration Time', answer: '01/10/2031 09:12:00 AM' },
      { question: 'Approval Status', answer: 'approved' },
      { question: 'What should we cover?', answer: 'Referrals' },
    ]);
    expect(getPerson(ctx, ann.personId).organization).toBe('Acme');
    // Zoom ids are case-sensitive: the same letters in another case are another code.
    expect(() => checkInByTicket(ctx, seminarId, 'az3_kq-19xbq')).toThrow(AppError);
    expect(checkInByTicket(ctx, seminarId, 'aZ3_kq-19XbQ')).toMatchObject({ id: ann.id, state: 'checked_in' });
  });
});

describe('checking in by a platform code: exact match within the seminar only', () => {
  async function twoSeminars() {
    const ctx = await openTestContext();
    const here = plan(ctx, 'Here');
    const there = plan(ctx, 'Elsewhere');
    const add = (givenName: string) => createPerson(ctx, PersonInputSchema.parse({ givenName, familyName: 'Tester' })).id;
    const [ann, bob, cy] = [add('Ann'), add('Bob'), add('Cy')];
    registerPeople(ctx, here, [ann, bob], 'in_person');
    registerPeople(ctx, there, [cy], 'in_person');
    const reg = (seminarId: number, personId: number) => listRegistrations(ctx, seminarId).find((r) => r.personId === personId) as Registration;
    const ticket = (codes: PlatformCode[]) => ({ platform: 'eventbrite' as const, ticketType: 'General Admission', codes, answers: [] });
    attachTicket(ctx.db, reg(here, ann).id, ticket([{ kind: 'barcode', code: '112119122431844158342300' }, { kind: 'order', code: '11211912243' }]), null);
    attachTicket(ctx.db, reg(here, bob).id, ticket([{ kind: 'attendee', code: '18441700883' }, { kind: 'order', code: '11211912243' }]), null);
    attachTicket(ctx.db, reg(there, cy).id, ticket([{ kind: 'attendee', code: '99999999999' }]), null);
    return { ctx, here, there, ann: reg(here, ann), bob: reg(here, bob), cy: reg(there, cy) };
  }
  const checkedIn = (ctx: CoreContext, seminarId: number) => listRegistrations(ctx, seminarId).filter((r) => r.state === 'checked_in').map((r) => r.name);

  it('a prefix of a barcode checks in no one, nor does a code of another seminar or an order of several tickets', async () => {
    const { ctx, here, there, ann } = await twoSeminars();
    for (const typed of ['1121191224318441583423', '11211912243184415834230', '1121191224', '18441700', '99999999999', '11211912243', '112119122431844158342300 1']) {
      expect(() => checkInByTicket(ctx, here, typed), typed).toThrow(AppError);
    }
    expect(() => checkInByTicket(ctx, here, '11211912243')).toThrow(/belongs to 2 registrations/);
    expect(() => checkInByTicket(ctx, here, '99999999999')).toThrow(/No registration for this seminar/);
    expect(checkedIn(ctx, here)).toEqual([]);
    expect(checkedIn(ctx, there)).toEqual([]);
    expect(checkInByTicket(ctx, here, ' 112119122431844158342300\n')).toMatchObject({ id: ann.id, state: 'checked_in' });
    expect(checkedIn(ctx, here)).toEqual(['Ann Tester']);
  });

  it('a cancelled or already checked-in holder is told, not checked in again', async () => {
    const { ctx, here, bob } = await twoSeminars();
    checkIn(ctx, bob.id);
    expect(() => checkInByTicket(ctx, here, '18441700883')).toThrow(/already checked in/);
  });

  it('the check-in search lists the holder of a code typed in full, and no one for a prefix', async () => {
    const { ctx, here, there, bob, cy } = await twoSeminars();
    const found = (seminarId: number, text: string) => searchRegistrants(ctx, seminarId, text);
    expect(found(here, '18441700883').rows.map((r) => r.id)).toEqual([bob.id]);
    expect(found(here, '18441700883').identified).toBe(bob.id);
    expect(found(here, '1844170088').rows).toEqual([]);
    expect(found(here, '1844170088').identified).toBeNull();
    expect(found(here, '99999999999').rows).toEqual([]);
    expect(found(there, '99999999999').identified).toBe(cy.id);
    // An order # shared by two tickets lists both and identifies neither.
    expect(found(here, '11211912243').rows).toHaveLength(2);
    expect(found(here, '11211912243').identified).toBeNull();
    expect(findByPlatformCode(ctx, here, '11211912243')).toHaveLength(2);
    expect(findByPlatformCode(ctx, here, '')).toEqual([]);
  });

  it('a merge keeps the platform codes of both registrations for the same seminar', async () => {
    const { ctx, here, ann, bob } = await twoSeminars();
    await mergePeople(ctx, ann.personId, bob.personId, {});
    const [kept] = listRegistrations(ctx, here);
    expect(listRegistrations(ctx, here)).toHaveLength(1);
    expect(kept?.ticket?.codes.map((c) => c.code).sort()).toEqual(['11211912243', '112119122431844158342300', '18441700883']);
    expect(checkInByTicket(ctx, here, '18441700883')).toMatchObject({ id: kept?.id, state: 'checked_in' });
  });
});

/**
 * The invariant, with generated codes: whatever is typed or scanned at the table — a platform code,
 * a prefix of one, one with a character more, another seminar's, noise, with a scanner's CR/LF —
 * checks in exactly the one registration of this seminar holding exactly that code, or no one.
 */
describe('ticket types and form answers at the check-in table', () => {
  it('an imported answer or ticket type finds its registrants, listed with what matched, never identified', async () => {
    const ctx = await openTestContext();
    const seminarId = plan(ctx);
    const elsewhere = plan(ctx, 'Elsewhere');
    await importInto(ctx, seminarId, 'attendees.csv', eventbriteBytes());
    const regs = listRegistrations(ctx, seminarId);
    const rows = reportRows(eventbriteBytes().toString('utf8'));
    const inCity2 = rows.filter((r) => /\bcity2\b/i.test(r['Where are you located (city+state or city+country)'] ?? '')).map((r) => byEmail(regs, r.Email as string).id);
    expect(inCity2.length).toBeGreaterThan(0);
    const city = searchRegistrants(ctx, seminarId, 'city2');
    expect(city.rows.map((r) => r.id).sort()).toEqual([...inCity2].sort());
    expect(city.rows.every((r) => r.match.tier === 'answer' && /City2/.test(r.reason))).toBe(true);
    expect(city.identified).toBeNull();

    const general = searchRegistrants(ctx, seminarId, 'general adm');
    expect(general.rows.map((r) => r.id).sort()).toEqual(regs.filter((r) => r.ticket?.ticketType === 'General Admission').map((r) => r.id).sort());
    expect(general.rows[0]?.reason).toBe('General Admission ticket');
    expect(general.identified).toBeNull();
    // Every typed word must be met by the same text; and another seminar's answers find no one here.
    expect(searchRegistrants(ctx, seminarId, 'general city2').rows).toEqual([]);
    expect(searchRegistrants(ctx, elsewhere, 'city2').rows).toEqual([]);
    // A name still ranks first and still identifies its person.
    const john = byEmail(regs, 'jdoe1@test1mail.com');
    expect(searchRegistrants(ctx, seminarId, 'john doe').identified).toBe(john.id);
  });

  it('generated answers: a word lists exactly those whose ticket text holds it, below name matches', async () => {
    const ctx = await openTestContext();
    const WORDS = ['vegan', 'kosher', 'wheelchair', 'vip', 'press', 'speaker'];
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.subarray(WORDS), { minLength: 3, maxLength: 8 }), fc.constantFrom(...WORDS), async (said, typed) => {
        round++;
        const seminarId = plan(ctx, `Answers ${round}`);
        const people = said.map((_, i) => createPerson(ctx, PersonInputSchema.parse({ givenName: `Guest${round}x${i}`, familyName: i === 0 ? 'Vipond' : 'Gen' })).id);
        registerPeople(ctx, seminarId, people, 'in_person');
        const regs = listRegistrations(ctx, seminarId);
        const regOf = (i: number) => regs.find((r) => r.personId === people[i]) as Registration;
        said.forEach((words, i) => {
          const answers = words.length ? [{ question: 'Anything we should know?', answer: words.join(', ') }] : [];
          attachTicket(ctx.db, regOf(i).id, { platform: 'eventbrite', ticketType: '', codes: [], answers }, null);
        });
        const result = searchRegistrants(ctx, seminarId, typed);
        const byAnswer = said.flatMap((words, i) => (words.includes(typed) ? [regOf(i).id] : []));
        const byName = typed === 'vip' ? [regOf(0).id] : [];
        expect(new Set(result.rows.map((r) => r.id))).toEqual(new Set([...byName, ...byAnswer]));
        // Names first; an answer alone never identifies anyone.
        result.rows.forEach((r) => expect(r.match.tier === 'name' || (r.match.tier === 'answer' && r.reason.includes(typed))).toBe(true));
        if (result.identified !== null) expect(byName).toContain(result.identified);
        if (byName.length) expect(result.rows[0]?.id).toBe(byName[0]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('generated codes', () => {
  const digits = fc.stringMatching(/^[0-9]{6,24}$/);
  const zoomId = fc.stringMatching(/^[A-Za-z0-9_-]{8,22}$/);
  const code = fc.oneof(digits, zoomId);

  it('check in exactly the holder or no one', async () => {
    const ctx = await openTestContext();
    const people = Array.from({ length: 6 }, (_, i) => createPerson(ctx, PersonInputSchema.parse({ givenName: `P${i}`, familyName: 'Gen' })).id);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        // Codes of four registrations here and two in another seminar; codes may repeat (an order of several tickets).
        fc.array(fc.array(code, { minLength: 1, maxLength: 3 }), { minLength: 6, maxLength: 6 }),
        fc.nat(),
        fc.oneof(
          fc.constant('exact' as const),
          fc.constant('prefix' as const),
          fc.constant('longer' as const),
          fc.constant('other' as const),
          fc.constant('noise' as const),
        ),
        fc.constantFrom('', '\r\n', '\n', ' '),
        code,
        async (codeSets, pick, how, suffix, noise) => {
          round++;
          const here = plan(ctx, `Here ${round}`);
          const there = plan(ctx, `There ${round}`);
          registerPeople(ctx, here, people.slice(0, 4), 'in_person');
          registerPeople(ctx, there, people.slice(4), 'in_person');
          const regs = [...listRegistrations(ctx, here), ...listRegistrations(ctx, there)];
          regs.forEach((r, i) => {
            const codes = [...new Set(codeSets[i])].map((c) => ({ kind: 'attendee' as const, code: c }));
            attachTicket(ctx.db, r.id, { platform: 'eventbrite', ticketType: '', codes, answers: [] }, null);
          });
          const holdersOf = (c: string, seminarId: number) => regs.filter((r, i) => r.seminarId === seminarId && (codeSets[i] ?? []).includes(c));
          const all = codeSets.flat();
          const source = all[pick % all.length] as string;
          const mine = codeSets.slice(0, 4).flat();
          const typed =
            how === 'exact'
              ? (mine[pick % mine.length] as string)
              : how === 'prefix'
                ? source.slice(0, Math.max(1, source.length - 1 - (pick % source.length)))
                : how === 'longer'
                  ? `${source}${pick % 10}`
                  : how === 'other'
                    ? (codeSets.slice(4).flat()[pick % 2] ?? source)
                    : noise;
          // Rapport's own ticket codes are a second way in: a typed text may, by chance, be one.
          const own = normalizeTicketCode(typed).length === TICKET_LENGTH ? regs.filter((r) => r.seminarId === here && r.ticketCode === normalizeTicketCode(typed)) : [];
          const expected = new Set([...holdersOf(typed, here), ...own].map((r) => r.id));
          const before = new Map(regs.map((r) => [r.id, r.state]));
          let result: Registration | null = null;
          try {
            result = checkInByTicket(ctx, here, `${typed}${suffix}`);
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
          }
          const after = [...listRegistrations(ctx, here), ...listRegistrations(ctx, there)];
          const changed = after.filter((r) => r.state !== before.get(r.id)).map((r) => r.id);
          if (expected.size === 1) {
            expect(result?.id).toBe([...expected][0]);
            expect(changed).toEqual([...expected]);
          } else {
            expect(result).toBeNull();
            expect(changed).toEqual([]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
