import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { applyImport, undoImport, type ImportHooks } from '../../electron/core/import/apply';
import { readImportFile } from '../../electron/core/import/read';
import { checkIn } from '../../electron/core/services/checkin';
import { createPerson, getPerson, getPersonData, updatePerson } from '../../electron/core/services/people';
import { logInteraction } from '../../electron/core/services/relationships';
import { createSeminar } from '../../electron/core/services/seminars';
import { PersonInputSchema, type PersonData } from '../../shared/domain/person';
import { InteractionInputSchema } from '../../shared/domain/relationship';
import { SeminarInputSchema } from '../../shared/domain/seminar';
import { AppError } from '../../shared/errors';
import { openTestContext } from '../helpers/store';

/**
 * An import is visible while it runs (it writes in short steps), so the desk may use what it has
 * written so far: check someone in, add a note, log a call, add a walk-in. Whatever ends the import
 * — cancel, or undo once it is done — takes back exactly what nobody else touched, and keeps every
 * write the desk made. Generated interleavings: the desk writes between the import's steps.
 */
type DeskWrite =
  | { kind: 'walk-in' }
  | { kind: 'edit-imported'; pick: number }
  | { kind: 'call-imported'; pick: number }
  | { kind: 'edit-merged'; pick: number }
  | { kind: 'check-in'; pick: number };

