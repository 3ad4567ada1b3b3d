import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';
import { makePrivate, PRIVATE_FILE } from '../core/private-files';

/**
 * The certificate of the door's HTTPS listener (phone cameras need a secure context). Made once per
 * book by `selfsigned` and kept in the data folder, readable by the owner alone, so its fingerprint
 * stays the same across restarts: a device that accepted it once is not asked again.
 */

export const CERTIFICATE_FILE = 'door-certificate.pem';
export const KEY_FILE = 'door-key.pem';
/** Self-signed certificates are accepted by hand, not by a CA's rules: five years, made again near the end. */
const VALID_DAYS = 5 * 365;
const RENEW_DAYS = 30;

export interface DoorCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, as browsers show it: AB:CD:… */
  fingerprint: string;
}

/** The machine's addresses on its networks (IPv4, not loopback): where devices reach the hub. */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const entries of Object.values(os.networkInterfaces())) {
    for (const e of entries ?? []) if (e.family === 'IPv4' && !e.internal) found.push(e.address);
  }
  return found;
}

function usable(cert: string, key: string, now: Date): DoorCertificate | null {
  try {
    const x509 = new crypto.X509Certificate(cert);
    if (!x509.checkPrivateKey(crypto.createPrivateKey(key))) return null;
    if (new Date(x509.validTo).getTime() - now.getTime() < RENEW_DAYS * 86_400_000) return null;
    return { cert, key, fingerprint: x509.fingerprint256 };
  } catch {
    return null;
  }
}

/** Writes next to the target and renames, so a crash leaves the old file or the new one, never half of one. */
function writePrivate(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text, { mode: PRIVATE_FILE });
  makePrivate(temp);
  fs.renameSync(temp, file);
}

/** The book's door certificate: the one kept in `dataDir`, or a new one made now (for `addresses` too). */
export async function doorCertificate(dataDir: string, addresses: string[] = lanAddresses(), now = new Date()): Promise<DoorCertificate> {
  const certFile = path.join(dataDir, CERTIFICATE_FILE);
  const keyFile = path.join(dataDir, KEY_FILE);
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    makePrivate(keyFile);
    makePrivate(certFile);
    const kept = usable(fs.readFileSync(certFile, 'utf8'), fs.readFileSync(keyFile, 'utf8'), now);
    if (kept) return kept;
  }
  const notAfter = new Date(now.getTime() + VALID_DAYS * 86_400_000);
  const ips = [...new Set(['127.0.0.1', ...addresses])];
  const made = await generate([{ name: 'commonName', value: `Rapport on ${os.hostname().slice(0, 40) || 'this computer'}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 86_400_000),
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, ...ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  writePrivate(keyFile, made.private);
  writePrivate(certFile, made.cert);
  const fingerprint = new crypto.X509Certificate(made.cert).fingerprint256;
  return { cert: made.cert, key: made.private, fingerprint };
}
