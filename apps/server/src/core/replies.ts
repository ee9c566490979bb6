import type { ErrorCode } from '@warmline/shared';
import { isConnectionError } from './db/client.ts';
import { AppError, DatabaseUnavailable, RateLimited, Unavailable } from './errors.ts';

/** What every transport answers for a failure: HTTP sends it as status + body, a socket as an error frame. */
export interface ErrorReply {
  status: number;
  error: { code: ErrorCode; message: string; details?: unknown };
  retryAfterSeconds?: number;
  /** Not one of ours: a bug, to be logged where it happened. */
  unexpected: boolean;
}

/**
 * The one place an error becomes a reply, whatever the transport (HTTP, WebSocket; later SMTP and SIP turn the same
 * reply into their own codes). Typed errors speak for themselves; a lost database connection is "try again"; anything
 * else is a 500 whose details stay in the log.
 */
export function replyFor(thrown: unknown): ErrorReply {
  // The database port reports a lost connection as DatabaseUnavailable; this catches one that slipped past it.
  const err = isConnectionError(thrown) ? new DatabaseUnavailable((thrown as Error).message) : thrown;
  if (err instanceof AppError) {
    return {
      status: err.status,
      error: { code: err.code, message: err.message, details: err.details },
      ...(err instanceof RateLimited || err instanceof Unavailable ? { retryAfterSeconds: err.retryAfterSeconds } : {}),
      unexpected: false,
    };
  }
  return {
    status: 500,
    error: { code: 'internal', message: 'Something went wrong on our side. It has been logged.' },
    unexpected: true,
  };
}
