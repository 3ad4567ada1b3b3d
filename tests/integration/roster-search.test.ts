import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIn } from '../../electron/core/services/checkin';
import { doorRoster } from '../../electron/core/services/door-roster';
import { createPerson } from '../../electron/core/services/people';
import { searchRegistrants } from '../../electron/core/services/registrant-search';
import { createSeminar, listRegistrations, registerPeople, updateRegistration } from '../../electron/core/services/seminars';
import { PersonInputSchema } from '../../shared/domain/person';
import { searchRoster } from '../../shared/domain/roster-search';
import { SeminarInputSchema } from '../../shared/domain/seminar';
import { openTestContext } from '../helpers/store';

/**
 * A door device searching offline must name exactly whom the hub would: the same person or no one.
 * Generated books (namesakes, organizations named like people, emails, Rapport and platform
 * tickets, people checked in and cancelled) and generated texts, both searches side by side.
 */
describe('the door’s offline search agrees with the hub’s', () => {
  it('identifies the same registrant (or no one) and lists the same people, for generated books and texts', async () => {
    const ctx = await openTestContext();
    const given = ['Ann', 'Anna', 'Annabel', 'Bo', 'Brian', 'Amanda', 'José', 'Josefa', 'Li', 'Mary Ann', 'Marco', 'Robert', "D'Arcy"];
    const family = ['Lee', 'Leeds', 'Sensenig', 'Baker', 'Bakersfield', 'Álvarez', 'Alvares', 'Smith', 'Chen', 'Li', "O'Brien", 'van Dyke'];
    const orgs = ['', 'Acme', 'Lee & Co', 'Baker Street Dental', 'Anna Print', 'Smith Bakery', 'Brian Tracy Intl'];
    const seminar = createSeminar(ctx, SeminarInputSchema.parse({ title: 'Door', date: '2031-01-16', startTime: '09:00', endTime: '12:00', timeZone: 'UTC' }));
    const people = fc.sample(fc.tuple(fc.constantFrom(...given), fc.constantFrom(...family), fc.constantFrom(...orgs), fc.boolean()), { numRuns: 60, seed: 7 });
    const ids = people.map(([g, f, o, mail], i) =>
      createPerson(ctx, PersonInputSchema.parse({ givenName: g, familyName: f, organization: o, emails: mail ? [{ address: `${f.replace(/\W/g, '')}${i}@mail.example` }, { address: `x${i}@${o.replace(/\W/g, '') || 'home'}.example` }] : [] })).id,
    );
    registerPeople(ctx, seminar.id, ids.slice(0, 52), 'in_person');
    const regs = listRegistrations(ctx, seminar.id);
    regs.slice(0, 8).forEach((r) => checkIn(ctx, r.id));
    regs.slice(8, 11).forEach((r) => updateRegistration(ctx, r.id, { cancelled: true }));
    const insert = ctx.db.prepare("INSERT INTO registration_codes (registration_id, kind, code) VALUES (?, ?, ?)");
    insert.run(regs[12]!.id, 'barcode', '112233445566001');
    insert.run(regs[13]!.id, 'order', '99887766');
    insert.run(regs[14]!.id, 'order', '99887766');
    insert.run(regs[9]!.id, 'attendee', '55555555');
    const roster = doorRoster(ctx, seminar.id).registrants;
    const tickets = regs.map((r) => r.ticketCode);
    const text = fc.oneof(
      fc.tuple(fc.constantFrom(...given, ...family), fc.constantFrom(...given, ...family, '')).map(([a, b]) => `${a} ${b}`),
      fc.constantFrom(...given, ...family, ...orgs).map((w) => w.slice(0, 1 + (w.length >> 1))),
      fc.constantFrom(...tickets).chain((t) => fc.constantFrom(t, t.toLowerCase(), `${t.slice(0, 4)}-${t.slice(4)}`, t.slice(0, 3), t.slice(0, 5))),
      fc.constantFrom('112233445566001', '99887766', '55555555', '1122334455', 'mail', 'x1', 'acme', 'smith bak', ''),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(text, (typed) => {
        const hub = searchRegistrants(ctx, seminar.id, typed);
        const door = searchRoster(roster, typed);
        const why = `${typed}: hub ${JSON.stringify(hub.rows.map((r) => [r.id, r.name, r.match.tier]))} door ${JSON.stringify(door.rows.map((r) => [r.id, r.name, r.match.tier]))}`;
        expect(door.identified, why).toBe(hub.identified);
        expect(door.cut).toBe(hub.cut);
        // The hub reads at most a page of candidates per kind; with fewer, both list the same rows in the same order.
        if (hub.rows.length < 30) expect(door.rows.map((r) => [r.id, r.match]), why).toEqual(hub.rows.map((r) => [r.id, r.match]));
      }),
      { numRuns: 500 },
    );
  });
});
