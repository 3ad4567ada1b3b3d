import { describe, expect, it } from 'vitest';
import { PeopleListInput } from '../../shared/contract';
import { appInfo } from '../../electron/core/services/app-info';
import { listPeople, listTags } from '../../electron/core/services/people';
import { loadSampleData } from '../../electron/core/services/sample';
import { openTestContext } from '../helpers/store';

describe('sample data', () => {
  it('loads a varied book of at least 300 people, once', async () => {
    const ctx = await openTestContext();
    const { people } = loadSampleData(ctx);
    expect(people).toBeGreaterThanOrEqual(300);
    const info = appInfo(ctx);
    expect(info.peopleCount).toBe(people);
    expect(info.sampleLoadedAt).not.toBeNull();
    expect(listTags(ctx).length).toBeGreaterThanOrEqual(8);
    const find = (query: string) => listPeople(ctx, PeopleListInput.parse({ query })).total;
    expect(find('田中')).toBeGreaterThan(0); // non-Latin scripts
    expect(find('nunez') + find('alvarez') + find('muller')).toBeGreaterThan(0); // accents
    expect(find('ann lee')).toBe(2); // namesakes told apart by organization
    expect(() => loadSampleData(ctx)).toThrow(/already/);
    expect(appInfo(ctx).peopleCount).toBe(people);
  });
});
