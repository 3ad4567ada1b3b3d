import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, IPC_SAVE_PDF_CHANNEL, type BridgeEvent, type RapportBridge, type SavePdfResult } from '../../shared/bridge';
import type { Envelope } from '../../shared/errors';

/** The renderer gets these functions and nothing else from Electron or Node. */
const bridge: RapportBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input) as Promise<Envelope<unknown>>,
  on: (event, listener) => {
    const handler = (_e: IpcRendererEvent, message: BridgeEvent) => {
      if (message.event === event) listener(message.payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
  savePdf: (suggestedName) => ipcRenderer.invoke(IPC_SAVE_PDF_CHANNEL, suggestedName) as Promise<SavePdfResult>,
};

contextBridge.exposeInMainWorld('rapport', bridge);
