import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../helpers/corpus';
import { applyImport, undoImport, importHistory } from '../../electron/core/import/apply';
import { readImportFile } from '../../electron/core/import/read';
import type { CoreContext } from '../../electron/core/context';
import { exportFull, exportVCards } from '../../electron/core/services/exports';
import { importFullExport } from '../../electron/core/services/full-import';
import { cancelImport, importProgress, previewImport, runImport } from '../../electron/core/services/imports';
import { likelyDuplicates, mergePeople } from '../../electron/core/services/merge';
import { createPerson, getPerson, listPeople } from '../../electron/core/services/people';
import { PeopleListInput } from '../../shared/contract';
import { logInteraction } from '../../electron/core/services/relationships';
import { createFollowUp } from '../../electron/core/services/followups';
import { createSeminar, listRegistrations, registerPeople } from '../../electron/core/services/seminars';
import { loadSampleData } from '../../electron/core/services/sample';
import { setPhoto } from '../../electron/core/services/photos';
import { trashOwned } from '../../electron/core/services/trash';
import { listBackups } from '../../electron/core/db/backup';
import { ImportRunInputSchema } from '../../shared/domain/import';
import { PersonInputSchema, type PersonData } from '../../shared/domain/person';
import { FollowUpInputSchema } from '../../shared/domain/followup';
import { InteractionInputSchema } from '../../shared/domain/relationship';
import { SeminarInputSchema } from '../../shared/domain/seminar';
import { AppError } from '../../shared/errors';
import { openTestContext } from '../helpers/store';