const deskWrite: fc.Arbitrary<DeskWrite> = fc.oneof(
  fc.constant({ kind: 'walk-in' as const }),
  fc.record({ kind: fc.constant('edit-imported' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('call-imported' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('edit-merged' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('check-in' as const), pick: fc.nat() }),
);

const count = (ctx: CoreContext, sql: string, ...args: unknown[]) => (ctx.db.prepare(sql).get(...args) as { n: number }).n;
const ids = (ctx: CoreContext, sql: string) => (ctx.db.prepare(sql).all() as { id: number }[]).map((r) => r.id);

function csv(rows: number): Uint8Array {
  const lines = ['First Name,Last Name,Company,E-mail Address,Mobile Phone'];
  // The first `known` rows are people already in the book (same email): merged, gaining a company and a phone.
  for (let i = 0; i < rows; i++) lines.push(`Imp${i},Fam${i % 97},Company ${i},imp${i}@example.com,+1 717 555 ${String(i).padStart(4, '0')}`);
  return new TextEncoder().encode(lines.join('\r\n'));
}

describe('an import taken back while the desk keeps writing', () => {
  it('keeps every write of the desk and takes back everything else the import did (generated interleavings)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 300, max: 2500 }),
        fc.integer({ min: 0, max: 15 }),
        fc.boolean(),
        fc.array(deskWrite, { minLength: 1, maxLength: 12 }),
        fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
        async (rows, known, withSeminar, writes, cancelAtStep) => {
          const ctx = await openTestContext();
          const originals = new Map<number, PersonData>();
          for (let k = 0; k < known; k++) {
            const p = createPerson(ctx, PersonInputSchema.parse({ givenName: 'Old', familyName: `K${k}`, emails: [{ label: '', address: `imp${k}@example.com` }] }));
            originals.set(p.id, getPersonData(ctx, p.id));
          }
          const seminar = withSeminar
            ? createSeminar(ctx, SeminarInputSchema.parse({ title: 'Spring', date: '2031-03-01', startTime: '09:00', endTime: '12:00', timeZone: 'UTC' })).id
            : null;
          const file = readImportFile('people.csv', csv(rows));
          const job = { fileName: 'people.csv', file, duplicates: 'merge' as const, byLine: {}, seminarId: seminar, mode: 'in_person' as const, backup: '' };

          // What the desk did, to be found afterwards.
          const walkIns: number[] = [];
          const kept = new Map<number, string>(); // person id → the note the desk left
          const called: number[] = [];
          const checkedIn: number[] = [];
          let step = 0;
          let cursor = 0;
          let cancel = false;
          const desk = (w: DeskWrite) => {
            const imported = ids(ctx, "SELECT id FROM people WHERE given_name LIKE 'Imp%' ORDER BY id");
            const merged = [...originals.keys()].filter((id) => getPersonData(ctx, id).organization !== '');
            if (w.kind === 'walk-in') walkIns.push(createPerson(ctx, PersonInputSchema.parse({ givenName: `Walk-in ${walkIns.length}` })).id);
            else if ((w.kind === 'edit-imported' && imported.length) || (w.kind === 'edit-merged' && merged.length)) {
              const pool = w.kind === 'edit-imported' ? imported : merged;
              const id = pool[w.pick % pool.length] as number;
              const note = `Desk note ${step}`;
              updatePerson(ctx, id, getPerson(ctx, id).version, { ...getPersonData(ctx, id), notes: note });
              kept.set(id, note);
            } else if (w.kind === 'call-imported' && imported.length) {
              const id = imported[w.pick % imported.length] as number;
              logInteraction(ctx, InteractionInputSchema.parse({ personId: id, kind: 'call', on: '2026-01-05' }));
              called.push(id);
            } else if (w.kind === 'check-in') {
              const open = ids(ctx, "SELECT r.id FROM registrations r JOIN import_registrations ir ON ir.registration_id = r.id WHERE r.state = 'registered' ORDER BY r.id");
              if (open.length) {
                const id = open[w.pick % open.length] as number;
                checkIn(ctx, id);
                checkedIn.push(id);
              }
            }
          };
          const hooks: ImportHooks = {
            between: () => {
              step++;
              const w = writes[cursor++];
              if (w) desk(w);
              if (cancelAtStep !== null && step > cancelAtStep) cancel = true;
            },
            cancelled: () => cancel,
          };

          let importId: number | null = null;
          try {
            importId = applyImport(ctx, job, hooks).importId;
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe('cancelled');
          }
          if (importId !== null) {
            // It finished: the desk keeps writing between the undo's steps too.
            const undone = undoImport(ctx, importId, {
              between: () => {
                const w = writes[cursor++];
                if (w) desk(w);
              },
            });
            expect(undone.kept).toBeGreaterThanOrEqual(0);
          }

          // Every write of the desk is there.
          for (const id of walkIns) expect(getPersonData(ctx, id).givenName).toMatch(/^Walk-in/);
          for (const [id, note] of kept) expect(getPersonData(ctx, id).notes).toBe(note);
          for (const id of called) expect(count(ctx, 'SELECT count(*) AS n FROM interactions WHERE person_id = ?', id)).toBeGreaterThan(0);
          for (const id of checkedIn) expect(count(ctx, "SELECT count(*) AS n FROM registrations WHERE id = ? AND state = 'checked_in'", id)).toBe(1);
          // Everything else of the import is gone: people it created that nobody touched, its registrations, its merges.
          const touched = new Set([...kept.keys(), ...called, ...ids(ctx, `SELECT person_id AS id FROM registrations WHERE id IN (${checkedIn.join(',') || 0})`)]);
          const importedLeft = ids(ctx, "SELECT id FROM people WHERE given_name LIKE 'Imp%'");
          expect(importedLeft.filter((id) => !touched.has(id))).toEqual([]);
          for (const [id, before] of originals) {
            if (!kept.has(id)) expect(getPersonData(ctx, id)).toEqual(before);
          }
          expect(count(ctx, "SELECT count(*) AS n FROM registrations WHERE state = 'registered' AND id IN (SELECT registration_id FROM import_registrations)")).toBe(0);
          expect(count(ctx, "SELECT count(*) AS n FROM imports WHERE state != 'done'")).toBe(0);
          // And the book is sound: one search row per person, references whole.
          ctx.db.prepare("INSERT INTO people_search (people_search) VALUES ('integrity-check')").run();
          expect(count(ctx, 'SELECT count(*) AS n FROM people_search')).toBe(count(ctx, 'SELECT count(*) AS n FROM people'));
          expect(ctx.db.pragma('foreign_key_check')).toEqual([]);
          expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
        },
      ),
      { numRuns: 20 },
    );
  }, 300_000);
});
