import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPerson } from '../../electron/core/services/people';
import { createSeminar } from '../../electron/core/services/seminars';
import { factsSql, readAllFacts } from '../../electron/core/services/standing';
import { PersonInputSchema } from '../../shared/domain/person';
import { SeminarInputSchema } from '../../shared/domain/seminar';
import { dayMinus } from '../../shared/domain/standing';
import { openTestContext } from '../helpers/store';

const TODAY = '2031-06-15';
const KINDS = ['meeting', 'call', 'meal', 'message', 'visit', 'gift', 'home_visit', 'newsletter', 'mailing', 'annual_checkin'] as const;
const day = fc.integer({ min: 0, max: 800 }).map((d) => dayMinus(TODAY, d - 5));
const bit = fc.integer({ min: 0, max: 1 });

const book = fc.record({
  // When each was added, near midnight UTC too: their local day is computed apart from SQLite's.
  people: fc.array(fc.record({ on: day, at: fc.constantFrom('00:10:00.000Z', '11:59:59.999Z', '23:50:00.000Z', '13:45:00.000Z') }), { minLength: 1, maxLength: 8 }),
  interactions: fc.array(fc.record({ who: fc.nat(), kind: fc.constantFrom(...KINDS), on: day }), { maxLength: 40 }),
  purchases: fc.array(fc.record({ who: fc.nat(), on: day }), { maxLength: 10 }),
  // Few days, so two answers on the same day (decided by id) happen often.
  tests: fc.array(fc.record({ who: fc.nat(), on: fc.constantFrom('2031-01-01', '2031-02-01', '2031-02-02'), a: bit, b: bit, c: bit, d: bit }), { maxLength: 12 }),
  advocacy: fc.array(fc.record({ who: fc.nat(), on: day }), { maxLength: 8 }),
  followUps: fc.array(
    fc.record({ who: fc.nat(), state: fc.constantFrom('open', 'snoozed', 'done', 'dropped'), due: fc.option(day, { nil: null }), until: day }),
    { maxLength: 12 },
  ),
  // A time of day near midnight UTC too, so the local day of a check-in is what is compared.
  checkIns: fc.array(fc.record({ who: fc.nat(), seminar: fc.integer({ min: 0, max: 2 }), on: day, hour: fc.constantFrom('00:30', '12:00', '23:30'), state: fc.constantFrom('checked_in', 'registered') }), {
    maxLength: 12,
  }),
});

// Run it with TZ=Pacific/Chatham (UTC+13:45) or America/New_York as well: local days are compared.
describe('whole-book scoring reads the same facts set-based as person by person', () => {
  it('every fact of every person, for generated books', async () => {
    await fc.assert(
      fc.asyncProperty(book, async (b) => {
        const ctx = await openTestContext();
        const db = ctx.db;
        const at = '2031-06-15T10:00:00.000Z';
        const ids = b.people.map((added, i) => {
          const id = createPerson(ctx, PersonInputSchema.parse({ givenName: `P${i}`, familyName: 'Test' })).id;
          db.prepare('UPDATE people SET created_at = ? WHERE id = ?').run(`${added.on}T${added.at}`, id);
          return id;
        });
        const who = (n: number) => ids[n % ids.length] as number;
        const seminars = [0, 1, 2].map((i) =>
          createSeminar(ctx, SeminarInputSchema.parse({ title: `S${i}`, date: '2031-01-16', startTime: '09:00', endTime: '12:00', timeZone: 'America/New_York' })).id,
        );
        db.transaction(() => {
          for (const i of b.interactions) db.prepare('INSERT INTO interactions (person_id, kind, occurred_on, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(who(i.who), i.kind, i.on, '', at, at);
          for (const p of b.purchases) db.prepare('INSERT INTO purchases (person_id, what, bought_on, amount_cents, created_at) VALUES (?, ?, ?, ?, ?)').run(who(p.who), 'X', p.on, 100, at);
          for (const t of b.tests)
            db.prepare('INSERT INTO client_tests (person_id, answered_on, need_known, comfortable_asking, reference, trust, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(who(t.who), t.on, t.a, t.b, t.c, t.d, at);
          for (const a of b.advocacy) db.prepare("INSERT INTO advocacy (person_id, kind, occurred_on, created_at) VALUES (?, 'testimonial', ?, ?)").run(who(a.who), a.on, at);
          for (const f of b.followUps)
            db.prepare("INSERT INTO follow_ups (person_id, what, kind, due_on, state, snoozed_until, done_on, drop_reason, source, created_at, updated_at) VALUES (?, 'x', 'call', ?, ?, ?, ?, ?, 'person', ?, ?)").run(
              who(f.who),
              f.due,
              f.state,
              f.state === 'snoozed' ? f.until : null,
              f.state === 'done' ? f.until : null,
              f.state === 'dropped' ? 'no' : '',
              at,
              at,
            );
          b.checkIns.forEach((c, n) =>
            db
              .prepare("INSERT OR IGNORE INTO registrations (seminar_id, person_id, mode, source, state, checked_in_at, ticket_code, created_at, updated_at) VALUES (?, ?, 'in_person', 'ahead', ?, ?, ?, ?, ?)")
              .run(seminars[c.seminar], who(c.who), c.state, c.state === 'checked_in' ? `${c.on}T${c.hour}:00.000Z` : null, `T${String(n).padStart(7, '0')}`, at, at),
          );
        })();
        const params = { since: dayMinus(TODAY, 365), today: TODAY };
        const perPerson = db.prepare(factsSql(false)).raw(true).all(params) as unknown[][];
        const setBased = readAllFacts(db, params);
        const byId = (rows: unknown[][]) => [...rows].sort((x, y) => (x[0] as number) - (y[0] as number));
        expect(byId(setBased)).toEqual(byId(perPerson));
      }),
      { numRuns: 40 },
    );
  });
});
