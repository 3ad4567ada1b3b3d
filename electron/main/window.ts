import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, shell, type WebFrameMain } from 'electron';

const RENDERER_DEV_URL = process.env.ELECTRON_RENDERER_URL;
const RENDERER_FILE = path.join(import.meta.dirname, '..', 'renderer', 'index.html');

/** Where our renderer is served from; anything else is a stranger. */
export function rendererUrl(): URL {
  return RENDERER_DEV_URL ? new URL(RENDERER_DEV_URL) : pathToFileURL(RENDERER_FILE);
}

export function isTrustedFrame(frame: WebFrameMain | null): boolean {
  if (!frame || frame.parent !== null) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  const ours = rendererUrl();
  if (ours.protocol === 'file:') return url.protocol === 'file:' && url.pathname === ours.pathname;
  return url.origin === ours.origin;
}

function isExternalWebLink(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1320,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Rapport',
    backgroundColor: '#f8f9fa',
    webPreferences: {
      preload: path.join(import.meta.dirname, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });

  // No navigation away from the app and no new windows; web links open in the system browser.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    const target = new URL(url);
    const ours = rendererUrl();
    const sameDocument = target.protocol === ours.protocol && target.host === ours.host && target.pathname === ours.pathname;
    if (sameDocument) return;
    event.preventDefault();
    if (isExternalWebLink(url)) void shell.openExternal(url);
  });

  win.once('ready-to-show', () => win.show());
  if (RENDERER_DEV_URL) void win.loadURL(RENDERER_DEV_URL);
  else void win.loadFile(RENDERER_FILE);
  return win;
}
