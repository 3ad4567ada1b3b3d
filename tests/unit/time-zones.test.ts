import { describe, expect, it } from 'vitest';
import { zoneEntries, zoneMatches } from '../../shared/domain/time-zones';

describe('finding a time zone as people name it', () => {
  const entries = zoneEntries();
  const found = (search: string) => entries.filter((e) => zoneMatches(e, search)).map((e) => e.id);

  it('by city, by zone name and by abbreviation', () => {
    expect(found('New York')).toContain('America/New_York');
    expect(found('Eastern')).toContain('America/New_York');
    expect(found('CET')).toContain('Europe/Paris');
    expect(found('Central European')).toContain('Europe/Berlin');
    expect(found('tokyo')).toEqual(['Asia/Tokyo']);
    expect(found('America/New_Y')).toEqual(['America/New_York']);
    expect(found('São Paulo')).toContain('America/Sao_Paulo');
  });

  it('labels a zone with its everyday name and city', () => {
    expect(entries.find((e) => e.id === 'America/New_York')?.label).toBe('Eastern Time · New York');
    expect(found('')).toHaveLength(entries.length);
    expect(found('zzzz')).toEqual([]);
  });
});
