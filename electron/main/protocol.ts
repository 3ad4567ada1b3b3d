import { protocol } from 'electron';
import { answerAppRequest, APP_SCHEME } from './app-protocol';

/**
 * Before the app is ready: app:// is a standard, secure scheme — an origin of its own, with fetch
 * and storage — so the renderer never needs file:// (whose extra rights a fuse turns off).
 */
export function declareAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Once ready: app://rapport/… answers from the built renderer, with the CSP header. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(rendererDir, request.url));
}
