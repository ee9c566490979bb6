import type { Callback, CallbackOutcome } from '@warmline/shared';
import { type AgentActor, inUnit, type Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { Conflict, NotFound } from '../../core/errors.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import {
  type CallbackRecord,
  callbacks,
  conversationFor,
  conversations,
  eventEntry,
  noteEntry,
  presentCallback,
  pushConversationChanged,
} from '../conversations/index.ts';
import { withTeamHours } from '../teams/index.ts';
import { callbackWindows, type WorkspaceRecord } from '../workspaces/index.ts';
import { clockTime, scheduleCallbackDue } from './callbacks.ts';

/**
 * The due callback of a conversation that this person may ring: its owner's, or whoever has the conversation now
 * (the next free person when the owner was away). Anyone else's is not found, as everywhere.
 */
export async function dueCallbackOf(tx: Sql, actor: AgentActor, conversationId: string, opts: { lock?: boolean } = {}) {
  const conversation = await conversationFor(tx, actor, conversationId);
  // Locked before the callback is read: two tabs recording at once record once.
  if (opts.lock) await conversations.lock(tx, actor.workspaceId, conversation.id);
  const callback = (await callbacks.latestFor(tx, [{ workspaceId: actor.workspaceId, id: conversation.id }])).get(
    conversation.id,
  );
  const mine = callback && (callback.ownerId === actor.agentId || conversation.assigneeId === actor.agentId);
  if (!callback || !mine) throw new NotFound('Callback');
  if (callback.status !== 'due') throw new Conflict(`This callback is not due: it is ${callback.status.replace('_', ' ')}.`);
  return { conversation, callback };
}

/**
 * What came of ringing the customer back. Reached ends the promise; no answer moves it to the next window of the
 * opening hours and tells the customer, until the last of `CALLBACK_MAX_TRIES` tries ends it as not reached;
 * a wrong number ends it and asks the owner to confirm the number. Each is an entry on the timeline.
 */
export async function recordCallbackOutcome(
  services: Services,
  actor: AgentActor,
  input: { conversationId: string; outcome: CallbackOutcome },
): Promise<{ callback: Callback }> {
  const callback = await inUnit(services, async (tx, events) => {
    const { conversation, callback } = await dueCallbackOf(tx, actor, input.conversationId, { lock: true });
    const workspace = await withTeamHours(tx, actor.workspaceId, conversation.teamId);
    const at = (d: Date) => clockTime(d, workspace.timezone);
    const now = services.now();
    const data = { callbackId: callback.id, outcome: input.outcome, try: callback.tries + 1 };
    if (input.outcome === 'reached') {
      events.push(await callbackReached(tx, actor, { conversation, callback, how: `on ${callback.phone}`, at: at(now) }));
    } else if (input.outcome === 'wrong_number') {
      await callbacks.finish(tx, actor.workspaceId, callback.id, 'wrong_number', true);
      events.push(
        await eventEntry(tx, actor, conversation, 'callback_wrong_number', `Callback: ${callback.phone} is a wrong number`, data),
        await noteEntry(
          tx,
          actor,
          conversation,
          `Wrong number: ${callback.phone} did not reach this customer. Please confirm their number before promising another call.`,
        ),
      );
      await conversations.update(tx, actor.workspaceId, conversation.id, { assigneeId: callback.ownerId ?? actor.agentId });
    } else events.push(...(await noAnswer(services, tx, actor, { conversation, callback, workspace, at, now, data })));
    await pushConversationChanged(tx, actor.workspaceId, conversation.id, events);
    events.push({ type: 'queue.changed', workspaceId: actor.workspaceId });
    return (await callbacks.byId(tx, actor.workspaceId, callback.id))!;
  });
  return { callback: presentCallback(callback) };
}

/**
 * The customer was reached (`how`: "on +44…", "in the browser"): the promise is kept, and the timeline says so.
 * Recorded by the person who rang, or by the customer's answer when we rang them in their browser.
 */
export async function callbackReached(
  tx: Sql,
  actor: AgentActor,
  c: { conversation: { id: string; customerId: string }; callback: CallbackRecord; how: string; at: string },
): Promise<WarmlineEvent> {
  await callbacks.finish(tx, actor.workspaceId, c.callback.id, 'done', false);
  return eventEntry(tx, actor, c.conversation, 'callback_reached', `Callback: reached ${c.how} at ${c.at}`, {
    callbackId: c.callback.id,
    outcome: 'reached',
    try: c.callback.tries + 1,
  });
}

async function noAnswer(
  services: Services,
  tx: Sql,
  actor: AgentActor,
  c: {
    conversation: { id: string; customerId: string; customerName: string | null };
    callback: CallbackRecord;
    workspace: WorkspaceRecord;
    at: (d: Date) => string;
    now: Date;
    data: Record<string, unknown>;
  },
): Promise<WarmlineEvent[]> {
  const { conversation, callback, workspace, at, now, data } = c;
  const tries = callback.tries + 1;
  // The next window is the first one of the opening hours that starts once this one has ended.
  const after = new Date(Math.max(now.getTime(), callback.windowEnd.getTime()));
  const next =
    tries < services.config.callbackMaxTries
      ? callbackWindows(after, workspace.openingHours, workspace.timezone, 1, 0, workspace.holidays).find((w) => w.start >= after)
      : undefined;
  if (!next) {
    await callbacks.finish(tx, actor.workspaceId, callback.id, 'not_reached', true);
    await conversations.update(tx, actor.workspaceId, conversation.id, { assigneeId: callback.ownerId ?? actor.agentId });
    return [
      await eventEntry(tx, actor, conversation, 'callback_not_reached', `Callback: no answer after ${tries} tries`, {
        ...data,
        customerText: `We tried to call you ${tries} times and could not reach you. Write to us here and we will pick it up.`,
      }),
      await noteEntry(
        tx,
        actor,
        conversation,
        `Callback not reached: ${callback.phone} did not answer ${tries} tries. The conversation is back with its owner: write to ${conversation.customerName ?? 'the customer'} or close it.`,
      ),
    ];
  }
  await callbacks.moveToWindow(tx, actor.workspaceId, callback.id, next);
  // Snoozed again until the next window, still owned by the same person and in the same place in line.
  await conversations.update(tx, actor.workspaceId, conversation.id, { status: 'snoozed' });
  await scheduleCallbackDue(tx, actor.workspaceId, { conversationId: conversation.id, callbackId: callback.id }, next.start);
  const customerText = `We tried to call you at ${at(now)} and will try again between ${at(next.start)} and ${at(next.end)}.`;
  return [
    await eventEntry(
      tx,
      actor,
      conversation,
      'callback_no_answer',
      `Callback: no answer at ${at(now)}, next try ${at(next.start)}–${at(next.end)}`,
      {
        ...data,
        nextWindowStart: next.start.toISOString(),
        nextWindowEnd: next.end.toISOString(),
        customerText,
      },
    ),
  ];
}
