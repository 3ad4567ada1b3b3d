import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../helpers/corpus';
import type { ImportEncoding } from '../../shared/domain/import';
import { readVcard } from '../../electron/core/import/vcard';

const VCARDS = path.join(CORPUS, 'vcard');
const read = (file: string, encoding: ImportEncoding | null = null) => readVcard(new Uint8Array(fs.readFileSync(path.join(VCARDS, file))), encoding);

interface Expected {
  file: string;
  versions: string[];
  encoding: ImportEncoding;
  people: number;
  problems: number;
  problem?: { line: number; message: RegExp };
  /** A few values of one person read (the first unless `at` names the card's line). */
  at?: number;
  person: Record<string, unknown>;
}

const phones = (...list: [string, string][]) => list.map(([label, number]) => ({ label, number }));
const emails = (...list: [string, string][]) => list.map(([label, address]) => ({ label, address }));

/** Every vCard file in corpus/import, with what a person would see in the preview. */
const TABLE: Expected[] = [
  { file: 'aosp_v21_adr_multiple_line.vcf', versions: ['2.1'], encoding: 'utf-8', people: 1, problems: 0, person: { familyName: 'bogus', website: 'http://bogus.com/', address: { street: 'Grindelberg 999', city: 'Hamburg', region: '', postalCode: '99999', country: 'Deutschland' } } },
  {
    file: 'aosp_v21_complicated.vcf',
    versions: ['2.1'],
    encoding: 'utf-8',
    people: 1,
    problems: 0,
    person: { givenName: 'Forrest', familyName: 'Gump', organization: 'Gump Shrimp Co.', role: 'Shrimp Man', emails: emails(['', 'forrestgump@walladalla.com'], ['Mobile', 'cell@example.com']) },
  },
  { file: 'aosp_v21_japanese_2.vcf', versions: ['2.1'], encoding: 'shift_jis', people: 1, problems: 0, person: { givenName: 'ロイド1', familyName: '安藤', displayName: '安藤 ロイド 1', notes: 'メモ' } },
  { file: 'aosp_v21_winmo_65.vcf', versions: ['2.1'], encoding: 'utf-8', people: 1, problems: 0, person: { familyName: 'Example' } },
  { file: 'aosp_v30_ios_613_multiline.vcf', versions: ['3.0'], encoding: 'utf-8', people: 1, problems: 0, person: { givenName: 'Bob', familyName: 'Smith', organization: 'Smith Auto Repair', website: 'https://www.smithauto.com', phones: phones(['Mobile', '(650) 555-1212']) } },
  { file: 'aosp_v40_sort_as.vcf', versions: ['4.0'], encoding: 'utf-8', people: 1, problems: 0, person: { givenName: 'ロイド', familyName: '安藤', organization: 'グーグル' } },
  {
    file: 'ezvcard_John_Doe_ANDROID.vcf',
    versions: ['2.1'],
    encoding: 'utf-8',
    people: 6,
    problems: 1,
    problem: { line: 36, message: /is not an email address; left out/ },
    person: { displayName: 'john.doe@company.com', emails: emails(['', 'john.doe@company.com']), tags: ['My Contacts'] },
  },
  { file: 'ezvcard_John_Doe_EVOLUTION.vcf', versions: ['3.0'], encoding: 'utf-8', people: 1, problems: 0, person: { givenName: 'John', familyName: 'Doe', organization: 'IBM', tags: ['VIP'], phones: phones(['Mobile', '905-666-1234'], ['Work', '905-555-1234']) } },
  { file: 'ezvcard_John_Doe_GMAIL.vcf', versions: ['3.0'], encoding: 'utf-8', people: 1, problems: 0, person: { givenName: 'John', familyName: 'Doe', role: 'Money Counter', website: 'http://www.ibm.com', emails: emails(['Home', 'john.doe@ibm.com']) } },
  {
    file: 'ezvcard_John_Doe_IPHONE.vcf',
    versions: ['3.0'],
    encoding: 'utf-8',
    people: 1,
    problems: 0,
    person: { givenName: 'John', familyName: 'Doe', organization: 'IBM', website: 'http://www.ibm.com' },
  },
  { file: 'ezvcard_John_Doe_MAC_ADDRESS_BOOK.vcf', versions: ['3.0'], encoding: 'utf-8', people: 1, problems: 0, person: { givenName: 'John', familyName: 'Doe', displayName: 'Mr. John Richter,James Doe Sr.', emails: emails(['Work', 'john.doe@ibm.com']) } },
  { file: 'ezvcard_John_Doe_MS_OUTLOOK.vcf', versions: ['2.1'], encoding: 'utf-8', people: 1, problems: 0, person: { givenName: 'John', familyName: 'Doe', organization: 'IBM', emails: emails(['', 'john.doe@ibm.cm']) } },
  { file: 'ezvcard_gmail-single2.vcf', versions: ['3.0'], encoding: 'utf-8', people: 1, problems: 0, person: { givenName: 'VCard', familyName: 'Test', organization: 'TheCompany', notes: 'note line 1\nnote line 2\nCustomField: field value' } },
  { file: 'ezvcard_outlook-2007.vcf', versions: ['2.1'], encoding: 'utf-8', people: 1, problems: 0, person: { givenName: 'Michael', familyName: 'Angstadt', website: 'http://mikeangstadt.name' } },
  { file: 'folkerkinzel_AnsiIssue_outlook_de_cp1252.vcf', versions: ['2.1'], encoding: 'windows-1252', people: 1, problems: 0, person: { givenName: 'Ralf', familyName: 'Rastral' } },
  {
    file: 'folkerkinzel_Cropped_2_1.vcf',
    versions: ['2.1'],
    encoding: 'utf-8',
    people: 1,
    problems: 1,
    problem: { line: 1, message: /ends inside this card/ },
    person: { givenName: 'Max', familyName: 'Mustermann', organization: 'Firma', notes: 'Kommentar ÄÄÄÄÄÄ ääääää ÖÖÖÖÖÖ öööööö ÜÜÜÜÜÜ üüüü' },
  },
  { file: 'folkerkinzel_German_cp1252_nocharset.vcf', versions: ['2.1'], encoding: 'windows-1252', people: 1, problems: 0, person: { givenName: 'Sören', familyName: 'Nüßlebaum', displayName: 'Sören Täve Nüßlebaum' } },
  { file: 'folkerkinzel_LargeFile.vcf', versions: ['3.0'], encoding: 'utf-8', people: 1000, problems: 0, person: { givenName: 'Kasey', familyName: 'Schmitt' } },
  { file: 'folkerkinzel_NextCloudPhotoIssue2.vcf', versions: ['3.0'], encoding: 'utf-8', people: 1, problems: 0, person: { displayName: 'xxx', organization: 'xxx', emails: [], phones: [] } },
  {
    file: 'folkerkinzel_WhatsAppIssue.vcf',
    versions: ['3.0'],
    encoding: 'utf-8',
    people: 1,
    problems: 1,
    problem: { line: 1, message: /“7yy-zzz-xxx” is not a phone number; left out/ },
    person: { givenName: 'zzMad Perla 45', notes: 'PERLA\nmadrid' },
  },
  {
    file: 'folkerkinzel_v3Utf16Bom.vcf',
    versions: ['3.0'],
    encoding: 'utf-16le',
    people: 2,
    problems: 1,
    at: 19,
    person: { displayName: 'KMS Außenstelle', phones: phones(['Home', '03443-303776'], ['homeFax', '03443-333440']) },
  },
  {
    file: 'folkerkinzel_v3_google_empty_labels.vcf',
    versions: ['3.0'],
    encoding: 'utf-8',
    people: 2,
    problems: 1,
    problem: { line: 20, message: /“blablö@blub.com” is not an email address/ },
    person: { givenName: 'Folker', familyName: 'Kinzel', emails: emails(['', 'email1@wumms.de'], ['', 'email2@folker-kinzel.de']) },
  },
  {
    file: 'folkerkinzel_v4_thunderbird_cardbook.vcf',
    versions: ['4.0'],
    encoding: 'utf-8',
    people: 2,
    // Its phone numbers are the words for the kinds of phone ("Privattelefon", "Fax privat", "ohne"…);
    // its birthday 19723101 has no 31st month.
    problems: 11,
    problem: { line: 15, message: /“Privattelefon” is not a phone number; left out/ },
    person: { givenName: 'Gerda', familyName: 'Möhrke', organization: 'KiTa Öhrdingen', emails: emails(['Home', 'info@kinderland-blubblub.de']) },
  },
  {
    file: 'icaljs_escape_semicolon_nextcloud.vcf',
    versions: ['3.0'],
    encoding: 'utf-8',
    people: 1,
    problems: 1,
    person: { displayName: 'First Last NextCloud', organization: 'Firma', tags: ['Test-Kontakte'], emails: emails(['Home', 'home@gmx.de'], ['Work', 'work@gmx.de']) },
  },
  { file: 'metowolf_china_railway_12306.vcf', versions: ['3.0'], encoding: 'utf-8', people: 1, problems: 0, person: { displayName: '中国铁路', organization: '中国铁路', website: 'https://www.12306.cn/' } },
  { file: 'nodevcf_empty_lines.vcf', versions: ['3.0'], encoding: 'utf-8', people: 1, problems: 0, person: { givenName: 'Erika', familyName: 'Mustermann', role: 'Redaktion & Gestaltung' } },
  {
    file: 'nodevcf_multiple_versions.vcf',
    versions: ['2.1', '3.0', '4.0'],
    encoding: 'utf-8',
    people: 3,
    problems: 0,
    person: { givenName: 'Erika', familyName: 'Mustermann', phones: phones(['Work', '+49-221-9999123'], ['Home', '+49-221-1234567']) },
  },
  { file: 'sabre_issue153_photo.vcf', versions: ['3.0'], encoding: 'utf-8', people: 1, problems: 0, person: { givenName: 'Test', familyName: 'Benutzer' } },
  { file: 'thunderbird_v4_uri_png.vcf', versions: ['4.0'], encoding: 'utf-8', people: 1, problems: 0, person: { displayName: 'URI PNG, version 4.0' } },
];

