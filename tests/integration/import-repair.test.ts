import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readImportFile, type ImportFile } from '../../electron/core/import/read';
import { readVcard } from '../../electron/core/import/vcard';
import { AppError } from '../../shared/errors';

/**
 * Issue 16: every kind of file that came in wrong on today's main, generated here as the programs
 * write it (the corpus holds real files only). One block per defect kind.
 */

const bytesOf = (text: string) => new TextEncoder().encode(text);
const read = (name: string, data: string | Uint8Array) => readImportFile(name, typeof data === 'string' ? bytesOf(data) : data);
const vcard = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD', ''].join('\r\n');
const refusal = (name: string, data: string | Uint8Array): AppError => {
  try {
    read(name, data);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`${name} was read, not refused`);
};
const first = (file: ImportFile) => file.records[0]?.person;

describe('phones keep their kinds', () => {
  it('a work fax stays a work fax (TYPE=WORK,FAX, quoted, repeated, 2.1 bare), and a mobile, pager, text and video line their kinds', () => {
    const file = read(
      'a.vcf',
      [
        vcard('VERSION:3.0', 'FN:Ann Lee', 'N:Lee;Ann;;;', 'TEL;TYPE=WORK,FAX:+1 717 555 0101', 'TEL;TYPE="HOME,FAX":+1 717 555 0102', 'TEL;type=CELL;type=VOICE;type=pref:+1 717 555 0103'),
        vcard('VERSION:2.1', 'N:Ode;Ben', 'TEL;WORK;FAX:+1 717 555 0201', 'TEL;PAGER:+1 717 555 0202', 'TEL;TYPE=TEXT:+1 717 555 0203', 'TEL;VIDEO:+1 717 555 0204'),
        vcard('VERSION:3.0', 'FN:Cy Dee', 'item1.TEL:+1 717 555 0301', 'item1.X-ABLabel:_$!<WorkFAX>!$_', 'item2.TEL;type=WORK:+1 717 555 0302', 'item2.X-ABLabel:Assistant'),
      ].join(''),
    );
    expect(file.problems).toEqual([]);
    const [ann, ben, cy] = file.records.map((r) => r.person.phones);
    expect(ann).toEqual([
      { label: 'Work fax', number: '+1 717 555 0101', kinds: ['work', 'fax'] },
      { label: 'Home fax', number: '+1 717 555 0102', kinds: ['home', 'fax'] },
      { label: 'Mobile', number: '+1 717 555 0103', kinds: ['mobile'] },
    ]);
    expect(ben?.map((p) => p.kinds)).toEqual([['work', 'fax'], ['pager'], ['text'], ['video']]);
    // An own label stays the label; the kinds come from it and from TYPE.
    expect(cy).toEqual([
      { label: 'WorkFAX', number: '+1 717 555 0301', kinds: ['work', 'fax'] },
      { label: 'Assistant', number: '+1 717 555 0302', kinds: ['work'] },
    ]);
  });

  it('Outlook’s fax and pager columns come in as faxes and pagers', () => {
    const file = read('a.csv', 'First Name,Last Name,E-mail Address,Business Fax,Home Fax,Pager,Mobile Phone\r\nAnn,Lee,ann@example.com,717 555 0101,717 555 0102,717 555 0103,717 555 0104\r\n');
    expect(file.format).toBe('outlook');
    expect(first(file)?.phones.map((p) => [p.label, p.kinds])).toEqual([
      ['Mobile', ['mobile']],
      ['Work fax', ['work', 'fax']],
      ['Home fax', ['home', 'fax']],
      ['Pager', ['pager']],
    ]);
  });
});

