import type http from 'node:http';
import { PAIRED_NAME_MAX, PairedNameSchema, PAIRING_CODE_DIGITS, PAIRING_PATH, readPairingCode } from '../../shared/domain/door-hub';
import type { PairingDesk } from '../core/door/pairing-desk';
import { AppError } from '../../shared/errors';
import { deviceCaller, pairDevice } from '../core/services/door-devices';
import { stmt } from '../core/db/statements';
import { deviceCookie, presentedToken } from './auth';
import { escapeHtml, readBody, sameOrigin, SECURITY_HEADERS, sendJson, type Incoming, type StationOptions } from './http';

/**
 * The pairing page a device reaches from the hub's QR code (or by typing the address): the code
 * and a name for the device, and it gets its own token with the door role for the seminar the
 * code was given for — in an HttpOnly cookie for this origin, and in the answer to a JSON request
 * for a client that keeps it itself. A plain form that needs no script. Wrong codes count towards
 * the lock (pairing-desk.ts).
 */

const MAX_PAIRING_BODY = 4096;

/** This page alone posts a form, to itself; it runs no script at all. */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Where a paired device goes: the door screen of its seminar. */
export const doorScreen = (seminarId: number) => `/#/door/${seminarId}`;

interface Form {
  code: string;
  name: string;
  errors: { code?: string; name?: string; form?: string };
  paired?: { name: string; seminarTitle: string; seminarId: number } | null;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f1f3f5;color:#212529;line-height:1.45}
main{max-width:28rem;margin:0 auto;padding:1.25rem 1rem 2rem}
h1{font-size:1.6rem;margin:.25rem 0 .5rem}
p{margin:.25rem 0 .75rem}
form{background:#fff;border:1px solid #dee2e6;border-radius:.75rem;padding:1rem;margin:1rem 0}
label{display:block;font-weight:600;font-size:1.05rem;margin-top:.5rem}
.hint{color:#495057;font-size:.9rem;margin:.1rem 0 .4rem}
input{display:block;width:100%;font-size:1.25rem;padding:.7rem .8rem;border:1px solid #adb5bd;border-radius:.5rem;min-height:3rem}
input#code{font-size:1.6rem;letter-spacing:.3rem;font-variant-numeric:tabular-nums}
input[aria-invalid=true]{border-color:#e03131;border-width:2px}
.error{color:#c92a2a;font-weight:600;font-size:.95rem;margin:.35rem 0 0}
.banner{background:#fff5f5;border:2px solid #e03131;color:#c92a2a;border-radius:.5rem;padding:.6rem .8rem;font-weight:600}
.paired{background:#ebfbee;border:1px solid #2f9e44;border-radius:.5rem;padding:.6rem .8rem}
button{display:block;width:100%;margin-top:1.25rem;min-height:3.25rem;font-size:1.2rem;font-weight:600;color:#fff;background:#1971c2;border:0;border-radius:.5rem}
.small{font-size:.85rem;color:#495057}
a{color:#1864ab}
`;

function field(id: 'code' | 'name', label: string, hint: string, value: string, error: string | undefined, attrs: string): string {
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return `<label for="${id}">${label}</label><p class="hint" id="${id}-hint">${hint}</p>
<input id="${id}" name="${id}" value="${escapeHtml(value)}" aria-describedby="${described}"${error ? ' aria-invalid="true"' : ''} ${attrs}>
${error ? `<p class="error" id="${id}-error">${escapeHtml(error)}</p>` : ''}`;
}

function page(res: http.ServerResponse, status: number, form: Form, extra: http.OutgoingHttpHeaders = {}): void {
  const { errors } = form;
  const paired = form.paired
    ? `<p class="paired">This device is paired as <b>${escapeHtml(form.paired.name)}</b> for <b>${escapeHtml(form.paired.seminarTitle)}</b>. <a href="${doorScreen(form.paired.seminarId)}">Open the door screen</a>, or pair it again below.</p>`
    : '';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pair this device — Rapport</title><style>${STYLE}</style></head>
<body><main>
<h1>Pair this device</h1>
<p>The organizer’s computer lets this phone, tablet or laptop check people in at one seminar.</p>
${paired}
<form method="post" action="${PAIRING_PATH}" novalidate aria-label="Pair this device">
${errors.form ? `<p class="banner" role="alert">${escapeHtml(errors.form)}</p>` : ''}
${field('code', 'Pairing code', `The ${PAIRING_CODE_DIGITS}-digit code the hub shows beside its QR code.`, form.code, errors.code, `inputmode="numeric" autocomplete="one-time-code" maxlength="12" required${errors.code || !form.code ? ' autofocus' : ''}`)}
${field('name', 'Name of this device', 'Shown on the hub and beside the check-ins it makes.', form.name, errors.name, `maxlength="${PAIRED_NAME_MAX}" autocomplete="off" placeholder="Door 2" required${!errors.code && form.code ? ' autofocus' : ''}`)}
<button type="submit">Pair this device</button>
</form>
<p class="small">Did your browser warn about this address’s certificate? The hub made its own. Before going on, compare the certificate’s SHA-256 fingerprint in the browser’s details with the one the hub shows beside its QR code: they must be the same.</p>
</main></body></html>`;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': PAGE_POLICY,
    // With no-referrer a browser posts the form with `Origin: null`; the check below needs the real origin.
    'Referrer-Policy': 'same-origin',
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(html);
}

/** The device this browser is paired as already, if any (so the page can say so). */
function pairedAs(req: http.IncomingMessage, port: number, opts: StationOptions): Form['paired'] {
  const token = presentedToken(req, port);
  const caller = token ? deviceCaller(opts.ctx, token) : null;
  if (!caller) return null;
  const title = stmt<[number], { title: string }>(opts.ctx.db, 'SELECT title FROM seminars WHERE id = ?').get(caller.seminarId)?.title ?? '';
  return { name: caller.deviceName, seminarTitle: title, seminarId: caller.seminarId };
}

function readFields(body: Buffer, type: string): Record<string, unknown> | null {
  try {
    if (type === 'application/json') {
      const parsed: unknown = JSON.parse(body.toString('utf8'));
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
    }
    return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  } catch {
    return null;
  }
}

export async function servePairing({ req, res, url, port, origin }: Incoming, opts: StationOptions, desk: PairingDesk): Promise<void> {
  if (req.method === 'GET' || req.method === 'HEAD') {
    page(res, 200, { code: readPairingCode(url.searchParams.get('code') ?? '').slice(0, 12), name: '', errors: {}, paired: pairedAs(req, port, opts) });
    return;
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, POST' }).end();
    return;
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const asJson = type === 'application/json';
  const answer = (status: number, form: Form, extra: http.OutgoingHttpHeaders = {}) => {
    if (!asJson) return page(res, status, form, extra);
    const [path, message] = Object.entries(form.errors)[0] ?? ['form', 'Pairing failed.'];
    const code = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 429 || status === 409 ? 'conflict' : status === 415 ? 'unsupported_media_type' : 'invalid_input';
    sendJson(res, status, { ok: false, error: { code, message, fields: path === 'form' ? undefined : { [path]: message } } }, extra);
  };
  const blank: Form = { code: '', name: '', errors: {} };
  // A form on another site must not pair this browser with the hub behind its back.
  if (!sameOrigin(req.headers.origin, origin)) return answer(403, { ...blank, errors: { form: 'Pair from the hub’s own page.' } });
  if (type !== 'application/json' && type !== 'application/x-www-form-urlencoded') {
    req.resume();
    return answer(415, { ...blank, errors: { form: 'Send the pairing form, or JSON.' } });
  }
  const body = await readBody(req, MAX_PAIRING_BODY);
  const fields = body === 'too_large' ? null : readFields(body, type);
  if (!fields) return answer(400, { ...blank, errors: { form: 'The form could not be read. Please try again.' } });
  const code = readPairingCode(String(fields.code ?? ''));
  const rawName = String(fields.name ?? '');
  const form: Form = { code: code.slice(0, 12), name: rawName.slice(0, PAIRED_NAME_MAX + 20), errors: {} };
  const name = PairedNameSchema.safeParse(rawName);
  // What is wrong with the form is said before a code is tried, so a typo in the name costs no try.
  if (!code) form.errors.code = `Type the ${PAIRING_CODE_DIGITS}-digit code the hub shows.`;
  if (!name.success) form.errors.name = name.error.issues[0]?.message ?? 'Give this device a name.';
  if (form.errors.code || form.errors.name) return answer(422, form);

  const tried = desk.redeem(code);
  if (!tried.ok) {
    if (tried.reason === 'malformed') return answer(422, { ...form, errors: { code: `A pairing code is ${PAIRING_CODE_DIGITS} digits.` } });
    if (tried.reason === 'locked') {
      const seconds = Math.max(1, Math.ceil((tried.until - Date.now()) / 1000));
      return answer(429, { ...form, code: '', errors: { form: `Pairing is locked for ${seconds} seconds after five wrong codes. Wait, then type the code the hub shows.` } }, { 'Retry-After': String(seconds) });
    }
    const tries = tried.triesLeft === 1 ? 'One more wrong code locks pairing for a minute.' : `${tried.triesLeft} more wrong codes lock pairing for a minute.`;
    return answer(401, { ...form, code: '', errors: { code: `This code is not right, or it has expired: type the code the hub shows now. ${tries}` } });
  }
  let paired: ReturnType<typeof pairDevice>;
  try {
    paired = pairDevice(opts.ctx, tried.seminarId, name.data as string);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return answer(409, { ...form, errors: { form: error.message } });
  }
  const { device, token } = paired;
  const cookie = { 'Set-Cookie': deviceCookie(port, token) };
  if (asJson) {
    sendJson(res, 200, { ok: true, value: { device, token, doorScreen: doorScreen(device.seminarId) } }, cookie);
    return;
  }
  res.writeHead(303, { ...SECURITY_HEADERS, ...cookie, Location: doorScreen(device.seminarId), 'Cache-Control': 'no-store' }).end();
}
