import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

import type { ImportEncoding } from '../../../shared/domain/import';

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

function detect(bytes: Uint8Array): { encoding: ImportEncoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  if (isUtf8(bytes)) return { encoding: 'utf-8', bom: 0 };
  // Not UTF-8: a legacy code page. Shift_JIS when it decodes cleanly into mostly Japanese text.
  const sjis = iconv.decode(view(bytes), 'shift_jis');
  const { japanese, inRuns } = japaneseCounts(sjis);
  let high = 0;
  for (const b of bytes) if (b >= 0x80) high++;
  // Japanese words run together; a lone kanji between Latin letters ("L寳merweg") is a Windows-1252 umlaut misread.
  if (!sjis.includes('\ufffd') && japanese > 0 && japanese * 2 >= high / 2 && inRuns * 2 >= japanese) return { encoding: 'shift_jis', bom: 0 };
  return { encoding: 'windows-1252', bom: 0 };
}

/** Decodes a file's bytes; the encoding is detected unless the owner chose one in the preview. */
export function decodeText(bytes: Uint8Array, override: ImportEncoding | null = null): { text: string; encoding: ImportEncoding } {
  const found = detect(bytes);
  const encoding = override ?? found.encoding;
  const skip = override === null || override === found.encoding ? found.bom : 0;
  return { text: iconv.decode(view(bytes.subarray(skip)), encoding), encoding };
}
