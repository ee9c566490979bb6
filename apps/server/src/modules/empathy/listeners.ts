import { inUnit, type Services } from '../../core/context.ts';
import { listener } from '../../core/listeners.ts';
import { conversations } from '../conversations/index.ts';
import { watchMood } from './moodWatch.ts';
import { startRecovery } from './recovery.ts';

/**
 * Upset customer messages, once stored: supervisors hear of a sharp drop or a streak, and an angry customer
 * writing about loss or damage flags a service failure. Calm messages never reach the database here.
 */
export const watchUpsetMessages = listener('watchMood', 'entry.appended', async (services: Services, events) => {
  const upset = events.flatMap(({ workspaceId, entry }) =>
    entry.kind === 'message' && entry.direction === 'in' && entry.emotion?.upset
      ? [{ workspaceId, conversationId: entry.conversationId, body: entry.body ?? '', reading: entry.emotion }]
      : [],
  );
  if (upset.length) await inUnit(services, (tx, emitted) => watchMood(tx, upset, emitted));
});

/** A failure flagged by an agent starts the recovery playbook (apology, fix, compensation, follow-up). */
export const startRecoveryWhenFlagged = listener(
  'startRecovery',
  'conversation.failure_flagged',
  async (services: Services, events) => {
    for (const e of events) {
      await inUnit(services, async (tx, emitted) => {
        const conversation = await conversations.byId(tx, e.workspaceId, e.conversationId);
        if (!conversation) return;
        const actor = { kind: 'agent' as const, workspaceId: e.workspaceId, agentId: e.agentId, role: e.role };
        await startRecovery(tx, actor, conversation, e.reason, emitted);
      });
    }
  },
);

export const empathyListeners = [watchUpsetMessages, startRecoveryWhenFlagged];
