import { createHmac, timingSafeEqual } from 'node:crypto';
import { mailDomain } from '../../core/mailer.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^c([0-9a-f]{32})\.([0-9a-f]{24})$/;

function signature(secret: string, conversationId: string): string {
  // Hex, not base64: mail systems may fold the case of an address's local part.
  return createHmac('sha256', secret).update(`reply-to:${conversationId}`).digest('hex').slice(0, 24);
}

/**
 * The per-conversation token of the Reply-To address (`reply+<token>@…`): the conversation's id and an HMAC of it,
 * so a customer's answer finds its conversation, and nobody can make up the token of someone else's.
 */
export function replyToken(secret: string, conversationId: string): string {
  return `c${conversationId.replaceAll('-', '')}.${signature(secret, conversationId)}`;
}

/** The conversation a reply token names, or null when it is not one this server signed. */
export function conversationOfReplyToken(secret: string, token: string): string | null {
  const match = TOKEN.exec(token.toLowerCase());
  if (!match) return null;
  const hex = match[1]!;
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  if (!UUID.test(id)) return null;
  const expected = Buffer.from(signature(secret, id));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** `reply+<token>@<the domain of the From address>`. */
export function replyAddress(secret: string, conversationId: string, fromAddress: string): string {
  return `reply+${replyToken(secret, conversationId)}@${mailDomain(fromAddress)}`;
}