const corpusFile = (file: string) => fs.readFileSync(path.join(CORPUS, file)).toString('base64');
const count = (ctx: CoreContext, sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;
const run = (ctx: CoreContext, fileName: string, content: string, more: Record<string, unknown> = {}) =>
  runImport(ctx, ImportRunInputSchema.parse({ fileName, content, ...more }));
const person = (p: Record<string, unknown>) => PersonInputSchema.parse(p);
/** The search index holds one sound row per person (FTS5's own integrity check). */
function expectSearchInStep(ctx: CoreContext) {
  ctx.db.prepare("INSERT INTO people_search (people_search) VALUES ('integrity-check')").run();
  expect(count(ctx, 'SELECT count(*) AS n FROM people_search')).toBe(count(ctx, 'SELECT count(*) AS n FROM people'));
  expect(count(ctx, 'SELECT count(*) AS n FROM people p LEFT JOIN people_search s ON s.rowid = p.search_rank WHERE s.rowid IS NULL')).toBe(0);
}

/**
 * Every file of the corpus imported into an empty book (duplicates within a file merged, the
 * default): the people created and merged, and whether it needed the owner's word about problems.
 */
const CORPUS_IMPORTS: Record<string, { created: number; merged: number; problems: boolean }> = {
  'eventbrite-csv/eb2ez_attendee_report_custom_questions.csv': { created: 3, merged: 0, problems: false },
  'google-csv/bbdb_gmail-test-data.csv': { created: 1, merged: 0, problems: true },
  'google-csv/garywei944_google_legacy_cjk.csv': { created: 1, merged: 0, problems: false },
  'google-csv/roundcube_gmail.csv': { created: 1, merged: 0, problems: true },
  'linkedin-csv/bbdb_linkedin-legacy-outlook-layout.csv': { created: 2, merged: 0, problems: true },
  'linkedin-csv/kawsay_Connections.csv': { created: 2, merged: 0, problems: false },
  'other-csv/thunderbird_quote.csv': { created: 1, merged: 0, problems: false },
  'other-csv/thunderbird_shiftjis_addressbook.csv': { created: 1, merged: 0, problems: true },
  'other-csv/thunderbird_utf16_addressbook.csv': { created: 1, merged: 0, problems: false },
  'outlook-csv/bbdb_outlook-web-test-data.csv': { created: 2, merged: 0, problems: true },
  'vcard/aosp_v21_adr_multiple_line.vcf': { created: 1, merged: 0, problems: false },
  'vcard/aosp_v21_complicated.vcf': { created: 1, merged: 0, problems: false },
  'vcard/aosp_v21_japanese_2.vcf': { created: 1, merged: 0, problems: false },
  'vcard/aosp_v21_winmo_65.vcf': { created: 1, merged: 0, problems: false },
  'vcard/aosp_v30_ios_613_multiline.vcf': { created: 1, merged: 0, problems: false },
  'vcard/aosp_v40_sort_as.vcf': { created: 1, merged: 0, problems: false },
  'vcard/ezvcard_John_Doe_ANDROID.vcf': { created: 6, merged: 0, problems: true },
  'vcard/ezvcard_John_Doe_EVOLUTION.vcf': { created: 1, merged: 0, problems: false },
  'vcard/ezvcard_John_Doe_GMAIL.vcf': { created: 1, merged: 0, problems: false },
  'vcard/ezvcard_John_Doe_IPHONE.vcf': { created: 1, merged: 0, problems: false },
  'vcard/ezvcard_John_Doe_MAC_ADDRESS_BOOK.vcf': { created: 1, merged: 0, problems: false },
  'vcard/ezvcard_John_Doe_MS_OUTLOOK.vcf': { created: 1, merged: 0, problems: false },
  'vcard/ezvcard_gmail-single2.vcf': { created: 1, merged: 0, problems: false },
  'vcard/ezvcard_outlook-2007.vcf': { created: 1, merged: 0, problems: false },
  'vcard/folkerkinzel_AnsiIssue_outlook_de_cp1252.vcf': { created: 1, merged: 0, problems: false },
  'vcard/folkerkinzel_Cropped_2_1.vcf': { created: 1, merged: 0, problems: true },
  'vcard/folkerkinzel_German_cp1252_nocharset.vcf': { created: 1, merged: 0, problems: false },
  'vcard/folkerkinzel_LargeFile.vcf': { created: 1000, merged: 0, problems: false },
  'vcard/folkerkinzel_NextCloudPhotoIssue2.vcf': { created: 1, merged: 0, problems: false },
  'vcard/folkerkinzel_WhatsAppIssue.vcf': { created: 1, merged: 0, problems: true },
  'vcard/folkerkinzel_v3Utf16Bom.vcf': { created: 2, merged: 0, problems: true },
  'vcard/folkerkinzel_v3_google_empty_labels.vcf': { created: 2, merged: 0, problems: true },
  'vcard/folkerkinzel_v4_thunderbird_cardbook.vcf': { created: 2, merged: 0, problems: true },
  'vcard/icaljs_escape_semicolon_nextcloud.vcf': { created: 1, merged: 0, problems: true },
  'vcard/metowolf_china_railway_12306.vcf': { created: 1, merged: 0, problems: false },
  'vcard/nodevcf_empty_lines.vcf': { created: 1, merged: 0, problems: false },
  'vcard/nodevcf_multiple_versions.vcf': { created: 1, merged: 2, problems: false },
  'vcard/sabre_issue153_photo.vcf': { created: 1, merged: 0, problems: false },
  'vcard/thunderbird_v4_uri_png.vcf': { created: 1, merged: 0, problems: false },
};

describe('importing the corpus', () => {
  it('lists every file of corpus/import', () => {
    const files = fs
      .readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(csv|vcf)$/.test(f))
      .sort();
    expect(Object.keys(CORPUS_IMPORTS).sort()).toEqual(files);
  });

  for (const [file, expected] of Object.entries(CORPUS_IMPORTS)) {
    it(`${file}: ${expected.created} created${expected.merged ? `, ${expected.merged} merged` : ''}${expected.problems ? ', after confirming its problems' : ''}`, async () => {
      const ctx = await openTestContext();
      const content = corpusFile(file);
      if (expected.problems) {
        const refused = await run(ctx, path.basename(file), content).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(AppError);
        expect((refused as AppError).fields).toHaveProperty('acceptProblems');
        expect(count(ctx, 'SELECT count(*) AS n FROM people')).toBe(0);
      }
      const summary = await run(ctx, path.basename(file), content, { acceptProblems: expected.problems });
      expect({ created: summary.created, merged: summary.merged }).toEqual({ created: expected.created, merged: expected.merged });
      expect(count(ctx, 'SELECT count(*) AS n FROM people')).toBe(expected.created);
      expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expectSearchInStep(ctx);
    });
  }

  it('keeps accents, CJK names and every email as the file has them', async () => {
    const ctx = await openTestContext();
    await run(ctx, 'Connections.csv', corpusFile('linkedin-csv/kawsay_Connections.csv'));
    await run(ctx, 'jp.vcf', corpusFile('vcard/aosp_v21_japanese_2.vcf'));
    await run(ctx, 'gmail.vcf', corpusFile('vcard/ezvcard_gmail-single2.vcf'));
    // An import numbers the people it creates in name order (it writes them so), so they are compared as a set.
    const names = (ctx.db.prepare('SELECT given_name || \' \' || family_name AS n FROM people ORDER BY id').all() as { n: string }[]).map((r) => r.n);
    expect(names.sort()).toEqual(['José García', 'Æsop Fontaine', 'ロイド1 安藤', 'VCard Test'].sort());
    expect(count(ctx, "SELECT count(*) AS n FROM person_emails e JOIN people p ON p.id = e.person_id WHERE p.given_name = 'VCard'")).toBe(5);
  });
});

