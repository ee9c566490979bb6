import { type SurveyWords, surveyWords } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { conversations, eventEntry } from '../conversations/index.ts';
import { customers } from '../customers/index.ts';
import { surveyInvitations, surveySettings } from './repository.ts';
import { surveyToken } from './surveyToken.ts';

/** A survey link to send: to whom, how, in which words, and the link. */
export interface SurveyLinkDue {
  invitationId: string;
  workspaceId: string;
  conversationId: string;
  by: 'email' | 'sms';
  to: string;
  /** For a text: the address to email instead when no text-message provider is set up. */
  orEmail: string | null;
  company: string;
  name: string | null;
  url: string;
  words: SurveyWords;
}

/** The public address of a survey: short enough for a text message. */
export function surveyUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/s/${token}`;
}

/** The link a `survey_invitation` job stands for, or null when it should no longer go (answered, expired, erased). */
export async function surveyLinkDue(
  tx: Sql,
  secretKey: string,
  publicUrl: string,
  job: { workspaceId: string; payload: Record<string, unknown> },
  now: Date,
): Promise<SurveyLinkDue | null> {
  const by = job.payload.by === 'sms' ? 'sms' : 'email';
  const to = typeof job.payload.to === 'string' ? job.payload.to : '';
  const invitation = await surveyInvitations.byId(tx, job.workspaceId, String(job.payload.invitationId ?? ''));
  if (!invitation || invitation.answeredAt || invitation.expiresAt <= now || !to) return null;
  const customer = await customers.byId(tx, job.workspaceId, invitation.customerId);
  if (!customer || customer.erasedAt) return null;
  const { company } = await surveySettings.get(tx, job.workspaceId);
  return {
    invitationId: invitation.id,
    workspaceId: invitation.workspaceId,
    conversationId: invitation.conversationId,
    by,
    to,
    orEmail: by === 'sms' && typeof job.payload.orEmail === 'string' ? job.payload.orEmail : null,
    company,
    name: customer.name,
    url: surveyUrl(publicUrl, surveyToken(secretKey, invitation.id, invitation.expiresAt)),
    words: surveyWords(invitation.language),
  };
}

/** On the conversation's timeline: the survey went by email or text, or why it could not. */
export async function noteSurveyLink(
  tx: Sql,
  due: SurveyLinkDue,
  outcome: { sent: true } | { sent: false; why: string },
  events: WarmlineEvent[],
): Promise<void> {
  const conversation = await conversations.byId(tx, due.workspaceId, due.conversationId);
  if (!conversation) return;
  const how = due.by === 'sms' ? 'text' : 'email';
  const body = outcome.sent ? `Asked how we did, by ${how}` : `Could not send the survey by ${how}: ${outcome.why}`;
  events.push(
    await eventEntry(tx, { kind: 'system', workspaceId: due.workspaceId }, conversation, 'survey_invited', body, {
      invitationId: due.invitationId,
      by: due.by,
      sent: outcome.sent,
    }),
  );
}
