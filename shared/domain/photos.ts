/** Photos are kept in the book, small: at most this many base64 characters (about 190 KB). */
export const PHOTO_MAX_BASE64 = 256 * 1024;

export const PHOTO_MIMES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type PhotoMime = (typeof PHOTO_MIMES)[number];

/** What the bytes are, read from their first bytes (never from a name or a declared type). */
export function sniffImage(bytes: Uint8Array): PhotoMime | null {
  const at = (i: number) => bytes[i] ?? -1;
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return 'image/png';
  if (at(0) === 0x47 && at(1) === 0x49 && at(2) === 0x46 && at(3) === 0x38) return 'image/gif';
  if (at(0) === 0x52 && at(1) === 0x49 && at(2) === 0x46 && at(3) === 0x46 && at(8) === 0x57 && at(9) === 0x45 && at(10) === 0x42 && at(11) === 0x50) return 'image/webp';
  return null;
}

export interface PersonPhoto {
  /** A data: URL the page can show at once. */
  url: string;
  onBadges: boolean;
}
