import type { FuseV1Config } from '@electron/fuses';

/** What the hook reads of electron-builder's AfterPackContext. */
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { executableName: string; appInfo: { productFilename: string } };
}

export const FUSES: FuseV1Config;
export function electronBinary(context: PackContext): string;
export default function afterPack(context: PackContext): Promise<void>;
