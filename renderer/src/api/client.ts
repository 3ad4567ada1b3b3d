import type { RapportBridge } from '../../../shared/bridge';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';
import { ApiError, type Envelope } from '../../../shared/errors';
import { recordRefusal } from './access';

declare global {
  interface Window {
    rapport?: RapportBridge;
  }
}

type Transport = (method: string, input: unknown) => Promise<Envelope<unknown>>;

/** Station mode: the same API over HTTP to the origin that served this page. */
const httpTransport: Transport = async (method, input) => {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'unreachable', message: 'Rapport is not reachable. Is the station still running?' } };
  }
  try {
    const envelope = (await response.json()) as Envelope<unknown>;
    if (!envelope.ok && envelope.error.code === 'unauthorized') recordRefusal(envelope.error.message);
    return envelope;
  } catch {
    // A proxy's or a dying server's page, not Rapport's answer: nothing is known to be done.
    return { ok: false, error: { code: 'unreachable', message: `Rapport answered with an unexpected response (${response.status}).` } };
  }
};

/** Chosen once at start-up: the Electron bridge when the preload provided it, else HTTP. */
function pickTransport(): Transport {
  const bridge = typeof window !== 'undefined' ? window.rapport : undefined;
  return bridge ? (m, i) => bridge.invoke(m, i) : httpTransport;
}

const transport = pickTransport();

/** Methods whose input is all optional may be called without one. */
type Args<M extends MethodName> = undefined extends InputOf<M>
  ? [input?: InputOf<M>]
  : Partial<InputOf<M>> extends InputOf<M>
    ? [input?: InputOf<M>]
    : [input: InputOf<M>];

/** Calls one API method; resolves with its value or rejects with an ApiError carrying code and fields. */
export async function call<M extends MethodName>(method: M, ...args: Args<M>): Promise<OutputOf<M>> {
  const envelope = await transport(method, args[0] ?? {});
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value as OutputOf<M>;
}
