import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { PersonInput } from '../../../shared/domain/person';
import { kindsOf, labelForKinds, readTelUri, sortedKinds } from '../../../shared/domain/phone';
import { admit } from './admit';
import { vcardDate, vcardPhoto, type ImportedExtras } from './extras';
import type { ImportProblem, ImportRecord } from './csv';
import type { ImportEncoding } from '../../../shared/domain/import';
import { decodeText, detect, legacyOf, view } from './encoding';
import { IMPORT_LIMITS, LIMIT_WORDS, checkFileSize, tooManyRecords } from './limits';
import { RAPPORT_PROPERTIES } from '../export/rapport-properties';
import { unreadableWords } from './unreadable';

/**
 * Reading vCard 2.1, 3.0 and 4.0 files as phones, mail programs and address books write them
 * (corpus/import/FORMATS.md §1): every line-ending style, folding with one or two spaces,
 * 2.1 quoted-printable with soft breaks (indented or not, with or without a blank line after),
 * per-property CHARSET, base64 photos ended by a blank line, grouped properties with Apple labels,
 * several cards of mixed versions per file, and a card cut off at the end.
 */

export interface VcardPreview {
  format: 'vcard';
  /** The versions of the cards read, e.g. ["2.1", "3.0"]. */
  versions: string[];
  encoding: ImportEncoding;
  records: ImportRecord[];
  problems: ImportProblem[];
}

interface Line {
  /** The line where the property starts. */
  line: number;
  text: string;
}

interface Property {
  line: number;
  group: string;
  name: string;
  params: Map<string, string[]>;
  /** Bare 2.1 parameters (WORK, CELL…) and TYPE values, upper-cased. */
  types: Set<string>;
  value: string;
}

const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);

/*
 * Every loop below is linear in the file: a logical line is gathered as a list of pieces joined
 * once (never `text = text.slice(0, -1) + next`, which copies the whole line at each soft break),
 * parameters are pushed (never copied into a new array each), and each limit of IMPORT_LIMITS is
 * checked as the text is read, so a hostile file costs no more than reading it once.
 */

/** The file's lines one at a time, whatever their endings (CRLF, LF, CR CR LF, CR, mixed), with a look ahead of two. */
class LineReader {
  private readonly text: string;
  private pos = 0;
  private readonly ahead: string[] = [];
  /** 1-based number of the line `take` returns next. */
  number = 1;

  constructor(source: string) {
    // A function as the replacement: V8 returns a global replace by a plain string as a rope of one
    // piece per match, which for a file of a million lines holds many times the file in memory.
    const lf = () => '\n';
    this.text = source.replace(/\r\r\n/g, lf).replace(/\r\n/g, lf).replace(/\r/g, lf);
  }

  private read(): string | undefined {
    if (this.pos > this.text.length) return undefined;
    const end = this.text.indexOf('\n', this.pos);
    const stop = end < 0 ? this.text.length : end;
    const line = this.text.slice(this.pos, stop);
    this.pos = stop + 1;
    return line;
  }

  peek(k = 0): string | undefined {
    while (this.ahead.length <= k) {
      const line = this.read();
      if (line === undefined) return undefined;
      this.ahead.push(line);
    }
    return this.ahead[k];
  }

  take(): string | undefined {
    const line = this.peek();
    if (line !== undefined) {
      this.ahead.shift();
      this.number++;
    }
    return line;
  }
}

/** A logical line gathered piece by piece, up to IMPORT_LIMITS.valueChars; its last characters are known past the limit too. */
class Gathered {
  private readonly pieces: string[] = [];
  private length = 0;
  private tail = '';
  tooLong = false;

  add(piece: string): void {
    if (!piece) return;
    this.tail = piece.length >= 8 ? piece.slice(-8) : (this.tail + piece).slice(-8);
    if (this.tooLong) return;
    if (this.length + piece.length > IMPORT_LIMITS.valueChars) {
      this.tooLong = true;
      return;
    }
    this.pieces.push(piece);
    this.length += piece.length;
  }

