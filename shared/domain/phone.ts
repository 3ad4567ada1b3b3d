import { getCountries, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { z } from 'zod';
import { foldText } from './names';

/**
 * Phone numbers: what kind of line each is, and one key per number for matching, worked out by
 * libphonenumber-js (Google's metadata) with the owner's default region for numbers written without
 * a country code — "(717) 555-0142" and "+1 717 555 0142" are one phone in the United States, and
 * "030 1234567" and "+49 30 1234567" one in Germany.
 */

export const PHONE_KINDS = ['mobile', 'home', 'work', 'other', 'fax', 'pager', 'text', 'video'] as const;
export type PhoneKind = (typeof PHONE_KINDS)[number];
export const PHONE_KIND_LABELS: Record<PhoneKind, string> = {
  mobile: 'Mobile',
  home: 'Home',
  work: 'Work',
  other: 'Other',
  fax: 'Fax',
  pager: 'Pager',
  text: 'Text',
  video: 'Video',
};
export const PhoneKindsSchema = z.array(z.enum(PHONE_KINDS)).max(PHONE_KINDS.length);

/** Where the line is comes first in words ("Work fax"), then what it is. */
const PLACES: readonly PhoneKind[] = ['home', 'work', 'other'];

/** Kinds in one order, each once: the order words and vCard TYPE lists are written in. */
export function sortedKinds(kinds: Iterable<PhoneKind>): PhoneKind[] {
  const set = new Set(kinds);
  return PHONE_KINDS.filter((k) => set.has(k)).sort((a, b) => Number(!PLACES.includes(a)) - Number(!PLACES.includes(b)));
}

const KIND_SET = new Set<string>(PHONE_KINDS);
/** Kinds as the store keeps them ("work,fax"); anything else in the text is not a kind. */
export const storedKinds = (text: string): PhoneKind[] => sortedKinds(text.split(',').filter((k): k is PhoneKind => KIND_SET.has(k)));

/** "Work fax", "Mobile", "" — the kinds as a label reads. */
export function kindsLabel(kinds: readonly PhoneKind[]): string {
  const words = sortedKinds(kinds).map((k) => PHONE_KIND_LABELS[k].toLowerCase());
  const text = words.join(' ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

/** The kinds' words as a phone's label where they fit one (40 characters); longer, the kinds say it alone. */
export const labelForKinds = (kinds: readonly PhoneKind[]) => {
  const label = kindsLabel(kinds);
  return label.length <= 40 ? label : '';
};

/** A phone's words as shown: its own label, with the kinds it does not name ("Assistant · work fax"), or the kinds alone. */
export function phoneLabel(phone: { label: string; kinds: readonly PhoneKind[] }): string {
  const named = new Set(kindsOf(phone.label));
  const rest = phone.kinds.filter((k) => !named.has(k));
  if (!phone.label) return kindsLabel(rest);
  return rest.length ? `${phone.label} · ${kindsLabel(rest).toLowerCase()}` : phone.label;
}

/**
 * The words for each kind in labels, column names and vCard TYPE values, folded (no accents, lower
 * case): English, the major European languages, and the words vCard and address books use
 * (CELL, iPhone, homeFax…).
 */
const KIND_WORDS: Record<PhoneKind, string[]> = {
  mobile: ['mobile', 'cell', 'cellular', 'cellphone', 'iphone', 'handy', 'mobil', 'mobiltelefon', 'mobilnummer', 'portable', 'movil', 'celular', 'cellulare', 'telemovel', 'mobiel', 'komorka', 'komorkowy', 'gsm', 'mobilni'],
  home: ['home', 'private', 'personal', 'privat', 'privatnummer', 'maison', 'domicile', 'personnel', 'casa', 'hogar', 'particular', 'personale', 'thuis', 'prive', 'domowy', 'prywatny', 'hem'],
  work: ['work', 'business', 'office', 'company', 'geschaftlich', 'dienstlich', 'buro', 'arbeit', 'firma', 'travail', 'bureau', 'professionnel', 'trabajo', 'oficina', 'lavoro', 'ufficio', 'trabalho', 'werk', 'zakelijk', 'praca', 'sluzbowy', 'arbete'],
  other: ['other', 'andere', 'anderes', 'sonstige', 'autre', 'otro', 'altro', 'outro', 'overig', 'inny', 'annat'],
  fax: ['fax', 'telefax', 'facsimile', 'faks'],
  pager: ['pager', 'beeper', 'piepser', 'bipper', 'buscapersonas', 'cercapersone'],
  text: ['text', 'sms', 'texto', 'testo'],
  video: ['video', 'videophone', 'videotelefon'],
};
/** Words of other scripts, found inside a label (Japanese does not put spaces between words). */
const KIND_SUBSTRINGS: [string, PhoneKind][] = [
  ['携帯', 'mobile'],
  ['ケータイ', 'mobile'],
  ['自宅', 'home'],
  ['会社', 'work'],
  ['勤務先', 'work'],
  ['仕事', 'work'],
  ['ファックス', 'fax'],
  ['ファクス', 'fax'],
  ['ポケベル', 'pager'],
  ['その他', 'other'],
];
const WORD_KIND = new Map<string, PhoneKind>(Object.entries(KIND_WORDS).flatMap(([kind, words]) => words.map((w) => [w, kind as PhoneKind])));

/** The kinds a label, a column name or a TYPE list names: "Work fax", "homeFax", "Fax privat", "TYPE=WORK,FAX" → work, fax. */
export function kindsOf(text: string): PhoneKind[] {
  if (!text) return [];
  const kinds = new Set<PhoneKind>();
  // camelCase apart ("homeFax"), then words of letters.
  const words = foldText(text.replace(/([a-z])([A-Z])/g, '$1 $2')).split(/[^a-z]+/);
  for (const w of words) {
    const kind = WORD_KIND.get(w);
    if (kind) kinds.add(kind);
  }
  for (const [s, kind] of KIND_SUBSTRINGS) if (text.includes(s)) kinds.add(kind);
  return sortedKinds(kinds);
}

// Regions ----------------------------------------------------------------------------------------

export const PHONE_REGIONS = getCountries() as readonly CountryCode[];
export type PhoneRegion = CountryCode;
/** Numbers without a country code are read as this region's until the owner chooses another (Settings). */
export const DEFAULT_PHONE_REGION: PhoneRegion = 'US';
export const PhoneRegionSchema = z.enum(PHONE_REGIONS as [CountryCode, ...CountryCode[]], { message: 'Choose a country or region from the list.' });
export const PhoneSettingsSchema = z.object({ region: PhoneRegionSchema });
export type PhoneSettings = z.infer<typeof PhoneSettingsSchema>;

// Numbers ----------------------------------------------------------------------------------------

/** An extension after the number: "ext. 102", "x102", "#102", ";ext=102" (as a tel: URI writes it). */
const EXTENSION = /\s*(?:;\s*ext=|,?\s*(?:ext\.?|extn\.?|extension|x|#)\s*)(\d{1,10})$/i;

/** The number without its extension, and the extension (empty when there is none). */
export function splitExtension(text: string): { main: string; ext: string } {
  const m = EXTENSION.exec(text);
  return m ? { main: text.slice(0, m.index), ext: m[1] as string } : { main: text, ext: '' };
}

/** What a phone number may look like as typed: digits, spaces, + ( ) - . / and an extension. */
export const PHONE_TEXT = /^\+?[0-9\s().\-/]+$/;
export const phoneDigits = (text: string) => splitExtension(text).main.replace(/\D/g, '').length;
export const isPhoneText = (text: string) => {
  const { main } = splitExtension(text.trim());
  const digits = main.replace(/\D/g, '').length;
  return PHONE_TEXT.test(main.trim()) && digits >= 5 && digits <= 15;
};

/** Keys of numbers already worked out: an import matches a number and then stores it, and a book repeats switchboards. */
const keys = new Map<string, string>();
const KEYS_KEPT = 200_000;

/**
 * One key per phone for matching: the number in E.164 (with ";ext=" and its extension, since a
 * switchboard's extensions are different people), read in `region` when it has no country code.
 * Text libphonenumber cannot make a possible number of is matched by its digits alone ("#" and
 * seven or more digits), so the same digits still find each other; fewer is no key at all.
 */
export function phoneKey(number: string, region: PhoneRegion = DEFAULT_PHONE_REGION): string {
  const cacheKey = `${region}\u0000${number}`;
  const known = keys.get(cacheKey);
  if (known !== undefined) return known;
  let key = '';
  const { main, ext } = splitExtension(number.trim());
  const parsed = parsePhoneNumberFromString(main, region);
  if (parsed?.isPossible()) key = parsed.number + (ext ? `;ext=${ext}` : '');
  else {
    const digits = main.replace(/\D/g, '');
    if (digits.length >= 7) key = `#${digits}${ext ? `;ext=${ext}` : ''}`;
  }
  if (keys.size >= KEYS_KEPT) keys.clear();
  keys.set(cacheKey, key);
  return key;
}

/** The number for a tel: link or a vCard TEL URI (RFC 3966: `tel:+1-418-656-9254;ext=102`), or null when it has no country to dial. */
export function telUri(number: string, region: PhoneRegion = DEFAULT_PHONE_REGION): string | null {
  const { main, ext } = splitExtension(number.trim());
  const parsed = parsePhoneNumberFromString(main, region);
  if (!parsed?.isPossible()) return null;
  if (ext) parsed.ext = ext;
  return parsed.getURI();
}

/**
 * A `tel:` URI (RFC 3966) as a phone number to keep, written as the sender wrote it:
 * `tel:+1-418-656-9254;ext=102` → "+1-418-656-9254 ext. 102". A local number with a
 * `phone-context` of digits is dialled behind them (`tel:863-1234;phone-context=+1-914-555` →
 * "+1-914-555-863-1234"); one with a domain context stays local as written. Text that is not a
 * tel: URI comes back as it is.
 */
export function readTelUri(value: string): string {
  const text = value.trim();
  if (!/^tel:/i.test(text)) return text;
  const [rawNumber = '', ...params] = text.slice(4).split(';');
  let number = rawNumber;
  try {
    number = decodeURIComponent(rawNumber);
  } catch {
    // A stray % is left as written.
  }
  let ext = '';
  for (const p of params) {
    const eq = p.indexOf('=');
    const name = (eq < 0 ? p : p.slice(0, eq)).trim().toLowerCase();
    const v = eq < 0 ? '' : p.slice(eq + 1).trim();
    if (name === 'ext') ext = v.replace(/\D/g, '');
    else if (name === 'phone-context' && /^\+[\d\-.()]+$/.test(v) && !number.startsWith('+')) number = `${v}-${number}`;
  }
  return ext ? `${number} ext. ${ext}` : number;
}
