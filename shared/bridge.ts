import type { Envelope } from './errors';

/** The IPC channels; the preload exposes nothing but invoke/on over these two. */
export const IPC_INVOKE_CHANNEL = 'rapport:invoke';
export const IPC_EVENT_CHANNEL = 'rapport:event';

export interface BridgeEvent {
  event: string;
  payload: unknown;
}

/** `window.rapport` in the Electron app (absent in a plain browser, where HTTP is used). */
export interface RapportBridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
