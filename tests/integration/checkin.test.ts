import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameSearchWords, searchTokens } from '../../shared/domain/names';
import { PersonInputSchema } from '../../shared/domain/person';
import { SeminarInputSchema } from '../../shared/domain/seminar';
import { AppError } from '../../shared/errors';
import type { CoreContext } from '../../electron/core/context';
import { checkIn, checkInByTicket, noteAtTable, undoCheckIn, walkIn } from '../../electron/core/services/checkin';
import { matchPeople } from '../../electron/core/services/person-matches';
import { searchRegistrants } from '../../electron/core/services/registrant-search';
import { createPerson, getPerson, countPeople } from '../../electron/core/services/people';
import { createSeminar, getSeminar, listRegistrations, registerPeople, setSeminarClosed } from '../../electron/core/services/seminars';
import { openTestContext } from '../helpers/store';

async function seminarWithPeople() {
  const ctx = await openTestContext();
  const seminar = createSeminar(
    ctx,
    SeminarInputSchema.parse({ title: 'Become a Master Networker', date: '2031-01-16', startTime: '09:00', endTime: '12:00', timeZone: 'America/New_York', capacity: 2 }),
  );
  const add = (p: object) => createPerson(ctx, PersonInputSchema.parse(p)).id;
  const ids = {
    annAcme: add({ givenName: 'Ann', familyName: 'Lee', organization: 'Acme', emails: [{ address: 'ann@acme.com' }], phones: [{ number: '(717) 555-0100' }], introduceAs: 'my friend Ann' }),
    annBlue: add({ givenName: 'Ann', familyName: 'Lee', organization: 'Blue Ridge IT' }),
    jose: add({ givenName: 'José', familyName: 'Álvarez', organization: 'Globex' }),
    outsider: add({ givenName: 'Olga', familyName: 'Outside' }),
  };
  registerPeople(ctx, seminar.id, [ids.annAcme, ids.annBlue, ids.jose], 'in_person');
  return { ctx, seminarId: seminar.id, ids };
}

const findRegistrants = (ctx: CoreContext, seminarId: number, query: string) => searchRegistrants(ctx, seminarId, query).rows;
const names = (ctx: CoreContext, seminarId: number, query: string) => findRegistrants(ctx, seminarId, query).map((r) => `${r.name} (${r.organization})`);

describe('finding registrants', () => {
  it('matches name parts, organization, email and ticket prefixes among this seminar’s registrants only', async () => {
    const { ctx, seminarId } = await seminarWithPeople();
    expect(names(ctx, seminarId, 'ann')).toEqual(['Ann Lee (Acme)', 'Ann Lee (Blue Ridge IT)']);
    expect(names(ctx, seminarId, 'alv')).toEqual(['José Álvarez (Globex)']);
    expect(names(ctx, seminarId, 'blue')).toEqual(['Ann Lee (Blue Ridge IT)']);
    expect(names(ctx, seminarId, 'ann@ac')).toEqual(['Ann Lee (Acme)']);
    expect(names(ctx, seminarId, 'olga')).toEqual([]);
    const [jose] = findRegistrants(ctx, seminarId, 'jose');
    expect(names(ctx, seminarId, jose?.ticketCode.slice(0, 5).toLowerCase() ?? '')).toEqual(['José Álvarez (Globex)']);
  });

  it('lists those not yet checked in first', async () => {
    const { ctx, seminarId } = await seminarWithPeople();
    const [first] = findRegistrants(ctx, seminarId, 'ann');
    checkIn(ctx, first?.id ?? 0);
    expect(findRegistrants(ctx, seminarId, 'ann').map((r) => [r.organization, r.state])).toEqual([
      ['Blue Ridge IT', 'registered'],
      ['Acme', 'checked_in'],
    ]);
  });
});

