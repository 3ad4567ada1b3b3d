import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { PeopleListInput } from '../../shared/contract';
import { PersonInputSchema, type PersonInput } from '../../shared/domain/person';
import { AppError } from '../../shared/errors';
import { createPerson, deletePerson, getPerson, listPeople, listTags, updatePerson } from '../../electron/core/services/people';
import type { CoreContext } from '../../electron/core/context';
import { openTestContext } from '../helpers/store';

const add = (ctx: CoreContext, p: PersonInput) => createPerson(ctx, PersonInputSchema.parse(p));
const search = (ctx: CoreContext, input: z.input<typeof PeopleListInput>) => listPeople(ctx, PeopleListInput.parse(input));
const names = (ctx: CoreContext, query: string) => search(ctx, { query }).items.map((p) => p.name);

async function smallBook() {
  const ctx = await openTestContext();
  add(ctx, { givenName: 'José', familyName: 'Álvarez', organization: 'Acme', emails: [{ address: 'jose@acme.com' }], tags: ['Speakers'] });
  add(ctx, { givenName: '太郎', familyName: '田中', organization: 'Tanaka Trading', tags: ['Small business'] });
  add(ctx, { givenName: 'Siobhan', familyName: "O'Brien", emails: [{ address: 'siobhan.obrien@gmail.com' }], tags: ['Speakers'] });
  add(ctx, { givenName: 'Ann', familyName: 'Lee', organization: 'Blue Ridge IT', phones: [{ number: '+1 717 555 0100' }] });
  add(ctx, { displayName: 'Zoë', organization: 'Álamo Bakery' });
  return ctx;
}

