import type Database from 'better-sqlite3';
import { foldText, personName, searchTokens, type NameParts } from '../../../shared/domain/names';
import type { MatchReason } from '../../../shared/domain/merge';
import type { PersonData } from '../../../shared/domain/person';
import { phoneKey, type PhoneRegion } from '../../../shared/domain/phone';
import { stmt } from '../db/statements';
import { phoneRegion } from '../services/phones';


export interface BookMatch {
  id: number;
  reason: MatchReason;
}

type Matchable = NameParts & Pick<PersonData, 'organization'> & { emails: { address: string }[]; phones: { number: string }[] };

interface Keys {
  emails: string[];
  phones: string[];
  name: string;
  org: string;
}


/** Name words in any order, folded: "Doe, John" and "john doe" are one name. */
const nameKey = (p: NameParts) => searchTokens(personName(p)).sort().join(' ');

/**
 * Near misses are looked for only among names at the same organisation whose words start alike
 * ("jonathan smith" / "jonathon smith": "jo sm"), so a big organisation is not compared name by name.
 */
const nameBlock = (org: string, name: string) => `${org}\u241f${name
  .split(' ')
  .map((w) => w.slice(0, 2))
  .join(' ')}`;

/** Edit distance, stopping early once it passes `limit` (names are short, and only near misses matter). */
function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > limit) return false;
    prev = row;
  }
  return (prev[b.length] as number) <= limit;
}

/** A typo's worth of difference, more for longer names ("Jon Smith" / "John Smith"). */
const similarNames = (a: string, b: string) => a === b || (a.length >= 6 && withinEdits(a, b, a.length >= 12 ? 2 : 1));

/**
 * The book as the matcher sees it, held in memory for one import (or one duplicates review):
 * who has each email and phone, and the names at each organisation. People added during the
 * import are added here too, so a file that lists someone twice matches itself.
 */
export class BookIndex {
  private readonly emails = new Map<string, number>();
  private readonly phones = new Map<string, number>();
  /** Names by organisation and block (nameBlock). */
  private readonly atOrganization = new Map<string, { id: number; name: string }[]>();

  /** Numbers without a country code are read in the owner's region (Settings), as the book's own keys were. */
  private constructor(private readonly region: PhoneRegion) {}

  static load(db: Database.Database): BookIndex {
    const index = new BookIndex(phoneRegion(db));
    for (const r of stmt<[], { id: number; key: string }>(db, 'SELECT person_id AS id, address_key AS key FROM person_emails ORDER BY person_id').iterate()) {
      if (!index.emails.has(r.key)) index.emails.set(r.key, r.id);
    }
    for (const r of stmt<[], { id: number; key: string }>(db, "SELECT person_id AS id, phone_key AS key FROM person_phones WHERE phone_key != '' ORDER BY person_id").iterate()) {
      if (!index.phones.has(r.key)) index.phones.set(r.key, r.id);
    }
    const named = stmt<[], { id: number; g: string; f: string; d: string; org: string }>(
      db,
      "SELECT id, given_name AS g, family_name AS f, display_name AS d, organization_key AS org FROM people WHERE organization_key != '' ORDER BY id",
    );
    for (const r of named.iterate()) index.addName(r.id, nameKey({ givenName: r.g, familyName: r.f, displayName: r.d }), r.org);
    return index;
  }

  private addName(id: number, name: string, org: string): void {
    if (!name || !org) return;
    const block = nameBlock(org, name);
    const list = this.atOrganization.get(block) ?? [];
    list.push({ id, name });
    this.atOrganization.set(block, list);
  }

  /** An import matches a person and then adds them: their keys are worked out once. */
  private readonly keyCache = new WeakMap<Matchable, Keys>();

  private keys(p: Matchable): Keys {
    let keys = this.keyCache.get(p);
    if (!keys) {
      keys = {
        emails: p.emails.map((e) => e.address.toLowerCase()),
        phones: p.phones.map((ph) => phoneKey(ph.number, this.region)).filter(Boolean),
        name: nameKey(p),
        org: foldText(p.organization),
      };
      this.keyCache.set(p, keys);
    }
    return keys;
  }

  add(id: number, p: Matchable): void {
    const keys = this.keys(p);
    for (const e of keys.emails) if (!this.emails.has(e)) this.emails.set(e, id);
    for (const ph of keys.phones) if (!this.phones.has(ph)) this.phones.set(ph, id);
    this.addName(id, keys.name, keys.org);
  }

  /** Who in the book this person most likely is (email first, then phone, then name at the same organisation). */
  match(p: Matchable, except?: number): BookMatch | null {
    const { emails, phones, name, org } = this.keys(p);
    for (const e of emails) {
      const id = this.emails.get(e);
      if (id !== undefined && id !== except) return { id, reason: 'email' };
    }
    for (const ph of phones) {
      const id = this.phones.get(ph);
      if (id !== undefined && id !== except) return { id, reason: 'phone' };
    }
    const similar = org && name ? this.atOrganization.get(nameBlock(org, name))?.find((c) => c.id !== except && similarNames(c.name, name)) : undefined;
    return similar ? { id: similar.id, reason: 'name' } : null;
  }
}
