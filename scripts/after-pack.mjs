// electron-builder's afterPack hook (electron-builder.yml): sets the Electron fuses of the packaged
// app before it is signed. Fuses are switches compiled into the Electron binary; once flipped, no
// command-line flag or environment variable of whoever starts the app can turn them back.
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** builder-util's Arch.arm64: Apple silicon's ad-hoc signature must be renewed after the binary changes. */
const ARM64 = 3;

export const FUSES = {
  version: FuseVersion.V1,
  // A new fuse in a later Electron stops the packaging until someone decides on it.
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node.js with the user's rights.
  [FuseV1Options.RunAsNode]: false,
  // Cookies (the session store) encrypted with the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let another program load code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app's code is the signed app.asar, checked against its hash, and nothing beside it.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is served by app:// (electron/main/protocol.ts); file:// gets no extra rights.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.WasmTrapHandlers]: true,
};

/** Where the Electron binary of a packed app is, per platform (as electron-builder lays it out). */
export function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(electronBinary(context), { ...FUSES, resetAdHocDarwinSignature: darwin && context.arch === ARM64 });
}
