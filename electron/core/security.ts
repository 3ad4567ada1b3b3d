/**
 * The renderer's Content-Security-Policy, one string for both places that serve it: the
 * Electron session's response headers and station mode's HTTP headers. Mantine injects
 * style tags at run time, hence 'unsafe-inline' for styles only; scripts stay same-origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
