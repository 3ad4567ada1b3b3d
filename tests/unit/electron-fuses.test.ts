import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
import afterPack, { electronBinary, type PackContext } from '../../scripts/after-pack.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A stand-in for the Electron binary (which cannot be downloaded here): bytes around the fuse
 * wire exactly as Electron lays it out — the sentinel, the wire version, its length, one byte per
 * fuse — with every fuse in the state a stock Electron ships (RunAsNode on, the rest as built).
 */
function fakeElectron(file: string): void {
  const stock = [FuseState.ENABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE];
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), Buffer.from([1, stock.length, ...stock]), Buffer.alloc(4096, 9)]));
}

const context = (platform: string, arch = 1): PackContext => {
  const appOutDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-pack-'));
  dirs.push(appOutDir);
  return { appOutDir, electronPlatformName: platform, arch, packager: { executableName: 'rapport', appInfo: { productFilename: 'Rapport' } } };
};

describe('the afterPack hook sets the Electron fuses of the packed app', () => {
  for (const [platform, fuseFile] of [
    ['linux', 'rapport'],
    ['win32', 'Rapport.exe'],
    ['darwin', 'Rapport.app/Contents/Frameworks/Electron Framework.framework/Electron Framework'],
  ] as const) {
    it(`on ${platform}: RunAsNode off, cookie encryption on, asar integrity and asar only, no NODE_OPTIONS or --inspect`, async () => {
      const ctx = context(platform);
      fakeElectron(path.join(ctx.appOutDir, fuseFile));
      await afterPack(ctx);
      const wire = await getCurrentFuseWire(electronBinary(ctx));
      expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
      expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
      expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    });
  }

  it('stops the packaging when the binary has a fuse nobody decided on', async () => {
    const ctx = context('linux');
    const file = path.join(ctx.appOutDir, 'rapport');
    fakeElectron(file);
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
    // One fuse more than the config names: a longer wire.
    fs.writeFileSync(file, Buffer.concat([bytes.subarray(0, at), Buffer.from([1, 10]), bytes.subarray(at + 2, at + 11), Buffer.from([FuseState.ENABLE]), bytes.subarray(at + 11)]));
    await expect(afterPack(ctx)).rejects.toThrow(/strictlyRequireAllFuses/);
  });
});
