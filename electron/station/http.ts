import fs from 'node:fs';
import http from 'node:http';
import type { Caller } from '../../shared/access';
import type { ErrorCode, Envelope } from '../../shared/errors';
import { describeApi, dispatchAsync } from '../core/api';
import { asCaller, type CoreContext } from '../core/context';
import { CONTENT_SECURITY_POLICY } from '../core/security';
import { contentType, decodePath, findStaticFile } from '../core/static-files';
import { authenticate, OWNER_REFUSALS, sessionCookie, type Refusals, type TokenRegistry } from './auth';
import { EVENTS_PATH, serveEvents } from './events';

export const DEFAULT_STATION_PORT = 4747;
/** Far above any real request (a person is a few KB); stops a runaway or hostile client early. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Methods that carry a whole file (base64): a contact export of 100,000 people is some 15 MB. */
const FILE_METHODS = new Set(['imports.preview', 'imports.run', 'imports.full']);
const MAX_FILE_BODY_BYTES = 64 * 1024 * 1024;

const STATUS: Record<ErrorCode, number> = {
  unknown_method: 404,
  invalid_input: 422,
  not_found: 404,
  conflict: 409,
  bad_request: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  forbidden: 403,
  unauthorized: 401,
  database_too_new: 409,
  database_damaged: 409,
  cancelled: 409,
  boundary: 409,
  unreachable: 503,
  internal: 500,
  busy: 503,
  disk_full: 507,
  read_only: 503,
};

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export interface StationOptions {
  ctx: CoreContext;
  /** The tokens this station accepts (the owner's, printed at start) and whose they are. */
  tokens: TokenRegistry;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  maxBodyBytes?: number;
  report?: (method: string, error: unknown) => void;
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}

export function sendError(res: http.ServerResponse, code: ErrorCode, message: string, extra: http.OutgoingHttpHeaders = {}): void {
  const envelope: Envelope<never> = { ok: false, error: { code, message } };
  sendJson(res, STATUS[code], envelope, extra);
}

/**
 * The origin a request is addressed to, when it is one of this station's own: the loopback names
 * with the port we listen on. Anything else (a DNS-rebinding page, a stray Host) is refused.
 */
function ownOrigin(host: string | undefined, port: number): string | null {
  if (host === `127.0.0.1:${port}` || host === `localhost:${port}`) return `http://${host}`;
  return null;
}

/** A browser page may call the API only from the station's own origin, exactly; other clients send none. */
export function sameOrigin(origin: string | undefined, own: string): boolean {
  return origin === undefined || origin === own;
}

/**
 * What sets one listener of the hub apart from another: the owner's on the loopback address (plain
 * HTTP, the printed key) and the door's on the local network (HTTPS, paired devices only,
 * electron/station/network-door.ts). Both serve the same API through the same dispatch.
 */
export interface Listener {
  /** The origin a request is addressed to, when it is one of this listener's own; anything else is refused. */
  originOf(req: http.IncomingMessage, port: number): string | null;
  /** Why a caller who proved who they are may not come in through here, or null. */
  refuses(caller: Caller): string | null;
  /** What a request without a valid token is told. */
  strangers: Refusals;
  /** The listener's own pages (the key exchange, pairing): true when it answered the request. */
  route(request: Incoming, opts: StationOptions): Promise<boolean> | boolean;
  /** What a request addressed to another host name is told. */
  unknownHost: string;
}

export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      resolve('too_large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

export interface Incoming {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  url: URL;
  port: number;
  origin: string;
}

async function handleApi({ req, res, url, port, origin }: Incoming, rawMethod: string, opts: StationOptions, listener: Listener): Promise<void> {
  if (!sameOrigin(req.headers.origin, origin)) {
    sendError(res, 'forbidden', 'Requests from other sites are not accepted.');
    return;
  }
  const who = authenticate(req, port, opts.tokens, listener.strangers);
  if ('refused' in who) {
    sendError(res, 'unauthorized', who.refused, { 'WWW-Authenticate': 'Bearer realm="Rapport"' });
    return;
  }
  const refusal = listener.refuses(who.caller);
  if (refusal) {
    sendError(res, 'forbidden', refusal);
    return;
  }
  if (url.pathname === EVENTS_PATH) {
    serveEvents(req, res, url, asCaller(opts.ctx, who.caller));
    return;
  }
  if (rawMethod === '') {
    if (req.method !== 'GET') sendError(res, 'bad_request', 'GET /api lists the methods; call one with POST /api/<method>.');
    else sendJson(res, 200, { methods: describeApi() });
    return;
  }
  const method = decodePath(rawMethod);
  if (method === null) {
    sendError(res, 'bad_request', 'This address has a broken %-escape; call a method as POST /api/<method>.');
    return;
  }
  if (req.method !== 'POST') {
    sendError(res, 'bad_request', 'Call API methods with POST and a JSON body.', { Allow: 'POST' });
    return;
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    sendError(res, 'unsupported_media_type', 'Send the input as JSON, with Content-Type: application/json.');
    req.resume();
    return;
  }
  const limit = opts.maxBodyBytes ?? (FILE_METHODS.has(method) ? MAX_FILE_BODY_BYTES : MAX_BODY_BYTES);
  const body = await readBody(req, limit);
  if (body === 'too_large') {
    // Closing the connection stops the client from streaming the rest of an oversized body at us.
    sendError(res, 'payload_too_large', `The request is larger than ${Math.round(limit / 1024)} KB.`, { Connection: 'close' });
    req.destroy();
    return;
  }
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    sendError(res, 'bad_request', 'The request body is not valid JSON.');
    return;
  }
  const envelope = await dispatchAsync(asCaller(opts.ctx, who.caller), method, input, opts.report);
  sendJson(res, envelope.ok ? 200 : STATUS[envelope.error.code], envelope);
}