describe('people service', () => {
  it('stores and returns everything about a person', async () => {
    const ctx = await openTestContext();
    const created = add(ctx, {
      givenName: 'José',
      familyName: 'Álvarez',
      organization: 'Acme',
      role: 'Owner',
      emails: [
        { label: 'Work', address: 'jose@acme.com' },
        { label: 'Personal', address: 'jose.alvarez@gmail.com' },
      ],
      phones: [{ label: 'Mobile', number: '(717) 555-0100' }],
      address: { street: '1 Main Street', city: 'Mount Joy', region: 'PA', postalCode: '17552', country: 'United States' },
      website: 'acme.com',
      tags: ['Speakers', 'Referral partner'],
      notes: 'Wants to talk about referrals.',
      introduceAs: 'my friend José',
      howWeMet: 'Become a Master Networker',
    });
    const read = getPerson(ctx, created.id);
    expect(read).toEqual(created);
    expect(read.name).toBe('José Álvarez');
    expect(read.emails.map((e) => e.address)).toEqual(['jose@acme.com', 'jose.alvarez@gmail.com']);
    expect(read.tags).toEqual(['Referral partner', 'Speakers']);
    expect(read.website).toBe('https://acme.com');
    expect(read.address.city).toBe('Mount Joy');
  });

  it('finds people by any name part, organization or email, ignoring case and accents', async () => {
    const ctx = await smallBook();
    expect(names(ctx, 'jose')).toEqual(['José Álvarez']);
    expect(names(ctx, 'alv')).toEqual(['José Álvarez']);
    expect(names(ctx, 'ÁLVAREZ')).toEqual(['José Álvarez']);
    expect(names(ctx, '田中')).toEqual(['田中 太郎']);
    expect(names(ctx, '田中太郎')).toEqual(['田中 太郎']);
    expect(names(ctx, 'tanaka')).toEqual(['田中 太郎']);
    expect(names(ctx, 'obrien')).toEqual(["Siobhan O'Brien"]);
    expect(names(ctx, "o'bri")).toEqual(["Siobhan O'Brien"]);
    expect(names(ctx, 'siobhan.ob')).toEqual(["Siobhan O'Brien"]);
    expect(names(ctx, 'jose@acme')).toEqual(['José Álvarez']);
    expect(names(ctx, 'ala')).toEqual(['Zoë']);
    expect(names(ctx, 'jose lee')).toEqual([]);
    expect(names(ctx, 'nobody')).toEqual([]);
  });

  it('treats search text as words, never as query syntax', async () => {
    const ctx = await smallBook();
    for (const hostile of ['"', 'AND', 'a OR b', 'NEAR(', '*', '-', "' OR 1=1 --", '^jo']) {
      expect(() => search(ctx, { query: hostile })).not.toThrow();
    }
    expect(search(ctx, { query: '***' })).toEqual({ total: 0, offset: 0, items: [] });
  });

  it('filters by tag, sorts and pages', async () => {
    const ctx = await smallBook();
    expect(search(ctx, { tag: 'Speakers' }).items.map((p) => p.name)).toEqual(['José Álvarez', "Siobhan O'Brien"]);
    expect(search(ctx, {}).items.map((p) => p.name)).toEqual(['José Álvarez', 'Ann Lee', "Siobhan O'Brien", 'Zoë', '田中 太郎']);
    expect(search(ctx, { direction: 'desc' }).items[0]?.name).toBe('田中 太郎');
    const byOrg = search(ctx, { sort: 'organization' }).items.map((p) => p.organization);
    expect(byOrg).toEqual(['Acme', 'Álamo Bakery', 'Blue Ridge IT', 'Tanaka Trading', '']);
    const page = search(ctx, { offset: 2, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.items.map((p) => p.name)).toEqual(["Siobhan O'Brien", 'Zoë']);
    expect(listTags(ctx)).toEqual([
      { name: 'Small business', count: 1 },
      { name: 'Speakers', count: 2 },
    ]);
  });

  it('updates a person, their search entry and their tags', async () => {
    const ctx = await smallBook();
    const jose = search(ctx, { query: 'jose' }).items[0];
    if (!jose) throw new Error('José is missing');
    const before = getPerson(ctx, jose.id);
    updatePerson(ctx, jose.id, before.version, PersonInputSchema.parse({ ...before, organization: 'Globex', emails: [], tags: ['Board member'] }));
    const after = getPerson(ctx, jose.id);
    expect(after.organization).toBe('Globex');
    expect(after.tags).toEqual(['Board member']);
    expect(names(ctx, 'globex')).toEqual(['José Álvarez']);
    expect(names(ctx, 'acme')).toEqual([]);
    expect(names(ctx, 'jose@acme')).toEqual([]);
    expect(listTags(ctx).map((t) => t.name)).toEqual(['Board member', 'Small business', 'Speakers']);
  });

  it('deletes a person with everything that hangs off them', async () => {
    const ctx = await smallBook();
    const ann = search(ctx, { query: 'ann lee' }).items[0];
    if (!ann) throw new Error('Ann is missing');
    deletePerson(ctx, ann.id);
    expect(() => getPerson(ctx, ann.id)).toThrow(AppError);
    expect(names(ctx, 'ann')).toEqual([]);
    const leftovers = ctx.db
      .prepare('SELECT (SELECT count(*) FROM person_phones WHERE person_id = ?) + (SELECT count(*) FROM people_search WHERE rowid = ?) AS n')
      .get(ann.id, ann.id);
    expect(leftovers).toEqual({ n: 0 });
  });

  it('reports a missing person as not found', async () => {
    const ctx = await openTestContext();
    for (const act of [() => getPerson(ctx, 42), () => deletePerson(ctx, 42), () => updatePerson(ctx, 42, 1, PersonInputSchema.parse({ givenName: 'X' }))]) {
      try {
        act();
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe('not_found');
      }
    }
  });

  it('writes all of a person or nothing', async () => {
    const ctx = await openTestContext();
    // A real failure in the middle of the write: the tag insert is refused by the database.
    ctx.db.exec(`CREATE TRIGGER refuse_tag BEFORE INSERT ON tags WHEN NEW.name = 'Refused'
      BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    expect(() => add(ctx, { givenName: 'Half', emails: [{ address: 'half@example.com' }], tags: ['Refused'] })).toThrow(/refused/);
    const counts = ctx.db
      .prepare('SELECT (SELECT count(*) FROM people) AS people, (SELECT count(*) FROM person_emails) AS emails, (SELECT count(*) FROM people_search) AS search')
      .get();
    expect(counts).toEqual({ people: 0, emails: 0, search: 0 });
  });

  it('keeps the search index in name order even when a gap between ranks is used up', async () => {
    const ctx = await openTestContext();
    add(ctx, { givenName: 'Zed', familyName: 'Zimmer' });
    // Namesakes always land in the same gap; forty of them exhaust it and force a respacing.
    for (let i = 0; i < 40; i++) add(ctx, { givenName: 'Ann', familyName: 'Lee', organization: `Org ${i}` });
    add(ctx, { givenName: 'Bea', familyName: 'Lee' });
    const order = ctx.db.prepare('SELECT id FROM people ORDER BY sort_key, id').all();
    expect(ctx.db.prepare('SELECT id FROM people ORDER BY search_rank').all()).toEqual(order);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM people_search').get()).toEqual({ n: 42 });
    const lees = search(ctx, { query: 'lee', limit: 100 }).items;
    expect(lees).toHaveLength(41);
    expect(lees.map((p) => p.organization).slice(0, 3)).toEqual(['Org 0', 'Org 1', 'Org 2']);
    expect(lees.at(-1)?.name).toBe('Bea Lee');
    expect(names(ctx, 'zimmer')).toEqual(['Zed Zimmer']);
    // Renaming moves a person in name order and in the index.
    const zed = search(ctx, { query: 'zed' }).items[0];
    updatePerson(ctx, zed?.id ?? 0, getPerson(ctx, zed?.id ?? 0).version, PersonInputSchema.parse({ givenName: 'Zed', familyName: 'Aaronson' }));
    expect(search(ctx, { query: '', limit: 1 }).items[0]?.name).toBe('Zed Aaronson');
    expect(search(ctx, { query: 'a', limit: 1 }).items[0]?.name).toBe('Zed Aaronson');
    expect(ctx.db.prepare('SELECT id FROM people ORDER BY search_rank').all()).toEqual(ctx.db.prepare('SELECT id FROM people ORDER BY sort_key, id').all());
  });
});
