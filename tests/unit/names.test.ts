import { describe, expect, it } from 'vitest';
import { foldText, initials, nameSortKey, personName, searchTokens } from '../../shared/domain/names';

const name = (givenName: string, familyName: string, displayName = '') => ({ givenName, familyName, displayName });

describe('foldText', () => {
  it('drops accents and case', () => {
    expect(foldText('José Álvarez')).toBe('jose alvarez');
    expect(foldText('Müller Łęcki Øster Straße')).toBe('muller lecki oster strasse');
  });
  it('leaves CJK text as it is', () => {
    expect(foldText('田中 太郎')).toBe('田中 太郎');
  });
});

describe('searchTokens', () => {
  it('splits on anything that is not a letter or digit', () => {
    expect(searchTokens("maría.núñez@acme.com O'Brien")).toEqual(['maria', 'nunez', 'acme', 'com', 'o', 'brien']);
  });
  it('separates letters from digits, so numbered email names are found by the name', () => {
    expect(searchTokens('jose.garcia77@mail2.com')).toEqual(['jose', 'garcia', '77', 'mail', '2', 'com']);
  });
  it('returns nothing for punctuation only', () => {
    expect(searchTokens(' -- @ ')).toEqual([]);
  });
});

describe('personName', () => {
  it('prefers the display name', () => {
    expect(personName(name('Robert', 'McCord', 'Bob McCord'))).toBe('Bob McCord');
  });
  it('puts the given name first in Latin script', () => {
    expect(personName(name('José', 'Álvarez'))).toBe('José Álvarez');
  });
  it('puts the family name first in East Asian scripts', () => {
    expect(personName(name('太郎', '田中'))).toBe('田中 太郎');
  });
  it('works with a single name part', () => {
    expect(personName(name('', 'Geiger'))).toBe('Geiger');
  });
});

describe('nameSortKey', () => {
  it('sorts by folded family name, then given name', () => {
    const keys = [name('Zoë', 'Álvarez'), name('Ann', 'Baker'), name('Adam', 'Alvarez')].map(nameSortKey).sort();
    expect(keys).toEqual(['alvarez adam', 'alvarez zoe', 'baker ann']);
  });
});

describe('initials', () => {
  it('takes two letters in Latin script and one in CJK', () => {
    expect(initials('José Álvarez')).toBe('JÁ');
    expect(initials('田中 太郎')).toBe('田');
    expect(initials('')).toBe('?');
  });
});