describe('tel: URIs', () => {
  it('reads RFC 6350’s own example with its extension, the preferred number, and a phone-context of digits', () => {
    const file = read(
      'a.vcf',
      vcard(
        'VERSION:4.0',
        'FN:Simon Perreault',
        'TEL;VALUE=uri;PREF=1;TYPE="voice,home":tel:+1-555-555-5555;ext=5555',
        'TEL;VALUE=uri;TYPE=work:tel:+1-418-656-9254;ext=102',
        'TEL;VALUE=uri:tel:863-1234;phone-context=+1-914-555',
        'TEL;VALUE=uri:tel:%2B44-20-7946-0958',
      ),
    );
    expect(file.problems).toEqual([]);
    expect(first(file)?.phones).toEqual([
      { label: 'Home', number: '+1-555-555-5555 ext. 5555', kinds: ['home'] },
      { label: 'Work', number: '+1-418-656-9254 ext. 102', kinds: ['work'] },
      { label: '', number: '+1-914-555-863-1234', kinds: [] },
      { label: '', number: '+44-20-7946-0958', kinds: [] },
    ]);
  });

  it('any generated global number with an extension is kept, never refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.array(fc.integer({ min: 10, max: 9999 }), { minLength: 2, maxLength: 3 }), fc.integer({ min: 1, max: 99999 }), (cc, groups, ext) => {
        const uri = `tel:+${cc}-${groups.join('-')};ext=${ext}`;
        const digits = `${cc}${groups.join('')}`.length;
        fc.pre(digits >= 5 && digits <= 15);
        const file = read('a.vcf', vcard('VERSION:4.0', 'FN:Ann', `TEL;VALUE=uri:${uri}`));
        expect(file.problems).toEqual([]);
        expect(first(file)?.phones[0]?.number).toBe(`+${cc}-${groups.join('-')} ext. ${ext}`);
      }),
      { numRuns: 100 },
    );
  });
});

describe('line breaks inside values', () => {
  it('Outlook’s quoted-printable CRLF in a note is stored as a line break, without a CR', () => {
    const file = read('a.vcf', vcard('VERSION:2.1', 'N:Lee;Ann', 'NOTE;ENCODING=QUOTED-PRINTABLE:First line=0D=0ASecond line=0D=0A=0D=0AThird=0Dfourth'));
    expect(first(file)?.notes).toBe('First line\nSecond line\n\nThird\nfourth');
  });

  it('a Google CSV note with CRLF inside its quotes is stored with LF', () => {
    const file = read('a.csv', 'First Name,Last Name,Notes\r\nAnn,Lee,"one\r\ntwo\rthree"\r\n');
    expect(first(file)?.notes).toBe('one\ntwo\nthree');
  });
});

