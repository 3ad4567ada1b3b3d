import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { createPerson, deletePerson, getPerson, getPersonData, updatePerson } from '../../electron/core/services/people';
import { PersonInputSchema } from '../../shared/domain/person';
import { openTestContext } from '../helpers/store';

/**
 * The search index is keyed by rank in name order. When the gap where a name belongs is used up,
 * only the ranks around it are spread out again — a write renumbers a few dozen people, not the
 * whole book (which, on 100,000 people, held the write lock for seconds).
 */
const rankOrder = (ctx: CoreContext) => ctx.db.prepare('SELECT id FROM people ORDER BY search_rank').all();
const nameOrder = (ctx: CoreContext) => ctx.db.prepare('SELECT id FROM people ORDER BY sort_key, id').all();
const ranks = (ctx: CoreContext) => new Map((ctx.db.prepare('SELECT id, search_rank AS r FROM people').all() as { id: number; r: number }[]).map((p) => [p.id, p.r]));

function expectSound(ctx: CoreContext): void {
  expect(rankOrder(ctx)).toEqual(nameOrder(ctx));
  ctx.db.prepare("INSERT INTO people_search (people_search) VALUES ('integrity-check')").run();
  const orphans = ctx.db.prepare('SELECT count(*) AS n FROM people p LEFT JOIN people_search s ON s.rowid = p.search_rank WHERE s.rowid IS NULL').get();
  expect(orphans).toEqual({ n: 0 });
  expect(ctx.db.prepare('SELECT count(*) AS n FROM people_search').get()).toEqual(ctx.db.prepare('SELECT count(*) AS n FROM people').get());
}

type Op = { kind: 'add'; name: string } | { kind: 'rename'; pick: number; name: string } | { kind: 'delete'; pick: number };

// Few names, so namesakes pile up in the same gaps (each after the last) and use them up; some others between.
const name = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b'), minLength: 1, maxLength: 2 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', 'm', 'z'), minLength: 1, maxLength: 4 }) },
);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('add' as const), name }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), name }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
);

describe('search ranks', () => {
  it('stay in name order, one search row each, through any adds, renames and deletes (generated)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 300 }), async (ops) => {
        const ctx = await openTestContext();
        const ids: number[] = [];
        for (const o of ops) {
          if (o.kind === 'add') ids.push(createPerson(ctx, PersonInputSchema.parse({ givenName: o.name })).id);
          else if (ids.length && o.kind === 'rename') {
            const id = ids[o.pick % ids.length] as number;
            updatePerson(ctx, id, getPerson(ctx, id).version, { ...getPersonData(ctx, id), givenName: o.name });
          } else if (ids.length && o.kind === 'delete') deletePerson(ctx, ids.splice(o.pick % ids.length, 1)[0] as number);
        }
        expectSound(ctx);
      }),
      { numRuns: 40 },
    );
  }, 300_000);

  it('a used-up gap is spread out around it only: people far from it keep their ranks', async () => {
    const ctx = await openTestContext();
    for (let i = 0; i < 400; i++) createPerson(ctx, PersonInputSchema.parse({ givenName: `Person ${String(i).padStart(4, '0')}` }));
    const before = ranks(ctx);
    // Names typed one after another into one gap, as walk-ins at a desk: the gap is halved each time.
    for (let i = 0; i < 80; i++) createPerson(ctx, PersonInputSchema.parse({ givenName: `Person 0200 walk-in ${String(i).padStart(3, '0')}` }));
    const after = ranks(ctx);
    const moved = [...before].filter(([id, r]) => after.get(id) !== r).length;
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(100);
    expectSound(ctx);
  });
});
