import { surveyWords } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { jobs } from '../../core/jobs/jobs.ts';
import { type ConversationRecord, conversations, eventEntry } from '../conversations/index.ts';
import { customers } from '../customers/index.ts';
import { mayAskAgain, SURVEY_LINK_DAYS, surveyLanguage } from './quietDays.ts';
import { type InvitationRecord, surveyInvitations, surveySettings } from './repository.ts';

/** The durable job that sends a survey link by email or text. */
export const SURVEY_INVITATION_JOB = 'survey_invitation';

/** How a survey reaches a customer: inline in the chat, or a link by email or text. */
export type SurveyDelivery =
  | { by: 'chat' }
  | { by: 'email'; to: string }
  /** `orEmail`: where the link goes instead when no text-message provider is set up. */
  | { by: 'sms'; to: string; orEmail?: string };

/**
 * Where to ask, on the channel used: a chat asks in the widget (unless replies go by email since they left a
 * message); an email by email; a call, a text or a visit by text when we have their number, else by email.
 * Null when we have no way to reach them.
 */
export function deliveryFor(
  conversation: Pick<ConversationRecord, 'channel' | 'replyEmail'>,
  contact: { email: string | null; phone: string | null },
): SurveyDelivery | null {
  const email = conversation.replyEmail ?? contact.email;
  switch (conversation.channel) {
    case 'chat':
      return conversation.replyEmail ? { by: 'email', to: conversation.replyEmail } : { by: 'chat' };
    case 'phone':
    case 'sms':
    case 'in_person':
      if (contact.phone) return { by: 'sms', to: contact.phone, ...(email ? { orEmail: email } : {}) };
      return email ? { by: 'email', to: email } : null;
    default:
      return email ? { by: 'email', to: email } : null;
  }
}

/**
 * Asks the customer of a just-resolved conversation how we did, once: unless surveys are off for the workspace or
 * this customer was asked within its quiet days. Writes the invitation and, in the same transaction, the question in
 * the chat or the job that sends the link. Returns the invitation, or null when nobody is asked.
 */
export async function inviteToSurvey(
  tx: Sql,
  input: { workspaceId: string; conversationId: string },
  now: Date,
  events: WarmlineEvent[],
): Promise<InvitationRecord | null> {
  const settings = await surveySettings.get(tx, input.workspaceId);
  if (!settings?.enabled) return null;
  const conversation = await conversations.byId(tx, input.workspaceId, input.conversationId);
  if (conversation?.status !== 'resolved') return null;
  if (await surveyInvitations.ofConversation(tx, input.workspaceId, conversation.id)) return null;
  // Two conversations of one customer resolved at once must not both pass the quiet-days rule.
  await surveyInvitations.lockCustomer(tx, input.workspaceId, conversation.customerId);
  const last = await surveyInvitations.lastAskedAt(tx, input.workspaceId, conversation.customerId);
  if (!mayAskAgain(last, settings.quietDays, now)) return null;
  const customer = await customers.byId(tx, input.workspaceId, conversation.customerId);
  if (!customer || customer.erasedAt) return null;
  const delivery = deliveryFor(conversation, customer);
  if (!delivery) return null;
  const language = surveyLanguage(conversation.language);
  const invitation = await surveyInvitations.create(tx, input.workspaceId, {
    conversationId: conversation.id,
    customerId: conversation.customerId,
    channel: conversation.channel,
    language,
    askedAt: now,
    expiresAt: new Date(now.getTime() + SURVEY_LINK_DAYS * 86_400_000),
  });
  if (!invitation) return null;
  if (delivery.by === 'chat') {
    events.push(
      await eventEntry(
        tx,
        { kind: 'system', workspaceId: input.workspaceId },
        conversation,
        'survey_invited',
        'Asked how we did, in the chat',
        { invitationId: invitation.id, by: 'chat', customerText: surveyWords(language).chatInvite },
      ),
    );
  } else {
    await jobs.schedule(tx, input.workspaceId, {
      kind: SURVEY_INVITATION_JOB,
      runAt: now,
      payload: { invitationId: invitation.id, ...delivery },
    });
  }
  return invitation;
}