describe('any CSV can be mapped', () => {
  it('a file without a header row opens the mapping with columns named by number, suggested by their values', () => {
    const file = read('a.csv', 'Ann Lee,ann@example.com,+1 717 555 0100\r\nBen Ode,ben@example.com,+1 717 555 0200\r\n');
    expect(file).toMatchObject({ format: 'other', headerRow: false, header: ['Column 1', 'Column 2', 'Column 3'] });
    expect(file.mapping).toEqual({ 'Column 1': 'fullName', 'Column 2': 'email', 'Column 3': 'phone' });
    expect(file.samples[0]).toEqual(['Ann Lee', 'Ben Ode']);
    expect(file.records.map((r) => [r.line, r.person.displayName, r.person.emails[0]?.address])).toEqual([
      [1, 'Ann Lee', 'ann@example.com'],
      [2, 'Ben Ode', 'ben@example.com'],
    ]);
  });

  it('headers in German, French, Spanish, Italian, Polish and Japanese are suggested', () => {
    const cases: [string, Record<string, string>][] = [
      ['Vorname;Nachname;E-Mail-Adresse;Telefon geschäftlich;Firma;Notizen', { Vorname: 'givenName', Nachname: 'familyName', 'E-Mail-Adresse': 'email', 'Telefon geschäftlich': 'phone', Firma: 'organization', Notizen: 'notes' }],
      ['Prénom,Nom,Courriel,Téléphone,Société,Ville,Pays', { Prénom: 'givenName', Nom: 'familyName', Courriel: 'email', Téléphone: 'phone', Société: 'organization', Ville: 'city', Pays: 'country' }],
      ['Nombre,Apellidos,Correo electrónico,Teléfono móvil,Empresa,Cargo', { Nombre: 'givenName', Apellidos: 'familyName', 'Correo electrónico': 'email', 'Teléfono móvil': 'phone', Empresa: 'organization', Cargo: 'role' }],
      ['Nome,Cognome,Email,Cellulare,Azienda,Ruolo', { Nome: 'givenName', Cognome: 'familyName', Email: 'email', Cellulare: 'phone', Azienda: 'organization', Ruolo: 'role' }],
      ['Imię,Nazwisko,Adres e-mail,Telefon,Stanowisko', { Imię: 'givenName', Nazwisko: 'familyName', 'Adres e-mail': 'email', Telefon: 'phone', Stanowisko: 'role' }],
      ['姓,名,電子メール アドレス,携帯電話,会社名,役職,メモ', { 姓: 'familyName', 名: 'givenName', '電子メール アドレス': 'email', 携帯電話: 'phone', 会社名: 'organization', 役職: 'role', メモ: 'notes' }],
    ];
    for (const [header, mapping] of cases) {
      const delimiter = header.includes(';') ? ';' : ',';
      const row = Object.keys(mapping).map((h) => (mapping[h] === 'email' ? 'ann@example.com' : mapping[h] === 'phone' ? '+49 30 1234567' : 'x'));
      const file = read('a.csv', `${header}\r\n${row.join(delimiter)}\r\n`);
      expect(file.headerRow, header).toBe(true);
      expect(file.mapping, header).toEqual(mapping);
      expect(file.records, header).toHaveLength(1);
    }
  });

  it('a header in words no list knows is still a header when the rows below hold the data', () => {
    const file = read('a.csv', 'Nimi,Sähköposti-osoite kotiin,Puh\r\nAnn Lee,ann@example.com,+358 40 1234567\r\n');
    expect(file.headerRow).toBe(true);
    expect(file.mapping).toMatchObject({ 'Sähköposti-osoite kotiin': 'email' });
  });

  it('a header word that names another field in another language gives way to values that are all numbers or addresses', () => {
    const file = read('a.csv', 'Ad,Soyad,Cep,Adresse\r\nAyşe,Yılmaz,+90 532 123 4567,ayse@example.com.tr\r\nMehmet,Demir,+90 533 765 4321,mehmet@example.com.tr\r\n');
    expect(file.mapping).toMatchObject({ Cep: 'phone', Adresse: 'email' });
    const kept = read('a.csv', 'Name,CEP,Cidade\r\nAna Souza,01310-100,São Paulo\r\nBruno Lima,20040-002,Rio de Janeiro\r\n');
    expect(kept.mapping).toMatchObject({ CEP: 'postalCode' });
  });

  it('the owner can say the first row is (or is not) the columns’ names', () => {
    const text = 'Ann,Lee\r\nBen,Ode\r\n';
    const asData = readImportFile('a.csv', bytesOf(text), null, undefined, false);
    expect(asData.records).toHaveLength(2);
    const asHeader = readImportFile('a.csv', bytesOf(text), null, (header) => ({ [header[0] as string]: 'givenName', [header[1] as string]: 'familyName' }), true);
    expect(asHeader.header).toEqual(['Ann', 'Lee']);
    expect(asHeader.records.map((r) => r.person.givenName)).toEqual(['Ben']);
  });

  it('a column the owner maps as a fax, a mobile, a work or a home phone keeps that kind, with what its name says besides', () => {
    const text = 'Ann Lee,+1 717 555 0100,+1 717 555 0101,+1 717 555 0102\r\n';
    const mapping = { 'Column 1': 'fullName', 'Column 2': 'fax', 'Column 3': 'mobilePhone', 'Column 4': 'workPhone' } as const;
    const file = readImportFile('a.csv', bytesOf(text), null, () => mapping, false);
    expect(first(file)?.phones).toEqual([
      { label: 'Fax', number: '+1 717 555 0100', kinds: ['fax'] },
      { label: 'Mobile', number: '+1 717 555 0101', kinds: ['mobile'] },
      { label: 'Work', number: '+1 717 555 0102', kinds: ['work'] },
    ]);
    const named = readImportFile('a.csv', bytesOf(`Name,Privat\r\n${text}`), null, () => ({ Name: 'fullName', Privat: 'fax' }), true);
    expect(first(named)?.phones).toEqual([{ label: 'Home fax', number: '+1 717 555 0100', kinds: ['home', 'fax'] }]);
  });

  it('an Outlook header with only its three E-mail Address columns is a header, each column an email', () => {
    const file = read('a.csv', '"E-mail Address","E-mail 2 Address","E-mail 3 Address"\r\nann@example.com,ann@work.example,ann@home.example\r\n');
    expect(file.headerRow).toBe(true);
    expect(Object.values(file.mapping ?? {})).toEqual(['email', 'email', 'email']);
    expect(first(file)?.emails.map((e) => e.address)).toEqual(['ann@example.com', 'ann@work.example', 'ann@home.example']);
  });

  it('Outlook’s Title (Mr., Dr.) is not suggested as the job title; Job Title is; Email Home / Work / Other are emails with their labels', () => {
    const file = read(
      'a.csv',
      'Title,First,Surname,Job Title,Email Home,Email Work,Email Other,Phone (Mobile)\r\nDr.,Ann,Lee,Dentist,ann@home.example,ann@work.example,ann@other.example,+1 717 555 0100\r\nMr.,Ben,Ode,Owner,,,,\r\n',
    );
    expect(file.mapping).toEqual({ First: 'givenName', Surname: 'familyName', 'Job Title': 'role', 'Email Home': 'email', 'Email Work': 'email', 'Email Other': 'email', 'Phone (Mobile)': 'phone' });
    expect(first(file)).toMatchObject({
      role: 'Dentist',
      emails: [
        { label: 'Home', address: 'ann@home.example' },
        { label: 'Work', address: 'ann@work.example' },
        { label: 'Other', address: 'ann@other.example' },
      ],
      phones: [{ label: 'Mobile', number: '+1 717 555 0100', kinds: ['mobile'] }],
    });
    // A Title of job titles, with no other column for them, is the job title.
    expect(read('a.csv', 'Name,Title,Email\r\nAnn Lee,Dentist,ann@example.com\r\n').mapping).toMatchObject({ Title: 'role' });
  });

  it('multi-valued cells are split: Rapport’s “; ” (escaped), Google’s “ ::: ”, Mailchimp’s quoted tag list', () => {
    const file = read('a.csv', 'Name,Emails,Tags\r\nAnn Lee,"zoe@example.com; zoe.home@example.org","Sales\\; EMEA; Board"\r\nBen Ode,ben@example.com ::: ben@work.example,"""Evento Roma"",""Volontari"""\r\n');
    expect(file.records.map((r) => [r.person.emails.map((e) => e.address), r.person.tags])).toEqual([
      [['zoe@example.com', 'zoe.home@example.org'], ['Sales; EMEA', 'Board']],
      [['ben@example.com', 'ben@work.example'], ['Evento Roma', 'Volontari']],
    ]);
    const mailchimp = read(
      'members.csv',
      '"Email Address","First Name","Last Name","Phone Number",MEMBER_RATING,OPTIN_TIME,LEID,EUID,NOTES,TAGS\r\nmario@example.it,Mario,Rossi,+39 06 1234 5678,2,"2024-01-01 10:00:00",1,abc,"Volontario dal 2020","""Evento Roma"",""Volontari"""\r\n',
    );
    expect(mailchimp.format).toBe('mailchimp');
    expect(first(mailchimp)).toMatchObject({ givenName: 'Mario', tags: ['Evento Roma', 'Volontari'], notes: 'Volontario dal 2020', phones: [{ number: '+39 06 1234 5678' }] });
  });
});

