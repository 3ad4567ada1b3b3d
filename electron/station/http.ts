import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { ErrorCode, Envelope } from '../../shared/errors';
import { describeApi, dispatchAsync } from '../core/api';
import type { CoreContext } from '../core/context';
import { CONTENT_SECURITY_POLICY } from '../core/security';
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
  database_too_new: 409,
  database_damaged: 409,
  cancelled: 409,
  unreachable: 503,
  internal: 500,
};

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

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export interface StationOptions {
  ctx: CoreContext;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  maxBodyBytes?: number;
  report?: (method: string, error: unknown) => void;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: http.OutgoingHttpHeaders = {}): void {
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

function sendError(res: http.ServerResponse, code: ErrorCode, message: string, extra: http.OutgoingHttpHeaders = {}): void {
  const envelope: Envelope<never> = { ok: false, error: { code, message } };
  sendJson(res, STATUS[code], envelope, extra);
}

/** Only requests addressed to the loopback name we listen on: a DNS-rebinding page cannot reach the book. */
function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return name === '127.0.0.1' || name === 'localhost' || name === '::1';
}

function isLoopbackOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true; // not a browser page: curl, tests, a second station
  try {
    return isLoopbackHost(new URL(origin).host);
  } catch {
    return false;
  }
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
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

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string, opts: StationOptions): Promise<void> {
  if (req.method !== 'POST') {
    sendError(res, 'bad_request', 'Call API methods with POST and a JSON body.', { Allow: 'POST' });
    return;
  }
  if (!isLoopbackOrigin(req.headers.origin)) {
    sendError(res, 'forbidden', 'Requests from other sites are not accepted.');
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
  const envelope = await dispatchAsync(opts.ctx, method, input, opts.report);
  sendJson(res, envelope.ok ? 200 : STATUS[envelope.error.code], envelope);
}

function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, staticDir: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end();
    return;
  }
  const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const root = path.resolve(staticDir);
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const immutable = relative.startsWith('assets/');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': fs.statSync(file).size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(file).pipe(res);
}

/** The HTTP transport of the one API ("station mode") plus the built renderer at `/`. */
export function createStationServer(opts: StationOptions): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!isLoopbackHost(req.headers.host)) {
      sendError(res, 'forbidden', 'Station mode answers only on the loopback address.');
      return;
    }
    const handle = async () => {
      if (url.pathname === EVENTS_PATH) return serveEvents(req, res, url, opts.ctx);
      if (url.pathname === '/api' || url.pathname === '/api/') {
        if (req.method !== 'GET') sendError(res, 'bad_request', 'GET /api lists the methods; call one with POST /api/<method>.');
        else sendJson(res, 200, { methods: describeApi() });
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        await handleApi(req, res, decodeURIComponent(url.pathname.slice('/api/'.length)), opts);
        return;
      }
      serveStatic(req, res, url.pathname, opts.staticDir);
    };
    handle().catch((error: unknown) => {
      (opts.report ?? console.error)('station', error);
      if (!res.headersSent) sendError(res, 'internal', 'Something went wrong and nothing was saved. Please try again.');
      else res.destroy();
    });
  });
}