describe('vCard files from the corpus', () => {
  it('covers every .vcf in corpus/import/vcard', () => {
    expect(TABLE.map((t) => t.file).sort()).toEqual(fs.readdirSync(VCARDS).filter((f) => f.endsWith('.vcf')).sort());
  });

  for (const t of TABLE) {
    it(`${t.file}: vCard ${t.versions.join('/')}, ${t.encoding}, ${t.people} ${t.people === 1 ? 'person' : 'people'}`, () => {
      const preview = read(t.file);
      expect(preview.versions).toEqual(t.versions);
      expect(preview.encoding).toBe(t.encoding);
      expect(preview.records).toHaveLength(t.people);
      expect(preview.problems).toHaveLength(t.problems);
      if (t.problem) expect(preview.problems).toContainEqual({ line: t.problem.line, message: expect.stringMatching(t.problem.message) });
      const person = t.at === undefined ? preview.records[0]?.person : preview.records.find((r) => r.line === t.at)?.person;
      expect(person).toMatchObject(t.person);
    });
  }

  it('reads folded lines and quoted-printable soft breaks into one value', () => {
    const complicated = read('aosp_v21_complicated.vcf').records[0]?.person;
    expect(complicated?.notes).toMatch(/^The following note is the example from RFC 2045\.\nNow's the time for all folk to come to the aid of their country\./);
    const android = read('ezvcard_John_Doe_ANDROID.vcf').records.map((r) => r.person);
    expect(android.some((p) => /Ñ/.test(`${p.givenName}${p.familyName}${p.notes}${p.organization}`))).toBe(true);
  });

  it('reads a Windows-1252 file the same when the owner says so, and wrongly when told Shift_JIS', () => {
    expect(read('folkerkinzel_German_cp1252_nocharset.vcf', 'windows-1252').records[0]?.person.familyName).toBe('Nüßlebaum');
    expect(read('folkerkinzel_German_cp1252_nocharset.vcf', 'shift_jis').records[0]?.person.familyName).not.toBe('Nüßlebaum');
  });
});
