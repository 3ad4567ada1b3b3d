import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api';
import type { CoreContext } from '../../electron/core/context';
import { previewImport } from '../../electron/core/services/imports';
import { likelyDuplicates } from '../../electron/core/services/merge';
import { matchPeople } from '../../electron/core/services/person-matches';
import { ImportFileInputSchema } from '../../shared/domain/import';
import { PersonInputSchema, type Person } from '../../shared/domain/person';
import { kindsLabel, kindsOf, phoneKey, readTelUri, telUri } from '../../shared/domain/phone';
import { openTestContext } from '../helpers/store';

/** Phones (issue 16): kinds kept, numbers matched by libphonenumber in the owner's region, not by their last ten digits. */

function call<T>(ctx: CoreContext, method: string, input: unknown): T {
  const reply = dispatch(ctx, method, input);
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message} ${JSON.stringify(reply.error.fields ?? {})}`);
  return reply.value as T;
}
const preview = (ctx: CoreContext, csv: string) => previewImport(ctx, ImportFileInputSchema.parse({ fileName: 'a.csv', content: Buffer.from(csv).toString('base64') }));

describe('phone numbers as libphonenumber reads them', () => {
  it('one number written two ways is one key in its region, and two in another', () => {
    expect(phoneKey('(717) 555-0142', 'US')).toBe(phoneKey('+1 717 555 0142', 'US'));
    expect(phoneKey('717.555.0142', 'US')).toBe('+17175550142');
    expect(phoneKey('030 1234567', 'DE')).toBe(phoneKey('+49 30 1234567', 'US'));
    expect(phoneKey('030 1234567', 'US')).not.toBe(phoneKey('+49 30 1234567', 'US'));
    // An extension is another line of a switchboard.
    expect(phoneKey('+1 418 656 9254 ext. 102')).toBe('+14186569254;ext=102');
    expect(phoneKey('+1 418 656 9254 x103')).not.toBe(phoneKey('+1 418 656 9254 ext. 102'));
    // Last ten digits matched numbers of different countries; these are two phones.
    expect(phoneKey('+44 20 7946 0958')).not.toBe(phoneKey('+33 20 7946 0958'));
    // Text that is no possible number still finds the same digits.
    expect(phoneKey('12341234')).toBe(phoneKey('1234-1234'));
    expect(phoneKey('1234')).toBe('');
  });

  it('generated numbers keep one key whatever the separators and the national or international form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 201, max: 989 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 0, max: 9999 }), fc.constantFrom(' ', '-', '.', ''), (area, exchange, line, sep) => {
        const digits = String(line).padStart(4, '0');
        const national = `(${area}) ${exchange}${sep}${digits}`;
        const international = `+1${sep}${area}${sep}${exchange}${sep}${digits}`;
        expect(phoneKey(national, 'US')).toBe(phoneKey(international, 'DE'));
      }),
      { numRuns: 200 },
    );
  });

  it('a tel: URI is read and written by RFC 3966', () => {
    expect(readTelUri('tel:+1-418-656-9254;ext=102')).toBe('+1-418-656-9254 ext. 102');
    expect(readTelUri('tel:7042;phone-context=example.com')).toBe('7042');
    expect(telUri('(418) 656-9254 ext. 102', 'US')).toBe('tel:+14186569254;ext=102');
    expect(telUri('not a number', 'US')).toBeNull();
  });

  it('kinds are read from labels in several languages, and a label and its kinds never disagree', () => {
    expect(kindsOf('homeFax')).toEqual(['home', 'fax']);
    expect(kindsOf('Fax privat')).toEqual(['home', 'fax']);
    expect(kindsOf('Téléphone portable')).toEqual(['mobile']);
    expect(kindsOf('携帯電話')).toEqual(['mobile']);
    expect(kindsLabel(['fax', 'work'])).toBe('Work fax');
    const phone = PersonInputSchema.parse({ givenName: 'Ann', phones: [{ label: 'Work fax', number: '+1 717 555 0100', kinds: ['mobile'] }] }).phones[0];
    expect(phone?.kinds).toEqual(['work', 'mobile', 'fax']);
  });
});

describe('matching by phone, in the owner’s region', () => {
  it('an import finds someone whose number the book writes another way', async () => {
    const ctx = await openTestContext();
    call<Person>(ctx, 'people.create', { givenName: 'Ann', familyName: 'Lee', phones: [{ label: 'Mobile', number: '+1 717 555 0142' }] });
    const p = preview(ctx, 'First Name,Last Name,Mobile Phone,E-mail Address\r\nAnnie,Lee-Smith,(717) 555-0142,\r\nBen,Ode,(717) 555-0143,\r\n');
    expect(p.matches.map((m) => [m.line, m.reason])).toEqual([[2, 'phone']]);
  });

  it('a walk-in typed with another way of writing the number finds the person', async () => {
    const ctx = await openTestContext();
    const ann = call<Person>(ctx, 'people.create', { givenName: 'Ann', familyName: 'Lee', phones: [{ number: '(717) 555-0142' }] });
    expect(matchPeople(ctx, { givenName: 'Zed', familyName: 'Q', email: '', phone: '+1 717-555-0142' }).map((m) => [m.id, m.reason])).toEqual([[ann.id, 'phone']]);
    // The last ten digits of another country's number are not the same phone.
    expect(matchPeople(ctx, { givenName: 'Zed', familyName: 'Q', email: '', phone: '+44 717 555 0142' })).toEqual([]);
  });

  it('likely duplicates pair two people with one number written two ways', async () => {
    const ctx = await openTestContext();
    const a = call<Person>(ctx, 'people.create', { givenName: 'Ann', familyName: 'Lee', phones: [{ number: '(717) 555-0142' }] });
    const b = call<Person>(ctx, 'people.create', { givenName: 'A.', familyName: 'Lee', phones: [{ number: '+1.717.555.0142' }] });
    expect(likelyDuplicates(ctx).map((d) => [d.first.id, d.second.id, d.reason])).toEqual([[a.id, b.id, 'phone']]);
  });

  it('the default region is a setting; changing it works out the keys of numbers without a country code again', async () => {
    const ctx = await openTestContext();
    expect(call(ctx, 'phones.settings', {})).toEqual({ region: 'US' });
    const klaus = call<Person>(ctx, 'people.create', { givenName: 'Klaus', familyName: 'Berg', phones: [{ number: '030 1234567' }, { number: '+1 717 555 0100' }] });
    const csv = 'First Name,Last Name,Mobile Phone,E-mail Address\r\nK.,Berg,+49 30 1234567,\r\n';
    expect(preview(ctx, csv).matchCount).toBe(0);
    expect(call(ctx, 'phones.updateSettings', { region: 'DE' })).toEqual({ region: 'DE', rekeyed: 1 });
    expect(preview(ctx, csv).matches.map((m) => m.existing.id)).toEqual([klaus.id]);
    const keys = ctx.db.prepare('SELECT number, phone_key FROM person_phones ORDER BY position').all();
    expect(keys).toEqual([
      { number: '030 1234567', phone_key: '+49301234567' },
      { number: '+1 717 555 0100', phone_key: '+17175550100' },
    ]);
    const refused = dispatch(ctx, 'phones.updateSettings', { region: 'XX' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.fields?.region).toMatch(/Choose a country or region/);
  });

  it('kinds are stored and read back with the person', async () => {
    const ctx = await openTestContext();
    const p = call<Person>(ctx, 'people.create', { givenName: 'Ann', phones: [{ label: 'Assistant', number: '+1 717 555 0100', kinds: ['work', 'fax'] }, { label: 'Mobile', number: '+1 717 555 0101' }] });
    expect(call<Person>(ctx, 'people.get', { id: p.id }).phones).toEqual([
      { label: 'Assistant', number: '+1 717 555 0100', kinds: ['work', 'fax'] },
      { label: 'Mobile', number: '+1 717 555 0101', kinds: ['mobile'] },
    ]);
  });
});
