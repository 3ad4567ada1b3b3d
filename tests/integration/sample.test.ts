import { describe, expect, it } from 'vitest';
import { PeopleListInput, SeminarListInput } from '../../shared/contract';
import { formatSeminarHours } from '../../shared/domain/seminar';
import { getSeminar, listSeminars } from '../../electron/core/services/seminars';
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
    const [past] = listSeminars(ctx, SeminarListInput.parse({ when: 'past' }));
    expect(past?.title).toBe('Become a Master Networker');
    const counts = getSeminar(ctx, past?.id ?? 0).counts;
    expect(counts).toMatchObject({ registered: 120, checkedIn: 88, walkIns: 6, noShows: 32, expected: 0 });
    expect(counts.checkedInStream).toBeGreaterThan(0);
    expect(formatSeminarHours(past?.startsAt ?? '', past?.endsAt ?? '', 'America/New_York').replace(/\s+/g, ' ')).toBe('9:00 AM – 12:00 PM Eastern Time');
    const [upcoming] = listSeminars(ctx, SeminarListInput.parse({ when: 'upcoming' }));
    expect(upcoming).toMatchObject({ title: 'Clients, Not Customers', registered: 38, checkedIn: 0 });
    expect(appInfo(ctx).peopleCount).toBe(people);
  });
});
