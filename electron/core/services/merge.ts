import type Database from 'better-sqlite3';
import type { PersonData, Person } from '../../../shared/domain/person';
import type { DuplicatePair, MergeChoices, MergeField } from '../../../shared/domain/merge';
import { AppError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { exclusive } from '../jobs/exclusive';
import { backUp } from './backups';
import { stmt } from '../db/statements';
import { BookIndex } from '../import/matching';
import { DEFAULT_PHONE_REGION, phoneKey, type PhoneRegion } from '../../../shared/domain/phone';
import { phoneRegion } from './phones';
import { getPerson, getPersonData, removePerson, rewritePerson } from './people';
import { refreshStanding } from './standing';
import { shareTicketsBeforeMerge } from './platform-tickets';

/** Lists in both, each entry once (the survivor's first), as the schema allows. */
function union<T>(a: T[], b: T[], key: (t: T) => string, max: number): T[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((t) => !seen.has(key(t)) && seen.add(key(t)))].slice(0, max);
}

/** One number written two ways ("(717) 555-0142", "+1 717 555 0142") is one phone; text no number is kept as it is. */
function combinedLists(keep: PersonData, other: PersonData, region: PhoneRegion): Pick<PersonData, 'emails' | 'phones' | 'tags'> {
  const samePhone = (p: { number: string }) => phoneKey(p.number, region) || p.number;
  return {
    emails: union(keep.emails, other.emails, (e) => e.address.toLowerCase(), 20),
    phones: union(keep.phones, other.phones, samePhone, 20),
    tags: union(keep.tags, other.tags, (t) => t.toLowerCase(), 50),
  };
}

/**
 * What an import's "merge" makes of someone already in the book: what the book knows (the name
 * first) stays,
 * blanks are filled from the file, new emails, phones and tags are added, a new note is appended.
 */
export function fillFrom(existing: PersonData, incoming: PersonData, region: PhoneRegion = DEFAULT_PHONE_REGION): PersonData {
  const pick = (a: string, b: string) => (a.trim() ? a : b);
  const noteAdded = incoming.notes.trim() && !existing.notes.includes(incoming.notes.trim());
  const hasAddress = Object.values(existing.address).some((v) => v.trim());
  return {
    ...existing,
    organization: pick(existing.organization, incoming.organization),
    role: pick(existing.role, incoming.role),
    address: hasAddress ? existing.address : incoming.address,
    website: pick(existing.website, incoming.website),
    linkedin: pick(existing.linkedin, incoming.linkedin),
    howWeMet: pick(existing.howWeMet, incoming.howWeMet),
    introduceAs: pick(existing.introduceAs, incoming.introduceAs),
    desiredResults: pick(existing.desiredResults, incoming.desiredResults),
    theirWork: pick(existing.theirWork, incoming.theirWork),
    boundaries: pick(existing.boundaries, incoming.boundaries),
    notes: noteAdded ? [existing.notes.trim(), incoming.notes.trim()].filter(Boolean).join('\n\n').slice(0, 20_000) : existing.notes,
    ...combinedLists(existing, incoming, region),
  };
}

/** Whether a field is blank, so that by default the other's value fills it. */
function blank(p: PersonData, field: MergeField): boolean {
  if (field === 'name') return false;
  if (field === 'address') return Object.values(p.address).every((v) => !v.trim());
  return !p[field].trim();
}

/** The survivor's details after a merge where, field by field, the owner chose whose value stays (unchosen: the survivor's, unless blank). */
function chosen(keep: PersonData, other: PersonData, choices: MergeChoices, region: PhoneRegion): PersonData {
  const from = (field: MergeField) => ((choices[field] ?? (blank(keep, field) ? 'other' : 'keep')) === 'other' ? other : keep);
  return {
    ...keep,
    givenName: from('name').givenName,
    familyName: from('name').familyName,
    displayName: from('name').displayName,
    organization: from('organization').organization,
    role: from('role').role,
    address: from('address').address,
    website: from('website').website,
    linkedin: from('linkedin').linkedin,
    notes: from('notes').notes,
    introduceAs: from('introduceAs').introduceAs,
    howWeMet: from('howWeMet').howWeMet,
    desiredResults: from('desiredResults').desiredResults,
    theirWork: from('theirWork').theirWork,
    boundaries: from('boundaries').boundaries,
    ...combinedLists(keep, other, region),
  };
}

