import iconv from 'iconv-lite';
import type { PersonInput } from '../../../shared/domain/person';
import { admit } from './admit';
import type { ImportProblem, ImportRecord } from './csv';
import type { ImportEncoding } from '../../../shared/domain/import';
import { decodeText } from './encoding';

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

/** Physical lines, whatever their endings (CRLF, LF, CR CR LF, CR, mixed). */
function physicalLines(text: string): string[] {
  return text.replace(/\r\r\n/g, '\n').replace(/\r\n/g, '\n').replace(/\r/g, '\n').split('\n');
}

const isQuotedPrintable = (head: string) => /;(ENCODING=)?QUOTED-PRINTABLE/i.test(head);
const isBase64 = (head: string) => /;(ENCODING=)?(BASE64|B)(;|:|$)/i.test(head);
const looksLikeProperty = (s: string) => /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)?[;:]/.test(s);

/** Joins folded, quoted-printable-continued, backslash-continued and base64 lines into logical lines. */
function logicalLines(lines: string[]): Line[] {
  const out: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = i;
    let text = lines[i] ?? '';
    i++;
    const colon = text.indexOf(':');
    const head = colon >= 0 ? text.slice(0, colon) : text;
    if (isQuotedPrintable(head)) {
      while (text.endsWith('=') && i < lines.length) {
        if ((lines[i] ?? '') === '' && i + 1 < lines.length) i++; // a blank line after a soft break
        // After a soft break the next line is text as it stands: its leading space is a space ("come= / to").
        text = text.slice(0, -1) + (lines[i] ?? '');
        i++;
      }
    } else if (isBase64(head) && BINARY.has(head.split(/[;.]/).at(head.includes('.') ? 1 : 0)?.toUpperCase() ?? '')) {
      // 2.1 base64 runs until a blank line; later versions fold it. Either way it is not kept.
      while (i < lines.length && (lines[i] ?? '') !== '' && !looksLikeProperty(lines[i] ?? '')) i++;
      if ((lines[i] ?? '') === '') i++;
      out.push({ line: start + 1, text: head + ':' });
      continue;
    }
    for (;;) {
      const next = lines[i];
      if (next !== undefined && (next.startsWith(' ') || next.startsWith('\t'))) {
        text += next.slice(1);
        i++;
      } else if (text.endsWith('\\') && next !== undefined && next !== '' && !looksLikeProperty(next)) {
        text = text.slice(0, -1) + '\n' + next;
        i++;
      } else break;
    }
    if (text.trim() !== '') out.push({ line: start + 1, text });
  }
  return out;
}

