import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHONE_KINDS, kindsOf, phoneLabel, sortedKinds } from '../../shared/domain/phone';

describe('phoneLabel (the words shown beside a number on the person page)', () => {
  it('shows the kinds alone, the label alone when it names them, or both', () => {
    expect(phoneLabel({ label: '', kinds: ['work', 'fax'] })).toBe('Work fax');
    expect(phoneLabel({ label: 'Work fax', kinds: ['work', 'fax'] })).toBe('Work fax');
    expect(phoneLabel({ label: 'Assistant', kinds: ['work', 'fax'] })).toBe('Assistant · work fax');
    expect(phoneLabel({ label: 'Büro', kinds: ['work', 'fax'] })).toBe('Büro · fax');
    expect(phoneLabel({ label: '', kinds: [] })).toBe('');
  });

  it('never hides a kind the phone has, and never repeats one its label already says', () => {
    const kinds = fc.uniqueArray(fc.constantFrom(...PHONE_KINDS), { maxLength: PHONE_KINDS.length }).map(sortedKinds);
    const label = fc.oneof(fc.constant(''), fc.constantFrom('Assistant', 'Work', 'Mobil', 'Fax privat', '携帯', 'Switchboard'), fc.string({ maxLength: 20 }));
    fc.assert(
      fc.property(label, kinds, (l, k) => {
        const shown = phoneLabel({ label: l, kinds: k });
        for (const kind of k) expect(kindsOf(shown)).toContain(kind);
        const extra = shown.slice(l.length);
        if (l && extra) for (const kind of kindsOf(l)) expect(kindsOf(extra)).not.toContain(kind);
      }),
    );
  });
});
