import { randomBytes } from 'node:crypto';

/** A random URL-safe token of `bytes` random bytes (sessions, invitations, secrets, keys). */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