/**
 * `/?token=…`, the address the station printed: a valid token is exchanged for the session cookie
 * and the page reloads without it, so the key leaves the address bar.
 */
function exchangeToken({ res, url, port }: Incoming, opts: StationOptions): void {
  const token = url.searchParams.get('token') ?? '';
  if (!opts.tokens.callerFor(token)) {
    sendPage(res, 401, 'This key is not valid any more', [
      'The address you opened carries a key this station does not know: it was restarted since, or the key was withdrawn.',
      'Open the address the station printed when it last started (it begins with http://127.0.0.1: and ends with ?token=…).',
    ]);
    return;
  }
  res.writeHead(303, { ...SECURITY_HEADERS, Location: '/', 'Set-Cookie': sessionCookie(port, token), 'Cache-Control': 'no-store' }).end();
}

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page of plain text for a browser that cannot run the app (no script: the CSP allows none inline). */
export function sendPage(res: http.ServerResponse, status: number, title: string, paragraphs: string[]): void {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Rapport — ${escapeHtml(title)}</title>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>${escapeHtml(title)}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</body></html>`;
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html), 'Cache-Control': 'no-store' });
  res.end(html);
}

/** The built renderer: public code with nothing of the book in it, so it needs no key. */
function serveStatic({ req, res, url }: Incoming, staticDir: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end();
    return;
  }
  const found = findStaticFile(staticDir, url.pathname);
  if ('error' in found) {
    if (found.error === 'bad_path') sendError(res, 'bad_request', 'This address has a broken %-escape.');
    else res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType(found.file),
    'Content-Length': fs.statSync(found.file).size,
    'Cache-Control': found.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(found.file).pipe(res);
}

async function route(request: Incoming, opts: StationOptions, listener: Listener): Promise<void> {
  const { url } = request;
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return handleApi(request, url.pathname.slice('/api/'.length), opts, listener);
  if (await listener.route(request, opts)) return;
  return serveStatic(request, opts.staticDir);
}

/** The owner's listener: loopback names only, and the printed key traded for a cookie at `/?token=`. */
export const LOOPBACK: Listener = {
  originOf: (req, port) => ownOrigin(req.headers.host, port),
  refuses: () => null,
  strangers: OWNER_REFUSALS,
  route(request, opts) {
    if (request.url.pathname !== '/' || !request.url.searchParams.has('token')) return false;
    exchangeToken(request, opts);
    return true;
  },
  unknownHost: 'Station mode answers only on its own loopback address.',
};

/** The requests of one listener: its own origin only, its own pages, then the API and the built renderer. */
export function stationHandler(opts: StationOptions, listener: Listener): http.RequestListener {
  return (req, res) => {
    const port = req.socket.localPort ?? 0;
    const origin = listener.originOf(req, port);
    if (!origin) {
      sendError(res, 'forbidden', listener.unknownHost);
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      sendError(res, 'bad_request', 'This address cannot be read.');
      return;
    }
    Promise.resolve()
      .then(() => route({ req, res, url, port, origin }, opts, listener))
      .catch((error: unknown) => {
        (opts.report ?? console.error)('station', error);
        if (!res.headersSent) sendError(res, 'internal', 'Something went wrong and nothing was saved. Please try again.');
        else res.destroy();
      });
  };
}

/** The HTTP transport of the one API ("station mode") plus the built renderer at `/`, on the loopback address. */
export function createStationServer(opts: StationOptions): http.Server {
  return http.createServer(stationHandler(opts, LOOPBACK));
}
