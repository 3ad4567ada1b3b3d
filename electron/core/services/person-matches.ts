import { distance } from 'fastest-levenshtein';
import type { PersonMatch } from '../../../shared/contract';
import { foldText, personName, searchTokens } from '../../../shared/domain/names';
import { phoneKey } from '../../../shared/domain/phone';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { givenNameVariants } from './given-names';
import { phoneRegion } from './phones';

/**
 * People already in the book who may be the person being typed in a walk-in: the same email or
 * phone; a name that begins the same; another form of the given name (Bob for Robert) with the
 * same family name; or the same given name with a family name spelled nearly alike (Brubacher,
 * Brubaker). Each comes with why, in words the volunteer can weigh.
 */

const LIMIT = 5;
const NAME_CANDIDATES = 60;

interface Candidate {
  id: number;
  given: string;
  family: string;
}

const capitalized = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** A family name spelled nearly alike: one letter off up to five letters, two beyond. */
function spelledAlike(typed: string, stored: string): boolean {
  const k = typed.length <= 5 ? 1 : 2;
  return Math.abs(typed.length - stored.length) <= k && distance(typed, stored) <= k;
}

function byName(ctx: CoreContext, givenName: string, familyName: string): Map<number, Pick<PersonMatch, 'reason' | 'why'>> {
  const found = new Map<number, Pick<PersonMatch, 'reason' | 'why'>>();
  const given = searchTokens(givenName)[0] ?? '';
  const family = searchTokens(familyName).join('');
  if (given.length < 2 || family.length < 2) return found;
  const variants = [...givenNameVariants(given)];
  // One pass over the index: the given name (or a form of it) and the family name's first letters.
  const givens = [`"${given}"*`, ...variants.map((v) => `"${v}"`)].join(' OR ');
  const match = `names : ((${givens}) AND "${family.slice(0, Math.min(3, family.length))}"*)`;
  const rows = stmt<[string, number], Candidate>(
    ctx.db,
    `SELECT p.id, p.given_name AS given, p.family_name AS family FROM people_search s JOIN people p ON p.search_rank = s.rowid
     WHERE people_search MATCH ? ORDER BY s.rowid LIMIT ?`,
  ).all(match, NAME_CANDIDATES);
  const ranked: { id: number; order: number; reason: PersonMatch['reason']; why: string }[] = [];
  for (const r of rows) {
    const theirGiven = searchTokens(r.given)[0] ?? '';
    const theirFamily = searchTokens(r.family).join('');
    const sameGiven = theirGiven.startsWith(given);
    const variant = !sameGiven && givenNameVariants(given).has(theirGiven);
    const sameFamily = theirFamily.startsWith(family);
    const alike = !sameFamily && spelledAlike(family, theirFamily);
    if (!(sameGiven || variant) || !(sameFamily || alike)) continue;
    if (sameGiven && sameFamily) ranked.push({ id: r.id, order: 0, reason: 'name', why: 'similar name' });
    else if (variant && sameFamily) ranked.push({ id: r.id, order: 1, reason: 'given_name', why: `${capitalized(given)} is a form of ${capitalized(theirGiven)}` });
    else if (sameGiven) ranked.push({ id: r.id, order: 2, reason: 'spelling', why: `${capitalized(theirFamily)} is spelled like ${capitalized(family)}` });
    else ranked.push({ id: r.id, order: 3, reason: 'spelling', why: `${capitalized(given)} is a form of ${capitalized(theirGiven)}; ${capitalized(theirFamily)} is spelled like ${capitalized(family)}` });
  }
  ranked.sort((a, b) => a.order - b.order);
  for (const r of ranked) if (!found.has(r.id)) found.set(r.id, { reason: r.reason, why: r.why });
  return found;
}

export function matchPeople(ctx: CoreContext, input: { givenName: string; familyName: string; email: string; phone: string }): PersonMatch[] {
  const found = new Map<number, Pick<PersonMatch, 'reason' | 'why'>>();
  const email = input.email.trim().toLowerCase();
  if (email.includes('@')) {
    for (const r of stmt<[string], { person_id: number }>(ctx.db, 'SELECT person_id FROM person_emails WHERE address_key = ?').all(email)) {
      found.set(r.person_id, { reason: 'email', why: `same email, ${email}` });
    }
  }
  const phone = input.phone.trim() ? phoneKey(input.phone, phoneRegion(ctx.db)) : '';
  if (phone) {
    for (const r of stmt<[string], { person_id: number }>(ctx.db, 'SELECT person_id FROM person_phones WHERE phone_key = ?').all(phone)) {
      if (!found.has(r.person_id)) found.set(r.person_id, { reason: 'phone', why: 'same phone' });
    }
  }
  for (const [id, why] of byName(ctx, foldText(input.givenName), foldText(input.familyName))) if (!found.has(id)) found.set(id, why);
  return [...found.entries()].slice(0, LIMIT).map(([id, { reason, why }]) => {
    const p = stmt<[number], { given_name: string; family_name: string; display_name: string; organization: string; email: string | null }>(
      ctx.db,
      `SELECT given_name, family_name, display_name, organization,
         (SELECT address FROM person_emails WHERE person_id = people.id ORDER BY position LIMIT 1) AS email
       FROM people WHERE id = ?`,
    ).get(id) as { given_name: string; family_name: string; display_name: string; organization: string; email: string | null };
    return {
      id,
      name: personName({ givenName: p.given_name, familyName: p.family_name, displayName: p.display_name }),
      organization: p.organization,
      primaryEmail: p.email ?? '',
      reason,
      why,
    };
  });
}
