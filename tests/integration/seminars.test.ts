import { describe, expect, it } from 'vitest';
import { SeminarListInput } from '../../shared/contract';
import { PersonInputSchema } from '../../shared/domain/person';
import { formatLocalHours, formatSeminarDate, formatSeminarHours, SeminarInputSchema, type SeminarInput } from '../../shared/domain/seminar';
import type { CoreContext } from '../../electron/core/context';
import { createPerson } from '../../electron/core/services/people';
import {
  createSeminar,
  getSeminar,
  listRegistrations,
  listSeminars,
  newTicketCode,
  normalizeTicketCode,
  registerPeople,
  seminarsOfPerson,
  setSeminarArchived,
  setSeminarClosed,
  updateRegistration,
  updateSeminar,
} from '../../electron/core/services/seminars';
import { AppError } from '../../shared/errors';
import { openTestContext } from '../helpers/store';

const MASTER_NETWORKER: SeminarInput = {
  title: 'Become a Master Networker',
  date: '2023-01-19',
  startTime: '09:00',
  endTime: '12:00',
  timeZone: 'America/New_York',
  venueName: 'Melhorn Manor',
  venueAddress: 'Mount Joy, PA',
  streamUrl: 'https://stream.example.com/master-networker',
  capacity: 40,
};

const plan = (ctx: CoreContext, s: SeminarInput = MASTER_NETWORKER) => createSeminar(ctx, SeminarInputSchema.parse(s));
const person = (ctx: CoreContext, givenName: string, familyName: string) => createPerson(ctx, PersonInputSchema.parse({ givenName, familyName })).id;
const list = (ctx: CoreContext, when: 'upcoming' | 'past' | 'archived') => listSeminars(ctx, SeminarListInput.parse({ when })).map((s) => s.title);

describe('seminars', () => {
  it('stores wall-clock times of the seminar’s own zone as instants and shows them back in that zone', async () => {
    const ctx = await openTestContext();
    const s = plan(ctx);
    expect(s.startsAt).toBe('2023-01-19T14:00:00.000Z');
    expect(s.endsAt).toBe('2023-01-19T17:00:00.000Z');
    expect({ date: s.date, startTime: s.startTime, endTime: s.endTime }).toEqual({ date: '2023-01-19', startTime: '09:00', endTime: '12:00' });
    // ICU separates with narrow and thin spaces; compare as a reader sees it.
    const plain = (text: string | null) => text?.replace(/\s+/g, ' ');
    expect(plain(formatSeminarHours(s.startsAt, s.endsAt, s.timeZone))).toBe('9:00 AM – 12:00 PM Eastern Time');
    expect(formatSeminarDate(s.startsAt, s.timeZone)).toBe('Thursday, January 19, 2023');
    expect(formatLocalHours(s.startsAt, s.endsAt, s.timeZone, 'America/New_York')).toBeNull();
    expect(plain(formatLocalHours(s.startsAt, s.endsAt, s.timeZone, 'Europe/Berlin'))).toBe('Thu, 3:00 – 6:00 PM Central European Time');
  });

  it('follows daylight saving time in the seminar’s zone', async () => {
    const ctx = await openTestContext();
    const summer = plan(ctx, { ...MASTER_NETWORKER, date: '2023-07-20' });
    expect(summer.startsAt).toBe('2023-07-20T13:00:00.000Z');
    const tokyo = plan(ctx, { ...MASTER_NETWORKER, date: '2023-07-20', timeZone: 'Asia/Tokyo' });
    expect(tokyo.startsAt).toBe('2023-07-20T00:00:00.000Z');
  });

  it('validates the seminar at its fields', () => {
    const result = SeminarInputSchema.safeParse({ ...MASTER_NETWORKER, title: ' ', endTime: '08:00', timeZone: 'Mars/Olympus', capacity: 0 });
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    expect(paths.sort()).toEqual(['capacity', 'endTime', 'timeZone', 'title']);
  });

  it('lists upcoming, past and archived seminars; edits keep the zone', async () => {
    const ctx = await openTestContext();
    const past = plan(ctx);
    plan(ctx, { ...MASTER_NETWORKER, title: 'Clients, Not Customers', date: '2099-05-01' });
    expect(list(ctx, 'upcoming')).toEqual(['Clients, Not Customers']);
    expect(list(ctx, 'past')).toEqual(['Become a Master Networker']);
    setSeminarArchived(ctx, past.id, true);
    expect(list(ctx, 'past')).toEqual([]);
    expect(list(ctx, 'archived')).toEqual(['Become a Master Networker']);
    const moved = updateSeminar(ctx, past.id, getSeminar(ctx, past.id).version, SeminarInputSchema.parse({ ...MASTER_NETWORKER, startTime: '10:00', endTime: '13:30' }));
    expect(moved.startsAt).toBe('2023-01-19T15:00:00.000Z');
    expect(moved.endsAt).toBe('2023-01-19T18:30:00.000Z');
    expect(moved.archived).toBe(true);
  });
});

