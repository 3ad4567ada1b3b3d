import crypto from 'node:crypto';

/**
 * Secrets that let a caller in: the owner's key printed at start and each paired device's token.
 * Only a digest is ever compared or stored, so a lookup's timing says nothing about a token and a
 * copy of the book holds no key.
 */

/** 32 random bytes, URL-safe: unguessable, and fits a cookie, a header and an address. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** SHA-256 of the token, base64 (44 characters). */
export function tokenDigest(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('base64');
}
