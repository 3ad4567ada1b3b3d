import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createContext, type CoreContext } from '../../electron/core/context';
import { openStore } from '../../electron/core/db/store';

const cleanups: (() => void)[] = [];

afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** A fresh data folder under the system temp dir, removed after the test. */
export function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-test-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The real store (SQLite file, real migrations) in a temp folder, closed after the test. */
export async function openTestContext(dataDir = tempDataDir()): Promise<CoreContext> {
  const store = await openStore(dataDir);
  cleanups.unshift(() => store.close());
  return createContext(store, 'station', '0.0.0-test');
}
