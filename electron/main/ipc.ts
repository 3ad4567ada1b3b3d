import { ipcMain, type BrowserWindow, type WebFrameMain } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type BridgeEvent } from '../../shared/bridge';
import { BOOK_EVENT } from '../../shared/events';
import { eventsOf } from '../core/events';
import type { Envelope } from '../../shared/errors';
import { OWNER } from '../../shared/access';
import { dispatchAsync } from '../core/api';
import { asCaller, type CoreContext } from '../core/context';

/**
 * The Electron transport of the one API. Every call is checked against the frame that sent it:
 * only our own renderer's top frame may reach the book, and it is the owner's.
 */
export function registerIpc(ctx: CoreContext, isTrustedFrame: (frame: WebFrameMain | null) => boolean): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedFrame(event.senderFrame)) {
      return { ok: false, error: { code: 'forbidden', message: 'This window may not use Rapport’s data.' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'bad_request', message: 'The method name must be a string.' } };
    }
    return dispatchAsync(asCaller(ctx, OWNER), method, input);
  });
}

/**
 * The hub's live events (electron/core/events.ts) to the app's window, as `window.rapport.on('book')`
 * hears them: the owner's screens show what door devices do within a second. Returns the unsubscribe.
 */
export function forwardEvents(ctx: CoreContext, window: () => BrowserWindow | null): () => void {
  return eventsOf(ctx).subscribe((payload) => {
    const w = window();
    if (!w || w.isDestroyed()) return;
    const message: BridgeEvent = { event: BOOK_EVENT, payload };
    w.webContents.send(IPC_EVENT_CHANNEL, message);
  });
}
