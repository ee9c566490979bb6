import type { Call, Emotion, PublicAgent, VisitorCall } from '@warmline/shared';
import type { Config } from '../../core/config.ts';
import type { Sql } from '../../core/db/client.ts';
import { iso, isoOrNull } from '../../core/db/rows.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { conversations } from '../conversations/index.ts';
import { agents } from '../teams/index.ts';
import type { CallRecord } from './repository/calls.ts';

/** Answered → ended, whole seconds. */
export function durationOf(call: Pick<CallRecord, 'answeredAt' | 'endedAt'>): number | null {
  if (!call.answeredAt || !call.endedAt) return null;
  return Math.max(0, Math.round((new Date(call.endedAt).getTime() - new Date(call.answeredAt).getTime()) / 1000));
}

interface Context {
  customerName: string | null;
  mood: Emotion | null;
  faces: Map<string, { displayName: string; avatarUrl: string | null }>;
  times: CallTimes;
}

/** The call settings its views carry: how long one person is rung, how often a hold prompts a check-in. */
export type CallTimes = Pick<Config, 'callRingSeconds' | 'callHoldCheckInSeconds'>;

function face(ctx: Context, id: string | null): PublicAgent | null {
  const f = id ? ctx.faces.get(id) : undefined;
  return id && f ? { id, displayName: f.displayName, avatarUrl: f.avatarUrl } : null;
}

export function presentCall(call: CallRecord, ctx: Context): Call {
  return {
    id: call.id,
    conversationId: call.conversationId,
    direction: call.direction,
    customer: { id: call.customerId, name: ctx.customerName },
    mood: ctx.mood,
    status: call.status,
    outcome: call.outcome,
    ringing: face(ctx, call.ringingAgentId),
    answeredBy: face(ctx, call.answeredBy),
    onHold: call.onHold,
    transfer:
      call.transferTo && face(ctx, call.transferTo)
        ? { to: face(ctx, call.transferTo)!, note: call.transferNote ?? '', consultingSince: isoOrNull(call.consultStartedAt) }
        : null,
    placedAt: iso(call.placedAt),
    rangAt: isoOrNull(call.rangAt),
    ringSeconds: ctx.times.callRingSeconds,
    holdCheckInSeconds: ctx.times.callHoldCheckInSeconds,
    answeredAt: isoOrNull(call.answeredAt),
    endedAt: isoOrNull(call.endedAt),
    durationSeconds: durationOf(call),
    wrapUp: call.wrapUp,
  };
}

/** The customer's view: the one named person, nothing about whom it rang before or how we read them. */
export function visitorCallOf(call: Call): VisitorCall {
  return {
    id: call.id,
    conversationId: call.conversationId,
    direction: call.direction,
    status: call.status,
    outcome: call.outcome,
    person: call.answeredBy ?? call.ringing,
    onHold: call.onHold,
    placedAt: call.placedAt,
    answeredAt: call.answeredAt,
    ringSeconds: call.ringSeconds,
    rangAt: call.rangAt,
    durationSeconds: call.durationSeconds,
  };
}

/** Reads what a call's views need (the customer's name and mood, the faces of the people on it). */
export async function viewOfCall(tx: Sql, call: CallRecord, times: CallTimes): Promise<Call> {
  const conversation = await conversations.byId(tx, call.workspaceId, call.conversationId);
  const ids = [call.ringingAgentId, call.answeredBy, call.transferTo].filter((id): id is string => Boolean(id));
  const faces = await agents.faces(
    tx,
    ids.map((id) => ({ workspaceId: call.workspaceId, id })),
  );
  return presentCall(call, {
    customerName: conversation?.customerName ?? null,
    mood: conversation?.mood ?? null,
    faces,
    times,
  });
}

/** Queues the call's change for its customer and the people named (`alsoTell`: someone it stopped ringing). */
export async function pushCallChanged(
  tx: Sql,
  call: CallRecord,
  times: CallTimes,
  events: WarmlineEvent[],
  alsoTell: Array<string | null> = [],
): Promise<Call> {
  const view = await viewOfCall(tx, call, times);
  const agentIds = [
    ...new Set([call.ringingAgentId, call.answeredBy, call.transferTo, ...alsoTell].filter((id): id is string => Boolean(id))),
  ];
  events.push({
    type: 'call.changed',
    workspaceId: call.workspaceId,
    customerId: call.customerId,
    call: view,
    visitorCall: visitorCallOf(view),
    agentIds,
  });
  return view;
}
