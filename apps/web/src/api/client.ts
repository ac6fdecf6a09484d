import { ErrorBody, type ErrorCode, type MeView } from '@yufang/contracts';

/** Every API route lives under this prefix, same origin as the web. */
export const API_BASE = '/api/v1';

/** An error answered by the API (or a network failure dressed as one), carrying the server's ErrorBody. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields: { field: string; message: string }[];
  readonly requestId: string | undefined;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? [];
    this.requestId = body.requestId;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Builds `?a=1&b=2`, leaving out empty values; returns '' when nothing is left. */
export function toQueryString(params: QueryParams | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// The CSRF token comes with every MeView (login, /auth/me, password change) and must accompany every non-GET request.
let csrfToken: string | null = null;

export function rememberSession(me: Pick<MeView, 'csrfToken'> | null): void {
  csrfToken = me?.csrfToken ?? null;
}

interface Handlers {
  /** Called on 401 from any route but login and /auth/me: the session is gone. */
  onUnauthenticated: () => void;
  /** Called on 403 PASSWORD_CHANGE_REQUIRED. */
  onPasswordChangeRequired: () => void;
}

let handlers: Handlers = { onUnauthenticated: () => {}, onPasswordChangeRequired: () => {} };

/** The app installs navigation here once the router exists (keeps this module free of React). */
export function setSessionHandlers(next: Handlers): void {
  handlers = next;
}

// Routes whose 401 means something else than "session expired".
const NO_REDIRECT_ON_401 = new Set(['/auth/login', '/auth/me']);

async function parseError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // Not JSON (proxy error page, empty body): fall through to a generic message.
  }
  const parsed = ErrorBody.safeParse(payload);
  if (parsed.success) return new ApiError(response.status, parsed.data);
  const code: ErrorCode =
    response.status === 401
      ? 'UNAUTHENTICATED'
      : response.status === 403
        ? 'FORBIDDEN'
        : response.status === 404
          ? 'NOT_FOUND'
          : response.status === 409
            ? 'CONFLICT'
            : 'INTERNAL';
  return new ApiError(response.status, { code, message: `服务器响应异常（HTTP ${response.status}），请稍后重试` });
}

export interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** A poll nobody asked for (the bell): the server does not count it as activity for the idle timeout. */
  background?: boolean;
}

/** Sends one request to the API and returns the parsed JSON (undefined for 204). Throws ApiError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.background) headers['x-yf-background'] = '1';

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' });
  }

  if (!response.ok) {
    const error = await parseError(response);
    if (error.status === 401 && !NO_REDIRECT_ON_401.has(path)) {
      rememberSession(null);
      handlers.onUnauthenticated();
    } else if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
      handlers.onPasswordChangeRequired();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  poll: <T>(path: string, query?: QueryParams, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal, background: true }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
