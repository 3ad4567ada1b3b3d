/**
 * Errors cross every boundary (IPC, HTTP) as data, never as thrown exceptions: Electron keeps
 * only an exception's message, and HTTP clients should never see stack traces or SQL text.
 * Codes are stable; the renderer switches on them, people read the message.
 */
export const ERROR_CODES = [
  'unknown_method',
  'invalid_input',
  'not_found',
  'conflict',
  'bad_request',
  'unsupported_media_type',
  'payload_too_large',
  'forbidden',
  'unauthorized',
  'database_too_new',
  'database_damaged',
  'cancelled',
  /** The write would cross a boundary the person set (no calls, no mailings…): nothing was written; send it again confirmed. */
  'boundary',
  /** The app could not reach Rapport at all (station stopped, network gone): nothing was done. Set by the client. */
  'unreachable',
  'internal',
  // A write that could not be done for a reason the owner can act on (issue 14): never `internal`.
  'busy',
  'disk_full',
  'read_only',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Input path (e.g. `emails.1.address`) → a message to show next to that field. */
export type FieldErrors = Record<string, string>;

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
  /** With `conflict` when the caller's copy is stale: the version stored now (sending it overwrites). */
  version?: number;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** Thrown inside the core; turned into an error envelope at the dispatch boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;
  readonly version: number | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldErrors, version?: number) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.version = version;
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message };
    if (this.fields) body.fields = this.fields;
    if (this.version !== undefined) body.version = this.version;
    return body;
  }
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} was not found. It may have been deleted.`);
}

/** An edit made on a copy older than the stored record: nothing is written, the caller chooses. */
export function staleCopy(what: string, version: number): AppError {
  return new AppError(
    'conflict',
    `${what} was changed elsewhere (in another window or on another device) after you opened it.`,
    undefined,
    version,
  );
}

/** The renderer's side of an error envelope, thrown by the API client so React Query sees it. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldErrors;
  /** Set on a `conflict` over a stale copy: the version stored now. */
  readonly version: number | undefined;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.fields = body.fields ?? {};
    this.version = body.version;
  }
}
