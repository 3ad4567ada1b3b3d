/**
 * The door's service worker: serves the app shell (index.html and the built assets, the barcode
 * decoder's .wasm among them) when the hub cannot be reached, so a door device's page reloads
 * offline and finds its roster and queue in IndexedDB. It never touches the API: /api/* (answers
 * and the event stream) always goes to the network, and nothing of the book is ever cached here.
 */

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: unknown;
  ports: readonly MessagePort[];
}
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (e: ExtendableMessageEvent) => void): void;
}

const scope = self as unknown as WorkerScope;
const CACHE = 'rapport-shell-v1';
/** The page itself is kept under one key, whatever address (hash, query) opened it. */
const SHELL = '/';

const isShellFile = (url: URL) => url.origin === scope.location.origin && !url.pathname.startsWith('/api') && (url.pathname === '/' || url.pathname === '/index.html' || url.pathname.startsWith('/assets/'));

scope.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.add(SHELL))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener('activate', (e) => e.waitUntil(scope.clients.claim()));

/** The page lists what it loaded before this worker took over; answered once all of it is kept. */
scope.addEventListener('message', (e) => {
  const data = e.data as { type?: string; urls?: unknown } | null;
  if (data?.type !== 'cache' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u): u is string => typeof u === 'string').filter((u) => isShellFile(new URL(u, scope.location.origin)));
  e.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll([SHELL, ...urls]))
      .then(
        () => e.ports[0]?.postMessage({ cached: true }),
        () => e.ports[0]?.postMessage({ cached: false }),
      ),
  );
});

scope.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || !isShellFile(url)) return;
  if (e.request.mode === 'navigate' || url.pathname === '/' || url.pathname === '/index.html') {
    // The newest page while the hub answers; the kept one when it does not.
    e.respondWith(
      fetch(e.request)
        .then(async (response) => {
          if (response.ok && response.type === 'basic') await (await caches.open(CACHE)).put(SHELL, response.clone());
          return response;
        })
        .catch(async () => (await caches.match(SHELL)) ?? Response.error()),
    );
    return;
  }
  // Built assets have their content's hash in their name: a kept copy is always right.
  e.respondWith(
    caches.match(e.request).then(
      (kept) =>
        kept ??
        fetch(e.request).then(async (response) => {
          if (response.ok) await (await caches.open(CACHE)).put(e.request, response.clone());
          return response;
        }),
    ),
  );
});
