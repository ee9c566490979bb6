import type { Call, CallOutcome } from '@warmline/shared';
import type { Config } from '../../core/config.ts';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { jobs } from '../../core/jobs/jobs.ts';
import { conversations } from '../conversations/index.ts';
import { personToRing } from '../routing/index.ts';
import { agents } from '../teams/index.ts';
import { appendCallEntry } from './callEntry.ts';
import { pushCallChanged, viewOfCall } from './presentCall.ts';
import { type CallRecord, calls } from './repository/calls.ts';

/** The durable job that moves a call on when the person it rings does not answer in time. */
export const RING_TIMEOUT = 'call_ring_timeout';

export type CallSettings = Pick<Config, 'callRingSeconds' | 'callRingPeople' | 'callHoldCheckInSeconds'>;

/**
 * Rings the next person routing chooses for this call (the call's row is locked by the caller). When nobody is
 * left to ring, the call ends as `whenNobody` and the customer is offered a callback.
 */
export async function ringNext(
  tx: Sql,
  settings: CallSettings,
  call: CallRecord,
  now: Date,
  events: WarmlineEvent[],
  whenNobody: Extract<CallOutcome, 'missed' | 'declined'>,
): Promise<Call> {
  // Ringing a customer back has nobody else to ring: unanswered it is missed, and the person ringing who declines or
  // hangs up has stopped it.
  if (call.direction === 'outbound') {
    return endCall(tx, settings, call, whenNobody === 'missed' ? 'missed' : 'cancelled', now, events);
  }
  const previous = call.ringingAgentId;
  const conversation = await conversations.byId(tx, call.workspaceId, call.conversationId);
  const person =
    conversation && call.triedAgentIds.length < settings.callRingPeople
      ? await personToRing(tx, conversation, {
          exclude: call.triedAgentIds,
          liveCalls: await calls.liveCounts(tx, call.workspaceId),
          knownPerson:
            conversation.assigneeId ?? (await conversations.lastHelper(tx, call.workspaceId, call.customerId))?.agentId ?? null,
          now,
        })
      : null;
  if (!person) {
    // Nobody was free at all: that is a missed call too, whoever declined before.
    return endCall(tx, settings, call, call.triedAgentIds.length ? whenNobody : 'missed', now, events, [previous]);
  }
  const ringing = (await calls.ring(tx, call.workspaceId, call.id, person.id, now))!;
  await scheduleRingTimeout(tx, settings, ringing, person.id, now);
  return pushCallChanged(tx, ringing, settings, events, [previous]);
}

/** The durable job that moves the call on if `agentId`'s ringing (or the customer's, when we ring them) goes unanswered. */
export function scheduleRingTimeout(tx: Sql, settings: CallSettings, call: CallRecord, agentId: string, now: Date) {
  return jobs.schedule(tx, call.workspaceId, {
    kind: RING_TIMEOUT,
    runAt: new Date(now.getTime() + settings.callRingSeconds * 1000),
    payload: { callId: call.id, agentId, conversationId: call.conversationId },
  });
}

/** Ends a live call with its outcome, puts it on the timeline and tells everyone on it; the call as it now reads. */
export async function endCall(
  tx: Sql,
  settings: CallSettings,
  call: CallRecord,
  outcome: CallOutcome,
  now: Date,
  events: WarmlineEvent[],
  alsoTell: Array<string | null> = [],
): Promise<Call> {
  const ended = await calls.endIfLive(tx, call.workspaceId, call.id, outcome, now);
  if (!ended) return viewOfCall(tx, call, settings);
  await jobs.cancelFor(tx, call.workspaceId, RING_TIMEOUT, call.conversationId);
  const answerer = ended.answeredBy ? await agents.byId(tx, call.workspaceId, ended.answeredBy) : null;
  await appendCallEntry(tx, ended, answerer?.displayName ?? null, events);
  // Whoever it rang, and a colleague it was being handed to (their handoff card, and any talk, end with it).
  return pushCallChanged(tx, ended, settings, events, [call.ringingAgentId, call.transferTo, ...alsoTell]);
}
