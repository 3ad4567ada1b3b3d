import type { RapportBridge } from '../../../shared/bridge';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';
import { ApiError, type Envelope } from '../../../shared/errors';
import { recordRefusal } from './access';
import { BOOK_EVENT, EVENTS_PATH, type BookEvent, type LinkEvent } from '../../../shared/events';

declare global {
  interface Window {
    rapport?: RapportBridge;
  }
}

type Transport = (method: string, input: unknown, timeoutMs?: number) => Promise<Envelope<unknown>>;

/** Station mode: the same API over HTTP to the origin that served this page. */
const httpTransport: Transport = async (method, input, timeoutMs) => {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      ...(timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
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

/**
 * One call, answered as an envelope (never thrown), given up after `timeoutMs` over HTTP: a door
 * device whose Wi-Fi drops packets must not wait minutes before it checks people in offline. A
 * call given up may still have been done at the hub — which is why door actions carry client ids.
 */
export function send(method: MethodName, input: unknown, timeoutMs?: number): Promise<Envelope<unknown>> {
  return transport(method, input ?? {}, timeoutMs);
}

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

export type LiveEvent = BookEvent | LinkEvent;
type LiveListener = (event: LiveEvent) => void;

const liveListeners = new Set<LiveListener>();
let closeLive: (() => void) | null = null;

const tell = (event: LiveEvent) => liveListeners.forEach((l) => l(event));

/** Station mode: one event stream per page, opened with the first listener, closed after the last. */
function openEventStream(): () => void {
  const source = new EventSource(EVENTS_PATH);
  let connected = false;
  source.addEventListener('open', () => {
    connected = true;
    tell({ type: 'connected' });
  });
  source.addEventListener('error', () => {
    // The browser reopens the stream by itself (the hub asks for a 1 s retry).
    if (connected) tell({ type: 'disconnected' });
    connected = false;
  });
  source.addEventListener(BOOK_EVENT, (e) => tell(JSON.parse((e as MessageEvent<string>).data) as BookEvent));
  return () => source.close();
}

/** Electron: the main process forwards the same events over IPC; the link never drops. */
function openBridgeEvents(bridge: RapportBridge): () => void {
  const off = bridge.on(BOOK_EVENT, (payload) => tell(payload as BookEvent));
  queueMicrotask(() => tell({ type: 'connected' }));
  return off;
}

/**
 * Hears the hub's live events (shared/events.ts) — what other tabs, windows and door devices did —
 * and when the link to the hub opens or drops (after a drop, whatever was missed must be read again).
 * Server-sent events in station mode, IPC in the Electron app. Returns the unsubscribe.
 */
export function subscribe(listener: LiveListener): () => void {
  liveListeners.add(listener);
  if (!closeLive && typeof window !== 'undefined') {
    const bridge = window.rapport;
    closeLive = bridge ? openBridgeEvents(bridge) : typeof EventSource === 'undefined' ? () => {} : openEventStream();
  }
  return () => {
    liveListeners.delete(listener);
    if (liveListeners.size === 0) {
      closeLive?.();
      closeLive = null;
    }
  };
}
