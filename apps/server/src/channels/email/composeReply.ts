import { escapeHtml } from '../../core/html.ts';
import { mailDomain, type OutboundEmail } from '../../core/mailer.ts';

/** What one agent's reply by email is made of; the addresses and ids are worked out by the caller. */
export interface ReplyToCompose {
  business: string;
  agentName: string;
  fromAddress: string;
  to: string;
  replyTo: string;
  body: string;
  conversationId: string;
  entryId: string;
  /** Message-IDs of the conversation's earlier emails (ours and the customer's), oldest first. */
  earlier: string[];
  /** The subject of the customer's first email, when the conversation began by email: the reply answers it. */
  theirSubject?: string | null | undefined;
  /** An acknowledgement Warmline wrote, signed by the business alone and marked as automatic. */
  automatic?: boolean;
}

/**
 * One Message-ID per entry, the same on every attempt: a relay that took a message whose confirmation was lost
 * gets the same id again, which receiving mail systems fold into one.
 */
export function messageIdOf(entryId: string, conversationId: string, fromAddress: string): string {
  return `<entry-${entryId}.${conversationId}@${mailDomain(fromAddress)}>`;
}

/**
 * An agent's reply as an email: From the agent by name, Reply-To the conversation's token address, threaded under
 * the conversation's earlier emails, a plain-text part and a plain HTML part (escaped text, no links, no images).
 */
export function composeReply(reply: ReplyToCompose): OutboundEmail {
  const subject = reply.theirSubject?.trim() ? oneLine(reply.theirSubject) : `Your message to ${oneLine(reply.business)}`;
  const signature = reply.automatic ? reply.business : `${reply.agentName}\n${reply.business}`;
  const footer = 'You can answer this email: your reply reaches the same person.';
  return {
    from: { name: oneLine(reply.agentName), address: reply.fromAddress },
    to: reply.to,
    replyTo: reply.replyTo,
    subject: reply.earlier.length && !/^re:/i.test(subject) ? `Re: ${subject}` : subject,
    text: `${reply.body}\n\n${signature}\n\n--\n${footer}\n`,
    html: [
      '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
      `<p style="white-space: pre-wrap">${escapeHtml(reply.body)}</p>`,
      `<p style="white-space: pre-wrap">${escapeHtml(signature)}</p>`,
      `<p style="color: #666; font-size: 0.9em">${escapeHtml(footer)}</p>`,
      '</body></html>',
    ].join('\n'),
    messageId: messageIdOf(reply.entryId, reply.conversationId, reply.fromAddress),
    inReplyTo: reply.earlier.at(-1) ?? null,
    references: reply.earlier,
    ...(reply.automatic ? { automatic: true } : {}),
  };
}

/** Header text on one line: a name or a business name never carries a line break into a header. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').trim();
}
