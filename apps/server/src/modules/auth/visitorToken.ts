import { createHmac, timingSafeEqual } from 'node:crypto';

export interface VisitorClaims {
  workspaceId: string;
  customerId: string;
  /** Issued at, seconds since the epoch. */
  iat: number;
  /**
   * The customer's visitor epoch when issued (0 when absent): a token of an earlier epoch than the customer's
   * is refused, which is how erasure and a merge end every token handed out before.
   */
  epoch?: number;
  /**
   * Issued to a website's signed-in user (proven by its HMAC): such a session resumes only while the website
   * still vouches for that user, so whoever uses the browser after they sign out starts afresh.
   */
  user?: boolean;
}

/** Signs a visitor token: `v1.<base64url claims>.<base64url HMAC-SHA256>`. */
export function signVisitorToken(claims: VisitorClaims, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify({
      w: claims.workspaceId,
      c: claims.customerId,
      i: claims.iat,
      ...(claims.epoch ? { e: claims.epoch } : {}),
      ...(claims.user ? { u: 1 } : {}),
    }),
  ).toString('base64url');
  return `v1.${payload}.${mac(payload, secret)}`;
}

/** Verifies signature (constant time) and age; returns null for anything forged, malformed or expired. */
export function verifyVisitorToken(token: string, secret: string, now: Date, ttlDays: number): VisitorClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'v1') return null;
  const [, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      w?: unknown;
      c?: unknown;
      i?: unknown;
      e?: unknown;
      u?: unknown;
    };
    if (typeof raw.w !== 'string' || typeof raw.c !== 'string' || typeof raw.i !== 'number') return null;
    const epoch = raw.e ?? 0;
    if (typeof epoch !== 'number' || !Number.isInteger(epoch) || epoch < 0) return null;
    const ageSeconds = now.getTime() / 1000 - raw.i;
    if (ageSeconds > ttlDays * 86_400 || ageSeconds < -300) return null;
    return { workspaceId: raw.w, customerId: raw.c, iat: raw.i, epoch, ...(raw.u === 1 ? { user: true } : {}) };
  } catch {
    return null;
  }
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`visitor:${payload}`).digest('base64url');
}
