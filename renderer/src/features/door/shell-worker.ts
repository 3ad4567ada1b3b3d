import { ZXING_WASM_URL } from './barcode';

/**
 * Registers the door's service worker (renderer/src/sw.ts) so this page reloads without the hub,
 * and hands it what the page already loaded (the worker starts after them). When all of it is
 * kept, `data-offline-ready` is set on the page's root element. Station mode only: the desktop
 * app loads its pages from its own files.
 */
export function registerShellWorker(kept: (offlineReload: boolean) => void = () => {}): () => void {
  let cancelled = false;
  if (!import.meta.env.PROD || window.rapport || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return () => {};
  (async () => {
    try {
      await navigator.serviceWorker.register('/sw.js');
      const ready = await navigator.serviceWorker.ready;
      const loaded = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => new URL(u).origin === location.origin && new URL(u).pathname.startsWith('/assets/'));
      const channel = new MessageChannel();
      const done = new Promise<boolean>((resolve) => (channel.port1.onmessage = (m: MessageEvent<{ cached: boolean }>) => resolve(m.data.cached)));
      ready.active?.postMessage({ type: 'cache', urls: [...new Set([...loaded, new URL(ZXING_WASM_URL, location.href).href])] }, [channel.port2]);
      const cached = await done;
      if (cancelled) return;
      document.documentElement.dataset.offlineReady = String(cached);
      kept(cached);
    } catch {
      // No service worker (a private window; an HTTPS address whose certificate this browser was only
      // told to accept, not made to trust): the door works, but a reload needs the hub.
      if (cancelled) return;
      document.documentElement.dataset.offlineReady = 'false';
      kept(false);
    }
  })();
  return () => {
    cancelled = true;
  };
}
