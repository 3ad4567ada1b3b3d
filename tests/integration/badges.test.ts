import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api';
import { markBadgesPrinted } from '../../electron/core/services/badges';
import { createPerson } from '../../electron/core/services/people';
import { createSeminar, listRegistrations, registerPeople, updateRegistration } from '../../electron/core/services/seminars';
import { PersonInputSchema } from '../../shared/domain/person';
import { SeminarInputSchema } from '../../shared/domain/seminar';
import { openTestContext } from '../helpers/store';

describe('marking badges printed', () => {
  it('marks this seminar’s registrations that are not cancelled, and nothing else', async () => {
    const ctx = await openTestContext();
    const plan = (title: string) =>
      createSeminar(ctx, SeminarInputSchema.parse({ title, date: '2031-01-16', startTime: '09:00', endTime: '12:00', timeZone: 'America/New_York' })).id;
    const here = plan('Here');
    const there = plan('There');
    const ids = ['Ann', 'Bob', 'Cy'].map((givenName) => createPerson(ctx, PersonInputSchema.parse({ givenName, familyName: 'Lee' })).id);
    registerPeople(ctx, here, ids, 'in_person');
    registerPeople(ctx, there, ids, 'in_person');
    const [ann, bob, cy] = listRegistrations(ctx, here);
    const elsewhere = listRegistrations(ctx, there)[0];
    updateRegistration(ctx, cy?.id ?? 0, { cancelled: true });

    const result = markBadgesPrinted(ctx, here, [ann?.id ?? 0, cy?.id ?? 0, elsewhere?.id ?? 0]);
    expect(result.marked).toBe(1);
    expect(listRegistrations(ctx, here).map((r) => [r.name, r.badgePrintedAt !== null])).toEqual([
      ['Ann Lee', true],
      ['Bob Lee', false],
      ['Cy Lee', false],
    ]);
    expect(listRegistrations(ctx, there).every((r) => r.badgePrintedAt === null)).toBe(true);
    expect(() => markBadgesPrinted(ctx, here, [elsewhere?.id ?? 0])).toThrow(/None of these badges/);
    expect(() => markBadgesPrinted(ctx, 999, [bob?.id ?? 0])).toThrow(/seminar/);

    const answer = dispatch(ctx, 'badges.markPrinted', { seminarId: here, registrationIds: [] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
