import { z } from 'zod';
import { isPhoneText, kindsOf, PhoneKindsSchema, sortedKinds } from './phone';
import type { BoundaryFlag } from './boundaries';
import type { Stage } from './standing';

/**
 * The person (contact) as the owner edits it. One schema validates on both sides: the renderer
 * uses it for instant field messages, the core re-validates every call at the API boundary.
 */

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters.`)
    .default('');

const EMAIL_MESSAGE = 'Enter a valid email address, like ann@example.com.';
const PHONE_MESSAGE = 'Enter a phone number with 5 to 15 digits; spaces, + ( ) - . and an extension (ext. 102) are fine.';

export const EmailSchema = z.object({
  label: text(40),
  address: z
    .string()
    .trim()
    .min(1, 'Enter the email address, or remove this line.')
    .max(254, EMAIL_MESSAGE)
    .pipe(z.email({ message: EMAIL_MESSAGE })),
});

/**
 * A phone: its number as written (an extension after it is kept: "+1 418 656 9254 ext. 102"), the
 * owner's word for it, and its kinds (mobile, fax, work…). Kinds the label names ("Work fax") are
 * always among the kinds, so a label and its kinds never disagree.
 */
export const PhoneSchema = z
  .object({
    label: text(40),
    number: z.string().trim().min(1, 'Enter the phone number, or remove this line.').refine(isPhoneText, PHONE_MESSAGE),
    kinds: PhoneKindsSchema.default([]),
  })
  // An overwrite, not a transform: the same type out, and no pipe for every phone of a 100,000-row import.
  .overwrite((p) => ({ ...p, kinds: sortedKinds([...p.kinds, ...kindsOf(p.label)]) }));

const webLink = (what: string) =>
  z
    .string()
    .trim()
    .max(500, `Keep the ${what} under 500 characters.`)
    .default('')
    .transform((v) => (v && !/^[a-z][a-z0-9+.-]*:/i.test(v) ? `https://${v}` : v))
    .refine((v) => {
      if (!v) return true;
      // The URL parser drops tabs and line breaks where it finds them; the text as typed is what is kept and exported.
      // eslint-disable-next-line no-control-regex
      if (/[\s\u0000-\u001f\u007f-\u009f]/.test(v)) return false;
      try {
        const url = new URL(v);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
      } catch {
        return false;
      }
    }, `Enter the ${what} as a web address, like example.com.`);

export const AddressSchema = z.object({
  street: text(200),
  city: text(100),
  region: text(100),
  postalCode: text(20),
  country: text(100),
});

export const TagsSchema = z
  .array(z.string().trim().min(1, 'A tag cannot be empty.').max(40, 'Keep each tag under 40 characters.'))
  .max(30, 'Use at most 30 tags.')
  .default([])
  .transform((tags) => {
    const seen = new Set<string>();
    return tags.filter((t) => {
      const key = t.toLocaleLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

export const NAME_REQUIRED = 'Enter a name: a given, family or display name.';

export const PersonInputSchema = z
  .object({
    givenName: text(100),
    familyName: text(100),
    displayName: text(200),
    organization: text(200),
    role: text(200),
    emails: z.array(EmailSchema).max(20, 'Use at most 20 email addresses.').default([]),
    phones: z.array(PhoneSchema).max(20, 'Use at most 20 phone numbers.').default([]),
    address: AddressSchema.default({ street: '', city: '', region: '', postalCode: '', country: '' }),
    website: webLink('website'),
    linkedin: webLink('LinkedIn link'),
    tags: TagsSchema,
    notes: text(20_000),
    introduceAs: text(200),
    howWeMet: text(500),
    desiredResults: text(2000),
    theirWork: text(2000),
    boundaries: text(2000),
  })
  .superRefine((p, ctx) => {
    if (!p.givenName && !p.familyName && !p.displayName) {
      ctx.addIssue({ code: 'custom', path: ['givenName'], message: NAME_REQUIRED });
    }
    const seen = new Set<string>();
    p.emails.forEach((e, i) => {
      const key = e.address.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['emails', i, 'address'], message: 'This email is already listed above.' });
      seen.add(key);
    });
  });

/** What the renderer sends (defaults optional). */
export type PersonInput = z.input<typeof PersonInputSchema>;
/** What the core stores (defaults applied, trimmed). */
export type PersonData = z.output<typeof PersonInputSchema>;

export interface Person extends PersonData {
  id: number;
  /** Boundaries the app acts on (shared/domain/boundaries.ts); changed with people.setBoundaries. */
  boundaryFlags: BoundaryFlag[];
  /** The name to show: display name, else the parts in the script's order. */
  name: string;
  createdAt: string;
  updatedAt: string;
  /** Moves with every change; an update must name the version it was made on. */
  version: number;
}

export interface PersonSummary {
  id: number;
  name: string;
  organization: string;
  role: string;
  primaryEmail: string;
  primaryPhone: string;
  tags: string[];
  updatedAt: string;
  stage: Stage;
  score: number;
}

export const PEOPLE_SORTS = ['name', 'organization', 'updated', 'score'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

export interface PeoplePage {
  /** How many people match the query and filter in all. */
  total: number;
  offset: number;
  items: PersonSummary[];
}

export interface TagCount {
  name: string;
  count: number;
}

export function emptyPersonInput(): PersonData {
  return {
    givenName: '',
    familyName: '',
    displayName: '',
    organization: '',
    role: '',
    emails: [],
    phones: [],
    address: { street: '', city: '', region: '', postalCode: '', country: '' },
    website: '',
    linkedin: '',
    tags: [],
    notes: '',
    introduceAs: '',
    howWeMet: '',
    desiredResults: '',
    theirWork: '',
    boundaries: '',
  };
}
