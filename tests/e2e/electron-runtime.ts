export { electronExecutable } from '../../scripts/electron-binary.mjs';

export const ELECTRON_MISSING =
  'SKIPPED: the Electron binary is not installed (it downloads on first use, and this machine cannot reach its host). ' +
  'Run `npx install-electron` where the network allows; everything but the Electron shell is tested in Chromium through station mode.';