  endsWith(ch: string): boolean {
    return this.tail.endsWith(ch);
  }

  /** Drops the last character (a soft break's `=`, a continuation's `\`). */
  dropLast(): void {
    this.tail = this.tail.slice(0, -1);
    if (this.tooLong) return;
    const last = this.pieces.pop() as string;
    this.length--;
    if (last.length > 1) this.pieces.push(last.slice(0, -1));
  }

  text(): string {
    return this.pieces.join('');
  }
}

const isQuotedPrintable = (head: string) => /;(ENCODING=)?QUOTED-PRINTABLE/i.test(head);
const isBase64 = (head: string) => /;(ENCODING=)?(BASE64|B)(;|:|$)/i.test(head);
const looksLikeProperty = (s: string) => /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)?[;:]/.test(s);
const isFolded = (s: string | undefined) => s !== undefined && (s.startsWith(' ') || s.startsWith('\t'));

/** The property's name in a head (`item1.TEL;TYPE=CELL` → `TEL`). */
function nameOf(head: string): string {
  const end = head.search(/[;:]/);
  const nameWithGroup = end < 0 ? head : head.slice(0, end);
  const dot = nameWithGroup.indexOf('.');
  return (dot >= 0 ? nameWithGroup.slice(dot + 1) : nameWithGroup).toUpperCase();
}

type Logical = Line | { line: number; problem: string };

/** Joins folded, quoted-printable-continued, backslash-continued and base64 lines into logical lines. */
function* logicalLines(lines: LineReader): Generator<Logical> {
  for (;;) {
    const start = lines.number;
    const first = lines.take();
    if (first === undefined) return;
    const colon = first.indexOf(':');
    const head = colon >= 0 ? first.slice(0, colon) : first;
    if (nameOf(head) === 'PHOTO') {
      // A photo is kept (capped at the longest value read); 2.1 base64 runs until a blank line, later versions fold it.
      const photo = new Gathered();
      photo.add(first);
      if (isBase64(head)) {
        while (lines.peek() !== undefined && lines.peek() !== '' && !looksLikeProperty(lines.peek() as string)) photo.add((lines.take() as string).trim());
        if (lines.peek() === '') lines.take();
      } else {
        while (isFolded(lines.peek())) photo.add((lines.take() as string).slice(1));
      }
      yield photo.tooLong ? { line: start, problem: 'The photo is larger than Rapport keeps (about 190 KB); left out.' } : { line: start, text: photo.text() };
      continue;
    }
    if (BINARY.has(nameOf(head))) {
      // A photo, logo, sound or key is not kept: its lines are passed over without being gathered.
      if (isBase64(head)) {
        // 2.1 base64 runs until a blank line; later versions fold it.
        while (lines.peek() !== undefined && lines.peek() !== '' && !looksLikeProperty(lines.peek() as string)) lines.take();
        if (lines.peek() === '') lines.take();
      } else {
        while (isFolded(lines.peek())) lines.take();
      }
      yield { line: start, text: head + ':' };
      continue;
    }
    const text = new Gathered();
    text.add(first);
    if (isQuotedPrintable(head)) {
      while (text.endsWith('=')) {
        // A soft break at the end: the value goes on on the next line, unless the file ends, the card
        // ends, or a blank line follows with a property of its own after it (2.1 writers such as Nokia
        // and Android close a value with "=" and a blank line; others put the blank line inside it).
        const next = lines.peek();
        const after = next === '' ? lines.peek(1) : next;
        const ends = after === undefined || /^END:VCARD\s*$/i.test(after) || (next === '' && looksLikeProperty(after));
        text.dropLast();
        if (ends) {
          if (next === '') lines.take();
          break;
        }
        if (next === '') lines.take();
        // After a soft break the next line is text as it stands: its leading space is a space ("come= / to").
        text.add(lines.take() as string);
      }
    }
    for (;;) {
      const next = lines.peek();
      if (isFolded(next)) {
        text.add((next as string).slice(1));
        lines.take();
      } else if (text.endsWith('\\') && next !== undefined && next !== '' && !looksLikeProperty(next)) {
        text.dropLast();
        text.add('\n');
        text.add(next);
        lines.take();
      } else break;
    }
    if (text.tooLong) {
      yield { line: start, problem: `This ${nameOf(head) || 'line'} is longer than ${LIMIT_WORDS.valueChars}; it was left out.` };
      continue;
    }
    const joined = text.text();
    if (joined.trim() !== '') yield { line: start, text: joined };
  }
}