/** Splits at the first character `ch` outside double quotes. */
function splitOutsideQuotes(s: string, ch: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let current = '';
  for (const c of s) {
    if (c === '"') quoted = !quoted;
    if (c === ch && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

function parseProperty(l: Line): Property | null {
  const [head, ...rest] = splitOutsideQuotes(l.text, ':');
  if (head === undefined || rest.length === 0) return null;
  const [nameWithGroup = '', ...paramTexts] = splitOutsideQuotes(head, ';');
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
    params.set(key, [...(params.get(key) ?? []), ...values]);
    if (key === 'TYPE') values.forEach((v) => types.add(v.toUpperCase()));
  }
  return { line: l.line, group, name, params, types, value: rest.join(':') };
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

/**
 * A property's text. In a file that is not UTF-8 the text was read byte for byte (latin1), so
 * its bytes are decoded again with the property's CHARSET, or the file's legacy code page.
 */
function textOf(p: Property, binaryFile: boolean, legacy: ImportEncoding): string {
  const charset = (p.params.get('CHARSET')?.[0] ?? '').toLowerCase();
  const encoding = charset && iconv.encodingExists(charset) ? charset : binaryFile ? legacy : 'utf-8';
  const encodingParam = (p.params.get('ENCODING')?.[0] ?? '').toUpperCase();
  if (encodingParam === 'QUOTED-PRINTABLE' || p.types.has('QUOTED-PRINTABLE')) {
    // A value cut off inside a character (a truncated file, a stray =80) loses only that character.
    return iconv.decode(Buffer.from(decodeQuotedPrintable(p.value)), encoding).replace(/\uFFFD+$/, '');
  }
  return binaryFile ? iconv.decode(Buffer.from(p.value, 'latin1'), encoding) : p.value;
}

/** Splits a structured value at unescaped `;` and unescapes each part. */
function parts(text: string): string[] {
  return text.split(/(?<!\\);/).map(unescape);
}

const unescape = (s: string) => s.replace(/\\[nN]/g, '\n').replace(/\\([,;\\:])/g, '$1').trim();

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
      .filter((e, i, all) => e.address && all.findIndex((x) => x.address.toLowerCase() === e.address.toLowerCase()) === i),
    phones: props
      .filter((p) => p.name === 'TEL')
      .map((p) => ({ label: labelOf(p, groupLabels), number: unescape(text(p)).replace(/^tel:/i, '') }))
      .filter((t, i, all) => t.number && all.findIndex((x) => x.number === t.number) === i),
    address: { street: [adr[1], adr[2]].filter(Boolean).join('\n'), city: adr[3] ?? '', region: adr[4] ?? '', postalCode: adr[5] ?? '', country: adr[6] ?? '' },
    website: urls.find((u) => !/linkedin\.com\//i.test(u)) ?? '',
    linkedin: urls.find((u) => /linkedin\.com\//i.test(u)) ?? '',
    tags: props
      .filter((p) => p.name === 'CATEGORIES')
      .flatMap((p) => text(p).split(/(?<!\\),/).map(unescape))
      .filter((t) => t && !['mycontacts', 'starred'].includes(t.toLowerCase())),
    notes: props
      .filter((p) => p.name === 'NOTE')
      .map((p) => unescape(text(p)))
      .join('\n'),
  };
}

/** Reads a .vcf file: every card that names someone, and every card or value that could not be used, by line. */
export function readVcard(bytes: Uint8Array, encoding: ImportEncoding | null = null): VcardPreview {
  const decoded = decodeText(bytes, encoding);
  // Not UTF-8 (and no BOM): keep the bytes (latin1 maps each to one char) and decode per property.
  const binaryFile = decoded.encoding === 'windows-1252' || decoded.encoding === 'shift_jis';
  const source = binaryFile ? Buffer.from(bytes).toString('latin1') : decoded.text;
  // A legacy file often names its code page on some property; that names it for the rest too.
  const declared = binaryFile ? /CHARSET=(windows-1252|cp1252|iso-8859-1|shift_jis|sjis|cp932)\b/i.exec(source)?.[1]?.toLowerCase() : undefined;
  const legacy: ImportEncoding = encoding ?? (declared ? (/jis|932/.test(declared) ? 'shift_jis' : 'windows-1252') : decoded.encoding);
  const records: ImportRecord[] = [];
  const problems: ImportProblem[] = [];
  const versions = new Set<string>();
  let card: { line: number; props: Property[] } | null = null;
  const finish = (c: { line: number; props: Property[] }) => {
    const version = c.props.find((p) => p.name === 'VERSION')?.value.trim() ?? '';
    if (version) versions.add(version);
    const text = (p: Property) => textOf(p, binaryFile, legacy);
    const admitted = admit(cardToPerson(c.props, text), (message) => problems.push({ line: c.line, message }));
    if (admitted.success) records.push({ line: c.line, person: admitted.data });
    else problems.push({ line: c.line, message: 'This card names no one, so no one to import.' });
  };
  for (const l of logicalLines(physicalLines(source))) {
    const p = parseProperty(l);
    if (!p) {
      if (card) problems.push({ line: l.line, message: 'A line that is not a vCard property was skipped.' });
      continue;
    }
    if (p.name === 'BEGIN' && p.value.trim().toUpperCase() === 'VCARD') {
      if (card) problems.push({ line: card.line, message: 'This card has no END:VCARD; it was cut off and is not imported.' });
      card = { line: l.line, props: [] };
    } else if (p.name === 'END' && p.value.trim().toUpperCase() === 'VCARD') {
      if (card) finish(card);
      card = null;
    } else if (card) {
      card.props.push(p);
    }
  }
  if (card) {
    // The file ends inside a card: what it held up to the cut is still someone worth keeping.
    problems.push({ line: card.line, message: 'The file ends inside this card (no END:VCARD); what it held up to there is imported.' });
    finish(card);
  }
  return { format: 'vcard', versions: [...versions].sort(), encoding: decoded.encoding, records, problems: problems.sort((a, b) => a.line - b.line) };
}