describe('Zoom and Eventbrite keep what they carry', () => {
  it('a Zoom registration report keeps phone, organization, job title and address; the other columns stay on the ticket', () => {
    const file = read(
      'registrants.csv',
      'First Name,Last Name,Email,Registration Time,Approval Status,Phone,Organization,Job Title,Address,City,State/Province,Zip/Postal Code,Country/Region,Industry,What do you hope to learn?\r\n' +
        'Ann,Lee,ann@example.com,03/01/2025 08:00:00 AM,approved,+1 717 555 0100,Acme,Owner,1 Main St,Lancaster,PA,17601,United States,Printing,Referrals\r\n',
    );
    expect(file.format).toBe('zoom-registrants');
    expect(first(file)).toMatchObject({
      organization: 'Acme',
      role: 'Owner',
      phones: [{ number: '+1 717 555 0100' }],
      address: { street: '1 Main St', city: 'Lancaster', region: 'PA', postalCode: '17601', country: 'United States' },
    });
    expect(file.records[0]?.ticket?.answers.map((a) => a.question)).toEqual(['Registration Time', 'Approval Status', 'Industry', 'What do you hope to learn?']);
  });

  it('a Zoom webinar attendee report keeps the phone and country', () => {
    const file = read(
      'attendees.csv',
      'Attendee Details\r\nAttended,User Name (Original Name),First Name,Last Name,Email,Phone,Registration Time,Approval Status,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name\r\nYes,Ann Lee,Ann,Lee,ann@example.com,+1 717 555 0100,x,approved,x,x,59,Yes,United States\r\n',
    );
    expect(first(file)).toMatchObject({ phones: [{ number: '+1 717 555 0100' }], address: { country: 'United States' } });
    expect(file.records[0]?.ticket?.answers.map((a) => a.question)).toContain('Join Time');
  });

  it('an Eventbrite attendee report keeps both home address lines, its phones, and every other column on the ticket', () => {
    const file = read(
      'Attendees-1.csv',
      'Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Attendee #,Attendee Status,Home Address 1,Home Address 2,Home City,Home State,Home Zip,Home Country,Cell Phone,Work Phone,Birth Date,Job Title,Company,Website\r\n' +
        '1,2024-01-01,Ann,Lee,ann@example.com,1,GA,11,Attending,1 Main St,Apt 2,Lancaster,PA,17601,US,+1 717 555 0100,+1 717 555 0199,1980-01-01,Owner,Acme,acme.example\r\n',
    );
    expect(first(file)).toMatchObject({
      address: { street: '1 Main St\nApt 2', city: 'Lancaster', region: 'PA', postalCode: '17601', country: 'US' },
      phones: [
        { label: 'Mobile', number: '+1 717 555 0100', kinds: ['mobile'] },
        { label: 'Work', number: '+1 717 555 0199', kinds: ['work'] },
      ],
      role: 'Owner',
      organization: 'Acme',
      website: 'https://acme.example',
    });
    expect(file.records[0]?.ticket?.answers.map((a) => a.question)).toEqual(['Order Date', 'Quantity', 'Attendee Status', 'Birth Date']);
  });
});

