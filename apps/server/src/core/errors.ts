import type { ErrorCode } from '@warmline/shared';

/** An expected failure with a stable code; the transports turn it into HTTP, WebSocket or SMTP replies. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class Invalid extends AppError {
  constructor(message: string, details?: unknown) {
    super('invalid', 400, message, details);
  }
}
export class Unauthenticated extends AppError {
  constructor(message = 'Sign in to continue.') {
    super('unauthenticated', 401, message);
  }
}
export class Forbidden extends AppError {
  constructor(message = 'You are not allowed to do that.') {
    super('forbidden', 403, message);
  }
}
/** "Not yours" answers the same as "does not exist". */
export class NotFound extends AppError {
  constructor(what: string) {
    super('not_found', 404, `${what} not found.`);
  }
}
export class Conflict extends AppError {
  constructor(message: string, details?: unknown) {
    super('conflict', 409, message, details);
  }
}
export class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', 429, `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
  }
}
/** A dependency is down for now: HTTP answers 503 with `Retry-After`, a socket names the frame to retry. */
export class Unavailable extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
  ) {
    super('unavailable', 503, message, { retryAfterSeconds });
  }
}

/** PostgreSQL cannot be reached (down, restarting, or the connection dropped); nothing was half-written. */
export class DatabaseUnavailable extends Unavailable {
  constructor(readonly reason: string) {
    super('The database is unreachable right now. Try again in a few seconds.', 2);
  }
}
