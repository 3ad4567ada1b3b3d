import samplePeople from '../../../resources/sample/people.json';
import { PersonInputSchema } from '../../../shared/domain/person';
import { AppError } from '../../../shared/errors';
import type { SampleLoadResult } from '../../../shared/contract';
import type { CoreContext } from '../context';
import { getSetting, setSetting } from './settings';
import { insertPerson } from './people';

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
      for (const p of people) insertPerson(ctx.db, p, at);
      setSetting(ctx, SAMPLE_LOADED_KEY, at);
      return { people: people.length };
    })
    .immediate();
}
