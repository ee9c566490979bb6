import type { Entry } from '@warmline/shared';
import { Invalid } from '../../core/errors.ts';
import type { CarriedAttachment } from '../files/index.ts';

export interface AppendMessageInput {
  clientId: string;
  body: string;
  /** Agents only: the conversation to write to. Visitors write to their own open conversation. */
  conversationId?: string | undefined;
  /** Agents only: an internal note the customer never sees. */
  note?: boolean | undefined;
  /** Files the sender uploaded before, to go with the message. */
  attachmentIds?: string[] | undefined;
  /** Those files, checked as the sender's and not sent yet (appendMessage): what the entry carries. */
  attachments?: CarriedAttachment[] | undefined;
}

export interface AppendMessageResult {
  entry: Entry;
  /** False when this clientId was stored before: the original entry is returned, nothing new is written. */
  created: boolean;
}

/** Bodies are stored as written; only an over-long body is refused, and an empty one unless files go with it. */
export function checkBody(body: unknown, maxLength: number, attachments = 0): string {
  if (typeof body !== 'string') throw new Invalid('body must be text');
  if (body.trim().length === 0 && attachments === 0) throw new Invalid('body must not be empty');
  if (body.length > maxLength) {
    throw new Invalid(`body is too long: ${body.length} characters, the limit is ${maxLength}`, { maxLength });
  }
  return body;
}