/** Splits at each character `ch` outside double quotes. */
function splitOutsideQuotes(s: string, ch: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) {
      parts.push(s.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(s.slice(from));
  return parts;
}

/** Where the value starts: the first colon outside double quotes, or -1. */
function valueColon(s: string): number {
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  return -1;
}

function parseProperty(l: Line): Property | string | null {
  const colon = valueColon(l.text);
  if (colon < 0) return null;
  if (colon > IMPORT_LIMITS.headChars) return `This property's name and parameters run over ${LIMIT_WORDS.headChars}; it was left out.`;
  const head = l.text.slice(0, colon);
  const [nameWithGroup = '', ...paramTexts] = splitOutsideQuotes(head, ';');
  if (paramTexts.length > IMPORT_LIMITS.params) return `This property has more than ${LIMIT_WORDS.params}; it was left out.`;
  const dot = nameWithGroup.indexOf('.');
  const group = dot >= 0 ? nameWithGroup.slice(0, dot).toLowerCase() : '';
  const name = (dot >= 0 ? nameWithGroup.slice(dot + 1) : nameWithGroup).toUpperCase();
  const params = new Map<string, string[]>();
  const types = new Set<string>();
  for (const p of paramTexts) {
    if (!p) continue;
    const eq = p.indexOf('=');
    const key = (eq >= 0 ? p.slice(0, eq) : 'TYPE').toUpperCase();
    const values = (eq >= 0 ? p.slice(eq + 1) : p)
      .replace(/^"|"$/g, '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    let list = params.get(key);
    if (!list) params.set(key, (list = []));
    list.push(...values);
    if (key === 'TYPE') values.forEach((v) => types.add(v.toUpperCase()));
  }
  return { line: l.line, group, name, params, types, value: l.text.slice(colon + 1) };
}

function decodeQuotedPrintable(value: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(value.charCodeAt(i) & 0xff);
  }
  return new Uint8Array(bytes);
}

/** Drops the replacement characters a cut-off sequence leaves at the end (a loop: `/\uFFFD+$/` is quadratic on a long run of them). */
function trimReplacementChars(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0xfffd) end--;
  return text.slice(0, end);
}

/** Code pages a CHARSET parameter names that iconv knows, by the name written. */
const charsetOf = (p: Property) => {
  const charset = (p.params.get('CHARSET')?.[0] ?? '').toLowerCase();
  return charset && iconv.encodingExists(charset) ? charset : '';
};

/** The first code page other than UTF-8 a CHARSET parameter of the file names (CHARSET=ISO-8859-2), if iconv knows it. */
function declaredCharset(source: string): string | null {
  const named = /CHARSET="?([A-Za-z0-9_.-]+)/gi;
  for (let m = named.exec(source); m; m = named.exec(source)) {
    const name = (m[1] as string).toLowerCase();
    if (!/^utf-?8$|^us-ascii$|^ascii$/.test(name) && iconv.encodingExists(name)) return name;
  }
  return null;
}

/** The encoding the preview names for a code page (its list is short; the decoding uses the code page itself). */
function encodingNamed(charset: string): ImportEncoding {
  if (/jis|932/.test(charset)) return 'shift_jis';
  if (/1250|8859-2|latin2/.test(charset)) return 'windows-1250';
  return 'windows-1252';
}

