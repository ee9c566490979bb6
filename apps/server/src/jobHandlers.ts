import { isInLine, isWaitingForPerson, moodWords } from '@warmline/shared';
import type { Sql } from './core/db/client.ts';
import type { WarmlineEvent } from './core/events.ts';
import { type JobRecord, jobs } from './core/jobs/jobs.ts';
import type { JobHandler } from './core/jobs/runner.ts';
import { callbacks, conversations, eventEntry, pushConversationChanged, ROUTE_BACKSTOP } from './modules/conversations/index.ts';
import { raiseAlert, recoveryFollowUpDue } from './modules/empathy/index.ts';
import { callbackClock, fillEveryone, routeConversation } from './modules/routing/index.ts';
import { agents, teamSettings } from './modules/teams/index.ts';

const conversationIdOf = (job: JobRecord) => String(job.payload.conversationId ?? '');

/**
 * The callback window opens: the conversation returns to the queue in its original place, as a task owned by
 * the person named in the promise.
 */
const callbackDue: JobHandler = async (tx, job, now, events) => {
  const callback = await callbacks.byId(tx, job.workspaceId, String(job.payload.callbackId ?? ''));
  if (callback?.status !== 'scheduled') return;
  const conversation = await conversations.byId(tx, job.workspaceId, callback.conversationId);
  if (!conversation || conversation.status === 'resolved') return;
  await conversations.lock(tx, job.workspaceId, conversation.id);
  await callbacks.setStatus(tx, job.workspaceId, callback.id, 'due');
  const owner = callback.ownerId ? await agents.byId(tx, job.workspaceId, callback.ownerId) : null;
  // The owner rings when they are here; when they are away routing's own policy picks the next free person.
  const here = owner?.presence === 'available' ? owner : null;
  await conversations.update(tx, job.workspaceId, conversation.id, { status: 'waiting', assigneeId: here?.id ?? null });
  const routed = here ? null : await routeConversation(tx, job.workspaceId, conversation.id, now, events);
  // Nobody free either: the promise stays with the person who made it, who is reminded when they are back.
  if (!here && !routed && owner) await conversations.update(tx, job.workspaceId, conversation.id, { assigneeId: owner.id });
  const caller = here ?? (routed ? await agents.byId(tx, job.workspaceId, routed.agentId) : owner);
  // In the time of the conversation's hours (its team's, or the workspace's), as the customer was told when they booked.
  const at = await callbackClock(tx, job.workspaceId, conversation.teamId);
  const window = `${at(callback.windowStart)}–${at(callback.windowEnd)}`;
  const customer = conversation.customerName ?? 'the customer';
  events.push(
    await eventEntry(
      tx,
      { kind: 'system', workspaceId: job.workspaceId },
      conversation,
      'callback_due',
      `Callback due now: call ${callback.phone} (${window})`,
      {
        callbackId: callback.id,
        ownerId: owner?.id ?? null,
        callerId: caller?.id ?? null,
        phone: callback.phone,
        try: callback.tries + 1,
      },
    ),
  );
  if (caller) {
    // Whoever rings is prompted (supervisors see the reminder too); one click on it rings the customer.
    const promise =
      owner && owner.id !== caller.id
        ? `, for ${owner.displayName} who is away`
        : owner
          ? `, as ${owner.displayName} promised`
          : '';
    await raiseAlert(
      tx,
      job.workspaceId,
      {
        conversationId: conversation.id,
        kind: 'callback_due',
        text: `Call ${customer} back now on ${callback.phone} (${window})${promise}`,
        agentId: caller.id,
        now,
      },
      events,
    );
  }
  await pushConversationChanged(tx, job.workspaceId, conversation.id, events);
  events.push({ type: 'queue.changed', workspaceId: job.workspaceId });
};