describe('an import', () => {
  it('shows the first rows, the problems by line and who is already in the book; merges the match it is told to, creates the rest', async () => {
    const ctx = await openTestContext();
    const existing = createPerson(ctx, person({ givenName: 'Aesop', familyName: 'Fontaine', emails: [{ label: 'Work', address: 'aesop@example.com' }], notes: 'Met at the spring seminar' }));
    const content = corpusFile('linkedin-csv/kawsay_Connections.csv');
    const preview = previewImport(ctx, ImportRunInputSchema.parse({ fileName: 'Connections.csv', content }));
    expect(preview).toMatchObject({ format: 'linkedin', encoding: 'utf-8', people: 2, matchCount: 1, problems: [] });
    expect(preview.rows.map((r) => [r.line, r.name, r.organization])).toEqual([
      [5, 'José García', 'Acme, Inc.'],
      [6, 'Æsop Fontaine', 'Globex'],
    ]);
    expect(preview.matches).toEqual([{ line: 6, reason: 'email', incoming: expect.objectContaining({ name: 'Æsop Fontaine' }), existing: expect.objectContaining({ id: existing.id, name: 'Aesop Fontaine' }) }]);

    const summary = await run(ctx, 'Connections.csv', content, { duplicates: 'skip', byLine: { '6': 'merge' } });
    expect(summary).toMatchObject({ created: 1, merged: 1, skipped: 0, rejected: [] });
    expect(summary.backup).toMatch(/before-import\.db$/);
    expect(listBackups(ctx.store.dataDir).some((b) => b.reason === 'before-import')).toBe(true);
    const merged = getPerson(ctx, existing.id);
    expect(merged).toMatchObject({ givenName: 'Aesop', organization: 'Globex', role: 'Director, Operations', notes: 'Met at the spring seminar', linkedin: 'https://www.linkedin.com/in/aesop' });

    expectSearchInStep(ctx);
    expect(listPeople(ctx, PeopleListInput.parse({ query: 'globex' })).items.map((p) => p.id)).toEqual([existing.id]);
    const undone = undoImport(ctx, summary.importId);
    expectSearchInStep(ctx);
    expect(undone).toEqual({ removed: 1, restored: 1, unregistered: 0, kept: 0 });
    expect(getPerson(ctx, existing.id)).toMatchObject({ organization: '', role: '', linkedin: '', notes: 'Met at the spring seminar' });
    expect(count(ctx, 'SELECT count(*) AS n FROM people')).toBe(1);
    expect(importHistory(ctx)[0]).toMatchObject({ fileName: 'Connections.csv', created: 1, merged: 1, undoneAt: expect.any(String) });
    expect(() => undoImport(ctx, summary.importId)).toThrow(/already been undone/);
  });

  it('skips or creates anyway when told to, for all matches', async () => {
    const ctx = await openTestContext();
    createPerson(ctx, person({ givenName: 'Æsop', familyName: 'Fontaine', emails: [{ label: '', address: 'AESOP@example.com' }] }));
    const content = corpusFile('linkedin-csv/kawsay_Connections.csv');
    expect(await run(ctx, 'a.csv', content, { duplicates: 'skip' })).toMatchObject({ created: 1, skipped: 1, merged: 0 });
    expect(await run(ctx, 'b.csv', content, { duplicates: 'create' })).toMatchObject({ created: 2, skipped: 0, merged: 0 });
    expect(count(ctx, "SELECT count(*) AS n FROM people WHERE family_name = 'Fontaine'")).toBe(2);
  });

  it('matches a phone written differently, and a near-identical name at the same organisation', async () => {
    const ctx = await openTestContext();
    const ann = createPerson(ctx, person({ givenName: 'Ann', familyName: 'Lee', phones: [{ label: '', number: '+1 (717) 555-0100' }] }));
    const jon = createPerson(ctx, person({ givenName: 'Jonathan', familyName: 'Smith', organization: 'Acme Print & Sign' }));
    const csv = 'First Name,Last Name,Company,Phone\r\nAnnie,Lee,,717-555-0100\r\nJonathon,Smith,ACME Print & Sign,\r\nJonathan,Smith,Other Co,\r\n';
    const preview = previewImport(ctx, ImportRunInputSchema.parse({ fileName: 'x.csv', content: Buffer.from(csv).toString('base64') }));
    expect(preview.matches.map((m) => [m.line, m.existing.id, m.reason])).toEqual([
      [2, ann.id, 'phone'],
      [3, jon.id, 'name'],
    ]);
  });

  it('merges a person the file lists twice into one', async () => {
    const ctx = await openTestContext();
    const csv = 'First Name,Last Name,Email,Phone\r\nAnn,Lee,ann@example.com,\r\nAnn,Lee,ANN@example.com,717 555 0100\r\n';
    const summary = await run(ctx, 'x.csv', Buffer.from(csv).toString('base64'));
    expect(summary).toMatchObject({ created: 1, merged: 1 });
    const [only] = ctx.db.prepare('SELECT id FROM people').all() as { id: number }[];
    expect(getPerson(ctx, only?.id ?? 0).phones).toEqual([{ label: '', number: '717 555 0100', kinds: [] }]);
    expectSearchInStep(ctx);
  });

  it('remembers the column mapping of a CSV it does not know, for the same columns next time', async () => {
    const ctx = await openTestContext();
    const csv = Buffer.from('Vorname,Nachname,Firma,Kontakt\r\nSören,Nüßle,Brauhaus,soeren@example.de\r\n').toString('base64');
    const first = previewImport(ctx, ImportRunInputSchema.parse({ fileName: 'x.csv', content: csv }));
    // "Kontakt" names no field, but its values are email addresses.
    expect(first).toMatchObject({ format: 'other', mappingRemembered: false, mapping: { Vorname: 'givenName', Nachname: 'familyName', Firma: 'organization', Kontakt: 'email' } });
    expect(first.rows[0]).toMatchObject({ name: 'Sören Nüßle', email: 'soeren@example.de' });
    const mapping = { Vorname: 'givenName', Nachname: 'familyName', Firma: 'organization', Kontakt: 'notes' };
    await run(ctx, 'x.csv', csv, { mapping });
    const again = previewImport(ctx, ImportRunInputSchema.parse({ fileName: 'y.csv', content: csv }));
    expect(again).toMatchObject({ mappingRemembered: true, mapping });
    expect(again.rows[0]).toMatchObject({ email: '' });
  });

  it('registers everyone in an Eventbrite report for a seminar, matching people already in the book; undo takes the registrations back', async () => {
    const ctx = await openTestContext();
    const seminar = createSeminar(ctx, SeminarInputSchema.parse({ title: 'Clients, Not Customers', date: '2031-03-01', startTime: '09:00', endTime: '12:00', timeZone: 'UTC' }));
    const known = createPerson(ctx, person({ givenName: 'John', familyName: 'Doe', emails: [{ label: '', address: 'jdoe1@test1mail.com' }] }));
    const summary = await run(ctx, 'attendees.csv', corpusFile('eventbrite-csv/eb2ez_attendee_report_custom_questions.csv'), { seminarId: seminar.id });
    expect(summary).toMatchObject({ created: 2, merged: 1, registered: 3 });
    const registered = listRegistrations(ctx, seminar.id);
    expect(registered.map((r) => r.personId)).toContain(known.id);
    expect(registered.every((r) => r.source === 'imported')).toBe(true);
    expect(undoImport(ctx, summary.importId)).toMatchObject({ removed: 2, unregistered: 3 });
    expect(listRegistrations(ctx, seminar.id)).toEqual([]);
  });

  it('rolls back everything when cancelled, and reports progress as it goes', async () => {
    const ctx = await openTestContext();
    const file = readImportFile('LargeFile.vcf', new Uint8Array(fs.readFileSync(path.join(CORPUS, 'vcard/folkerkinzel_LargeFile.vcf'))));
    const seen: number[] = [];
    const job = { fileName: 'LargeFile.vcf', file, duplicates: 'merge' as const, byLine: {}, seminarId: null, mode: 'in_person' as const, backup: 'x' };
    expect(() => applyImport(ctx, job, { progress: (done) => seen.push(done), cancelled: () => seen.length > 2 })).toThrow(/cancelled; nothing was imported/);
    expect(count(ctx, 'SELECT count(*) AS n FROM people')).toBe(0);
    expect(count(ctx, 'SELECT count(*) AS n FROM imports')).toBe(0);
    // Cancelled late (after several committed steps), it still leaves nothing.
    seen.length = 0;
    expect(() => applyImport(ctx, job, { progress: (done) => seen.push(done), cancelled: () => (seen.at(-1) ?? 0) > 1000 })).toThrow(/cancelled/);
    expect(count(ctx, 'SELECT count(*) AS n FROM people')).toBe(0);
    seen.length = 0;
    applyImport(ctx, job, { progress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= (seen[i - 1] as number))).toBe(true);
    expect(seen.length).toBeGreaterThan(4);
    expect(importProgress()).toEqual({ running: false, done: 0, total: 0 });
    expect(cancelImport()).toEqual({ cancelling: false });
  });
});

