import { describe, expect, it } from 'vitest';
import { NAME_REQUIRED, PersonInputSchema } from '../../shared/domain/person';
import { fieldErrors } from '../../shared/validation';

function errorsOf(input: unknown) {
  const result = PersonInputSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

describe('PersonInputSchema', () => {
  it('needs at least one name, reported at the given name field', () => {
    expect(errorsOf({ organization: 'Acme' })).toEqual({ givenName: NAME_REQUIRED });
    expect(errorsOf({ givenName: '   ' })).toEqual({ givenName: NAME_REQUIRED });
    expect(errorsOf({ displayName: 'Ann' })).toEqual({});
  });

  it('points at the bad email line', () => {
    const errors = errorsOf({ givenName: 'Ann', emails: [{ address: 'ann@example.com' }, { address: 'not-an-email' }] });
    expect(Object.keys(errors)).toEqual(['emails.1.address']);
    expect(errors['emails.1.address']).toMatch(/valid email/);
  });

  it('rejects the same email twice', () => {
    const errors = errorsOf({ givenName: 'Ann', emails: [{ address: 'ann@example.com' }, { address: 'ANN@example.com' }] });
    expect(Object.keys(errors)).toEqual(['emails.1.address']);
  });

  it('checks phone numbers', () => {
    expect(errorsOf({ givenName: 'Ann', phones: [{ number: '+1 (717) 555-0100' }] })).toEqual({});
    expect(Object.keys(errorsOf({ givenName: 'Ann', phones: [{ number: 'call me' }] }))).toEqual(['phones.0.number']);
    expect(Object.keys(errorsOf({ givenName: 'Ann', phones: [{ number: '12' }] }))).toEqual(['phones.0.number']);
  });

  it('completes web links and refuses other schemes', () => {
    const ok = PersonInputSchema.parse({ givenName: 'Ann', website: 'acme.com' });
    expect(ok.website).toBe('https://acme.com');
    expect(Object.keys(errorsOf({ givenName: 'Ann', linkedin: 'javascript:alert(1)' }))).toEqual(['linkedin']);
  });

  it('trims text and removes duplicate tags whatever their case', () => {
    const p = PersonInputSchema.parse({ givenName: '  Ann ', tags: ['Speakers', 'speakers', 'Nonprofit'] });
    expect(p.givenName).toBe('Ann');
    expect(p.tags).toEqual(['Speakers', 'Nonprofit']);
  });
});
