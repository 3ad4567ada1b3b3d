import fs from 'node:fs';
import path from 'node:path';

/**
 * The built renderer as files, for the two places that serve it: station mode over HTTP and the
 * desktop app's `app://` protocol. One rule for which file a URL path names, so neither can be
 * talked into serving something outside the renderer's folder.
 */

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentType(file: string): string {
  return MIME[path.extname(file)] ?? 'application/octet-stream';
}

/** `decodeURIComponent` that answers null for a broken escape (`%E0`) instead of throwing. */
export function decodePath(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export type StaticLookup = { file: string; immutable: boolean } | { error: 'bad_path' | 'not_found' };

/** The file under `root` that the URL path `pathname` (still %-encoded) names. */
export function findStaticFile(root: string, pathname: string): StaticLookup {
  const decoded = pathname === '/' ? '/index.html' : decodePath(pathname);
  if (decoded === null || decoded.includes('\0')) return { error: 'bad_path' };
  const relative = decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return { error: 'not_found' };
  // Vite names built assets by their content, so they never change under the same name.
  return { file, immutable: relative.startsWith('assets/') };
}
