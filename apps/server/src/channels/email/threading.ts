import { conversationOfReplyToken } from './replyToken.ts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Our replies' Message-IDs (composeReply.ts): `<entry-<entry id>.<conversation id>@domain>`. */
const OUR_MESSAGE_ID = new RegExp(`^<?entry-\\d+\\.(${UUID})@[^>]+>?$`, 'i');
const REPLY_ADDRESS = /^reply\+([^@]+)@/i;

/** The conversations our own replies named in an answer's In-Reply-To / References belong to. */
export function conversationsInOurMessageIds(messageIds: string[]): string[] {
  const ids = messageIds.flatMap((id) => OUR_MESSAGE_ID.exec(id.trim())?.[1]?.toLowerCase() ?? []);
  return [...new Set(ids)];
}

/** The conversation a recipient's reply token names (`reply+<token>@…`), when this server signed it. */
export function conversationOfReplyAddress(secret: string, recipient: string): string | null {
  const token = REPLY_ADDRESS.exec(recipient.trim())?.[1];
  return token ? conversationOfReplyToken(secret, token) : null;
}

/** A conversation an email says it answers (by reply token, In-Reply-To or References). */
export interface ThreadCandidate {
  id: string;
  customerId: string;
  /** The address replies on it go to. */
  replyEmail: string | null;
  /** Whether this sender's address wrote into it before. */
  senderWroteBefore: boolean;
}

/**
 * Where an email threads. A reply token or a Message-ID only *names* a conversation; the email joins it only when
 * its sender is that conversation's person (the same customer, the address we write to, or an address that wrote
 * there before). A conversation named by someone else is never joined: the email opens a new one, flagged as forged,
 * so a made-up In-Reply-To cannot slip words into someone else's conversation.
 */
export function threadFor(
  candidates: ThreadCandidate[],
  sender: { address: string; customerId: string | null },
): { conversationId: string | null; forged: boolean } {
  const belongs = candidates.find(
    (c) =>
      (sender.customerId !== null && c.customerId === sender.customerId) ||
      c.replyEmail?.toLowerCase() === sender.address ||
      c.senderWroteBefore,
  );
  if (belongs) return { conversationId: belongs.id, forged: false };
  return { conversationId: null, forged: candidates.length > 0 };
}
