import fs from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../core/security';
import { contentType, findStaticFile } from '../core/static-files';

/**
 * The desktop app's own scheme: the built renderer is served as app://rapport/… rather than
 * file://, so the page has an origin of its own (no reach into the file system, the same CSP
 * header as station mode) and the main process can tell it from any other page by that origin.
 * No Electron import here: the same answers are tested in Node.
 */
export const APP_SCHEME = 'app';
const APP_HOST = 'rapport';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Whether a URL is one of ours. Compared by scheme and host: Node reports the origin of every
 * non-web scheme as "null", which would make any two of them look alike.
 */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

const HEADERS = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };

const plain = (status: number, text: string) => new Response(text, { status, headers: { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

/** One request to app://rapport/<path>, answered from the renderer's folder and nothing outside it. */
export async function answerAppRequest(rendererDir: string, raw: string): Promise<Response> {
  if (!isAppUrl(raw)) return plain(404, 'Not found');
  const found = findStaticFile(rendererDir, new URL(raw).pathname);
  if ('error' in found) return found.error === 'bad_path' ? plain(400, 'This address has a broken %-escape.') : plain(404, 'Not found');
  return new Response(await fs.readFile(found.file), { status: 200, headers: { ...HEADERS, 'Content-Type': contentType(found.file) } });
}
