import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../helpers/corpus';
import { readCsv } from '../../electron/core/import/csv';
import type { CsvFormat, ImportEncoding } from '../../shared/domain/import';

const read = (file: string, encoding: ImportEncoding | null = null) => readCsv(new Uint8Array(fs.readFileSync(path.join(CORPUS, file))), encoding);

interface Expected {
  file: string;
  format: CsvFormat;
  encoding: ImportEncoding;
  people: number;
  /** Line-numbered problems: the count, and one message (or part of it) that must be among them. */
  problems: number;
  problem?: { line: number; message: RegExp };
  /** A few values of the first person read, as the file holds them. */
  first: Record<string, unknown>;
}

/** Every CSV file in corpus/import, with what a person would see in the preview. */
const TABLE: Expected[] = [
  {
    file: 'eventbrite-csv/eb2ez_attendee_report_custom_questions.csv',
    format: 'eventbrite',
    encoding: 'utf-8',
    people: 3,
    problems: 0,
    first: { givenName: 'John', familyName: 'Doe', organization: 'Company1Name', role: 'JobTitle1', emails: [{ label: '', address: 'jdoe1@test1mail.com' }] },
  },
  {
    file: 'google-csv/bbdb_gmail-test-data.csv',
    format: 'google',
    encoding: 'utf-8',
    people: 1,
    problems: 4,
    problem: { line: 2, message: /“mobilephone 123-234-2433” is not a phone number; left out/ },
    first: {
      givenName: 'test',
      familyName: 'contact',
      organization: 'company-name',
      emails: [
        { label: 'Home', address: 'homeemail@home.com' },
        { label: 'Work', address: 'workemail@work.com' },
        { label: 'Custom email', address: 'customemail@custom.com' },
      ],
    },
  },
  {
    file: 'google-csv/garywei944_google_legacy_cjk.csv',
    format: 'google',
    encoding: 'utf-8',
    people: 1,
    problems: 0,
    first: { givenName: '王', familyName: '二狗', displayName: '二狗王', organization: 'UMass', website: 'https://www.wangergou.dev' },
  },
  {
    file: 'google-csv/roundcube_gmail.csv',
    format: 'google',
    encoding: 'utf-8',
    people: 1,
    // Its seven phones are words ("pager", "mainphone"…), each reported and left out.
    problems: 7,
    problem: { line: 2, message: /“mainphone” is not a phone number; left out/ },
    first: { givenName: 'Firstname', familyName: 'Lastname', role: 'jobtitle', tags: ['Test'] },
  },
  {
    file: 'linkedin-csv/bbdb_linkedin-legacy-outlook-layout.csv',
    format: 'outlook',
    encoding: 'utf-8',
    people: 2,
    // Its fax, pager and car phone columns are read too (since issue 16), and hold words, not numbers.
    problems: 18,
    problem: { line: 2, message: /“2ndemailtest” is not an email address; left out/ },
    first: { givenName: 'testfirst', familyName: 'testlast', organization: 'testcompany', emails: [{ label: '', address: 'testmeil@hotmail.com' }] },
  },
  {
    file: 'linkedin-csv/kawsay_Connections.csv',
    format: 'linkedin',
    encoding: 'utf-8',
    people: 2,
    problems: 0,
    first: { givenName: 'José', familyName: 'García', organization: 'Acme, Inc.', role: 'Senior Engineer', linkedin: 'https://www.linkedin.com/in/josegarcia' },
  },
  {
    file: 'other-csv/thunderbird_quote.csv',
    format: 'thunderbird',
    encoding: 'utf-8',
    people: 1,
    problems: 0,
    first: { displayName: 'Acer America', phones: [{ label: 'Work', number: '(800) 000-0000' }] },
  },
  {
    file: 'other-csv/thunderbird_shiftjis_addressbook.csv',
    format: 'thunderbird',
    encoding: 'shift_jis',
    people: 1,
    problems: 1,
    problem: { line: 2, message: /is not an email address; left out/ },
    first: { givenName: '権兵衛', familyName: '名無し', displayName: '名無しの権兵衛' },
  },
  {
    file: 'other-csv/thunderbird_utf16_addressbook.csv',
    format: 'thunderbird',
    encoding: 'utf-16le',
    people: 1,
    problems: 0,
    first: { givenName: 'John', familyName: 'Doe', emails: [{ label: '', address: 'johndoe@host.invalid' }] },
  },
  {
    file: 'outlook-csv/bbdb_outlook-web-test-data.csv',
    format: 'outlook',
    encoding: 'utf-8',
    people: 2,
    problems: 1,
    problem: { line: 3, message: /“1234” is not a phone number; left out/ },
    first: { givenName: 'test name', phones: [{ label: 'Mobile', number: '12341234' }] },
  },
];