describe('checking in', () => {
  it('checks in, refuses twice, undoes, and counts', async () => {
    const { ctx, seminarId } = await seminarWithPeople();
    const [ann] = findRegistrants(ctx, seminarId, 'ann acme');
    if (!ann) throw new Error('Ann is missing');
    const done = checkIn(ctx, ann.id, 'wants to talk about referrals');
    expect(done.state).toBe('checked_in');
    expect(done.checkedInAt).not.toBeNull();
    expect(done.introduceAs).toBe('my friend Ann');
    expect(() => checkIn(ctx, ann.id)).toThrow(/already checked in/);
    expect(getSeminar(ctx, seminarId).counts).toMatchObject({ checkedIn: 1, checkedInInPerson: 1, expected: 2 });
    expect(getPerson(ctx, ann.personId).notes).toMatch(/Become a Master Networker: wants to talk about referrals$/);
    expect(undoCheckIn(ctx, ann.id)).toMatchObject({ outcome: 'expected_again', name: 'Ann Lee' });
    expect(getSeminar(ctx, seminarId).counts).toMatchObject({ checkedIn: 0, expected: 3 });
  });

  it('checks in by a full ticket code, however it is typed', async () => {
    const { ctx, seminarId } = await seminarWithPeople();
    const [jose] = findRegistrants(ctx, seminarId, 'jose');
    if (!jose) throw new Error('José is missing');
    const typed = `${jose.ticketCode.slice(0, 4).toLowerCase()}-${jose.ticketCode.slice(4)}`;
    expect(checkInByTicket(ctx, seminarId, typed)).toMatchObject({ name: 'José Álvarez', state: 'checked_in' });
    expect(() => checkInByTicket(ctx, seminarId, 'ZZZZZZZZ')).toThrow(AppError);
    expect(() => checkInByTicket(ctx, seminarId, 'ABC')).toThrow(/8 letters/);
  });

  it('keeps a note from the table on the registration and the person', async () => {
    const { ctx, seminarId } = await seminarWithPeople();
    const [jose] = findRegistrants(ctx, seminarId, 'jose');
    const noted = noteAtTable(ctx, jose?.id ?? 0, 'bring the brochure');
    expect(noted.note).toBe('bring the brochure');
    expect(getPerson(ctx, noted.personId).notes).toMatch(/bring the brochure/);
  });

  it('refuses check-ins on a closed seminar', async () => {
    const { ctx, seminarId } = await seminarWithPeople();
    setSeminarClosed(ctx, seminarId, true);
    const [reg] = listRegistrations(ctx, seminarId);
    expect(() => checkIn(ctx, reg?.id ?? 0)).toThrow(/closed/);
  });
});

describe('walk-ins', () => {
  it('suggests people already in the book by email, phone or a similar name', async () => {
    const { ctx, ids } = await seminarWithPeople();
    const none = { givenName: '', familyName: '', email: '', phone: '' };
    expect(matchPeople(ctx, { ...none, email: 'ANN@acme.com' })).toEqual([
      { id: ids.annAcme, name: 'Ann Lee', organization: 'Acme', primaryEmail: 'ann@acme.com', reason: 'email', why: 'same email, ann@acme.com' },
    ]);
    expect(matchPeople(ctx, { ...none, phone: '+1 717 555 0100' }).map((m) => [m.id, m.reason])).toEqual([[ids.annAcme, 'phone']]);
    expect(matchPeople(ctx, { ...none, givenName: 'olga', familyName: 'outs' }).map((m) => [m.id, m.reason])).toEqual([[ids.outsider, 'name']]);
    expect(matchPeople(ctx, { ...none, givenName: 'Zed', email: 'zed@nowhere.example' })).toEqual([]);
  });

  it('attaches a walk-in to the existing person instead of creating a duplicate', async () => {
    const { ctx, seminarId, ids } = await seminarWithPeople();
    const before = countPeople(ctx);
    const reg = walkIn(ctx, seminarId, { personId: ids.outsider }, 'stream');
    expect(reg).toMatchObject({ name: 'Olga Outside', source: 'walk_in', state: 'checked_in', mode: 'stream' });
    expect(countPeople(ctx)).toBe(before);
    expect(getSeminar(ctx, seminarId).counts).toMatchObject({ walkIns: 1, checkedInStream: 1 });
    // Undoing a walk-in removes its registration entirely; the person was in the book before and stays.
    expect(undoCheckIn(ctx, reg.id)).toMatchObject({ outcome: 'walk_in_removed', personKept: null });
    expect(getSeminar(ctx, seminarId).counts).toMatchObject({ walkIns: 0, registered: 3, cancelled: 0 });
    expect(listRegistrations(ctx, seminarId).some((r) => r.personId === ids.outsider)).toBe(false);
    expect(countPeople(ctx)).toBe(before);
  });

  it('creates a new person for a true newcomer, registered and checked in at once', async () => {
    const { ctx, seminarId } = await seminarWithPeople();
    const before = countPeople(ctx);
    const reg = walkIn(ctx, seminarId, { person: PersonInputSchema.parse({ givenName: 'Nia', familyName: 'Mensah', emails: [{ address: 'nia@example.com' }] }) }, 'in_person');
    expect(reg).toMatchObject({ name: 'Nia Mensah', state: 'checked_in', source: 'walk_in' });
    expect(countPeople(ctx)).toBe(before + 1);
  });
});

