import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listedRows, move, onEnter, selectedId, type TableResults, type TableState } from '../../shared/domain/check-in-keys';
import { canNameSomeone, compareRows, identify, looksLikeCode, matchRegistrant, type RankedRow } from '../../shared/domain/registrant-match';
import { REGISTRATION_STATES } from '../../shared/domain/seminar';

const row = fc.record({ id: fc.integer({ min: 1, max: 40 }), state: fc.constantFrom(...REGISTRATION_STATES) });
const rows = fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 8 });
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', '%_%', '\\', '"', '*', '(((', '--', '@', '\r\n', 'ann', 'ann baker', '4K7Q-2M9X', '1234567890123'),
);

const results: fc.Arbitrary<TableResults> = fc
  .record({ query: text, rows, suggestions: rows, pick: fc.option(fc.nat(), { nil: null }) })
  .map(({ query, rows: r, suggestions, pick }) => {
    const s = suggestions.filter((x) => !r.some((y) => y.id === x.id));
    return { query, rows: r, suggestions: s, identified: pick === null || r.length === 0 ? null : (r[pick % r.length] as { id: number }).id };
  });

const state: fc.Arbitrary<TableState> = fc.record({
  query: text,
  results: fc.option(results, { nil: null }),
  chosen: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
});

describe('Enter at the check-in table', () => {
  it('checks in or looks up only the row chosen or identified for exactly the text in the field', () => {
    fc.assert(
      fc.property(state, fc.boolean(), (s, sameText) => {
        const st = sameText && s.results ? { ...s, results: { ...s.results, query: s.query } } : s;
        const action = onEnter(st);
        if (action.kind !== 'checkIn' && action.kind !== 'lookUp') return;
        expect(st.results?.query).toBe(st.query);
        const target = st.chosen ?? st.results?.identified;
        expect(action.registrationId).toBe(target);
        const listed = listedRows(st.results).find((r) => r.id === action.registrationId);
        expect(listed?.state).toBe(action.kind === 'checkIn' ? 'registered' : 'checked_in');
        // A suggestion is never acted on unless the volunteer chose it.
        if (st.chosen === null) expect(st.results?.rows.some((r) => r.id === action.registrationId)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('does nothing but say so when nothing that could name a person is typed', () => {
    fc.assert(
      fc.property(state, fc.constantFrom('', ' ', '%_%', '\\', '"', '*', '(((', '--', '@', '\t'), (s, junk) => {
        const action = onEnter({ ...s, query: junk, chosen: null, results: s.results ? { ...s.results, query: junk } : null });
        expect(action.kind).toBe('nothing');
      }),
    );
  });

  it('waits, never acts, while the list answers other text', () => {
    fc.assert(
      fc.property(state, (s) => {
        fc.pre(s.results !== null && s.results.query !== s.query && (canNameSomeone(s.query) || s.chosen !== null));
        expect(onEnter(s)).toEqual({ kind: 'wait' });
        expect(selectedId(s)).toBeNull();
      }),
    );
  });

  it('after a check-in clears the text, a second Enter (or a scanner’s CR+LF) does nothing', () => {
    fc.assert(
      fc.property(results, (r) => {
        expect(onEnter({ query: '', results: { ...r, query: '' }, chosen: null }).kind).toBe('nothing');
      }),
    );
  });

  it('↓ and ↑ move only over the rows listed', () => {
    fc.assert(
      fc.property(state, fc.constantFrom(1 as const, -1 as const), (s, by) => {
        const next = move(s, by);
        if (next === null) return;
        expect(listedRows(s.results).some((r) => r.id === next)).toBe(true);
      }),
    );
  });
});

describe('ranking and identifying', () => {
  const person = (names: string[], organization = '', emails: string[] = []) => ({ names, organization, emails });

  it('matches a name above an organization, a whole word above a prefix', () => {
    const words = ['sensenig', 'b'];
    expect(matchRegistrant(words, person(['Brian', 'Sensenig'])).tier).toBe('name');
    expect(matchRegistrant(words, person(['Amanda', 'Sensenig'], 'Lititz Craft Bakery')).tier).toBe('other');
    expect(matchRegistrant(['ann', 'baker'], person(['Ann', 'Baker'])).exact).toBe(true);
    expect(matchRegistrant(['ann', 'baker'], person(['Ann', 'Bakersfield'])).exact).toBe(false);
  });

  it('identifies one row only when no other could be the one meant', () => {
    const r = (id: number, tier: RankedRow['match']['tier'], exact = false): RankedRow => ({ id, match: { tier, exact, completeness: exact ? 1 : 0.5 }, expected: true, sortKey: `k${id}` });
    expect(identify([r(1, 'name'), r(2, 'other')])).toBe(1);
    expect(identify([r(1, 'name'), r(2, 'name')])).toBeNull();
    expect(identify([r(1, 'name', true), r(2, 'name')])).toBe(1);
    expect(identify([r(1, 'name', true), r(2, 'name', true)])).toBeNull();
    expect(identify([r(1, 'other')])).toBe(1);
    expect(identify([r(1, 'other'), r(2, 'other')])).toBeNull();
    expect(identify([r(1, 'codePrefix')])).toBeNull();
    expect(identify([r(1, 'code', true), r(2, 'name')])).toBe(1);
    expect(identify([r(1, 'suggestion')])).toBeNull();
  });

  it('ranks by tier, then whole words, then how much matched, then who is still expected', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.nat(),
            match: fc.record({ tier: fc.constantFrom('code', 'name', 'other', 'codePrefix', 'suggestion'), exact: fc.boolean(), completeness: fc.double({ min: 0, max: 1, noNaN: true }) }),
            expected: fc.boolean(),
            sortKey: fc.string({ maxLength: 4 }),
          }),
          { maxLength: 12 },
        ),
        (rows) => {
          const sorted = [...rows].sort(compareRows);
          for (let i = 1; i < sorted.length; i++) expect(compareRows(sorted[i - 1] as RankedRow, sorted[i] as RankedRow)).toBeLessThanOrEqual(0);
          // No two rows of the best tier and exactness are identified when they tie.
          const id = identify(sorted);
          if (id !== null) expect(sorted.some((r) => r.id === id && r.match.tier !== 'suggestion' && r.match.tier !== 'codePrefix')).toBe(true);
        },
      ),
    );
  });

  it('tells a whole ticket or barcode from a name', () => {
    expect(looksLikeCode('4K7Q-2M9X')).toBe(true);
    expect(looksLikeCode('1234567890123456789')).toBe(true);
    expect(looksLikeCode('4K7')).toBe(false);
    expect(looksLikeCode('ann lee')).toBe(false);
    expect(canNameSomeone('%_%')).toBe(false);
    expect(canNameSomeone('田中')).toBe(true);
  });
});
