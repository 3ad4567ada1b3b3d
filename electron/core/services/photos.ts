import { PHOTO_MAX_BASE64, sniffImage, type PersonPhoto } from '../../../shared/domain/photos';
import { AppError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { stmt } from '../db/statements';
import { personRef } from './person-records';

/** A person's photo, kept in the book (base64, small: the page resizes before sending). */
export function photoOf(ctx: CoreContext, personId: number): PersonPhoto | null {
  const row = stmt<[number], { mime: string; data: string; on_badges: number }>(ctx.db, 'SELECT mime, data, on_badges FROM person_photos WHERE person_id = ?').get(personId);
  return row ? { url: `data:${row.mime};base64,${row.data}`, onBadges: row.on_badges === 1 } : null;
}

export function setPhoto(ctx: CoreContext, personId: number, data: string, onBadges: boolean): PersonPhoto {
  const base64 = data.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (base64.length > PHOTO_MAX_BASE64) throw new AppError('invalid_input', 'This photo is too large.', { photo: 'Choose a smaller photo (about 190 KB at most).' });
  const mime = /^[A-Za-z0-9+/]+={0,2}$/.test(base64) ? sniffImage(new Uint8Array(Buffer.from(base64.slice(0, 64), 'base64'))) : null;
  if (!mime) throw new AppError('invalid_input', 'This is not a photo Rapport can keep.', { photo: 'Choose a JPEG, PNG, GIF or WebP image.' });
  ctx.db
    .transaction(() => {
      personRef(ctx, personId);
      stmt(
        ctx.db,
        `INSERT INTO person_photos (person_id, mime, data, on_badges, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (person_id) DO UPDATE SET mime = excluded.mime, data = excluded.data, on_badges = excluded.on_badges, updated_at = excluded.updated_at`,
      ).run(personId, mime, base64, onBadges ? 1 : 0, ctx.now().toISOString());
    })
    .immediate();
  return photoOf(ctx, personId) as PersonPhoto;
}

export function setPhotoOnBadges(ctx: CoreContext, personId: number, onBadges: boolean): PersonPhoto | null {
  ctx.db.transaction(() => stmt(ctx.db, 'UPDATE person_photos SET on_badges = ?, updated_at = ? WHERE person_id = ?').run(onBadges ? 1 : 0, ctx.now().toISOString(), personId)).immediate();
  return photoOf(ctx, personId);
}

export function removePhoto(ctx: CoreContext, personId: number): { personId: number } {
  ctx.db.transaction(() => stmt(ctx.db, 'DELETE FROM person_photos WHERE person_id = ?').run(personId)).immediate();
  return { personId };
}
