import type { CallbackRing } from '@warmline/shared';
import { type AgentActor, inUnit, type Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { type CallbackRecord, eventEntry, presentCallback } from '../conversations/index.ts';
import { callbackClock, dueCallbackOf } from '../routing/index.ts';
import { agents } from '../teams/index.ts';
import { dialNumber } from './sip/phoneLine.ts';

/**
 * One try of a due callback on the timeline: who rings, how (the customer's browser, the phone line, or the agent's
 * own phone), which try, and when, in the time zone of the conversation's hours.
 */
export async function callbackTryEntry(
  tx: Sql,
  actor: AgentActor,
  c: {
    conversation: { id: string; customerId: string; customerName: string | null; teamId: string | null };
    callback: CallbackRecord;
    via: 'browser' | 'phone_line' | 'own_phone';
    now: Date;
  },
): Promise<WarmlineEvent> {
  const me = await agents.byId(tx, actor.workspaceId, actor.agentId);
  const at = await callbackClock(tx, actor.workspaceId, c.conversation.teamId);
  const how =
    c.via === 'browser'
      ? `ringing ${c.conversation.customerName ?? 'the customer'} back in their browser`
      : `calling ${c.callback.phone} back`;
  const n = c.callback.tries + 1;
  return eventEntry(
    tx,
    actor,
    c.conversation,
    'callback_ringing',
    `${me?.displayName ?? 'An agent'} is ${how} (try ${n}) at ${at(c.now)}`,
    { callbackId: c.callback.id, try: n, via: c.via },
  );
}

/**
 * One click on a due callback: the try goes on the timeline, and the agent gets the number to dial — through the
 * phone line when one is connected, else on their own phone — and then records the outcome.
 */
export async function ringCallback(services: Services, actor: AgentActor, conversationId: string): Promise<CallbackRing> {
  return inUnit(services, async (tx, events) => {
    const { conversation, callback } = await dueCallbackOf(tx, actor, conversationId);
    const line = services.config.phoneLine ? await dialNumber(services, actor, callback.phone) : null;
    const via = line ? ('phone_line' as const) : ('own_phone' as const);
    events.push(await callbackTryEntry(tx, actor, { conversation, callback, via, now: services.now() }));
    return {
      callback: presentCallback(callback),
      customerName: conversation.customerName,
      via,
      number: line?.number ?? callback.phone,
      sipUri: line?.uri ?? null,
    };
  });
}
