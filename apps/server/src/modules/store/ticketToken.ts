import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '../../core/db/rows.ts';

/**
 * The secret of a walk-in's ticket, in the URL of its "your turn" page: the ticket's id and a signature of it, so
 * nothing secret is stored and a resend of the same check-in gets the same link.
 */
export function ticketToken(secretKey: string, walkInId: string): string {
  return `${walkInId}.${signature(secretKey, walkInId)}`;
}

/** The walk-in a ticket token stands for, or null for a token that is malformed or not ours. */
export function walkInOfToken(secretKey: string, token: string): string | null {
  const [id, given, ...rest] = token.split('.');
  if (!id || !given || rest.length > 0 || !isUuid(id)) return null;
  const expected = Buffer.from(signature(secretKey, id));
  const sent = Buffer.from(given);
  return sent.length === expected.length && timingSafeEqual(sent, expected) ? id : null;
}

function signature(secretKey: string, walkInId: string): string {
  return createHmac('sha256', secretKey).update(`walk-in-ticket:${walkInId}`).digest('base64url').slice(0, 27);
}