describe('merging two people', () => {
  it('keeps the details chosen field by field, combines emails, phones and tags, and moves every record to the one kept', async () => {
    const ctx = await openTestContext();
    const a = createPerson(ctx, person({ givenName: 'Ann', familyName: 'Lee', organization: 'Acme', emails: [{ label: '', address: 'ann@acme.com' }], tags: ['Client'] }));
    const b = createPerson(ctx, person({ givenName: 'Ann', familyName: 'Lee-Park', organization: 'Acme', role: 'Owner', emails: [{ label: '', address: 'ann@home.com' }, { label: '', address: 'ANN@acme.com' }], tags: ['Speaker'] }));
    const seminar = createSeminar(ctx, SeminarInputSchema.parse({ title: 'Spring', date: '2031-03-01', startTime: '09:00', endTime: '12:00', timeZone: 'UTC' }));
    registerPeople(ctx, seminar.id, [a.id, b.id], 'in_person');
    logInteraction(ctx, InteractionInputSchema.parse({ personId: b.id, kind: 'meal', on: '2026-01-05' }));
    createFollowUp(ctx, FollowUpInputSchema.parse({ personId: b.id, what: 'Send the replay', kind: 'message', dueOn: '2031-03-05' }));
    expect(likelyDuplicates(ctx)).toEqual([{ reason: 'email', first: expect.objectContaining({ id: a.id }), second: expect.objectContaining({ id: b.id }) }]);

    await expect(mergePeople(ctx, a.id, a.id, {})).rejects.toThrow(/two different people/);
    expect(listBackups(ctx.store.dataDir).some((x) => x.reason === 'before-merge')).toBe(false);
    const kept = await mergePeople(ctx, a.id, b.id, { name: 'other' });
    expect(listBackups(ctx.store.dataDir).filter((x) => x.reason === 'before-merge')).toHaveLength(1);
    expect(kept).toMatchObject({ familyName: 'Lee-Park', role: 'Owner', organization: 'Acme', tags: ['Client', 'Speaker'] });
    expect(kept.emails.map((e) => e.address)).toEqual(['ann@acme.com', 'ann@home.com']);
    expect(() => getPerson(ctx, b.id)).toThrow(/not found/);
    expect(count(ctx, `SELECT count(*) AS n FROM interactions WHERE person_id = ${a.id}`)).toBe(1);
    expect(count(ctx, `SELECT count(*) AS n FROM follow_ups WHERE person_id = ${a.id}`)).toBe(1);
    expect(listRegistrations(ctx, seminar.id).map((r) => r.personId)).toEqual([a.id]);
    expect(likelyDuplicates(ctx)).toEqual([]);
    expect(ctx.db.pragma('foreign_key_check')).toEqual([]);
    expectSearchInStep(ctx);
  });

  it('undoing an import after someone it created was merged into a person already in the book leaves that person alone', async () => {
    const ctx = await openTestContext();
    const ann = createPerson(ctx, person({ givenName: 'Ann', familyName: 'Lee', emails: [{ label: '', address: 'ann@acme.com' }] }));
    const csv = Buffer.from('First Name,Last Name,Email\r\nAnnie,Lee,annie@home.com\r\n').toString('base64');
    const summary = await run(ctx, 'x.csv', csv);
    const [created] = ctx.db.prepare('SELECT id FROM people WHERE id != ?').all(ann.id) as { id: number }[];
    await mergePeople(ctx, ann.id, created?.id ?? 0, {});
    expect(undoImport(ctx, summary.importId)).toEqual({ removed: 0, restored: 0, unregistered: 0, kept: 0 });
    expect(getPerson(ctx, ann.id).emails.map((e) => e.address)).toEqual(['ann@acme.com', 'annie@home.com']);
  });
});

