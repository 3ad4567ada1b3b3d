import { ipcMain, type WebFrameMain } from 'electron';
import { IPC_INVOKE_CHANNEL } from '../../shared/bridge';
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
