import type { Envelope } from './errors';

/** The IPC channels; the preload exposes nothing but invoke/on and savePdf over these. */
export const IPC_INVOKE_CHANNEL = 'rapport:invoke';
export const IPC_EVENT_CHANNEL = 'rapport:event';
/** Not part of the data API: asks the shell to print the current page to a PDF the owner places. */
export const IPC_SAVE_PDF_CHANNEL = 'rapport:save-pdf';

export interface SavePdfResult {
  saved: boolean;
  path: string | null;
}

export interface BridgeEvent {
  event: string;
  payload: unknown;
}

/** `window.rapport` in the Electron app (absent in a plain browser, where HTTP is used). */
export interface RapportBridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** Prints the window with its print stylesheet to a PDF, after a save dialog. */
  savePdf(suggestedName: string): Promise<SavePdfResult>;
}