describe('encoding decided value by value', () => {
  /** A vCard property folded at every 75 octets, as RFC 6350 §3.2 says — but by bytes, cutting characters in two. */
  const foldByBytes = (line: string, at: number): Buffer => {
    const bytes = Buffer.from(line, 'utf8');
    const pieces: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += at) pieces.push(bytes.subarray(i, i + at));
    return Buffer.concat(pieces.flatMap((p, i) => (i ? [Buffer.from('\r\n '), p] : [p])));
  };

  it('a fold that splits a UTF-8 character is joined again, and the Greek and Cyrillic names of the file stay whole', () => {
    const names = fc.array(fc.constantFrom('Αλέξανδρος', 'Παπαδοπούλου', 'Дмитрий', 'Соколова', 'Zoë', 'Łukasz', '田中'), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(names, fc.integer({ min: 3, max: 20 }), (words, at) => {
        const note = words.join(' ');
        const file = Buffer.concat([
          Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Αλέξανδρος Παπαδόπουλος\r\nN:Παπαδόπουλος;Αλέξανδρος;;;\r\n'),
          foldByBytes(`NOTE:${note}`, at),
          Buffer.from('\r\nORG:Соколова и партнёры\r\nEND:VCARD\r\n'),
        ]);
        const read = readVcard(new Uint8Array(file));
        expect(read.encoding).toBe('utf-8');
        expect(read.problems).toEqual([]);
        expect(read.records[0]?.person).toMatchObject({ givenName: 'Αλέξανδρος', familyName: 'Παπαδόπουλος', organization: 'Соколова и партнёры', notes: note });
      }),
      { numRuns: 60 },
    );
  });

  it('one Windows-1252 value in a UTF-8 file costs that value its guess only, and the others stay UTF-8', () => {
    const file = Buffer.concat([
      Buffer.from('Name,Email,Notes\r\nΑλέξανδρος Παπαδόπουλος,alex@example.gr,Привет\r\nSören Müller,soeren@example.de,'),
      iconv.encode('Grüße aus Köln', 'windows-1252'),
      Buffer.from('\r\n'),
    ]);
    const read = readImportFile('a.csv', new Uint8Array(file));
    expect(read.records.map((r) => [r.person.displayName, r.person.notes])).toEqual([
      ['Αλέξανδρος Παπαδόπουλος', 'Привет'],
      ['Sören Müller', 'Grüße aus Köln'],
    ]);
    expect(read.problems).toEqual([]);
  });

  it('UTF-16 big-endian and little-endian without a byte-order mark are read by where their zero bytes fall', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Müller\r\nN:Müller;Zoë;;;\r\nEMAIL:zoe@example.com\r\nEND:VCARD\r\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [bytes, encoding] of [
      [le, 'utf-16le'],
      [be, 'utf-16be'],
    ] as const) {
      const read = readImportFile('contacts.vcf', new Uint8Array(bytes));
      expect(read.encoding).toBe(encoding);
      expect(read.records.map((r) => r.person.givenName)).toEqual(['Zoë']);
    }
    const csv = Buffer.from(Buffer.from('First Name,Last Name,Email\r\nZoë,Müller,zoe@example.com\r\n', 'utf16le')).swap16();
    expect(first(readImportFile('a.csv', new Uint8Array(csv)))).toMatchObject({ givenName: 'Zoë', familyName: 'Müller' });
  });

  it('quoted-printable without CHARSET is read in the code page the file names elsewhere, else the one its bytes read as', () => {
    const declared = read('a.vcf', vcard('VERSION:2.1', 'N;ENCODING=QUOTED-PRINTABLE:Iksi=F1ski;Jan', 'ORG;CHARSET=ISO-8859-2:Firma'));
    expect(first(declared)?.familyName).toBe('Iksiński');
    expect(declared.problems).toEqual([]);
    const guessed = read('a.vcf', vcard('VERSION:2.1', 'N;ENCODING=QUOTED-PRINTABLE:Nu=F1ez;Ana'));
    expect(first(guessed)?.familyName).toBe('Nuñez');
    // UTF-8 bytes stay UTF-8.
    expect(first(read('a.vcf', vcard('VERSION:2.1', 'N;ENCODING=QUOTED-PRINTABLE:Nu=C3=B1ez;Ana')))?.familyName).toBe('Nuñez');
  });

  it('every replacement character that reaches a stored value is a problem on its own line', () => {
    const vcf = Buffer.concat([Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nNOTE;CHARSET=UTF-8:caf'), Buffer.from([0xe9]), Buffer.from(' noir\r\nORG:Acme \uFFFD Co\r\nEND:VCARD\r\n')]);
    const card = readImportFile('a.vcf', new Uint8Array(vcf));
    expect(card.problems.map((p) => [p.line, p.message.slice(0, 60)])).toEqual([
      [4, 'This NOTE has characters that could not be read (shown as �)'],
      [5, 'This ORG has characters that could not be read (shown as �):'],
    ]);
    // A Windows-1252 byte no character stands for, in a CSV read by its code page.
    const csv = Buffer.concat([Buffer.from('First Name,Last Name,Notes\r\nAnn,Lee,ok\r\nBen,Ode,'), Buffer.from([0xe9, 0x81, 0x20, 0x41]), Buffer.from('\r\n')]);
    const rows = readImportFile('a.csv', new Uint8Array(csv));
    expect(rows.problems).toEqual([{ line: 3, message: expect.stringMatching(/^The notes has characters that could not be read/) }]);
  });
});

