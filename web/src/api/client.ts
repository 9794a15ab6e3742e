/**
 * The fetch wrapper every API call goes through. A failed call throws an ApiError carrying the
 * server's stable `code` (`{"error": {"code", "message", "details"}}`); the UI reads the code.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: string, message: string, status: number, details: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** Query parameters; undefined values are left out. */
export type TQuery = Record<string, string | number | boolean | undefined>;

/** `path` with `query` appended as a query string. */
export function withQuery(path: string, query?: TQuery): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/** The ApiError for a failed response body (JSON in the API's error shape, or anything else). */
export function toApiError(status: number, text: string): ApiError {
  let body: ErrorBody | undefined;
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    body = undefined;
  }
  const error = body?.error;
  const code = typeof error?.code === 'string' ? error.code : status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
  const message = typeof error?.message === 'string' ? error.message : text.slice(0, 200) || `HTTP ${status}`;
  return new ApiError(code, message, status, error?.details ?? null);
}

/** Cookie in which the server gives the session's CSRF token (readable by this page only). */
const CSRF_COOKIE = 'tiaodu_csrf';
/** Window event sent when the API answers 401: the app shows the login page. */
export const UNAUTHENTICATED_EVENT = 'tiaodu:unauthenticated';

/** The session's CSRF token from its cookie, or undefined when signed out. */
export function readCsrfToken(
  cookies: string = typeof document === 'undefined' ? '' : document.cookie,
): string | undefined {
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** The header that state-changing requests carry (double-submit CSRF protection). */
export function csrfHeaders(): Record<string, string> {
  const token = readCsrfToken();
  return token ? { 'x-csrf-token': token } : {};
}

/** Tells the app that the session is gone (any 401 but a failed login). */
export function reportUnauthenticated(status: number, path: string): void {
  if (status === 401 && !path.startsWith('/api/auth/login') && typeof window !== 'undefined')
    window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
}

/** Sends a JSON request to the API and returns the parsed JSON answer (undefined for 204). */
export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: { query?: TQuery; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers: {
        accept: 'application/json',
        ...(method === 'GET' ? {} : csrfHeaders()),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error), 0);
  }
  const text = await response.text();
  if (!response.ok) {
    reportUnauthenticated(response.status, path);
    throw toApiError(response.status, text);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}
