/**
 * The one list of error codes. Each code has an HTTP status; the server maps an AppError to
 * `{"error": {"code", "message", "details"}}`, the CLI prints its message on one line and exits 1.
 * The UI reads `code`, never the message text.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  INVALID_PERIOD: 400,
  INVALID_EXPRESSION: 400,
  INVALID_METADATA: 400,
  INVALID_IMPORT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  IMPORT_CONFLICTS: 409,
  PERIOD_LOCKED: 409,
  APPROVED_READ_ONLY: 409,
  APPROVAL_STATE: 409,
  APPROVAL_NOT_READY: 409,
  STALE_VERSION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  STORE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A failure the user can act on, with a stable `code` and optional structured details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** HTTP status for this error's code. */
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** True when `error` is an AppError (also across module copies). */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function notFound(what: string, code: string): AppError {
  return new AppError('NOT_FOUND', `${what} "${code}" not found`, { what, code });
}
