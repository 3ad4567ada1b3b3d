import { quoted } from './limits';

/**
 * The words for a value holding U+FFFD, the character a decoder puts where bytes are not a
 * character of the encoding read: the owner sees which value and that another encoding (chosen
 * in the preview) may read it whole.
 */
export function unreadableWords(what: string, value: string): string {
  const at = value.indexOf('\ufffd');
  const from = Math.max(0, at - 20);
  const excerpt = `${from > 0 ? '…' : ''}${value.slice(from, at + 20)}`;
  return `${what} has characters that could not be read (shown as �): ${quoted(excerpt, 50)}. If names look wrong, choose the file's encoding in the preview.`;
}
