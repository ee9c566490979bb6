import { inUnit, type Services } from '../../core/context.ts';
import { listener } from '../../core/listeners.ts';
import { conversations } from './repository/conversations.ts';
import { pushConversationChanged } from './views.ts';

/** More open conversations than this for one person is not a chat history; agents' next load shows the rest. */
const REANNOUNCED = 100;

/**
 * A customer was erased or merged: the inbox rows agents hold (name, preview, handoff note) were written before
 * and still show what was erased or who it was. Their open conversations are announced again as they read now.
 */
export const reannounceRewritten = listener(
  'reannounceRewritten',
  'customer.access_revoked',
  async (services: Services, events) => {
    for (const e of events) {
      await inUnit(services, async (tx, emitted) => {
        for (const conversation of await conversations.openOf(tx, e.workspaceId, e.customerId, REANNOUNCED)) {
          await pushConversationChanged(tx, e.workspaceId, conversation.id, emitted);
        }
      });
    }
  },
);

export const conversationListeners = [reannounceRewritten];