/**
 * How a file's property values become text. A file read as text (UTF-8 throughout, UTF-16) gives
 * its values as they stand. A file that is not (`bytes`) was read byte for byte (latin1), and
 * each value is decoded on its own: its CHARSET, else UTF-8 where its bytes are UTF-8 (a fold
 * that cut a character in two is joined again by the unfolding), else the file's code page.
 * Quoted-printable bytes are decoded the same way, in any file: without a CHARSET, UTF-8 where
 * they are, else the code page the file declares elsewhere or the one they read as.
 */
interface ValueReader {
  text(p: Property): string;
  /** Whether any value was read in a code page other than UTF-8. */
  usedLegacy: boolean;
}

function valueReader(bytes: boolean, override: ImportEncoding | null, legacy: ImportEncoding, declared: string | null): ValueReader {
  const reader: ValueReader = {
    usedLegacy: false,
    text(p) {
      const charset = charsetOf(p);
      const encodingParam = (p.params.get('ENCODING')?.[0] ?? '').toUpperCase();
      const qp = encodingParam === 'QUOTED-PRINTABLE' || p.types.has('QUOTED-PRINTABLE');
      if (!qp && !bytes) return p.value;
      const raw = qp ? decodeQuotedPrintable(p.value) : Buffer.from(p.value, 'latin1');
      let encoding: string;
      if (charset) encoding = charset;
      else if (override) encoding = override;
      else if (isUtf8(raw)) encoding = 'utf-8';
      else encoding = bytes ? legacy : (declared ?? legacyOf(raw));
      if (!/^utf-?8$/i.test(encoding)) reader.usedLegacy = true;
      const text = iconv.decode(Buffer.from(raw), encoding);
      // A value cut off inside a character (a truncated file, a stray =80) loses only that character.
      return qp ? trimReplacementChars(text) : text;
    },
  };
  return reader;
}

/** Splits at each `sep` that no backslash escapes (a backslash escapes the character after it, a backslash included). */
function splitUnescaped(text: string, sep: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === sep) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out;
}

/** Splits a structured value at unescaped `;` and unescapes each part. */
function parts(text: string): string[] {
  return splitUnescaped(text, ';').map(unescape);
}

/** One pass, so an escaped backslash before an n (`C:\\new`) stays a backslash and an n. */
const unescape = (s: string) => s.replace(/\\([nN,;\\:])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c)).trim();

/** Apple's built-in labels look like _$!<HomePage>!$_; anything else is the owner's own word. */
const appleLabel = (label: string) => label.replace(/^_\$!<(.*)>!\$_$/, '$1');

const TEL_LABELS: [string, string][] = [
  ['CELL', 'Mobile'],
  ['WORK', 'Work'],
  ['HOME', 'Home'],
  ['FAX', 'Fax'],
  ['PAGER', 'Pager'],
];

function labelOf(p: Property, groupLabels: Map<string, string>): string {
  const own = p.group ? groupLabels.get(p.group) : undefined;
  if (own) return appleLabel(own);
  return TEL_LABELS.find(([t]) => p.types.has(t))?.[1] ?? '';
}

/** A filter keeping the first of the items with the same non-empty key (a Set, not a search per item). */
function firstOf<T>(key: (t: T) => string): (t: T) => boolean {
  const seen = new Set<string>();
  return (t) => {
    const k = key(t);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  };
}

