import path from 'node:path';
import { BrowserWindow, shell, type WebFrameMain } from 'electron';
import { APP_INDEX_URL, isAppUrl } from './app-protocol';

/** electron-vite's dev server while developing (`npm start`); the app:// protocol when built. */
const RENDERER_DEV_URL = process.env.ELECTRON_RENDERER_URL;
export const RENDERER_DIR = path.join(import.meta.dirname, '..', 'renderer');

/** Where our renderer is served from; anything else is a stranger. */
export function rendererUrl(): URL {
  return new URL(RENDERER_DEV_URL ?? APP_INDEX_URL);
}

function isOurs(raw: string): boolean {
  if (!RENDERER_DEV_URL) return isAppUrl(raw);
  try {
    return new URL(raw).origin === new URL(RENDERER_DEV_URL).origin;
  } catch {
    return false;
  }
}

export function isTrustedFrame(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.parent === null && isOurs(frame.url);
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
    const ours = rendererUrl();
    const sameDocument = isOurs(url) && new URL(url).pathname === ours.pathname;
    if (sameDocument) return;
    event.preventDefault();
    if (isExternalWebLink(url)) void shell.openExternal(url);
  });

  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererUrl().href);
  return win;
}
