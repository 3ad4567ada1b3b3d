import samplePeople from '../../../resources/sample/people.json';
import sampleSeminars from '../../../resources/sample/seminars.json';
import { PersonInputSchema } from '../../../shared/domain/person';
import { SeminarInputSchema } from '../../../shared/domain/seminar';
import { AppError } from '../../../shared/errors';
import type { SampleLoadResult } from '../../../shared/contract';
import type { CoreContext } from '../context';
import { getSetting, setSetting } from './settings';
import { insertPerson } from './people';
import { createSeminar, registerPeople, setSeminarClosed } from './seminars';
import { stmt } from '../db/statements';

const SAMPLE_LOADED_KEY = 'sample.loadedAt';

export function sampleLoadedAt(ctx: CoreContext): string | null {
  return getSetting(ctx, SAMPLE_LOADED_KEY);
}

/** Adds the fictional sample book (resources/sample/) in one transaction, once per book. */
export function loadSampleData(ctx: CoreContext): SampleLoadResult {
  const people = samplePeople.map((p) => PersonInputSchema.parse(p));
  return ctx.db
    .transaction(() => {
      if (getSetting(ctx, SAMPLE_LOADED_KEY)) {
        throw new AppError('conflict', 'The sample data is already in this book.');
      }
      const at = ctx.now().toISOString();
      const ids = people.map((p) => insertPerson(ctx.db, p, at));
      const seminars = sampleSeminars.map((s) => addSampleSeminar(ctx, s, ids));
      setSetting(ctx, SAMPLE_LOADED_KEY, at);
      return { people: people.length, seminars: seminars.length };
    })
    .immediate();
}

type SampleSeminar = (typeof sampleSeminars)[number] & { date?: string; daysFromLoad?: number };

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * A sample seminar with a deterministic slice of the sample people registered: every n-th on the
 * live stream, the first `checkedIn` of them checked in (some as walk-ins), then closed if past.
 */
function addSampleSeminar(ctx: CoreContext, sample: SampleSeminar, personIds: number[]): number {
  const date = sample.date ?? isoDay(new Date(ctx.now().getTime() + (sample.daysFromLoad ?? 30) * 86_400_000));
  const seminar = createSeminar(ctx, SeminarInputSchema.parse({ ...sample, date }));
  const chosen = personIds.filter((_, i) => i % 2 === (sample.closed ? 0 : 1)).slice(0, sample.registrations);
  const stream = chosen.filter((_, i) => sample.streamEvery > 0 && i % sample.streamEvery === sample.streamEvery - 1);
  registerPeople(ctx, seminar.id, chosen.filter((id) => !stream.includes(id)), 'in_person');
  if (stream.length) registerPeople(ctx, seminar.id, stream, 'stream');
  const start = new Date(seminar.startsAt).getTime();
  chosen.slice(0, sample.checkedIn).forEach((personId, i) => {
    const arrived = new Date(start - 20 * 60_000 + i * 25_000).toISOString();
    const source = i >= sample.checkedIn - sample.walkIns ? 'walk_in' : 'ahead';
    stmt(
      ctx.db,
      "UPDATE registrations SET state = 'checked_in', checked_in_at = ?, source = ?, updated_at = ? WHERE seminar_id = ? AND person_id = ?",
    ).run(arrived, source, arrived, seminar.id, personId);
  });
  if (sample.closed) setSeminarClosed(ctx, seminar.id, true);
  return seminar.id;
}