describe('reading the CSV files of corpus/import', () => {
  it('covers every CSV file in the corpus', () => {
    const files = fs
      .readdirSync(CORPUS, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.csv'))
      .sort();
    expect(TABLE.map((t) => t.file).sort()).toEqual(files);
  });

  it.each(TABLE)('$file: $format, $encoding, $people people', (t) => {
    const preview = read(t.file);
    expect(preview.format).toBe(t.format);
    expect(preview.encoding).toBe(t.encoding);
    expect(preview.records).toHaveLength(t.people);
    expect(preview.problems).toHaveLength(t.problems);
    if (t.problem) expect(preview.problems).toContainEqual({ line: t.problem.line, message: expect.stringMatching(t.problem.message) });
    expect(preview.records[0]?.person).toMatchObject(t.first);
  });

  it('finds the LinkedIn header below its notes and numbers rows as the file does', () => {
    const preview = read('linkedin-csv/kawsay_Connections.csv');
    expect(preview.header).toEqual(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On']);
    expect(preview.records.map((r) => r.line)).toEqual([5, 6]);
    expect(preview.records[1]?.person).toMatchObject({ givenName: 'Æsop', role: 'Director, Operations' });
    expect(preview.records[0]?.person.howWeMet).toMatch(/^LinkedIn connection since /);
  });

  it('reads what the owner says the encoding is, when detection guessed wrong', () => {
    const wrong = read('other-csv/thunderbird_shiftjis_addressbook.csv', 'windows-1252');
    expect(wrong.encoding).toBe('windows-1252');
    expect(wrong.records[0]?.person.givenName).not.toBe('権兵衛');
    expect(read('other-csv/thunderbird_shiftjis_addressbook.csv', 'shift_jis').records[0]?.person.givenName).toBe('権兵衛');
  });

  it('lists a row it cannot read with its line, and still reads the others', () => {
    const text = 'First Name,Last Name,E-mail Address\r\nAnn,Lee,ann@example.com\r\n,,\r\n,,not-an-email\r\n"Zoë","Müller",zoe@example.com\r\n';
    const preview = readCsv(new TextEncoder().encode(text));
    expect(preview.records.map((r) => [r.line, r.person.givenName])).toEqual([
      [2, 'Ann'],
      [5, 'Zoë'],
    ]);
    expect(preview.problems).toEqual([
      { line: 4, message: '“not-an-email” is not an email address; left out.' },
      { line: 4, message: 'No name in this row, so no one to import.' },
    ]);
  });
});

/** Layouts with no sample file in the corpus, written as FORMATS.md §6–§7 documents them. */
describe('Zoom and Meetup layouts', () => {
  const csv = (text: string) => readCsv(new TextEncoder().encode(text));

  it('reads the attendees of a Zoom webinar report, past its summary, host and panelist sections', () => {
    const report = [
      'Attendee Report,,,,,,,,,,,,',
      'Report Generated:,"Mar 15, 2025 11:23:29",,,,,,,,,,,',
      'Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registrants,,,,,,,,',
      'Clients Not Customers,123 456 789,"Mar 15, 2025 10:00:00",62,3,,,,,,,,',
      'Host Details,,,,,,,,,,,,',
      'Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name,,,,,',
      'Yes,Host Person,host@example.com,"Mar 15, 2025 09:55:00","Mar 15, 2025 11:02:00",67,No,United States,,,,,',
      'Attendee Details,,,,,,,,,,,,',
      'Attended,User Name (Original Name),First Name,Last Name,Email,Phone,Registration Time,Approval Status,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name',
      'Yes,Zoë Müller (Zoe),Zoë,Müller,zoe@example.com,+49 30 1234567,"Mar 1, 2025 08:00:00",approved,"Mar 15, 2025 10:01:00","Mar 15, 2025 11:00:00",59,Yes,Germany',
      'No,Ken Watanabe,Ken,Watanabe,ken@example.jp,,"Mar 2, 2025 08:00:00",approved,--,--,--,Yes,Japan',
    ].join('\r\n');
    const read = csv(report);
    expect(read.format).toBe('zoom-attendees');
    expect(read.records.map((r) => [r.line, r.person.givenName, r.person.familyName, r.person.emails[0]?.address])).toEqual([
      [10, 'Zoë', 'Müller', 'zoe@example.com'],
      [11, 'Ken', 'Watanabe', 'ken@example.jp'],
    ]);
  });

  it('reads a Zoom participants report by its shown names, dropping the account name in brackets', () => {
    const read = csv('Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\nAnn Lee (Ann L.),ann@example.com,03/15/2025 10:00:00 AM,03/15/2025 11:00:00 AM,60,No\n');
    expect(read.format).toBe('zoom-participants');
    expect(read.records[0]?.person).toMatchObject({ displayName: 'Ann Lee', emails: [{ label: '', address: 'ann@example.com' }] });
  });

  it('reads a Zoom registration report and a tab-separated Meetup member list', () => {
    expect(csv('First Name,Last Name,Email,Registration Time,Approval Status\nAnn,Lee,ann@example.com,03/01/2025 08:00:00 AM,approved\n').format).toBe('zoom-registrants');
    const meetup = csv(
      'Name\tUser ID\tTitle\tMember ID\tLocation\tJoined Group on\tURL of Member Profile\nSøren Kierkegaard\tuser 12537919\t\t12537919\tCopenhagen\t03/01/2024\thttps://www.meetup.com/members/12537919/\n',
    );
    expect(meetup.format).toBe('meetup');
    expect(meetup.records[0]?.person).toMatchObject({ displayName: 'Søren Kierkegaard', website: 'https://www.meetup.com/members/12537919/', address: { city: 'Copenhagen' } });
  });
});
