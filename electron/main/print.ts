import fs from 'node:fs/promises';
import { BrowserWindow, dialog, ipcMain, type WebFrameMain } from 'electron';
import { IPC_SAVE_PDF_CHANNEL, type SavePdfResult } from '../../shared/bridge';
import { PRIVATE_FILE } from '../core/private-files';

/**
 * "Save as PDF" in the desktop app: the page as its print stylesheet lays it out (paper size and
 * margins from its @page rules), written where the owner chooses.
 */
export function registerSavePdf(isTrustedFrame: (frame: WebFrameMain | null) => boolean): void {
  ipcMain.handle(IPC_SAVE_PDF_CHANNEL, async (event, suggestedName: unknown): Promise<SavePdfResult> => {
    if (!isTrustedFrame(event.senderFrame)) return { saved: false, path: null };
    const name = typeof suggestedName === 'string' && /^[\w .,()-]{1,120}\.pdf$/u.test(suggestedName) ? suggestedName : 'Rapport report.pdf';
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: name, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false, path: null };
    const pdf = await event.sender.printToPDF({ preferCSSPageSize: true, printBackground: true });
    await fs.writeFile(choice.filePath, pdf, { mode: PRIVATE_FILE });
    return { saved: true, path: choice.filePath };
  });
}
