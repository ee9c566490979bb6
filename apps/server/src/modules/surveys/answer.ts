import type { Emotion, SurveyAnswerBody, SurveyAnswered } from '@warmline/shared';
import { moodWords } from '@warmline/shared';
import { inUnit, type Services } from '../../core/context.ts';
import { AppError, Conflict, NotFound } from '../../core/errors.ts';
import { conversations, eventEntry } from '../conversations/index.ts';
import { type InvitationRecord, surveyInvitations, surveyResponses, surveySettings } from './repository.ts';
import { invitationOfToken } from './surveyToken.ts';

/** A genuine survey link past its time: 410, said kindly. */
export class SurveyExpired extends AppError {
  constructor() {
    super('conflict', 410, 'This survey link has expired. Survey links stay open for 14 days.');
  }
}

/** Already answered: the one answer of a conversation stays as it was. */
export class SurveyAnsweredAlready extends Conflict {
  constructor() {
    super('This survey has already been answered. Thank you — your first answer is the one we keep.');
  }
}

/** The invitation a link opens, with its workspace's name and branding; throws NotFound or SurveyExpired. */
export async function openSurvey(services: Services, token: string) {
  const read = invitationOfToken(services.secretKey, token, services.now());
  if (read === 'expired') throw new SurveyExpired();
  const workspaceId = read ? await surveyInvitations.workspaceOf(services.db, read.invitationId) : null;
  const invitation = workspaceId ? await surveyInvitations.byId(services.db, workspaceId, read!.invitationId) : null;
  if (!invitation) throw new NotFound('Survey');
  return { invitation, brand: await surveySettings.get(services.db, invitation.workspaceId) };
}

/** What a survey link shows before it is answered. */
export function presentSurvey(invitation: InvitationRecord, brand: { company: string; logoUrl: string | null; color: string }) {
  return {
    company: brand.company,
    logoUrl: brand.logoUrl,
    color: brand.color,
    language: invitation.language,
    status: invitation.answeredAt ? ('answered' as const) : ('open' as const),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/**
 * Keeps a customer's answer, once per conversation: in one transaction the response (with the conversation's team
 * and person copied for reports), an entry on the conversation's timeline, and `survey.answered` after commit.
 */
export async function answerSurvey(services: Services, token: string, answer: SurveyAnswerBody): Promise<SurveyAnswered> {
  const { invitation } = await openSurvey(services, token);
  const now = services.now();
  return inUnit(services, async (tx, events) => {
    const held = (await surveyInvitations.byId(tx, invitation.workspaceId, invitation.id, { forUpdate: true }))!;
    if (held.answeredAt) throw new SurveyAnsweredAlready();
    if (held.expiresAt.getTime() <= now.getTime()) throw new SurveyExpired();
    const conversation = await conversations.byId(tx, held.workspaceId, held.conversationId);
    if (!conversation) throw new NotFound('Survey');
    const response = await surveyResponses.create(tx, held.workspaceId, {
      conversationId: conversation.id,
      customerId: conversation.customerId,
      teamId: conversation.teamId,
      agentId: conversation.assigneeId,
      channel: held.channel,
      csat: answer.csat ?? null,
      ces: answer.ces ?? null,
      feeling: answer.feeling ?? null,
      comment: answer.comment ?? null,
      answeredAt: now,
    });
    if (!response) throw new SurveyAnsweredAlready();
    events.push(
      await eventEntry(
        tx,
        { kind: 'system', workspaceId: held.workspaceId },
        conversation,
        'survey_answered',
        answerInWords(response),
        { responseId: response.id, csat: response.csat, ces: response.ces, feeling: response.feeling, comment: response.comment },
      ),
      {
        type: 'survey.answered',
        workspaceId: held.workspaceId,
        conversationId: conversation.id,
        customerId: conversation.customerId,
        responseId: response.id,
        csat: response.csat,
        ces: response.ces,
        feeling: response.feeling,
        comment: response.comment,
      },
    );
    return {
      response: { ...response, feeling: response.feeling as Emotion | null, answeredAt: response.answeredAt.toISOString() },
    };
  });
}

/** The timeline's sentence: "Survey answered: satisfied 4/5 · easy 6/7 · felt thankful · “Quick and kind”". */
export function answerInWords(a: { csat: number | null; ces: number | null; feeling: Emotion | null; comment: string | null }) {
  const parts = [
    a.csat !== null ? `satisfied ${a.csat}/5` : null,
    a.ces !== null ? `easy ${a.ces}/7` : null,
    a.feeling ? `felt ${moodWords[a.feeling]}` : null,
    a.comment ? `“${a.comment}”` : null,
  ].filter(Boolean);
  return `Survey answered: ${parts.join(' · ')}`;
}
