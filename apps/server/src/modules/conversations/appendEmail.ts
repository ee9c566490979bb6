import type { Entry } from '@warmline/shared';
import type { Services, VisitorActor } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { readEmotion } from '../emotion/index.ts';
import type { CarriedAttachment } from '../files/index.ts';
import { teamSettings } from '../teams/index.ts';
import { appendEntry } from './appendEntries.ts';
import { joinQueue, reopenForCustomer } from './customerWrites.ts';
import { eventEntry } from './eventEntries.ts';
import { type ConversationRecord, conversations } from './repository/conversations.ts';
import { conversationTags } from './repository/tags.ts';
import { pushConversationChanged } from './views.ts';

/** The tag an email that needs a careful look puts on its conversation, for the inbox filter. */
export const EMAIL_FLAG_TAG = 'email-flagged';

/** A customer's email, decided by the email channel: whose it is, where it threads, what it says. */
export interface CustomerEmail {
  workspaceId: string;
  customerId: string;
  /** The conversation it answers (the channel checked it is this customer's), or null to open one. */
  conversation: ConversationRecord | null;
  /** The team a new conversation goes to (the address it was sent to), or null for the workspace's queue. */
  teamId: string | null;
  body: string;
  clientId: string;
  /** Where replies go: the address it came from (null when it gave none that can be written to). */
  replyEmail: string | null;
  /** Auto-replies, bounces: stored and shown, but they never reopen a resolved conversation. */
  automatic: boolean;
  /** Why agents should look twice, in words, each shown on the timeline (only to agents). */
  warnings: string[];
  ownerAgentId: string | null;
  /** The files it brought, recorded in this transaction (files/receivedFiles.ts); bound to its entry as it is stored. */
  attachments?: CarriedAttachment[];
  /** Files it brought that were not kept: said on the timeline, to agents only, so they can ask for them. */
  filesNotKept?: { text: string; files: Array<{ name: string; why: string }> } | null;
}

/**
 * Stores a customer's email on its conversation's timeline, in the caller's transaction, through the one storage
 * path: a new conversation on the email channel joins the queue, an answer to a resolved one reopens it.
 */
export async function appendCustomerEmail(
  tx: Sql,
  services: Services,
  email: CustomerEmail,
  events: WarmlineEvent[],
): Promise<{ entry: Entry; conversationId: string }> {
  const now = services.now();
  const { workspaceId, customerId } = email;
  const actor: VisitorActor = { kind: 'visitor', workspaceId, customerId };
  const current = email.conversation;
  const settings = await teamSettings(tx, workspaceId, current ?? { teamId: email.teamId, channel: 'email' });
  let conversationId: string;
  let joined = false;
  if (!current) {
    conversationId = await conversations.create(tx, workspaceId, { customerId, channel: 'email', assigneeId: null });
    await conversations.lock(tx, workspaceId, conversationId);
    await conversations.update(tx, workspaceId, conversationId, { replyEmail: email.replyEmail, teamId: email.teamId });
    joined = true;
  } else {
    conversationId = current.id;
    await conversations.lock(tx, workspaceId, conversationId);
    if (current.status === 'resolved' && !email.automatic) {
      await reopenForCustomer(tx, actor, current, email.ownerAgentId, settings.continuityGraceSeconds, now, events);
      joined = true;
    } else if (current.status === 'pending_customer' && !email.automatic) {
      await conversations.update(tx, workspaceId, conversationId, { status: 'active' });
    }
    // Replies go to the address that wrote last.
    if (email.replyEmail && current.replyEmail !== email.replyEmail) {
      await conversations.update(tx, workspaceId, conversationId, { replyEmail: email.replyEmail });
    }
  }
  const entry = await appendEntry(tx, {
    workspaceId,
    conversationId,
    kind: 'message',
    direction: 'in',
    channel: 'email',
    body: email.body,
    clientId: email.clientId,
    author: { kind: 'customer', id: customerId },
    emotion: email.automatic ? null : readEmotion(email.body),
    attachments: email.attachments ?? [],
  });
  events.push({ type: 'entry.appended', workspaceId, customerId, entry });
  const where = { id: conversationId, customerId };
  for (const warning of email.warnings) {
    events.push(await eventEntry(tx, { kind: 'system', workspaceId }, where, 'email_flagged', warning, { entryId: entry.id }));
  }
  if (email.warnings.length) await conversationTags.add(tx, workspaceId, conversationId, EMAIL_FLAG_TAG);
  const notKept = email.filesNotKept;
  if (notKept) {
    const data = { entryId: entry.id, files: notKept.files };
    events.push(await eventEntry(tx, { kind: 'system', workspaceId }, where, 'email_files_not_kept', notKept.text, data));
  }
  if (joined) await joinQueue(tx, workspaceId, conversationId, settings.targetSeconds, now, events);
  await pushConversationChanged(tx, workspaceId, conversationId, events);
  return { entry, conversationId };
}