/** Moves every record of `other` to `keep`; where both hold the same place (one seat, one registration) the one further along stays. */
function moveRecords(db: Database.Database, keep: number, other: number): void {
  const run = (sql: string) => stmt(db, sql).run({ keep, other });
  run('DELETE FROM person_links WHERE (person_id = :keep AND other_id = :other) OR (person_id = :other AND other_id = :keep)');
  run('UPDATE OR IGNORE person_links SET person_id = :keep WHERE person_id = :other');
  run('UPDATE OR IGNORE person_links SET other_id = :keep WHERE other_id = :other');
  run('UPDATE advocacy SET referred_id = NULL WHERE (person_id = :other AND referred_id = :keep) OR (person_id = :keep AND referred_id = :other)');
  run('UPDATE advocacy SET person_id = :keep WHERE person_id = :other');
  run('UPDATE advocacy SET referred_id = :keep WHERE referred_id = :other');
  shareTicketsBeforeMerge(db, keep, other);
  run(`DELETE FROM registrations WHERE person_id = :keep AND state != 'checked_in'
         AND seminar_id IN (SELECT seminar_id FROM registrations WHERE person_id = :other AND state = 'checked_in')`);
  run('UPDATE OR IGNORE registrations SET person_id = :keep WHERE person_id = :other');
  run(`DELETE FROM occasion_guests WHERE person_id = :keep AND state != 'attended'
         AND occasion_id IN (SELECT occasion_id FROM occasion_guests WHERE person_id = :other AND state = 'attended')`);
  run('UPDATE OR IGNORE occasion_guests SET person_id = :keep WHERE person_id = :other');
  for (const table of ['purchases', 'client_tests', 'stage_changes', 'needs', 'interactions', 'follow_ups']) {
    run(`UPDATE ${table} SET person_id = :keep WHERE person_id = :other`);
  }
  // What an import did to `other` goes with `other`: undoing that import must never remove or rewrite the person kept.
  run(`UPDATE people SET
         friend = max(friend, (SELECT friend FROM people WHERE id = :other)),
         future_client = max(future_client, (SELECT future_client FROM people WHERE id = :other)),
         cultivate = max(cultivate, (SELECT cultivate FROM people WHERE id = :other)),
         cadence_days = coalesce(cadence_days, (SELECT cadence_days FROM people WHERE id = :other))
       WHERE id = :keep`);
}

/** The two people to merge, as they are now; the same person twice, or someone gone, is refused. */
function theTwo(ctx: CoreContext, keepId: number, otherId: number): [PersonData, PersonData] {
  if (keepId === otherId) throw new AppError('invalid_input', 'Choose two different people to merge.');
  return [getPersonData(ctx, keepId), getPersonData(ctx, otherId)];
}

/**
 * Two people become one: details as chosen, every linked record on the survivor, the other removed.
 * A merge cannot be undone, so the book is backed up first.
 */
export async function mergePeople(ctx: CoreContext, keepId: number, otherId: number, choices: MergeChoices): Promise<Person> {
  theTwo(ctx, keepId, otherId);
  // The backup is the long part, read while the book keeps working; the merge itself is one short transaction.
  await exclusive(ctx.store, 'A merge', 'this merge', () => backUp(ctx, 'before-merge'));
  ctx.db
    .transaction(() => {
      // Read again: the book may have changed while the backup was written.
      const [keep, other] = theTwo(ctx, keepId, otherId);
      moveRecords(ctx.db, keepId, otherId);
      removePerson(ctx.db, otherId);
      rewritePerson(ctx.db, keepId, chosen(keep, other, choices, phoneRegion(ctx.db)), ctx.now().toISOString());
      refreshStanding(ctx, keepId);
    })
    .immediate();
  return getPerson(ctx, keepId);
}

/** Pairs in the book that are likely one person (same email or phone, or a near-identical name at one organisation). */
export function likelyDuplicates(ctx: CoreContext, limit = 200): DuplicatePair[] {
  const index = BookIndex.load(ctx.db);
  const pairs = new Map<string, DuplicatePair>();
  const rows = stmt<[], { id: number; g: string; f: string; d: string; org: string; emails: string | null; phones: string | null }>(
    ctx.db,
    `SELECT id, given_name AS g, family_name AS f, display_name AS d, organization AS org,
       (SELECT group_concat(address, char(31)) FROM person_emails WHERE person_id = people.id) AS emails,
       (SELECT group_concat(number, char(31)) FROM person_phones WHERE person_id = people.id) AS phones
     FROM people ORDER BY id`,
  ).all();
  const side = (id: number): DuplicatePair['first'] => {
    const p = getPerson(ctx, id);
    return { id, name: p.name, organization: p.organization, primaryEmail: p.emails[0]?.address ?? '' };
  };
  for (const r of rows) {
    if (pairs.size >= limit) break;
    const match = index.match(
      {
        givenName: r.g,
        familyName: r.f,
        displayName: r.d,
        organization: r.org,
        emails: (r.emails ?? '').split('\u001f').filter(Boolean).map((address) => ({ label: '', address })),
        phones: (r.phones ?? '').split('\u001f').filter(Boolean).map((number) => ({ number })),
      },
      r.id,
    );
    if (!match) continue;
    const [a, b] = match.id < r.id ? [match.id, r.id] : [r.id, match.id];
    if (!pairs.has(`${a}-${b}`)) pairs.set(`${a}-${b}`, { reason: match.reason, first: side(a), second: side(b) });
  }
  return [...pairs.values()];
}

/** Whether merging `incoming` into `existing` would change anything (a row already in the book, merged again, changes nothing). */
export function addsAnything(existing: PersonData, incoming: PersonData, region: PhoneRegion = DEFAULT_PHONE_REGION): boolean {
  return JSON.stringify(fillFrom(existing, incoming, region)) !== JSON.stringify(existing);
}
