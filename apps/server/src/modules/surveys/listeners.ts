import { inUnit, type Services } from '../../core/context.ts';
import { listener } from '../../core/listeners.ts';
import { inviteToSurvey } from './invite.ts';

/** A resolution older than this is not news: a later change to a long-resolved conversation asks nobody. */
const JUST_RESOLVED_MS = 10 * 60_000;

/** A conversation just resolved, on any path (an agent, the store counter): its customer is asked how we did. */
export const askHowWeDid = listener('askHowWeDid', 'conversation.changed', async (services: Services, events) => {
  const now = services.now();
  const resolved = events.filter(
    (e) =>
      !e.previewOnly &&
      e.conversation.status === 'resolved' &&
      e.conversation.resolvedAt !== null &&
      now.getTime() - Date.parse(e.conversation.resolvedAt) < JUST_RESOLVED_MS,
  );
  for (const e of resolved) {
    await inUnit(services, (tx, emitted) =>
      inviteToSurvey(tx, { workspaceId: e.workspaceId, conversationId: e.conversation.id }, now, emitted),
    );
  }
});

export const surveyListeners = [askHowWeDid];
