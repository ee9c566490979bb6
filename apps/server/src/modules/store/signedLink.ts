import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '../../core/db/rows.ts';

/**
 * The secret in a link a customer holds without an account (a ticket's page, an appointment's reschedule link): the
 * record's id, an optional expiry, and a signature of both with the instance's secret, so nothing secret is stored,
 * the same record always gets the same link, and a changed link opens nothing.
 */
export function signLink(secretKey: string, purpose: string, id: string, expiresAt?: Date): string {
  const expiry = expiresAt ? String(Math.floor(expiresAt.getTime() / 1000)) : '';
  return [id, ...(expiry ? [expiry] : []), signature(secretKey, purpose, id, expiry)].join('.');
}

/** What a link opens: the id, `expired` for a genuine link past its time, or null for one that is malformed or not ours. */
export function readLink(secretKey: string, purpose: string, token: string, now: Date): { id: string } | 'expired' | null {
  const parts = token.split('.');
  if (parts.length < 2 || parts.length > 3) return null;
  const [id, expiry, given] = parts.length === 3 ? parts : [parts[0], '', parts[1]];
  if (!id || !given || !isUuid(id) || (expiry && !/^\d{1,12}$/.test(expiry))) return null;
  const expected = Buffer.from(signature(secretKey, purpose, id, expiry ?? ''));
  const sent = Buffer.from(given);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) return null;
  if (expiry && Number(expiry) * 1000 <= now.getTime()) return 'expired';
  return { id };
}

function signature(secretKey: string, purpose: string, id: string, expiry: string): string {
  return createHmac('sha256', secretKey).update(`${purpose}:${id}:${expiry}`).digest('base64url').slice(0, 27);
}
