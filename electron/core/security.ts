/**
 * The renderer's Content-Security-Policy, one string for both places that serve it: the
 * Electron session's response headers and station mode's HTTP headers. Mantine injects
 * style tags at run time, hence 'unsafe-inline' for styles only; scripts stay same-origin.
 * 'wasm-unsafe-eval' lets the page compile WebAssembly — the door's barcode decoder (zxing-wasm,
 * served by Rapport itself) — and nothing else: eval() and new Function() stay refused.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