describe('undoing a walk-in', () => {
  const nia = () => PersonInputSchema.parse({ givenName: 'Nia', familyName: 'Mensah', emails: [{ address: 'nia@example.com' }] });

  it('takes back the registration and the person it created, leaving no trace', async () => {
    const { ctx, seminarId } = await seminarWithPeople();
    const before = countPeople(ctx);
    const reg = walkIn(ctx, seminarId, { person: nia() }, 'in_person');
    expect(undoCheckIn(ctx, reg.id)).toMatchObject({ outcome: 'walk_in_and_person_removed', name: 'Nia Mensah' });
    expect(countPeople(ctx)).toBe(before);
    expect(listRegistrations(ctx, seminarId).map((r) => r.name)).not.toContain('Nia Mensah');
    expect(getSeminar(ctx, seminarId).counts).toMatchObject({ walkIns: 0, cancelled: 0, registered: 3 });
    expect(ctx.db.prepare("SELECT count(*) AS n FROM people_search WHERE people_search MATCH 'nia'").get()).toEqual({ n: 0 });
  });

  it('keeps the person when a note was taken at the table or something else refers to them', async () => {
    const { ctx, seminarId } = await seminarWithPeople();
    const before = countPeople(ctx);
    const noted = walkIn(ctx, seminarId, { person: nia() }, 'in_person');
    noteAtTable(ctx, noted.id, 'wants a brochure');
    expect(undoCheckIn(ctx, noted.id)).toMatchObject({ outcome: 'walk_in_removed', personKept: expect.stringMatching(/note/) });
    expect(countPeople(ctx)).toBe(before + 1);

    const other = walkIn(ctx, seminarId, { person: PersonInputSchema.parse({ givenName: 'Kofi', familyName: 'Boateng' }) }, 'in_person');
    const second = createSeminar(ctx, SeminarInputSchema.parse({ title: 'Second', date: '2031-02-16', startTime: '09:00', endTime: '12:00', timeZone: 'UTC' }));
    registerPeople(ctx, second.id, [other.personId], 'in_person');
    expect(undoCheckIn(ctx, other.id)).toMatchObject({ outcome: 'walk_in_removed', personKept: expect.stringMatching(/recorded/) });
    expect(countPeople(ctx)).toBe(before + 2);
  });
});

