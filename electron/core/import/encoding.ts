import iconv from 'iconv-lite';

import type { ImportEncoding } from '../../../shared/domain/import';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff\uff66-\uff9f]/gu;
const JAPANESE_RUN = /[\u3040-\u30ff\u4e00-\u9fff\uff66-\uff9f]{2,}/gu;

function detect(bytes: Uint8Array): { encoding: ImportEncoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    // Not UTF-8: a legacy code page. Shift_JIS when it decodes cleanly into mostly Japanese text.
  }
  const sjis = iconv.decode(Buffer.from(bytes), 'shift_jis');
  const japanese = sjis.match(JAPANESE)?.length ?? 0;
  const high = bytes.filter((b) => b >= 0x80).length;
  // Japanese words run together; a lone kanji between Latin letters ("L寳merweg") is a Windows-1252 umlaut misread.
  const inRuns = sjis.match(JAPANESE_RUN)?.join('').length ?? 0;
  if (!sjis.includes('\ufffd') && japanese > 0 && japanese * 2 >= high / 2 && inRuns * 2 >= japanese) return { encoding: 'shift_jis', bom: 0 };
  return { encoding: 'windows-1252', bom: 0 };
}

/** Decodes a file's bytes; the encoding is detected unless the owner chose one in the preview. */
export function decodeText(bytes: Uint8Array, override: ImportEncoding | null = null): { text: string; encoding: ImportEncoding } {
  const found = detect(bytes);
  const encoding = override ?? found.encoding;
  const skip = override === null || override === found.encoding ? found.bom : 0;
  return { text: iconv.decode(Buffer.from(bytes.subarray(skip)), encoding), encoding };
}
