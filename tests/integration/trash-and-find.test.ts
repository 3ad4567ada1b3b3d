import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { dispatch } from '../../electron/core/api';
import { findAnything } from '../../electron/core/services/find';
import { createFollowUp, completeFollowUp } from '../../electron/core/services/followups';
import { createPerson, listPeople } from '../../electron/core/services/people';
import { logInteraction } from '../../electron/core/services/relationships';
import { loadSampleData } from '../../electron/core/services/sample';
import { listTrash, restoreFromTrash, trashOwned, trashPerson } from '../../electron/core/services/trash';
import { PeopleListInput } from '../../shared/contract';
import { FollowUpInputSchema } from '../../shared/domain/followup';
import { PersonInputSchema } from '../../shared/domain/person';
import { InteractionInputSchema } from '../../shared/domain/relationship';
import { openTestContext } from '../helpers/store';

type Row = Record<string, unknown>;

/** Every row of the book that names this person, table by table (ids and derived ranks left out of people). */
function rowsAbout(ctx: CoreContext, personId: number): Record<string, Row[]> {
  const refs = ctx.db
    .prepare(`SELECT m.name AS t, f."from" AS c FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f."table" = 'people' ORDER BY m.name, f."from"`)
    .all() as { t: string; c: string }[];
  const out: Record<string, Row[]> = {};
  for (const { t, c } of refs) out[`${t}.${c}`] = ctx.db.prepare(`SELECT * FROM ${t} WHERE "${c}" = ? ORDER BY 1, 2`).all(personId) as Row[];
  const person = ctx.db.prepare('SELECT * FROM people WHERE id = ?').get(personId) as Row | undefined;
  if (person) delete person.search_rank;
  out.people = person ? [person] : [];
  out.tags = ctx.db.prepare('SELECT t.name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.person_id = ? ORDER BY t.name').all(personId) as Row[];
  return out;
}

function integrity(ctx: CoreContext): void {
  for (const t of ['people_search', 'people_notes_search', 'interactions_search', 'needs_search']) ctx.db.exec(`INSERT INTO ${t} (${t}) VALUES ('integrity-check')`);
  expect(ctx.db.pragma('foreign_key_check')).toEqual([]);
}

const search = (ctx: CoreContext, query: string) => listPeople(ctx, PeopleListInput.parse({ query })).items.map((p) => p.id);