describe('ranking and identifying at the table', () => {
  async function book(people: object[]) {
    const ctx = await openTestContext();
    const seminar = createSeminar(ctx, SeminarInputSchema.parse({ title: 'Door', date: '2031-01-16', startTime: '09:00', endTime: '12:00', timeZone: 'UTC' }));
    const ids = people.map((p) => createPerson(ctx, PersonInputSchema.parse(p)).id);
    registerPeople(ctx, seminar.id, ids, 'in_person');
    const search = (q: string) => searchRegistrants(ctx, seminar.id, q);
    const nameOf = (id: number | null) => (id === null ? null : search('').rows.concat(search(q2(id)).rows).find((r) => r.id === id)?.name ?? `#${id}`);
    const q2 = (id: number) => listRegistrations(ctx, seminar.id).find((r) => r.id === id)?.ticketCode ?? '';
    return { ctx, seminarId: seminar.id, search, nameOf };
  }

  const sample = [
    { givenName: 'Brian', familyName: 'Sensenig', organization: 'Riverside Law Partners' },
    { givenName: 'Amanda', familyName: 'Sensenig', organization: 'Lititz Craft Bakery' },
    { givenName: 'Amara', familyName: 'Okafor', organization: 'Riverside Law Partners' },
    { givenName: 'Joe', familyName: 'Bloggs', organization: 'Acme' },
    { givenName: 'Robert', familyName: 'Baker', organization: 'Ibáñez & Peña Arquitectos' },
    { givenName: 'Ann', familyName: 'Baker' },
    { givenName: 'Ann', familyName: 'Bakersfield' },
    { givenName: 'John', familyName: 'Smith', organization: 'Alpha' },
    { givenName: 'John', familyName: 'Smith', organization: 'Beta' },
    { givenName: 'Lititz', familyName: 'Moore' },
  ];

  it('ranks whole-name matches above organization matches, and identifies only one person', async () => {
    const { search, nameOf } = await book(sample);
    const r = search('sensenig b');
    expect(r.rows.map((x) => x.name)).toEqual(['Brian Sensenig', 'Amanda Sensenig']);
    expect(nameOf(r.identified)).toBe('Brian Sensenig');
    expect(nameOf(search('ann baker').identified)).toBe('Ann Baker');
    expect(search('john smith').identified).toBeNull();
    expect(search('ann bak').identified).toBeNull();
    expect(nameOf(search('lititz').identified)).toBe('Lititz Moore');
    expect(search('lititz').rows.map((x) => x.name)).toEqual(['Lititz Moore', 'Amanda Sensenig']);
  });

  it('selects nothing for nothing typed or for text that names no one', async () => {
    const { search } = await book(sample);
    for (const junk of ['', '   ', '%_%', '\\', '"', '*', '(((', '--', '@', '""*', 'AND', 'NEAR(']) {
      const r = search(junk);
      expect(r.identified, JSON.stringify(junk)).toBeNull();
    }
  });

  it('offers close names when nothing matches as typed, and never identifies them', async () => {
    const { search } = await book(sample);
    const amra = search('amra');
    expect(amra.rows).toEqual([]);
    expect(amra.suggestions.map((s) => s.name)).toContain('Amara Okafor');
    expect(amra.identified).toBeNull();
    expect(search('joe blogs').suggestions.map((s) => s.name)).toEqual(['Joe Bloggs']);
    const bob = search('bob baker');
    expect(bob.suggestions[0]).toMatchObject({ name: 'Robert Baker', reason: 'Bob is a form of Robert' });
    expect(bob.identified).toBeNull();
  });

  it('reads a long paste up to the limit and says so', async () => {
    const { search } = await book(sample);
    const r = search(`brian ${'x'.repeat(500)}`);
    expect(r.cut).toBe(true);
    expect(r.query).toHaveLength(506);
  });

  it('identifies a full ticket code and nothing for a prefix of one', async () => {
    const { ctx, seminarId, search } = await book(sample);
    const [first] = listRegistrations(ctx, seminarId);
    if (!first) throw new Error('no registrant');
    expect(search(first.ticketCode).identified).toBe(first.id);
    expect(search(first.ticketCode.slice(0, 6)).identified).toBeNull();
  });
});

describe('walk-in matches', () => {
  it('catches another form of the given name and a family name spelled alike, with the reason', async () => {
    const ctx = await openTestContext();
    const robert = createPerson(ctx, PersonInputSchema.parse({ givenName: 'Robert', familyName: 'Baker' })).id;
    const karen = createPerson(ctx, PersonInputSchema.parse({ givenName: 'Karen', familyName: 'Brubaker' })).id;
    const liz = createPerson(ctx, PersonInputSchema.parse({ givenName: 'Elizabeth', familyName: 'Álvarez' })).id;
    const none = { email: '', phone: '' };
    expect(matchPeople(ctx, { ...none, givenName: 'Bob', familyName: 'Baker' })).toMatchObject([{ id: robert, reason: 'given_name', why: 'Bob is a form of Robert' }]);
    expect(matchPeople(ctx, { ...none, givenName: 'Karen', familyName: 'Brubacher' })).toMatchObject([{ id: karen, reason: 'spelling', why: 'Brubaker is spelled like Brubacher' }]);
    expect(matchPeople(ctx, { ...none, givenName: 'Liz', familyName: 'Alvarez' })).toMatchObject([{ id: liz, reason: 'given_name' }]);
    expect(matchPeople(ctx, { ...none, givenName: 'Karen', familyName: 'Baker' })).toEqual([]);
  });
});