function cardToPerson(props: Property[], text: (p: Property) => string): PersonInput {
  const first = (name: string) => props.find((p) => p.name === name);
  const groupLabels = new Map(props.filter((p) => p.name === 'X-ABLABEL' && p.group).map((p) => [p.group, unescape(text(p))]));
  const n = first('N') ? parts(text(first('N') as Property)) : [];
  const fn = first('FN') ? unescape(text(first('FN') as Property)) : '';
  const [family = '', given = ''] = n;
  const natural = [given, family].filter(Boolean).join(' ');
  const urls = props.filter((p) => p.name === 'URL').map((p) => unescape(text(p)));
  const adrProp = props.find((p) => p.name === 'ADR' && p.types.has('HOME')) ?? first('ADR');
  const adr = adrProp ? parts(text(adrProp)) : [];
  const org = first('ORG') ? parts(text(first('ORG') as Property))[0] ?? '' : '';
  return {
    givenName: given,
    familyName: family,
    displayName: fn && fn !== natural && fn !== [family, given].filter(Boolean).join(' ') ? fn : '',
    organization: org,
    role: first('TITLE') ? unescape(text(first('TITLE') as Property)) : '',
    emails: props
      .filter((p) => p.name === 'EMAIL')
      .map((p) => ({ label: labelOf(p, groupLabels), address: unescape(text(p)).replace(/^mailto:/i, '') }))
      .filter(firstOf((e) => e.address.toLowerCase())),
    phones: props
      .filter((p) => p.name === 'TEL')
      .map((p) => {
        // An own label (Apple's, Google's) stays the label; the kinds come from TYPE and from the label's words.
        const own = p.group ? groupLabels.get(p.group) : undefined;
        const label = own ? appleLabel(own) : '';
        const kinds = sortedKinds([...kindsOf([...p.types].join(' ')), ...kindsOf(label)]);
        return { label: label || labelForKinds(kinds), number: readTelUri(unescape(text(p))), kinds };
      })
      .filter(firstOf((t) => t.number)),
    address: { street: [adr[1], adr[2]].filter(Boolean).join('\n'), city: adr[3] ?? '', region: adr[4] ?? '', postalCode: adr[5] ?? '', country: adr[6] ?? '' },
    website: urls.find((u) => !/linkedin\.com\//i.test(u)) ?? '',
    linkedin: urls.find((u) => /linkedin\.com\//i.test(u)) ?? '',
    tags: props
      .filter((p) => p.name === 'CATEGORIES')
      .flatMap((p) => splitUnescaped(text(p), ',').map(unescape))
      .filter((t) => t && !['mycontacts', 'starred'].includes(t.toLowerCase())),
    notes: props
      .filter((p) => p.name === 'NOTE')
      .map((p) => unescape(text(p)))
      .join('\n'),
    ...Object.fromEntries(
      Object.entries(RAPPORT_PROPERTIES).flatMap(([field, name]) => {
        const p = first(name);
        return p ? [[field, unescape(text(p))]] : [];
      }),
    ),
  };
}

/** The anniversary of 4.0 and the names older writers gave it (Apple's X-ABDATE labelled so is read apart). */
const ANNIVERSARIES = new Set(['ANNIVERSARY', 'X-ANNIVERSARY', 'X-MS-ANNIVERSARY', 'X-EVOLUTION-ANNIVERSARY']);

/** A card's birthday, anniversary and photo. */
function cardExtras(props: Property[], text: (p: Property) => string, problem: (line: number, message: string) => void): ImportedExtras {
  const groupLabels = new Map(props.filter((p) => p.name === 'X-ABLABEL' && p.group).map((p) => [p.group, appleLabel(unescape(text(p))).toLowerCase()]));
  const dates: ImportedExtras['dates'] = [];
  for (const p of props) {
    const kind =
      p.name === 'BDAY' ? 'birthday' : ANNIVERSARIES.has(p.name) || (p.name === 'X-ABDATE' && groupLabels.get(p.group) === 'anniversary') ? 'anniversary' : null;
    if (!kind) continue;
    const d = vcardDate(kind, unescape(text(p)));
    if (typeof d === 'string') problem(p.line, d);
    else if (!dates.some((x) => x.kind === d.kind)) dates.push(d);
  }
  const photoProp = props.find((p) => p.name === 'PHOTO');
  const photo = photoProp ? vcardPhoto(photoProp.value) : null;
  if (typeof photo === 'string') problem(photoProp?.line ?? 0, photo);
  return { dates, photo: typeof photo === 'string' ? null : photo };
}

/** How many cards a file begins (BEGIN:VCARD at the start of a line, in any case). */
function countCards(source: string): number {
  const begin = /^[ \t]*BEGIN:VCARD/gim;
  let n = 0;
  while (begin.exec(source)) n++;
  return n;
}

/** Reads a .vcf file: every card that names someone, and every card or value that could not be used, by line. */
export function readVcard(bytes: Uint8Array, encoding: ImportEncoding | null = null): VcardPreview {
  checkFileSize(bytes);
  const found = detect(bytes);
  // Not UTF-8 throughout, or a code page the owner chose: keep the bytes (latin1 maps each to one char) and decode per property.
  const byBytes = encoding === null ? found.mixed : encoding === 'windows-1252' || encoding === 'shift_jis';
  const source = byBytes ? view(bytes.subarray(encoding === null ? found.bom : 0)).toString('latin1') : decodeText(bytes, encoding).text;
  // A legacy file often names its code page on some property; that names it for the rest too.
  const charset = declaredCharset(source);
  const declared: ImportEncoding | null = charset ? encodingNamed(charset) : null;
  const legacy: ImportEncoding = encoding ?? declared ?? found.legacy;
  const values = valueReader(byBytes, encoding, legacy, charset ?? null);
  // Each value that reached a person with a character that could not be read, once, on its line.
  const unreadable = new WeakSet<Property>();
  const text = (p: Property) => {
    const t = values.text(p);
    if (!unreadable.has(p) && t.includes('\ufffd')) {
      unreadable.add(p);
      problems.push({ line: p.line, message: unreadableWords(`This ${p.name}`, t) });
    }
    return t;
  };
  // Counted before any card is read, so a file of too many is refused at once, not after reading half a million.
  if (countCards(source) > IMPORT_LIMITS.records) throw tooManyRecords();
  const records: ImportRecord[] = [];
  const problems: ImportProblem[] = [];
  const versions = new Set<string>();
  let card: { line: number; props: Property[]; full?: boolean } | null = null;
  const finish = (c: { line: number; props: Property[] }) => {
    const version = c.props.find((p) => p.name === 'VERSION')?.value.trim() ?? '';
    if (version) versions.add(version);
    const admitted = admit(cardToPerson(c.props, text), (message) => problems.push({ line: c.line, message }));
    if (admitted.success) records.push({ line: c.line, person: admitted.data, extras: cardExtras(c.props, text, (line, message) => problems.push({ line, message })) });
    else problems.push({ line: c.line, message: 'This card names no one, so no one to import.' });
  };
  for (const l of logicalLines(new LineReader(source))) {
    const p = 'problem' in l ? l.problem : parseProperty(l);
    if (typeof p === 'string' || !p) {
      if (card) problems.push({ line: l.line, message: p ?? 'A line that is not a vCard property was skipped.' });
      continue;
    }
    if (p.name === 'BEGIN' && p.value.trim().toUpperCase() === 'VCARD') {
      if (card) problems.push({ line: card.line, message: 'This card has no END:VCARD; it was cut off and is not imported.' });
      card = { line: l.line, props: [], full: false };
    } else if (p.name === 'END' && p.value.trim().toUpperCase() === 'VCARD') {
      if (card) finish(card);
      card = null;
    } else if (card) {
      if (card.props.length < IMPORT_LIMITS.propertiesPerCard) card.props.push(p);
      else if (!card.full) {
        card.full = true;
        problems.push({ line: card.line, message: `This card has more than ${LIMIT_WORDS.propertiesPerCard}; the rest of them were left out.` });
      }
    }
  }
  if (card) {
    // The file ends inside a card: what it held up to the cut is still someone worth keeping.
    problems.push({ line: card.line, message: 'The file ends inside this card (no END:VCARD); what it held up to there is imported.' });
    finish(card);
  }
  // A file read by its bytes is named by its code page where some value needed it, else it was UTF-8 with a flaw or two.
  const named2: ImportEncoding = encoding ?? (byBytes ? (values.usedLegacy ? legacy : 'utf-8') : found.encoding);
  return { format: 'vcard', versions: [...versions].sort(), encoding: named2, records, problems: problems.sort((a, b) => a.line - b.line) };
}
