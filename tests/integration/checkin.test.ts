import { describe, expect, it } from 'vitest';
import { PersonInputSchema } from '../../shared/domain/person';
import { SeminarInputSchema } from '../../shared/domain/seminar';
import { AppError } from '../../shared/errors';
import type { CoreContext } from '../../electron/core/context';
import { checkIn, checkInByTicket, findRegistrants, matchPeople, noteAtTable, undoCheckIn, walkIn } from '../../electron/core/services/checkin';
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
    expect(undoCheckIn(ctx, ann.id)).toMatchObject({ state: 'registered', checkedInAt: null });
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
    expect(matchPeople(ctx, { name: '', email: 'ANN@acme.com', phone: '' })).toEqual([
      { id: ids.annAcme, name: 'Ann Lee', organization: 'Acme', primaryEmail: 'ann@acme.com', reason: 'email' },
    ]);
    expect(matchPeople(ctx, { name: '', email: '', phone: '+1 717 555 0100' }).map((m) => [m.id, m.reason])).toEqual([[ids.annAcme, 'phone']]);
    expect(matchPeople(ctx, { name: 'olga outs', email: '', phone: '' }).map((m) => [m.id, m.reason])).toEqual([[ids.outsider, 'name']]);
    expect(matchPeople(ctx, { name: 'Zed', email: 'zed@nowhere.example', phone: '' })).toEqual([]);
  });

  it('attaches a walk-in to the existing person instead of creating a duplicate', async () => {
    const { ctx, seminarId, ids } = await seminarWithPeople();
    const before = countPeople(ctx);
    const reg = walkIn(ctx, seminarId, { personId: ids.outsider }, 'stream');
    expect(reg).toMatchObject({ name: 'Olga Outside', source: 'walk_in', state: 'checked_in', mode: 'stream' });
    expect(countPeople(ctx)).toBe(before);
    expect(getSeminar(ctx, seminarId).counts).toMatchObject({ walkIns: 1, checkedInStream: 1 });
    // Undoing a walk-in's check-in removes the walk-in registration from the counts.
    undoCheckIn(ctx, reg.id);
    expect(getSeminar(ctx, seminarId).counts).toMatchObject({ walkIns: 0, registered: 3 });
  });

  it('creates a new person for a true newcomer, registered and checked in at once', async () => {
    const { ctx, seminarId } = await seminarWithPeople();
    const before = countPeople(ctx);
    const reg = walkIn(ctx, seminarId, { person: PersonInputSchema.parse({ givenName: 'Nia', familyName: 'Mensah', emails: [{ address: 'nia@example.com' }] }) }, 'in_person');
    expect(reg).toMatchObject({ name: 'Nia Mensah', state: 'checked_in', source: 'walk_in' });
    expect(countPeople(ctx)).toBe(before + 1);
  });
});
