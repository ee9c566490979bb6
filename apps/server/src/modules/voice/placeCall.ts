import type { IceServer, VisitorCall } from '@warmline/shared';
import { inUnit, type Services, type VisitorActor } from '../../core/context.ts';
import { Conflict, Unauthenticated } from '../../core/errors.ts';
import { conversationFor, conversations, pushConversationChanged } from '../conversations/index.ts';
import { customers } from '../customers/index.ts';
import { iceServers } from './iceServers.ts';
import { visitorCallOf } from './presentCall.ts';
import { calls } from './repository/calls.ts';
import { ringNext } from './ringing.ts';

const WIDGET_CHANNELS: ReadonlySet<string> = new Set(['chat', 'phone']);

/**
 * A widget visitor presses "Call us": the call joins their open conversation (or opens a phone conversation)
 * and rings the person routing chooses. `socketId` is the socket that placed it: the call's signalling to the
 * customer goes there and nowhere else.
 */
export async function placeCall(
  services: Services,
  actor: VisitorActor,
  input: { conversationId?: string | undefined; socketId: string },
): Promise<{ call: VisitorCall; iceServers: IceServer[] }> {
  const now = services.now();
  const call = await inUnit(services, async (tx, events) => {
    const customer = await customers.byId(tx, actor.workspaceId, actor.customerId, { forUpdate: true });
    const revoked = actor.visitorEpoch !== undefined && customer?.visitorEpoch !== actor.visitorEpoch;
    if (!customer || customer.erasedAt || customer.mergedInto || revoked) {
      throw new Unauthenticated('Your session has ended. Reload the page to start again.');
    }
    // The widget's own threads are chat and phone; an email thread keeps to itself.
    const latest = input.conversationId
      ? await conversationFor(tx, actor, input.conversationId)
      : (await conversations.openOf(tx, actor.workspaceId, actor.customerId, 20)).find((c) => WIDGET_CHANNELS.has(c.channel));
    const open = latest && latest.status !== 'resolved' ? latest : null;
    const conversationId =
      open?.id ??
      (await conversations.create(tx, actor.workspaceId, { customerId: actor.customerId, channel: 'phone', assigneeId: null }));
    await conversations.lock(tx, actor.workspaceId, conversationId);
    if (await calls.liveOf(tx, actor.workspaceId, conversationId)) throw new Conflict('A call is already under way.');
    if (!open) await pushConversationChanged(tx, actor.workspaceId, conversationId, events);
    const placed = await calls.insert(tx, {
      workspaceId: actor.workspaceId,
      conversationId,
      customerId: actor.customerId,
      customerSocket: input.socketId,
      placedAt: now,
    });
    if (!open) events.push({ type: 'queue.changed', workspaceId: actor.workspaceId });
    return visitorCallOf(await ringNext(tx, services.config, placed, now, events, 'missed'));
  });
  return { call, iceServers: iceServers(services, { workspaceId: actor.workspaceId, id: call.id }) };
}
