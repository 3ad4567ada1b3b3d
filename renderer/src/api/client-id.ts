/**
 * An id for one action a client may have to send again (a retry, an offline queue's replay): the
 * hub answers a repeat as it answered the first (client-requests.ts). 128 random bits from
 * getRandomValues, which — unlike crypto.randomUUID — also works on a page that is not a secure
 * context (a device reaching the hub by plain address).
 */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
