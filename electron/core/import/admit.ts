import { PersonInputSchema, type PersonInput } from '../../../shared/domain/person';
import { quoted } from './limits';

const NAME_FIELDS = new Set(['givenName', 'familyName', 'displayName']);

/** How many of each list a person keeps (PersonInputSchema's own maximums). */
const LIST_MAX = { emails: 20, phones: 20, tags: 30 } as const;
const LIST_WORDS = { emails: 'email addresses', phones: 'phone numbers', tags: 'tags' } as const;

/** CRLF and a lone CR (Outlook's quoted-printable `=0D=0A`, Google's quoted CSV cells) become LF, as the person form stores them. */
const LINE_BREAK = /\r\n?/g;
const lf = (v: string) => (v.includes('\r') ? v.replace(LINE_BREAK, '\n') : v);

function lineBreaksAsLf(p: PersonInput): PersonInput {
  for (const [k, v] of Object.entries(p)) if (typeof v === 'string') (p as Record<string, unknown>)[k] = lf(v);
  if (p.address) for (const [k, v] of Object.entries(p.address)) if (typeof v === 'string') (p.address as Record<string, string>)[k] = lf(v);
  return p;
}

/**
 * Validates an imported person, leaving out (with a word each) values that are not what their
 * field holds — a phone "car phone test", a website "not a url" — so the person still comes in.
 * A row with no name is named by its organisation or first email address; only a row with none of
 * these is not a person. A value is quoted in the word by its first few characters only.
 */
export function admit(raw: PersonInput, warn: (message: string) => void) {
  const person = lineBreaksAsLf({ ...raw, emails: [...(raw.emails ?? [])], phones: [...(raw.phones ?? [])], tags: [...(raw.tags ?? [])], address: { ...raw.address } });
  // Lists past their maximum keep their first entries: one word for the rest, not one per entry.
  for (const field of ['emails', 'phones', 'tags'] as const) {
    const list = person[field] as unknown[];
    if (list.length > LIST_MAX[field]) {
      warn(`Only the first ${LIST_MAX[field]} ${LIST_WORDS[field]} are kept; ${list.length - LIST_MAX[field]} more were left out.`);
      list.length = LIST_MAX[field];
    }
  }
  for (let attempt = 0; attempt < 100; attempt++) {
    const parsed = PersonInputSchema.safeParse(person);
    if (parsed.success) return parsed;
    const issue = parsed.error.issues[0];
    const [field, index] = issue?.path ?? [];
    if (issue && field === 'givenName' && !person.displayName && (person.organization || person.emails?.[0])) {
      // An organisation's card, or a phone's card holding only an address, is still someone to reach.
      person.displayName = person.organization || person.emails?.[0]?.address || '';
      continue;
    }
    if (!issue || typeof field !== 'string' || NAME_FIELDS.has(field)) return parsed;
    if ((field === 'emails' || field === 'phones') && typeof index === 'number' && issue.path[2] === 'label') {
      // A label too long to keep costs the label, not the number.
      const list = person[field] as { label?: string }[];
      warn(`The label ${quoted(list[index]?.label)} is longer than a label may be; the ${field === 'emails' ? 'address' : 'number'} is kept without it.`);
      if (list[index]) list[index] = { ...list[index], label: '' };
    } else if ((field === 'emails' || field === 'phones') && typeof index === 'number') {
      const list = person[field] as { address?: string; number?: string }[];
      const value = list[index];
      warn(field === 'emails' ? `${quoted(value?.address)} is not an email address; left out.` : `${quoted(value?.number)} is not a phone number; left out.`);
      list.splice(index, 1);
    } else if (field === 'address' && typeof index === 'string') {
      warn(`The ${index} of the address is too long; left out.`);
      (person.address as Record<string, string>)[index] = '';
    } else {
      warn(`${quoted((person as Record<string, unknown>)[field])} is not a valid ${field}; left out.`);
      (person as Record<string, unknown>)[field] = field === 'tags' ? [] : '';
    }
  }
  return PersonInputSchema.safeParse(person);
}
