import { app, dialog, session, type BrowserWindow } from 'electron';
import { AppError } from '../../shared/errors';
import { createContext } from '../core/context';
import { dailyBackupOnStart } from '../core/services/backups';
import { openStore, restoreLatestGoodBackup, type Store } from '../core/db/store';
import { resolveDataDir } from '../core/paths';
import { keepNewFilesPrivate } from '../core/private-files';
import { CONTENT_SECURITY_POLICY } from '../core/security';
import { appDoor, type NetworkDoor } from '../station/network-door';
import { forwardEvents, registerIpc } from './ipc';
import { registerSavePdf } from './print';
import { installMenu } from './menu';
import { declareAppScheme, serveRenderer } from './protocol';
import { scheduleDueReminders } from './reminders';
import { createMainWindow, isTrustedFrame, RENDERER_DIR } from './window';

let store: Store | null = null;
let mainWindow: BrowserWindow | null = null;
let stopReminders: (() => void) | null = null;
let door: NetworkDoor | null = null;
let stopEvents: (() => void) | null = null;

/** The renderer needs no permission at all: camera, notifications, clipboard reads, USB… are refused, asked or merely checked. */
function lockDownSession(): void {
  const { defaultSession } = session;
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.setDevicePermissionHandler(() => false);
}

/** Whatever stops the start: said in a dialog, then the app quits (never a running app with no window). */
function failedToStart(error: unknown): void {
  console.error('[rapport] could not start:', error);
  const detail = error instanceof AppError ? error.message : error instanceof Error ? error.message : String(error);
  store?.close();
  store = null;
  dialog.showErrorBox('Rapport could not start', `${detail}\n\nYour book has not been changed. Start Rapport again; if this happens again, start it from a terminal to see more.`);
  app.exit(1);
}

/** A damaged book is never overwritten: the owner is told so and may put the latest good backup in its place. */
async function offerRestore(error: unknown, dataDir: string): Promise<Store | null> {
  if (!(error instanceof AppError) || error.code !== 'database_damaged' || !error.fields?.latestBackup) return null;
  const choice = await dialog.showMessageBox({
    type: 'error',
    title: 'Your book is damaged',
    message: 'Rapport found your book damaged and has not changed it.',
    detail: error.message,
    buttons: ['Restore the latest backup', 'Quit'],
    defaultId: 0,
    cancelId: 1,
  });
  if (choice.response !== 0) return null;
  restoreLatestGoodBackup(dataDir);
  return openStore(dataDir);
}

async function start(): Promise<void> {
  const dataDir = resolveDataDir(undefined, app.getPath('userData'));
  try {
    store = await openStore(dataDir);
  } catch (error) {
    store = await offerRestore(error, dataDir);
    if (!store) {
      const message = error instanceof AppError ? error.message : `Rapport could not open its data in ${dataDir}.`;
      dialog.showErrorBox('Rapport cannot open your book', message);
      app.exit(1);
      return;
    }
  }
  const ctx = createContext(store, 'electron', app.getVersion());
  dailyBackupOnStart(ctx).catch((error: unknown) => console.error('[rapport] the daily backup failed:', error));
  lockDownSession();
  serveRenderer(RENDERER_DIR);
  // Door devices reach the same book over HTTPS on the local network while the owner keeps the door open.
  door = appDoor(ctx, dataDir, RENDERER_DIR);
  registerIpc(ctx, isTrustedFrame);
  registerSavePdf(isTrustedFrame);
  installMenu(dataDir);
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  stopReminders = scheduleDueReminders(ctx, () => mainWindow);
  stopEvents = forwardEvents(ctx, () => mainWindow);
}

// Everything Rapport and Chromium write from here on (book, WAL, backups, downloads, PDFs) is the owner's alone.
keepNewFilesPrivate();
declareAppScheme();

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database file; hand over to the first one instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    stopReminders?.();
    void door?.stop();
    stopEvents?.();
    store?.close();
    store = null;
  });
  app.whenReady().then(start).catch(failedToStart);
}
