/**
 * Errors that cross a boundary (main <-> renderer, gateway <-> UI) travel as plain data:
 * `{ code, message, retryable }`. The message is English (for logs); the UI shows the
 * translation of `code` from the locale files (`errors.<code>`), falling back to the message.
 */
export const ERROR_CODES = [
  'INTERNAL',
  'BAD_REQUEST',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'UNAUTHORIZED',
  'NODE_UNREACHABLE',
  'NODE_BAD_RESPONSE',
  'NODE_AUTH_FAILED',
  'NODE_TIMEOUT',
  'NODE_UNKNOWN',
  'NODES_CONFIG_INVALID',
  'VAULT_INVALID',
  'SETTINGS_INVALID',
  'WEBGL2_UNAVAILABLE',
  'CACHE_KEY_MISMATCH',
  'CACHE_RECORD_UNREADABLE',
  'STORE_REFUSED',
  'DECODE_REFUSED',
  'DECODE_TIMEOUT',
  'READ_BLINDED',
] as const;

/** One of the stable error codes known to both sides. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One invalid field of a request: its path (e.g. `auth.password`) and an English reason. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The serialisable error shape of every contract call. */
export interface GardeErrorData {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  /** Invalid fields of the request, when the error is a validation failure. */
  issues?: FieldIssue[];
}

/** An Error carrying a {@link GardeErrorData}; thrown by services, serialised by transports. */
export class GardeError extends Error implements GardeErrorData {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly issues?: FieldIssue[];

  constructor(code: ErrorCode, message: string, retryable = false, issues?: FieldIssue[]) {
    super(message);
    this.name = 'GardeError';
    this.code = code;
    this.retryable = retryable;
    if (issues) this.issues = issues;
  }

  /** Plain data for a transport. */
  toData(): GardeErrorData {
    const data: GardeErrorData = { code: this.code, message: this.message, retryable: this.retryable };
    if (this.issues) data.issues = this.issues.map((i) => ({ path: i.path, message: i.message }));
    return data;
  }
}

/** Whether a string is one of {@link ERROR_CODES}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Turns anything thrown into {@link GardeErrorData}; unknown errors become INTERNAL. */
export function toErrorData(error: unknown): GardeErrorData {
  if (error instanceof GardeError) return error.toData();
  if (
    typeof error === 'object' &&
    error !== null &&
    isErrorCode((error as { code?: unknown }).code) &&
    typeof (error as { message?: unknown }).message === 'string'
  ) {
    const e = error as GardeErrorData;
    const data: GardeErrorData = { code: e.code, message: e.message, retryable: Boolean(e.retryable) };
    if (Array.isArray(e.issues)) data.issues = e.issues.map((i) => ({ path: String(i.path), message: String(i.message) }));
    return data;
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message, retryable: false };
}