describe('2.1 soft breaks and blank lines', () => {
  it('a soft break followed by a blank line ends the value before the next property (Nokia), and continues it when text follows (Android)', () => {
    const nokia = read(
      'a.vcf',
      vcard('VERSION:2.1', 'N:Lee;Ann', 'ADR;HOME;ENCODING=QUOTED-PRINTABLE:;;Main St 1;Lancaster;PA;17601;United States=', '', 'LABEL;HOME;ENCODING=QUOTED-PRINTABLE:Main St 1=0D=0ALancaster', 'TEL;CELL:+1 717 555 0100'),
    );
    expect(first(nokia)).toMatchObject({ address: { street: 'Main St 1', city: 'Lancaster', country: 'United States' }, phones: [{ number: '+1 717 555 0100' }] });
    const android = read('a.vcf', vcard('VERSION:2.1', 'N:Lee;Ann', 'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:K=C3=B6ln =C3=', '', '=A4 und mehr=', '', 'ORG:Acme'));
    expect(first(android)).toMatchObject({ notes: 'Köln ä und mehr', organization: 'Acme' });
  });
});

describe('say what a file is', () => {
  it('a calendar, a vCalendar saved as .vcf, a workbook, an empty and a binary file each get their own words', () => {
    expect(refusal('events.ics', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n').message).toMatch(/calendar file \(iCalendar\), not contacts/);
    expect(refusal('phone.vcf', 'BEGIN:VCALENDAR\r\nVERSION:1.0\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n').message).toMatch(/vCalendar file/);
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('[Content_Types].xml'), Buffer.alloc(10), Buffer.from('xl/workbook.xml')]);
    expect(refusal('people.xlsx', new Uint8Array(xlsx)).message).toMatch(/Excel workbook \(\.xlsx\).*save the sheet with the people as “CSV UTF-8/);
    expect(refusal('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])).message).toMatch(/Excel 97–2003 workbook/);
    expect(refusal('a.csv', '').message).toMatch(/This file is empty/);
    expect(refusal('a.csv', ' \r\n\r\n ').message).toMatch(/only blank space/);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 300 }, (_, i) => (i * 7) % 32)]);
    expect(refusal('photo.csv', png).message).toMatch(/not a text file/);
    expect(refusal('a.vcf', 'First Name,Last Name\r\nAnn,Lee\r\n').message).toMatch(/named \.vcf but holds no vCard/);
    // Each refusal is at the file field, as the wizard shows it.
    expect(refusal('events.ics', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n').fields?.file).toMatch(/calendar/);
  });

  it('a Meetup “.xls” that is tab-separated text is still read', () => {
    const file = read('members.xls', 'Name\tUser ID\tTitle\tMember ID\tLocation\tJoined Group on\tURL of Member Profile\nSøren Kierkegaard\tuser 1\t\t1\tCopenhagen\t03/01/2024\thttps://www.meetup.com/members/1/\n');
    expect(file.format).toBe('meetup');
  });
});