describe('seats', () => {
  it('counts the room against its seats and the stream apart', async () => {
    const { ctx, seminarId, ids } = await seminarWithPeople();
    walkIn(ctx, seminarId, { personId: ids.outsider }, 'stream');
    expect(getSeminar(ctx, seminarId).counts).toMatchObject({ registered: 4, registeredInPerson: 3, registeredStream: 1 });
  });
});

describe('the search never identifies someone the text does not name (generated books and texts)', () => {
  it('agrees with a full scan of the registrants: a unique name match is found, namesakes are never guessed', async () => {
    const ctx = await openTestContext();
    const given = ['Ann', 'Anna', 'Annabel', 'Bo', 'Brian', 'Amanda', 'José', 'Josefa', 'Li', 'Lin', 'Mark', 'Marco', 'Maria'];
    const family = ['Lee', 'Leeds', 'Sensenig', 'Baker', 'Bakersfield', 'Álvarez', 'Alvares', 'Smith', 'Smithers', 'Chen', 'Li'];
    const orgs = ['', 'Acme', 'Lee & Co', 'Baker Street Dental', 'Anna Print', 'Smith Bakery'];
    const seminar = createSeminar(ctx, SeminarInputSchema.parse({ title: 'Door', date: '2031-01-16', startTime: '09:00', endTime: '12:00', timeZone: 'UTC' }));
    const people = fc.sample(fc.tuple(fc.constantFrom(...given), fc.constantFrom(...family), fc.constantFrom(...orgs)), { numRuns: 80, seed: 42 });
    const ids = people.map(([g, f, o]) => createPerson(ctx, PersonInputSchema.parse({ givenName: g, familyName: f, organization: o })).id);
    registerPeople(ctx, seminar.id, ids.slice(0, 70), 'in_person');
    const names = new Map(
      (ctx.db.prepare('SELECT id, given_name, family_name FROM people').all() as { id: number; given_name: string; family_name: string }[]).map((p) => [
        p.id,
        nameSearchWords([p.given_name, p.family_name]),
      ]),
    );
    const regs = listRegistrations(ctx, seminar.id).map((r) => ({ ...r, words: names.get(r.personId) ?? [] }));
    const text = fc.oneof(
      fc.tuple(fc.constantFrom(...given, ...family), fc.constantFrom(...given, ...family, '')).map(([a, b]) => `${a} ${b}`),
      fc.constantFrom(...given, ...family, ...orgs).map((w) => w.slice(0, 1 + (w.length >> 1))),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(text, (typed) => {
        const result = searchRegistrants(ctx, seminar.id, typed);
        const words = searchTokens(typed);
        const byName = regs.filter((r) => words.length > 0 && words.every((w) => r.words.some((n) => n.startsWith(w))));
        const exact = byName.filter((r) => words.every((w) => r.words.includes(w)));
        const why = `${typed}: rows ${JSON.stringify(result.rows.map((r) => [r.id, r.name, r.match]))} oracle ${JSON.stringify(byName.map((r) => [r.id, r.name, r.state]))}`;
        if (byName.length === 1) expect(result.identified, why).toBe(byName[0]?.id);
        else if (byName.length > 1) expect(result.identified, typed).toBe(exact.length === 1 ? exact[0]?.id : null);
        if (result.identified !== null && result.rows.find((r) => r.id === result.identified)?.match.tier === 'name') {
          expect(byName.map((r) => r.id), typed).toContain(result.identified);
        }
        for (const s of result.suggestions) expect(s.id).not.toBe(result.identified);
      }),
      { numRuns: 400 },
    );
  });
});
