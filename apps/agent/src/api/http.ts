import { ErrorCode } from '@warmline/shared';

/** An error answered by the API (or a network failure, code `network`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  readonly details: unknown;
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    code: ErrorCode | 'network',
    message: string,
    details?: unknown,
    retryAfterSeconds?: number | null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds ?? null;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Sign-in, accept-invitation and the session read hand out the token every non-GET request must carry. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The header a non-GET request sent outside `request` (an upload that reports its progress) must carry. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** Called when an authenticated request comes back 401 (the session expired or was signed out elsewhere). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  /** Sign-in answers 401 for a wrong password: that is not an expired session. */
  quietUnauthenticated?: boolean;
  /** Cancels the request (search as you type drops stale requests); it then rejects with an AbortError. */
  signal?: AbortSignal;
}

/** Calls the Warmline API on the same origin and returns its JSON (undefined for 204), or throws an {@link ApiError}. */
export async function request(method: Method, path: string, options: RequestOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // A file (a photo) goes as its own bytes with its own type; everything else as JSON.
  const file = typeof Blob !== 'undefined' && options.body instanceof Blob ? options.body : null;
  if (options.body !== undefined) headers['content-type'] = file ? file.type || 'application/octet-stream' : 'application/json';

  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'network', 'Cannot reach Warmline. Check your connection; we will keep trying.');
  }

  if (response.status === 204) return undefined;
  const payload: unknown = await response.json().catch(() => null);
  if (options.signal?.aborted) throw options.signal.reason;
  if (response.ok) return payload;

  const error = readErrorBody(payload);
  const retryAfter = Number(response.headers.get('retry-after'));
  if (response.status === 401 && !options.quietUnauthenticated) onUnauthenticated?.();
  throw new ApiError(
    response.status,
    knownCode(error?.code) ?? codeForStatus(response.status),
    error?.message ?? `The server answered ${response.status}.`,
    error?.details,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

function readErrorBody(payload: unknown): { code: string; message: string; details?: unknown } | null {
  if (typeof payload !== 'object' || payload === null || !('error' in payload)) return null;
  const { error } = payload;
  if (typeof error !== 'object' || error === null || !('code' in error) || !('message' in error)) return null;
  const { code, message } = error;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  return { code, message, details: 'details' in error ? error.details : undefined };
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'unavailable';
  return status >= 500 ? 'internal' : 'invalid';
}

/** A code this version knows, else null (the status then says what kind of failure it was). */
function knownCode(code: string | undefined): ErrorCode | null {
  const known = ErrorCode.safeParse(code);
  return known.success ? known.data : null;
}
