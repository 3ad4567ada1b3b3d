import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type BridgeEvent, type RapportBridge } from '../../shared/bridge';
import type { Envelope } from '../../shared/errors';

/** The renderer gets these two functions and nothing else from Electron or Node. */
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
};

contextBridge.exposeInMainWorld('rapport', bridge);