describe('registrations', () => {
  it('registers people once each, with unguessable ticket codes, and counts them', async () => {
    const ctx = await openTestContext();
    const s = plan(ctx);
    const ann = person(ctx, 'Ann', 'Lee');
    const jose = person(ctx, 'José', 'Álvarez');
    const taro = person(ctx, '太郎', '田中');
    expect(registerPeople(ctx, s.id, [ann, jose], 'in_person')).toEqual({ added: 2, alreadyRegistered: 0 });
    expect(registerPeople(ctx, s.id, [ann, taro, taro], 'stream')).toEqual({ added: 1, alreadyRegistered: 1 });
    const regs = listRegistrations(ctx, s.id);
    expect(regs.map((r) => [r.name, r.mode, r.state])).toEqual([
      ['José Álvarez', 'in_person', 'registered'],
      ['Ann Lee', 'in_person', 'registered'],
      ['田中 太郎', 'stream', 'registered'],
    ]);
    for (const r of regs) expect(r.ticketCode).toMatch(/^[0-9][0-9A-HJKMNP-TV-Z]{7}$/);
    expect(new Set(regs.map((r) => r.ticketCode)).size).toBe(3);
    expect(getSeminar(ctx, s.id).counts).toMatchObject({ registered: 3, expected: 3, checkedIn: 0 });
    expect(seminarsOfPerson(ctx, taro)).toEqual([
      expect.objectContaining({ seminarId: s.id, title: 'Become a Master Networker', mode: 'stream', state: 'registered', source: 'ahead' }),
    ]);
  });

  it('cancels and restores a registration, keeping its ticket', async () => {
    const ctx = await openTestContext();
    const s = plan(ctx);
    const ann = person(ctx, 'Ann', 'Lee');
    registerPeople(ctx, s.id, [ann], 'in_person');
    const [reg] = listRegistrations(ctx, s.id);
    if (!reg) throw new Error('no registration');
    expect(updateRegistration(ctx, reg.id, { cancelled: true }).state).toBe('cancelled');
    expect(getSeminar(ctx, s.id).counts).toMatchObject({ registered: 0, cancelled: 1 });
    expect(registerPeople(ctx, s.id, [ann], 'stream')).toEqual({ added: 1, alreadyRegistered: 0 });
    const [back] = listRegistrations(ctx, s.id);
    expect(back).toMatchObject({ state: 'registered', mode: 'stream', ticketCode: reg.ticketCode });
  });

  it('closing makes the never-checked-in no-shows; reopening undoes it; a closed seminar takes no registrations', async () => {
    const ctx = await openTestContext();
    const s = plan(ctx);
    registerPeople(ctx, s.id, [person(ctx, 'Ann', 'Lee'), person(ctx, 'Bo', 'Chen')], 'in_person');
    expect(setSeminarClosed(ctx, s.id, true).counts).toMatchObject({ noShows: 2, expected: 0 });
    expect(() => registerPeople(ctx, s.id, [person(ctx, 'Cy', 'Dee')], 'in_person')).toThrow(AppError);
    expect(setSeminarClosed(ctx, s.id, false).counts).toMatchObject({ noShows: 0, expected: 2 });
  });

  it('reads ticket codes the way people type them', () => {
    expect(normalizeTicketCode(' k7qx-m2pd ')).toBe('K7QXM2PD');
    expect(normalizeTicketCode('abco')).toBe('ABC0');
    expect(newTicketCode()).toHaveLength(8);
  });
});