describe('round trip', () => {
  const comparable = (p: PersonData) => ({
    name: [p.givenName, p.familyName, p.displayName],
    organization: p.organization,
    role: p.role,
    emails: p.emails.map((e) => e.address),
    phones: p.phones.map((x) => x.number),
    address: p.address,
    website: p.website,
    linkedin: p.linkedin,
    tags: p.tags,
    notes: p.notes,
  });
  const everyone = (ctx: CoreContext) =>
    (ctx.db.prepare('SELECT id FROM people').all() as { id: number }[])
      .map((r) => comparable(getPerson(ctx, r.id)))
      .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));

  it('the sample book’s full export imports into an empty book with every row of every table', async () => {
    const source = await openTestContext();
    loadSampleData(source);
    // The sample has no photo and an empty trash: one of each, so those tables travel too.
    setPhoto(source, 1, 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', true);
    trashOwned(source, 'interaction', (source.db.prepare('SELECT min(id) AS id FROM interactions').get() as { id: number }).id);
    const exported = exportFull(source, true);
    const target = await openTestContext();
    const result = await importFullExport(target, Buffer.from(exported.content).toString('base64'));
    expect(result.people).toBe(exported.count);
    // Search ranks are handed out afresh, and the export's own time differs; every other value must come back.
    const tablesOf = (ctx: CoreContext) => {
      const doc = JSON.parse(exportFull(ctx, true).content) as { tables: Record<string, Record<string, unknown>[]> };
      for (const row of doc.tables.people ?? []) delete row.search_rank;
      doc.tables.settings = (doc.tables.settings ?? []).filter((r) => r.key !== 'standing.asOf');
      return doc.tables;
    };
    const before = tablesOf(source);
    expect(Object.values(before).every((rows) => rows.length > 0)).toBe(true);
    expect(tablesOf(target)).toEqual(before);
    expectSearchInStep(target);
    expect(listPeople(target, PeopleListInput.parse({ query: '田中' })).total).toBe(listPeople(source, PeopleListInput.parse({ query: '田中' })).total);
    await expect(importFullExport(target, Buffer.from(exported.content).toString('base64'))).rejects.toThrow(/empty book only/);
    await expect(importFullExport(target, Buffer.from('{"format":"other"}').toString('base64'))).rejects.toThrow(/not a Rapport full export/);
  });

  it('the sample book exported as vCard 4.0 imports into an empty book with nothing lost', async () => {
    const source = await openTestContext();
    loadSampleData(source);
    const vcf = exportVCards(source, { personIds: null, includePersonal: true });
    const target = await openTestContext();
    const summary = await run(target, vcf.filename, Buffer.from(vcf.content).toString('base64'), { duplicates: 'create' });
    expect(summary.created).toBe(vcf.count);
    expect(everyone(target)).toEqual(everyone(source));
  });
});
