import type http from 'node:http';
import { OWNER, type Caller } from '../../shared/access';
import { newToken, tokenDigest } from '../core/tokens';

export { newToken };

/**
 * Who is calling over HTTP (DESIGN.md, Security: "HTTP is nobody until proven"). A request proves
 * itself with a token, in an `Authorization: Bearer` header or in the cookie the page got in
 * exchange for the token in the address the station printed. Each token stands for one caller;
 * the owner's is made at start, and door devices (issue 15) add and revoke their own here.
 */
export class TokenRegistry {
  // Keyed by a digest: looking a token up compares digests, so its timing says nothing about the token.
  private readonly callers = new Map<string, Caller>();
  private devices: ((token: string) => Caller | null) | null = null;

  /** Paired door devices are kept in the book; `lookup` finds a live one's caller by its token. */
  acceptDevices(lookup: (token: string) => Caller | null): void {
    this.devices = lookup;
  }

  add(token: string, caller: Caller): void {
    this.callers.set(digest(token), caller);
  }

  revoke(token: string): void {
    this.callers.delete(digest(token));
  }

  callerFor(token: string | null): Caller | null {
    if (!token) return null;
    return this.callers.get(digest(token)) ?? this.devices?.(token) ?? null;
  }
}

const digest = tokenDigest;

/** The registry of a station run by its owner: the owner's token and nobody else's (yet). */
export function ownerRegistry(ownerToken: string): TokenRegistry {
  const registry = new TokenRegistry();
  registry.add(ownerToken, OWNER);
  return registry;
}

/**
 * Cookies are shared by every port of a host, so the name carries the port: two stations side by
 * side (or an old tab of a restarted one) never overwrite each other's session.
 */
export function sessionCookieName(port: number): string {
  return `rapport-${port}`;
}

/** The session cookie: script cannot read it, other sites' requests do not carry it. */
export function sessionCookie(port: number, token: string): string {
  return `${sessionCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** A paired device keeps its token for as long as the hub keeps it (revoking ends it at once), over HTTPS only. */
const DEVICE_COOKIE_SECONDS = 365 * 24 * 60 * 60;

export function deviceCookie(port: number, token: string): string {
  return `${sessionCookieName(port)}=${token}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=${DEVICE_COOKIE_SECONDS}`;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,200}$/;

function bearerToken(req: http.IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1] ?? null;
}

function cookieToken(req: http.IncomingMessage, port: number): string | null {
  const name = sessionCookieName(port);
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The token a request carries: the Authorization header first, else the session cookie. */
export function presentedToken(req: http.IncomingMessage, port: number): string | null {
  const token = bearerToken(req) ?? cookieToken(req, port);
  return token !== null && TOKEN_SHAPE.test(token) ? token : null;
}

export type Authentication = { caller: Caller } | { refused: string };

/** What a request is told when it carries no token, or one nobody has. */
export interface Refusals {
  noToken: string;
  badToken: string;
}

/** On the owner's loopback listener: how to get in is the address the station printed. */
export const OWNER_REFUSALS: Refusals = {
  badToken: 'This key is not valid any more: the station was restarted or the key was withdrawn. Open the address the station printed when it started.',
  noToken: 'Rapport needs its key. Open the address the station printed when it started (http://127.0.0.1:…/?token=…).',
};

/** Authenticates one request; the refusal says how to get in, for the envelope and the page. */
export function authenticate(req: http.IncomingMessage, port: number, registry: TokenRegistry, refusals: Refusals = OWNER_REFUSALS): Authentication {
  const token = presentedToken(req, port);
  const caller = registry.callerFor(token);
  if (caller) return { caller };
  return { refused: token ? refusals.badToken : refusals.noToken };
}
