/**
 * Station mode: whether the station has turned this page away (no key, or a key from before a
 * restart). The API client records the refusal; the app shows how to get in instead of screens.
 */
let refusal: string | null = null;
const listeners = new Set<() => void>();

export function recordRefusal(message: string): void {
  if (refusal === message) return;
  refusal = message;
  for (const listener of listeners) listener();
}

export function currentRefusal(): string | null {
  return refusal;
}

export function onRefusal(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