describe('the trash', () => {
  it('a deleted person comes back whole — touches, follow-ups, registrations, needs, tags, links — and findable again', async () => {
    const ctx = await openTestContext();
    loadSampleData(ctx);
    // The person with the most records about them.
    const { id } = ctx.db
      .prepare(
        `SELECT p.id, (SELECT count(*) FROM interactions WHERE person_id = p.id) + (SELECT count(*) FROM registrations WHERE person_id = p.id)
           + (SELECT count(*) FROM follow_ups WHERE person_id = p.id) + (SELECT count(*) FROM needs WHERE person_id = p.id) AS n
         FROM people p ORDER BY n DESC LIMIT 1`,
      )
      .get() as { id: number };
    const before = rowsAbout(ctx, id);
    const name = String(before.people?.[0]?.family_name || before.people?.[0]?.given_name);
    expect(before['interactions.person_id']?.length).toBeGreaterThan(0);
    expect(search(ctx, name)).toContain(id);

    const { trashId } = trashPerson(ctx, id);
    expect(rowsAbout(ctx, id).people).toEqual([]);
    expect(search(ctx, name)).not.toContain(id);
    expect(listTrash(ctx)[0]).toMatchObject({ id: trashId, kind: 'person', personId: id });

    expect(restoreFromTrash(ctx, trashId)).toMatchObject({ kind: 'person', personId: id });
    const after = rowsAbout(ctx, id);
    // Standing columns are worked out again; everything else is as it was.
    expect(after).toEqual(before);
    expect(search(ctx, name)).toContain(id);
    expect(listTrash(ctx)).toEqual([]);
    integrity(ctx);
  });

  it('a person whose id was taken meanwhile comes back under a new one, their touches with them', async () => {
    const ctx = await openTestContext();
    const ann = createPerson(ctx, PersonInputSchema.parse({ givenName: 'Ann', tags: ['Dinner list'], notes: 'Runs marathons' }));
    logInteraction(ctx, InteractionInputSchema.parse({ personId: ann.id, kind: 'call', on: '2026-01-02', note: 'About the cellar' }));
    const { trashId } = trashPerson(ctx, ann.id);
    // SQLite hands the highest free id out again: Bob now has Ann's.
    const bob = createPerson(ctx, PersonInputSchema.parse({ givenName: 'Bob' }));
    expect(bob.id).toBe(ann.id);
    const { personId } = restoreFromTrash(ctx, trashId);
    expect(personId).not.toBe(ann.id);
    expect((dispatch(ctx, 'people.get', { id: personId }) as { ok: true; value: { name: string; tags: string[] } }).value).toMatchObject({ name: 'Ann', tags: ['Dinner list'] });
    expect(ctx.db.prepare('SELECT person_id FROM interactions').all()).toEqual([{ person_id: personId }]);
    expect(findAnything(ctx, 'cellar').hits.map((h) => h.type === 'interaction' && h.personId)).toEqual([personId]);
    expect(findAnything(ctx, 'marathons').hits.filter((h) => h.type === 'note').map((h) => h.id)).toEqual([personId]);
    integrity(ctx);
  });

  it('a deleted touch comes back and the follow-up it completed points at it again; a follow-up likewise', async () => {
    const ctx = await openTestContext();
    const ann = createPerson(ctx, PersonInputSchema.parse({ givenName: 'Ann' }));
    const f = createFollowUp(ctx, FollowUpInputSchema.parse({ personId: ann.id, what: 'Call her', kind: 'call', dueOn: null }));
    const { interaction } = completeFollowUp(ctx, f.id, true, 'Done');
    const t = trashOwned(ctx, 'interaction', interaction?.id ?? 0);
    expect(ctx.db.prepare('SELECT interaction_id FROM follow_ups').get()).toEqual({ interaction_id: null });
    restoreFromTrash(ctx, t.trashId);
    expect(ctx.db.prepare('SELECT interaction_id FROM follow_ups').get()).toEqual({ interaction_id: interaction?.id });
    const g = trashOwned(ctx, 'follow_up', f.id);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM follow_ups').get()).toEqual({ n: 0 });
    restoreFromTrash(ctx, g.trashId);
    expect(ctx.db.prepare('SELECT id, what FROM follow_ups').all()).toEqual([{ id: f.id, what: 'Call her' }]);
    // A touch of someone deleted since cannot come back before they do.
    const t2 = trashOwned(ctx, 'interaction', interaction?.id ?? 0);
    const p = trashPerson(ctx, ann.id);
    expect(dispatch(ctx, 'trash.restore', { id: t2.trashId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    restoreFromTrash(ctx, p.trashId);
    restoreFromTrash(ctx, t2.trashId);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM interactions').get()).toEqual({ n: 1 });
  });

  it('keeps what was deleted for 30 days, then lets it go', async () => {
    const ctx = await openTestContext();
    const ann = createPerson(ctx, PersonInputSchema.parse({ givenName: 'Ann' }));
    trashPerson(ctx, ann.id);
    const realNow = ctx.now;
    ctx.now = () => new Date(realNow().getTime() + 29 * 86_400_000);
    expect(listTrash(ctx)).toHaveLength(1);
    ctx.now = () => new Date(realNow().getTime() + 31 * 86_400_000);
    expect(listTrash(ctx)).toEqual([]);
  });

  it('any sequence of deletes and put-backs leaves the book as consistent as before', async () => {
    const ctx = await openTestContext();
    loadSampleData(ctx);
    const ids = (ctx.db.prepare('SELECT id FROM people ORDER BY id LIMIT 12').all() as { id: number }[]).map((r) => r.id);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...ids), { minLength: 1, maxLength: 4 }), async (chosen) => {
        const unique = [...new Set(chosen)].filter((id) => ctx.db.prepare('SELECT 1 FROM people WHERE id = ?').get(id));
        const before = unique.map((id) => rowsAbout(ctx, id));
        const trashIds = unique.map((id) => trashPerson(ctx, id).trashId);
        for (const t of trashIds.reverse()) restoreFromTrash(ctx, t);
        expect(unique.map((id) => rowsAbout(ctx, id))).toEqual(before);
        integrity(ctx);
      }),
      { numRuns: 6 },
    );
  });
});

describe('find anything', () => {
  it('finds people by a word of a note, a phone typed with other separators, a tag, a need, a touch, a seminar', async () => {
    const ctx = await openTestContext();
    const ann = createPerson(
      ctx,
      PersonInputSchema.parse({ givenName: 'Ann', familyName: 'Lee', notes: 'Training for the Boston marathon', phones: [{ number: '+1 (717) 546-1234' }], tags: ['Bookkeepers'] }),
    );
    createPerson(ctx, PersonInputSchema.parse({ givenName: 'Bob', phones: [{ number: '717.999.0000' }] }));
    expect(dispatch(ctx, 'needs.add', { personId: ann.id, what: 'A bookkeeper', problem: 'Taxes always late' })).toMatchObject({ ok: true });
    logInteraction(ctx, InteractionInputSchema.parse({ personId: ann.id, kind: 'meal', on: '2026-01-02', note: 'Talked about her café in Lancaster' }));

    const people = (q: string) => [...new Set(findAnything(ctx, q).hits.filter((h) => 'personId' in h).map((h) => (h as { personId: number }).personId))];
    expect(people('marathon')).toEqual([ann.id]);
    expect(people('MARATH')).toEqual([ann.id]);
    expect(people('717 546')).toEqual([ann.id]);
    expect(people('717-546-12')).toEqual([ann.id]);
    expect(people('(717) 5461234')).toEqual([ann.id]);
    expect(people('1 717 546 1234')).toEqual([ann.id]);
    expect(findAnything(ctx, 'bookkeeper').hits.map((h) => h.type)).toEqual(expect.arrayContaining(['tag', 'need']));
    expect(people('cafe lancaster')).toEqual([ann.id]);
    expect(people('Lee')).toEqual([ann.id]);
    expect(findAnything(ctx, '').hits).toEqual([]);
    // Words with FTS syntax are searched as words, never as a query language.
    for (const odd of ['"', 'NOT', 'a OR b', '*', 'name:ann', '(', '%', '_']) expect(() => findAnything(ctx, odd)).not.toThrow();
  });

  it('answers any typed text without failing', async () => {
    const ctx = await openTestContext();
    createPerson(ctx, PersonInputSchema.parse({ givenName: 'Ann', notes: 'x' }));
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (q) => {
        expect(dispatch(ctx, 'find.anything', { query: q }).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
