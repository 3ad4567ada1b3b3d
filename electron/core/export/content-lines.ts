/**
 * Text and lines for the two formats Rapport writes for address books and calendars: vCard
 * (RFC 6350) and iCalendar (RFC 5545). Both are lines of `NAME;PARAMS:VALUE`, so a line break that
 * reaches the file unescaped starts a new property: a bare CR in an organisation once wrote an
 * extra EMAIL line into every exported card. Values pass through here before the writer escapes
 * them; whole files pass through here after, to be folded by octets.
 */

/** Every way a program writes a line break: CRLF, a lone CR or LF, NEL, LINE and PARAGRAPH SEPARATOR. */
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/**
 * C0 controls other than TAB, DEL and the C1 controls: neither format can carry them (RFC 6350
 * §3.3 VALUE-CHAR and RFC 5545 §3.3.11 TSAFE-CHAR allow only TAB among the controls), and some
 * readers take them as line ends. They carry no meaning in a name or a note.
 */
// eslint-disable-next-line no-control-regex
const UNCARRIED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

/**
 * A text value as the formats can carry it: every line break one `\n` (the writer escapes it), a
 * TAB a space (allowed, but a fold's continuation may begin with it and readers differ on how
 * much white space an unfold takes), other controls left out.
 */
export function contentText(value: string): string {
  return value.replace(LINE_BREAK, '\n').replace(/\t/g, ' ').replace(UNCARRIED, '');
}

/** A URI value: the formats have no escape inside one, so no control character (line breaks included) stays. */
export function contentUri(value: string): string {
  return value.replace(LINE_BREAK, '').replace(/\t/g, '').replace(UNCARRIED, '');
}

/** Content lines are folded at 75 octets, the continuation's leading space included (RFC 6350 §3.2, RFC 5545 §3.1). */
export const FOLD_OCTETS = 75;

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  // A lone surrogate is written as U+FFFD, three octets, like any other character of the BMP.
  return codePoint < 0x10000 ? 3 : 4;
}

/** One content line folded into pieces of at most 75 octets, never inside a character's UTF-8 sequence. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  let limit = FOLD_OCTETS;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0) as number);
    if (octets + n > limit) {
      pieces.push(piece);
      piece = '';
      octets = 0;
      limit = FOLD_OCTETS - 1;
    }
    piece += ch;
    octets += n;
  }
  pieces.push(piece);
  return pieces.join('\r\n ');
}

/**
 * A whole vCard or iCalendar text as written by a library (folded its own way, by characters),
 * unfolded and folded again by octets, with CRLF line ends. Values must have passed through
 * `contentText` first, so every CR or LF left in the text is a line end or a fold.
 */
export function foldContentLines(text: string): string {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  return lines.map((l) => (l === '' ? l : foldLine(l))).join('\r\n');
}
