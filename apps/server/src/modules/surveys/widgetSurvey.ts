import type { WidgetSurveyResponse } from '@warmline/shared';
import type { Services, VisitorActor } from '../../core/context.ts';
import { conversationFor } from '../conversations/index.ts';
import { presentSurvey } from './answer.ts';
import { surveyInvitations, surveySettings } from './repository.ts';
import { surveyToken } from './surveyToken.ts';

/** The survey of a visitor's own resolved chat, with the token the widget answers with; null when none was asked. */
export async function surveyForVisitor(
  services: Services,
  actor: VisitorActor,
  conversationId: string,
): Promise<WidgetSurveyResponse['survey']> {
  const conversation = await conversationFor(services.db, actor, conversationId);
  const invitation = await surveyInvitations.ofConversation(services.db, actor.workspaceId, conversation.id);
  if (invitation?.channel !== 'chat' || invitation.expiresAt <= services.now()) return null;
  const brand = await surveySettings.get(services.db, actor.workspaceId);
  return {
    ...presentSurvey(invitation, brand),
    token: surveyToken(services.secretKey, invitation.id, invitation.expiresAt),
  };
}
