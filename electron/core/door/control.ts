import type { PairingDesk } from './pairing-desk';

/**
 * The hub's network listener as the core sees it. The listener itself (HTTPS, its certificate)
 * belongs to the transports (electron/station/network-door.ts), started by the station or by the
 * desktop app's main process; the API's door methods drive it through this.
 */
export interface DoorControl {
  readonly desk: PairingDesk;
  /** Starts listening on the network, if not already; resolves once it listens. */
  open(): Promise<void>;
  /** Stops listening: open connections are dropped and new ones refused. Resolves once closed. */
  close(): Promise<void>;
  /** While listening: the addresses devices reach (https://…:port) and the certificate's SHA-256. */
  listening(): { addresses: string[]; fingerprint: string } | null;
}
