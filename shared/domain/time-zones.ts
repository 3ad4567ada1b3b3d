import { foldText } from './names';

/**
 * Time zones as people look for them: by city ("New York"), by the name of the zone ("Eastern",
 * "Central European") and by its abbreviation ("EST", "CET"), from the browser's Intl data — not a
 * hand-made table. Each IANA zone gets the words it can be found by and a label to show.
 */
export interface ZoneEntry {
  id: string;
  /** "Eastern Time · New York" */
  label: string;
  /** Folded words it is found by. */
  keys: string;
}

const AT = new Date(Date.UTC(2026, 0, 15));
const SUMMER = new Date(Date.UTC(2026, 6, 15));

function zoneName(id: string, locale: string, style: Intl.DateTimeFormatOptions['timeZoneName'], at: Date): string {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone: id, timeZoneName: style }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

export function zoneEntry(id: string): ZoneEntry {
  const city = id.split('/').slice(1).join(' ').replace(/_/g, ' ');
  const generic = zoneName(id, 'en-US', 'longGeneric', AT);
  const names = [
    generic,
    zoneName(id, 'en-US', 'long', AT),
    zoneName(id, 'en-US', 'long', SUMMER),
    zoneName(id, 'en-US', 'short', AT),
    zoneName(id, 'en-US', 'short', SUMMER),
    zoneName(id, 'en-GB', 'short', AT),
    zoneName(id, 'en-GB', 'short', SUMMER),
    zoneName(id, 'en-US', 'shortGeneric', AT),
  ];
  return {
    id,
    label: [generic && !/^GMT/.test(generic) ? generic : '', city].filter(Boolean).join(' · ') || id,
    keys: foldText([id.replace(/[/_]/g, ' '), city, ...names].join(' | ')),
  };
}

let known: Map<string, ZoneEntry> | null = null;

/** Every zone the runtime knows, plus UTC and any zone already chosen (the canonical list leaves out aliases). Read once. */
export function zoneEntries(extra: string[] = []): ZoneEntry[] {
  known ??= new Map([...Intl.supportedValuesOf('timeZone'), 'UTC'].map((id) => [id, zoneEntry(id)]));
  const all = known;
  extra.filter((id) => !all.has(id)).forEach((id) => all.set(id, zoneEntry(id)));
  return [...all.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Whether every typed word begins a word the zone is found by ("new york", "eastern", "cet"). */
export function zoneMatches(entry: ZoneEntry, search: string): boolean {
  const words = foldText(search).split(/[^\p{L}\p{N}+-]+/u).filter(Boolean);
  if (words.length === 0) return true;
  const keys = entry.keys.split(/[^\p{L}\p{N}+-]+/u);
  return words.every((w) => keys.some((k) => k.startsWith(w)));
}
