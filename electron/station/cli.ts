/**
 * Station mode: the whole app in a browser, served over HTTP on the loopback address; door devices
 * over HTTPS on the local network while the owner keeps the door open.
 * Usage: node out/main/station.js [--port 4747|0] [--data <dir>] [--door-host <ip>] [--door-port <n>]
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
import { deviceCaller } from '../core/services/door-devices';
import { newToken, ownerRegistry } from './auth';
import { createStationServer, DEFAULT_STATION_PORT } from './http';
import { ANY_ADDRESS, DEFAULT_DOOR_PORT, NetworkDoor } from './network-door';

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
      'door-host': { type: 'string', default: process.env.RAPPORT_DOOR_HOST ?? ANY_ADDRESS },
      'door-port': { type: 'string', default: process.env.RAPPORT_DOOR_PORT ?? String(DEFAULT_DOOR_PORT) },
    },
    strict: true,
  });
  if (values.help) {
    console.log(`Usage: npm run station -- [--port <n>] [--data <dir>]
  --port  TCP port on 127.0.0.1 (default ${DEFAULT_STATION_PORT}; 0 picks a free port)
  --data  data folder (default: RAPPORT_DATA_DIR, else the desktop app's folder)
  --restore-latest-backup  if the book is damaged, put the latest good backup in its place
                           (the damaged file is kept beside it)
  --door-host  the address door devices reach over HTTPS once the door is open
               (default RAPPORT_DOOR_HOST, else every network of this computer)
  --door-port  its port (default RAPPORT_DOOR_PORT, else ${DEFAULT_DOOR_PORT}; 0 picks a free port)`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not “${values.port}”.`);
  const doorPort = Number(values['door-port']);
  if (!Number.isInteger(doorPort) || doorPort < 0 || doorPort > 65535) fail(`--door-port must be a number from 0 to 65535, not “${values['door-port']}”.`);

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
  const tokens = ownerRegistry(token);
  tokens.acceptDevices((presented) => deviceCaller(ctx, presented));
  const station = { ctx, tokens, staticDir: path.join(import.meta.dirname, '..', 'renderer') };
  const server = createStationServer(station);
  const door = new NetworkDoor({ station, dataDir, host: values['door-host'], port: doorPort });
  ctx.door = door;

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeAllConnections();
    void door.stop().finally(() => {
      store.close();
      process.exit(0);
    });
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
    // A door left open when the station stopped opens again, so paired devices keep working.
    door
      .resume()
      .then((resumed) => {
        const open = door.listening();
        if (resumed && open) console.log(`Door devices: the door is open at ${open.addresses.join(', ') || 'no network yet'} (certificate SHA-256 ${open.fingerprint}).`);
      })
      .catch((error: unknown) => console.error(`Rapport station: the door for devices could not be opened again: ${(error as Error).message}`));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
