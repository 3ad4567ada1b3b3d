import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

import type { ImportEncoding } from '../../../shared/domain/import';

/**
 * Which characters a file's bytes are. UTF-8 comes first, always: a value whose bytes are valid
 * UTF-8 is read as UTF-8. A file that is not valid UTF-8 as a whole is read value by value (vCard
 * properties, CSV fields) by its readers, so one bad spot — a legacy byte in one note, a line fold
 * that cut a character in two — costs that value, never every name in the file. What is left over
 * is a legacy code page: Shift_JIS where it reads as Japanese, Windows-1252 otherwise.
 */

/** The bytes as a Buffer without copying them (Buffer.from(Uint8Array) copies a 48 MB file). */
export const view = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Kana, kanji and half-width katakana. */
const isJapanese = (c: number) => (c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff66 && c <= 0xff9f);

/** Japanese characters in the text, and how many of them stand in runs of two or more; one pass, no array of matches. */
function japaneseCounts(text: string): { japanese: number; inRuns: number } {
  let japanese = 0;
  let inRuns = 0;
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isJapanese(text.charCodeAt(i))) {
      japanese++;
      run++;
    } else {
      if (run >= 2) inRuns += run;
      run = 0;
    }
  }
  return { japanese, inRuns };
}

/** The legacy code page of bytes that are not UTF-8: Shift_JIS when they decode cleanly into mostly Japanese text, else Windows-1252. */
export function legacyOf(bytes: Uint8Array): 'shift_jis' | 'windows-1252' {
  const sjis = iconv.decode(view(bytes), 'shift_jis');
  const { japanese, inRuns } = japaneseCounts(sjis);
  let high = 0;
  for (const b of bytes) if (b >= 0x80) high++;
  // Japanese words run together; a lone kanji between Latin letters ("L寳merweg") is a Windows-1252 umlaut misread.
  if (!sjis.includes('\ufffd') && japanese > 0 && japanese * 2 >= high / 2 && inRuns * 2 >= japanese) return 'shift_jis';
  return 'windows-1252';
}

/**
 * The bytes of a file that are not UTF-8: each run of bytes above 0x7F that is not a valid UTF-8
 * sequence, with the ASCII around it (a Shift_JIS character's second byte may be ASCII). Runs
 * that are valid UTF-8 are left out, so a file mixing UTF-8 with Windows-1252 is judged by its
 * Windows-1252 parts alone.
 */
function notUtf8(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  let i = 0;
  while (i < bytes.length) {
    if ((bytes[i] as number) < 0x80) {
      out[n++] = bytes[i] as number;
      i++;
      continue;
    }
    let j = i;
    while (j < bytes.length && (bytes[j] as number) >= 0x80) j++;
    if (!isUtf8(bytes.subarray(i, j))) {
      out.set(bytes.subarray(i, j), n);
      n += j - i;
    }
    i = j;
  }
  return out.subarray(0, n);
}

/**
 * UTF-16 without a byte-order mark, by where its zero bytes fall: text in Latin scripts written
 * as UTF-16 has a zero in every other byte — the odd ones little-endian, the even ones big-endian.
 */
function utf16ByZeros(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.3 && even <= pairs * 0.05) return 'utf-16le';
  if (even >= pairs * 0.3 && odd <= pairs * 0.05) return 'utf-16be';
  return null;
}

export interface Detected {
  encoding: ImportEncoding;
  /** Bytes of the byte-order mark. */
  bom: number;
  /** A file that is neither UTF-16 nor valid UTF-8 throughout: its readers decode value by value. */
  mixed: boolean;
  /** For a mixed file: the code page of the values that are not UTF-8. */
  legacy: 'shift_jis' | 'windows-1252';
}

export function detect(bytes: Uint8Array): Detected {
  const plain = { mixed: false, legacy: 'windows-1252' } as const;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2, ...plain };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2, ...plain };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (!bom) {
    const utf16 = utf16ByZeros(bytes);
    if (utf16) return { encoding: utf16, bom: 0, ...plain };
  }
  if (isUtf8(bom ? bytes.subarray(bom) : bytes)) return { encoding: 'utf-8', bom, ...plain };
  const legacy = legacyOf(notUtf8(bytes));
  // With a UTF-8 byte-order mark the file said what it is; the values that are not are mistakes in it, read as best they can be.
  return { encoding: bom ? 'utf-8' : legacy, bom, mixed: true, legacy };
}

/** One value's bytes as text: UTF-8 when they are, else the legacy code page given. */
export function decodeValue(bytes: Uint8Array, legacy: ImportEncoding): { text: string; encoding: ImportEncoding } {
  if (isUtf8(bytes)) return { text: view(bytes).toString('utf8'), encoding: 'utf-8' };
  return { text: iconv.decode(view(bytes), legacy), encoding: legacy };
}

/** Decodes a file's bytes; the encoding is detected unless the owner chose one in the preview. */
export function decodeText(bytes: Uint8Array, override: ImportEncoding | null = null): { text: string; encoding: ImportEncoding } {
  const found = detect(bytes);
  const encoding = override ?? found.encoding;
  const skip = override === null || override === found.encoding ? found.bom : 0;
  return { text: iconv.decode(view(bytes.subarray(skip)), encoding), encoding };
}