/** Past the time-to-human target with nobody yet: escalate (priority raised, supervisors see it). */
const timeToHuman: JobHandler = async (tx, job, now, events) => {
  const conversation = await conversations.byId(tx, job.workspaceId, conversationIdOf(job));
  // Still waiting for a person in this wait (a reopened conversation waits again, and is checked again).
  if (!conversation || !isWaitingForPerson(conversation) || conversation.escalatedAt) return;
  const settings = await teamSettings(tx, job.workspaceId, conversation);
  // The team (and so the target) may have changed since the check was scheduled: measure against today's target.
  const due = new Date(conversation.queueSince).getTime() + settings.targetSeconds * 1000;
  if (due > now.getTime() + 1000) {
    await jobs.schedule(tx, job.workspaceId, {
      kind: 'time_to_human',
      runAt: new Date(due),
      payload: { conversationId: conversation.id },
    });
    return;
  }
  await escalate(
    tx,
    job.workspaceId,
    conversation,
    `Waited past the ${describe(settings.targetSeconds)} time-to-human target`,
    now,
    events,
  );
  // Whoever waits past the target is on the supervisor's alerts, as they are on every inbox: an upset customer
  // as such, and one already routed to someone says who has not answered yet.
  const target = `the ${describe(settings.targetSeconds)} target`;
  const withWhom = conversation.assigneeName ? ` — ${conversation.assigneeName} has not answered yet` : '';
  await raiseAlert(
    tx,
    job.workspaceId,
    conversation.upset
      ? {
          conversationId: conversation.id,
          kind: 'upset_waiting',
          text: `${conversation.customerName ?? 'An upset customer'} (${conversation.mood ? moodWords[conversation.mood] : 'upset'}) waited past ${target}${withWhom}`,
        }
      : {
          conversationId: conversation.id,
          kind: 'waited_too_long',
          text: `${conversation.customerName ?? 'A customer'} waited past ${target}${withWhom}`,
          agentId: conversation.assigneeId,
          now,
        },
    events,
  );
};

/**
 * A promised reply time passed without a reply: the promise is marked missed, the conversation escalates like one
 * past its time-to-human target, and its owner and the supervisors are alerted.
 */
const replyPromise: JobHandler = async (tx, job, now, events) => {
  const conversation = await conversations.byId(tx, job.workspaceId, conversationIdOf(job));
  if (!conversation?.promisedReplyBy || conversation.status === 'resolved') return;
  if (conversation.promiseKeptAt || conversation.promiseMissedAt) return;
  // Answered in the chat (promises made before replies were tracked are kept by any reply there).
  if (!conversation.replyEmail && conversation.lastMessageDirection === 'out') return;
  // A later promise (the customer left a message again) has a check of its own.
  const promised = new Date(conversation.promisedReplyBy);
  if (job.payload.by && Date.parse(String(job.payload.by)) !== promised.getTime()) return;
  await conversations.update(tx, job.workspaceId, conversation.id, { promiseMissedAt: now });
  if (!conversation.escalatedAt) {
    await escalate(tx, job.workspaceId, conversation, 'The promised reply time passed without a reply', now, events);
  } else {
    await pushConversationChanged(tx, job.workspaceId, conversation.id, events);
  }
  await raiseAlert(
    tx,
    job.workspaceId,
    {
      conversationId: conversation.id,
      kind: 'promise_missed',
      agentId: conversation.assigneeId,
      text: `${conversation.customerName ?? conversation.replyEmail ?? 'A customer'} was promised a reply by ${hhmm(promised)} UTC${conversation.assigneeName ? ` from ${conversation.assigneeName}` : ''}, and nobody has replied yet`,
    },
    events,
  );
};

/** A continuity hold ended: route the conversation to whoever is best now. */
const route: JobHandler = async (tx, job, now, events) => {
  const conversation = await conversations.byId(tx, job.workspaceId, conversationIdOf(job));
  if (!conversation || !isInLine(conversation)) return;
  await routeConversation(tx, job.workspaceId, conversation.id, now, events);
  await fillEveryone(tx, job.workspaceId, now, events);
};

async function escalate(
  tx: Sql,
  workspaceId: string,
  conversation: { id: string; customerId: string },
  why: string,
  now: Date,
  events: WarmlineEvent[],
) {
  await conversations.lock(tx, workspaceId, conversation.id);
  await conversations.update(tx, workspaceId, conversation.id, { escalatedAt: now });
  events.push(await eventEntry(tx, { kind: 'system', workspaceId }, conversation, 'escalated', `${why} — escalated`, { why }));
  await pushConversationChanged(tx, workspaceId, conversation.id, events);
  // Its priority rose: a free person may now be the right one for it.
  await fillEveryone(tx, workspaceId, now, events);
  events.push({ type: 'queue.changed', workspaceId });
}

function hhmm(d: Date): string {
  return new Date(d).toISOString().slice(11, 16);
}

function describe(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60}-minute` : `${seconds}-second`;
}

export const jobHandlers: Record<string, JobHandler> = {
  /** A queued conversation whose routing listener never ran (the node stopped between commit and listener). */
  [ROUTE_BACKSTOP]: route,
  callback_due: callbackDue,
  time_to_human: timeToHuman,
  reply_promise: replyPromise,
  route,
  recovery_follow_up: recoveryFollowUpDue,
};
