/**
 * Station mode: the whole app in a browser, served over HTTP on the loopback address.
 * Usage: node out/main/station.js [--port 4747|0] [--data <dir>]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { AppError } from '../../shared/errors';
import { createContext } from '../core/context';
import { dailyBackupOnStart } from '../core/services/backups';
import { openStore, restoreLatestGoodBackup } from '../core/db/store';
import { platformDataDir, resolveDataDir } from '../core/paths';
import { keepNewFilesPrivate } from '../core/private-files';
import { newToken, ownerRegistry } from './auth';
import { createStationServer, DEFAULT_STATION_PORT } from './http';

function fail(message: string): never {
  console.error(`Rapport station: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  keepNewFilesPrivate();
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(DEFAULT_STATION_PORT) },
      data: { type: 'string' },
      help: { type: 'boolean', default: false },
      'restore-latest-backup': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(`Usage: npm run station -- [--port <n>] [--data <dir>]
  --port  TCP port on 127.0.0.1 (default ${DEFAULT_STATION_PORT}; 0 picks a free port)
  --data  data folder (default: RAPPORT_DATA_DIR, else the desktop app's folder)
  --restore-latest-backup  if the book is damaged, put the latest good backup in its place
                           (the damaged file is kept beside it)`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not “${values.port}”.`);

  const dataDir = resolveDataDir(values.data, platformDataDir());
  let store;
  try {
    store = await openStore(dataDir);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code !== 'database_damaged' || !values['restore-latest-backup']) {
      // The flag is offered only when there is a backup for it to put in place.
      fail(error.fields?.latestBackup ? `${error.message}\nStart again with --restore-latest-backup to put it in place.` : error.message);
    }
    try {
      const used = restoreLatestGoodBackup(dataDir);
      console.log(`Rapport station: restored ${used.name}; the damaged book was kept beside it.`);
      store = await openStore(dataDir);
    } catch (again) {
      if (again instanceof AppError) fail(again.message);
      throw again;
    }
  }
  const ctx = createContext(store, 'station', version);
  // The day's first start keeps a checked copy; a failure here must not stop the table working.
  dailyBackupOnStart(ctx).catch((error: unknown) => console.error('Rapport station: the daily backup failed:', error instanceof AppError ? error.message : error));
  const token = newToken();
  const server = createStationServer({ ctx, tokens: ownerRegistry(token), staticDir: path.join(import.meta.dirname, '..', 'renderer') });

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeAllConnections();
    store.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  server.on('error', (error: NodeJS.ErrnoException) => {
    store.close();
    if (error.code === 'EADDRINUSE') fail(`port ${port} is in use. Choose another with --port, or --port 0 for any free port.`);
    fail(error.message);
  });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    // Like Jupyter: the address carries the key; the page trades it for a cookie and drops it from the address bar.
    console.log(`Rapport station at http://127.0.0.1:${actual}/?token=${token}`);
    console.log(`Data folder: ${dataDir}`);
    console.log('Open the address above in your browser. Its key is new at every start and lets whoever has it into your book: keep it to yourself.');
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
