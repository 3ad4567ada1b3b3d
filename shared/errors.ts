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
  'database_too_new',
  'database_damaged',
  'cancelled',
  /** The app could not reach Rapport at all (station stopped, network gone): nothing was done. Set by the client. */
  'unreachable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Input path (e.g. `emails.1.address`) → a message to show next to that field. */
export type FieldErrors = Record<string, string>;

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** Thrown inside the core; turned into an error envelope at the dispatch boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldErrors) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }

  toBody(): ApiErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} was not found. It may have been deleted.`);
}

/** The renderer's side of an error envelope, thrown by the API client so React Query sees it. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldErrors;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.fields = body.fields ?? {};
  }
}
