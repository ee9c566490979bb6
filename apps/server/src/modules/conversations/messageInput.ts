import type { Entry } from '@warmline/shared';
import { Invalid } from '../../core/errors.ts';

export interface AppendMessageInput {
  clientId: string;
  body: string;
  /** Agents only: the conversation to write to. Visitors write to their own open conversation. */
  conversationId?: string | undefined;
  /** Agents only: an internal note the customer never sees. */
  note?: boolean | undefined;
}

export interface AppendMessageResult {
  entry: Entry;
  /** False when this clientId was stored before: the original entry is returned, nothing new is written. */
  created: boolean;
}

/** Bodies are stored as written; only an empty or over-long body is refused. */
export function checkBody(body: unknown, maxLength: number): string {
  if (typeof body !== 'string') throw new Invalid('body must be text');
  if (body.trim().length === 0) throw new Invalid('body must not be empty');
  if (body.length > maxLength) {
    throw new Invalid(`body is too long: ${body.length} characters, the limit is ${maxLength}`, { maxLength });
  }
  return body;
}
