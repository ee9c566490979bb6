import { isWaitingForPerson, type WaitEstimate } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import { type ConversationRecord, conversations, effectivePriority } from '../conversations/index.ts';
import { agents, DEFAULT_TEAM_SETTINGS, teams } from '../teams/index.ts';
import { freeSlots, isQualified } from './domain/eligibility.ts';
import type { QueuedConversation } from './domain/types.ts';
import { estimateWaitRange, shouldOfferChoices } from './domain/waitEstimate.ts';
import { toQueued, toSlot } from './snapshot.ts';

/** Until there is history: a typical chat takes six minutes of a person's time. */
const DEFAULT_HANDLE_SECONDS = 360;
const HANDLE_HISTORY = 50;

/** What every wait estimate in a workspace shares at one moment (`now`): who is on shift and recent handle times. */
export async function waitContext(sql: Sql, workspaceId: string, now: Date) {
  const people = await agents.list(sql, workspaceId);
  const open = await agents.openByChannel(
    sql,
    workspaceId,
    people.map((p) => p.id),
  );
  return {
    workspaceId,
    now,
    slots: people.map((p) => toSlot(p, open.get(p.id))),
    handleSeconds: await conversations.recentHandleSeconds(sql, workspaceId, HANDLE_HISTORY),
    thresholds: new Map((await teams.list(sql, workspaceId)).map((t) => [t.id, t.offerChoicesAfterSeconds])),
  };
}
export type WaitContext = Awaited<ReturnType<typeof waitContext>>;

/**
 * The honest wait for a conversation (or for a new one): its place in line, the people on shift who could
 * take it and their free capacity, and recent handle times. A better choice than waiting is offered when the
 * estimate passes the team's threshold or nobody is on shift.
 */
export async function estimateFor(sql: Sql, ctx: WaitContext, conversation: ConversationRecord | null): Promise<WaitEstimate> {
  const available = ctx.slots.filter((s) => s.presence === 'available').length;
  if (conversation?.assigneeId && conversation.status !== 'resolved') {
    const text =
      conversation.status === 'snoozed'
        ? 'Your callback is booked.'
        : `${conversation.assigneeName} will be with you in about a minute.`;
    return { agentsAvailable: available, agentsOnShift: available, position: null, seconds: 60, range: null, text, choices: [] };
  }
  const queued: QueuedConversation = conversation ? toQueued(conversation) : newArrival(ctx.now);
  const waiting = conversation ? isWaitingForPerson(conversation) : false;
  const position = await conversations.queueAhead(
    sql,
    ctx.workspaceId,
    waiting ? { queueSince: conversation!.queueSince, effectivePriority: effectivePriority(queued) } : null,
  );
  const qualified = ctx.slots.filter((s) => isQualified(s, queued));
  const onShift = qualified.filter((s) => s.presence === 'available' || s.presence === 'busy');
  const free = onShift.filter((s) => s.presence === 'available').reduce((n, s) => n + freeSlots(s, queued.channel), 0);
  const capacities = onShift.map((s) => s.capacity[queued.channel] ?? 0).filter((c) => c > 0);
  const range = estimateWaitRange({
    position,
    agentsOnShift: onShift.length,
    freeSlots: free,
    capacityPerAgent: capacities.length ? Math.round(capacities.reduce((a, b) => a + b, 0) / capacities.length) : 3,
    recentHandleSeconds: ctx.handleSeconds,
    defaultHandleSeconds: DEFAULT_HANDLE_SECONDS,
  });
  const threshold =
    (queued.teamId ? ctx.thresholds.get(queued.teamId) : undefined) ?? DEFAULT_TEAM_SETTINGS.offerChoicesAfterSeconds;
  return {
    agentsAvailable: available,
    agentsOnShift: onShift.length,
    position: waiting ? position : null,
    seconds: range.expectedSeconds === null ? null : Math.round(range.expectedSeconds),
    range:
      range.known && range.lowSeconds !== null && range.highSeconds !== null
        ? { low: Math.round(range.lowSeconds), high: Math.round(range.highSeconds) }
        : null,
    text: range.text,
    choices: shouldOfferChoices(range, threshold) ? ['callback', 'leave_message'] : [],
  };
}

function newArrival(now: Date): QueuedConversation {
  return {
    id: 'new',
    channel: 'chat',
    teamId: null,
    basePriority: 0,
    upset: false,
    serviceFailure: false,
    escalated: false,
    language: null,
    skills: [],
    waitingSince: now,
    preferred: null,
  };
}
