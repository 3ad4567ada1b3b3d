import { ImportantDateInputSchema, readVcardDate, type ImportantDateInput } from '../../../shared/domain/important-dates';
import { PHOTO_MAX_BASE64, sniffImage, type PhotoMime } from '../../../shared/domain/photos';

/** What a contact file says beyond the person's fields: important dates and a photo. */
export interface ImportedExtras {
  dates: ImportantDateInput[];
  photo: { mime: PhotoMime; data: string } | null;
}

/** A vCard date property (BDAY, ANNIVERSARY, X-ANNIVERSARY): the date, or a word for the problem. */
export function vcardDate(kind: 'birthday' | 'anniversary', value: string): ImportantDateInput | string {
  const d = readVcardDate(value);
  if (!d) return `“${value.trim().slice(0, 20)}” is not a date the ${kind} can be read from; left out.`;
  return ImportantDateInputSchema.parse({ kind, ...d });
}

/**
 * A vCard PHOTO: inline base64 (2.1 / 3.0 ENCODING=b or BASE64) or a data: URL (4.0). A link to
 * a photo elsewhere is not fetched. The kind is read from the bytes, never from the card.
 */
export function vcardPhoto(value: string): ImportedExtras['photo'] | string | null {
  const v = value.trim();
  if (!v) return null;
  if (/^(https?|file|ftp):/i.test(v)) return null;
  const base64 = (v.startsWith('data:') ? v.slice(v.indexOf(',') + 1) : v).replace(/\s+/g, '');
  if (base64.length > PHOTO_MAX_BASE64) return 'The photo is larger than Rapport keeps (about 190 KB); left out.';
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return 'The photo is not readable base64; left out.';
  const mime = sniffImage(new Uint8Array(Buffer.from(base64.slice(0, 64), 'base64')));
  if (!mime) return 'The photo is not a JPEG, PNG, GIF or WebP image; left out.';
  return { mime, data: base64 };
}
