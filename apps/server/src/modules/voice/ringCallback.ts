import type { CallbackRing } from '@warmline/shared';
import { type AgentActor, inUnit, type Services } from '../../core/context.ts';
import { eventEntry, presentCallback } from '../conversations/index.ts';
import { clockTime, dueCallbackOf } from '../routing/index.ts';
import { agents } from '../teams/index.ts';
import { workspaces } from '../workspaces/index.ts';
import { dialNumber } from './sip/phoneLine.ts';

/**
 * One click on a due callback: the try goes on the timeline, and the agent gets the number to dial — through the
 * phone line when one is connected, else on their own phone — and then records the outcome.
 */
export async function ringCallback(services: Services, actor: AgentActor, conversationId: string): Promise<CallbackRing> {
  return inUnit(services, async (tx, events) => {
    const { conversation, callback } = await dueCallbackOf(tx, actor, conversationId);
    const me = await agents.byId(tx, actor.workspaceId, actor.agentId);
    const workspace = (await workspaces.byId(tx, actor.workspaceId))!;
    const line = services.config.phoneLine ? await dialNumber(services, actor, callback.phone) : null;
    events.push(
      await eventEntry(
        tx,
        actor,
        conversation,
        'callback_ringing',
        `${me?.displayName ?? 'An agent'} is calling ${callback.phone} back (try ${callback.tries + 1}) at ${clockTime(services.now(), workspace.timezone)}`,
        { callbackId: callback.id, try: callback.tries + 1, via: line ? 'phone_line' : 'own_phone' },
      ),
    );
    return {
      callback: presentCallback(callback),
      customerName: conversation.customerName,
      via: line ? ('phone_line' as const) : ('own_phone' as const),
      number: line?.number ?? callback.phone,
      sipUri: line?.uri ?? null,
    };
  });
}
