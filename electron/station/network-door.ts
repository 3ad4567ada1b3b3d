import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { PAIRING_PATH } from '../../shared/domain/door-hub';
import { AppError } from '../../shared/errors';
import type { CoreContext } from '../core/context';
import type { DoorControl } from '../core/door/control';
import { PairingDesk } from '../core/door/pairing-desk';
import { deviceCaller, forgetOpenDoor, openDoorPort, rememberOpenDoor } from '../core/services/door-devices';
import { TokenRegistry, type Refusals } from './auth';
import { doorCertificate, lanAddresses, type DoorCertificate } from './door-certificate';
import { stationHandler, type Listener, type StationOptions } from './http';
import { servePairing } from './pairing-page';

/**
 * The door to the local network: the hub's second listener, HTTPS with the book's own certificate,
 * for paired door devices only (the owner's key keeps to the loopback address). Started when the
 * owner lets other devices check in, stopped when the door closes; a hub stopped with the door open
 * opens it again on the same port when it starts, so paired devices keep working. The same code
 * runs in the station and in the desktop app's main process.
 */

export const DEFAULT_DOOR_PORT = 4748;
/** Every network of the machine; a test (or a careful owner) may name one address instead. */
export const ANY_ADDRESS = '0.0.0.0';

export interface NetworkDoorOptions {
  /** The API as the station serves it: the owner's context, the tokens (devices among them), the built renderer. */
  station: StationOptions;
  dataDir: string;
  /** The address to listen on (RAPPORT_DOOR_HOST / --door-host); every network by default. */
  host?: string;
  /** The port (RAPPORT_DOOR_PORT / --door-port); 0 picks a free one, kept for the next start. */
  port?: number;
}

const DEVICE_REFUSALS: Refusals = {
  noToken: 'This device is not paired with this Rapport. Open the pairing page (/pair) and type the code the hub shows.',
  badToken: 'This device was unpaired (or the door was closed). Open the pairing page (/pair) and type the code the hub shows now.',
};

function listen(server: https.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function cannotListen(error: unknown, port: number): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new AppError('conflict', `Another program uses port ${port}. Start Rapport with another door port (RAPPORT_DOOR_PORT, or --door-port for a station).`);
  if (code === 'EACCES') return new AppError('conflict', `Rapport may not listen on port ${port} here. Choose a port above 1024 (RAPPORT_DOOR_PORT).`);
  if (code === 'EADDRNOTAVAIL') return new AppError('conflict', 'This computer does not have the address the door was set to listen on (RAPPORT_DOOR_HOST).');
  return error instanceof AppError ? error : new AppError('conflict', `The door could not be opened: ${(error as Error).message}`);
}

export class NetworkDoor implements DoorControl {
  readonly desk = new PairingDesk();
  private server: https.Server | null = null;
  private certificate: DoorCertificate | null = null;
  private opening: Promise<void> | null = null;
  private readonly host: string;
  private readonly port: number;
  private readonly ctx: CoreContext;

  constructor(private readonly options: NetworkDoorOptions) {
    this.host = options.host ?? ANY_ADDRESS;
    this.port = options.port ?? DEFAULT_DOOR_PORT;
    this.ctx = options.station.ctx;
  }

  open(): Promise<void> {
    if (this.server) return Promise.resolve();
    this.opening ??= this.start().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  /** Closing the door: the listener stops and is not opened again at the next start. */
  async close(): Promise<void> {
    forgetOpenDoor(this.ctx);
    this.desk.clear();
    await this.opening?.catch(() => {});
    await this.stop();
  }

  /** The hub is stopping: the listener goes with it, and the door stays open for the next start. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** At start: a door left open opens again, on the port it had. */
  async resume(): Promise<boolean> {
    if (openDoorPort(this.ctx) === null) return false;
    await this.open();
    return true;
  }

  listening(): { addresses: string[]; fingerprint: string } | null {
    const address = this.server?.address();
    if (!this.server || !this.certificate || !address || typeof address === 'string') return null;
    return { addresses: this.addresses().map((ip) => `https://${ip}:${address.port}`), fingerprint: this.certificate.fingerprint };
  }

  private addresses(): string[] {
    return this.host === ANY_ADDRESS ? lanAddresses() : [this.host];
  }

  private async start(): Promise<void> {
    const certificate = await doorCertificate(this.options.dataDir, this.addresses());
    const server = https.createServer({ key: certificate.key, cert: certificate.cert }, stationHandler(this.options.station, this.listener()));
    const remembered = openDoorPort(this.ctx);
    let port: number;
    try {
      port = await listen(server, remembered ?? this.port, this.host);
    } catch (error) {
      // The port of the last start is taken now: the configured one, and devices scan the new address.
      if (remembered === null || remembered === this.port) throw cannotListen(error, remembered ?? this.port);
      try {
        port = await listen(server, this.port, this.host);
      } catch (again) {
        throw cannotListen(again, this.port);
      }
    }
    rememberOpenDoor(this.ctx, port);
    this.certificate = certificate;
    this.server = server;
  }

  /** The network listener's rules: addressed by the IP it was reached on, door devices only, and the pairing page. */
  private listener(): Listener {
    const desk = this.desk;
    return {
      originOf(req, port) {
        const local = (req.socket.localAddress ?? '').replace(/^::ffff:/, '');
        return req.headers.host === `${local}:${port}` ? `https://${local}:${port}` : null;
      },
      refuses: (caller) => (caller.role === 'door' ? null : 'The owner’s key works on this computer’s own address only; this address is for paired door devices.'),
      strangers: DEVICE_REFUSALS,
      async route(request, opts) {
        if (request.url.pathname !== PAIRING_PATH) return false;
        await servePairing(request, opts, desk);
        return true;
      },
      unknownHost: 'Open the hub by the address it shows beside its QR code.',
    };
  }
}

/** The door's listen address and port from the environment (the station's flags default to these too). */
export function doorPlaceFromEnv(env: NodeJS.ProcessEnv = process.env): { host: string; port: number } {
  const port = Number(env.RAPPORT_DOOR_PORT ?? DEFAULT_DOOR_PORT);
  return { host: env.RAPPORT_DOOR_HOST || ANY_ADDRESS, port: Number.isInteger(port) && port >= 0 && port <= 65535 ? port : DEFAULT_DOOR_PORT };
}

/**
 * The desktop app's door: the owner talks to the book over IPC, so this listener knows device
 * tokens only. Opened again at start if the app quit with the door open.
 */
export function appDoor(ctx: CoreContext, dataDir: string, staticDir: string): NetworkDoor {
  const tokens = new TokenRegistry();
  tokens.acceptDevices((token) => deviceCaller(ctx, token));
  const door = new NetworkDoor({ station: { ctx, tokens, staticDir }, dataDir, ...doorPlaceFromEnv() });
  ctx.door = door;
  door.resume().catch((error: unknown) => console.error('[rapport] the door for devices could not be opened again:', error));
  return door;
}
