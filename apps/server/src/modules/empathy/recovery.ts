import type { Recovery, RecoveryStepBody } from '@warmline/shared';
import { type AgentActor, afterCommit, type Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { iso, isoOrNull } from '../../core/db/rows.ts';
import { Conflict, Invalid } from '../../core/errors.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { type JobRecord, jobs } from '../../core/jobs/jobs.ts';
import {
  type ConversationRecord,
  conversationFor,
  conversations,
  eventEntry,
  noteEntry,
  pushConversationChanged,
} from '../conversations/index.ts';
import { agents, presentPublicAgent } from '../teams/index.ts';
import { raiseAlert } from './raiseAlert.ts';
import { type RecoveryRecord, recoveries } from './recoveriesRepository.ts';

type SystemActor = { kind: 'system'; workspaceId: string };

/** The longest a follow-up can be put off: a recovery is about now, not next season. */
const MAX_FOLLOW_UP_DAYS = 90;

/**
 * A service failure: the conversation is flagged (raising its priority), and the recovery checklist starts,
 * owned by whoever has the conversation (or whoever flagged it). Flagging twice keeps the first checklist.
 */
export async function startRecovery(
  tx: Sql,
  actor: AgentActor | SystemActor,
  conversation: ConversationRecord,
  reason: string,
  events: WarmlineEvent[],
): Promise<void> {
  const ws = actor.workspaceId;
  await conversations.update(tx, ws, conversation.id, { serviceFailure: true });
  const started = await recoveries.start(tx, ws, {
    conversationId: conversation.id,
    reason,
    flaggedBy: actor.kind === 'agent' ? actor.agentId : null,
    ownerId: conversation.assigneeId ?? (actor.kind === 'agent' ? actor.agentId : null),
  });
  if (!started) return;
  const who = actor.kind === 'agent' ? ((await agents.byId(tx, ws, actor.agentId))?.displayName ?? 'An agent') : null;
  events.push(
    await eventEntry(
      tx,
      actor,
      conversation,
      'service_failure',
      who ? `${who} flagged a service failure: ${reason}` : `Flagged as a service failure. ${reason}`,
      { reason },
    ),
  );
  await pushConversationChanged(tx, ws, conversation.id, events);
}

export async function flagServiceFailure(
  services: Services,
  actor: AgentActor,
  conversationId: string,
  reason: string,
): Promise<Recovery> {
  const events: WarmlineEvent[] = [];
  const recovery = await services.db.transaction(async (tx) => {
    const conversation = await conversationFor(tx, actor, conversationId);
    await conversations.lock(tx, actor.workspaceId, conversation.id);
    await startRecovery(tx, actor, conversation, reason, events);
    return presentRecovery(tx, actor.workspaceId, (await recoveries.byConversation(tx, actor.workspaceId, conversation.id))!);
  });
  events.push({ type: 'queue.changed', workspaceId: actor.workspaceId });
  await afterCommit(services, events);
  return recovery;
}

export async function getRecovery(services: Services, actor: AgentActor, conversationId: string): Promise<Recovery | null> {
  const conversation = await conversationFor(services.db, actor, conversationId);
  const record = await recoveries.byConversation(services.db, actor.workspaceId, conversation.id);
  return record ? presentRecovery(services.db, actor.workspaceId, record) : null;
}

/**
 * Ticks off a step: acknowledged and apologised, fixed, compensation offered (with its value, or none),
 * a follow-up scheduled with the customer (the owner is reminded then, once, by a durable job), followed up.
 * Each step leaves an internal note on the conversation's timeline.
 */
export async function recordRecoveryStep(
  services: Services,
  actor: AgentActor,
  conversationId: string,
  step: RecoveryStepBody,
): Promise<Recovery> {
  const events: WarmlineEvent[] = [];
  const now = services.now();
  const recovery = await services.db.transaction(async (tx) => {
    const conversation = await conversationFor(tx, actor, conversationId);
    const current = await recoveries.byConversation(tx, actor.workspaceId, conversation.id, { forUpdate: true });
    if (!current) throw new Conflict('Flag this conversation as a service failure first; its recovery checklist starts then.');
    const me = (await agents.byId(tx, actor.workspaceId, actor.agentId))?.displayName ?? 'An agent';
    let note: string;
    switch (step.step) {
      case 'acknowledged':
        await recoveries.set(tx, actor.workspaceId, conversation.id, { acknowledged_at: now });
        note = `${me} acknowledged the failure and apologised.`;
        break;
      case 'fixed':
        await recoveries.set(tx, actor.workspaceId, conversation.id, { fixed_at: now, fix_note: step.note ?? null });
        note = `${me} fixed it${step.note ? `: ${step.note}` : '.'}`;
        break;
      case 'compensation': {
        if (step.kind !== 'none' && step.kind !== 'gift' && step.valueCents === undefined) {
          throw new Invalid('record the value of the compensation offered (valueCents), or choose none', { field: 'valueCents' });
        }
        if (step.valueCents !== undefined && !step.currency) {
          throw new Invalid('a compensation value needs its currency, e.g. KES', { field: 'currency' });
        }
        await recoveries.set(tx, actor.workspaceId, conversation.id, {
          compensation_at: now,
          compensation_kind: step.kind,
          compensation_value_cents: step.valueCents ?? null,
          compensation_currency: step.currency ?? null,
          compensation_note: step.note ?? null,
        });
        note =
          step.kind === 'none'
            ? `${me} recorded that no compensation was offered${step.note ? `: ${step.note}` : '.'}`
            : `${me} offered ${step.kind}${step.valueCents !== undefined ? ` worth ${money(step.valueCents, step.currency!)}` : ''}${step.note ? `: ${step.note}` : '.'}`;
        break;
      }
      case 'follow_up': {
        const at = new Date(step.at);
        if (at.getTime() <= now.getTime()) throw new Invalid('a follow-up must be in the future', { field: 'at' });
        if (at.getTime() > now.getTime() + MAX_FOLLOW_UP_DAYS * 86_400_000) {
          throw new Invalid(`a follow-up can be at most ${MAX_FOLLOW_UP_DAYS} days ahead`, { field: 'at' });
        }
        await recoveries.set(tx, actor.workspaceId, conversation.id, {
          follow_up_at: at,
          follow_up_note: step.note ?? null,
          follow_up_reminded_at: null,
          owner_id: current.ownerId ?? actor.agentId,
        });
        await jobs.schedule(tx, actor.workspaceId, {
          kind: 'recovery_follow_up',
          runAt: at,
          payload: { conversationId: conversation.id, at: at.toISOString() },
        });
        note = `${me} scheduled a follow-up with the customer for ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC${step.note ? `: ${step.note}` : '.'}`;
        break;
      }
      case 'followed_up':
        await recoveries.set(tx, actor.workspaceId, conversation.id, { followed_up_at: now });
        note = `${me} followed up with the customer${step.note ? `: ${step.note}` : '.'}`;
        break;
    }
    events.push(await noteEntry(tx, actor, conversation, note));
    return presentRecovery(tx, actor.workspaceId, (await recoveries.byConversation(tx, actor.workspaceId, conversation.id))!);
  });
  await afterCommit(services, events);
  return recovery;
}

/**
 * The follow-up time has come: the owner (and supervisors) are told, once, whichever node runs it and however
 * often it is retried; a follow-up moved to another time leaves its old job with nothing to do.
 */
export async function recoveryFollowUpDue(tx: Sql, job: JobRecord, now: Date, events: WarmlineEvent[]): Promise<void> {
  const conversationId = String(job.payload.conversationId ?? '');
  const recovery = await recoveries.byConversation(tx, job.workspaceId, conversationId, { forUpdate: true });
  if (!recovery?.followUpAt || recovery.followUpRemindedAt || recovery.followedUpAt) return;
  if (recovery.followUpAt.toISOString() !== job.payload.at) return;
  const conversation = await conversations.byId(tx, job.workspaceId, conversationId);
  if (!conversation) return;
  await recoveries.set(tx, job.workspaceId, conversationId, { follow_up_reminded_at: now });
  const owner = recovery.ownerId ? await agents.byId(tx, job.workspaceId, recovery.ownerId) : null;
  const text = `Time to follow up with ${conversation.customerName ?? 'the customer'}${recovery.followUpNote ? `: ${recovery.followUpNote}` : ''}`;
  events.push(
    await noteEntry(
      tx,
      { kind: 'system', workspaceId: job.workspaceId },
      conversation,
      `${text}${owner ? ` (${owner.displayName})` : ''}`,
    ),
  );
  await raiseAlert(tx, job.workspaceId, { conversationId, kind: 'follow_up_due', text, agentId: owner?.id ?? null }, events);
}

async function presentRecovery(sql: Sql, workspaceId: string, r: RecoveryRecord): Promise<Recovery> {
  const ids = [...new Set([r.flaggedBy, r.ownerId].filter((x): x is string => x !== null))];
  // Faces, not accounts: who flagged it keeps their name after they have been removed.
  const people = await agents.faces(
    sql,
    ids.map((id) => ({ workspaceId, id })),
  );
  const face = (id: string | null) => {
    const person = id ? people.get(id) : undefined;
    return id && person ? presentPublicAgent({ id, ...person }) : null;
  };
  return {
    conversationId: r.conversationId,
    reason: r.reason,
    flaggedBy: face(r.flaggedBy),
    flaggedAt: iso(r.flaggedAt),
    owner: face(r.ownerId),
    steps: {
      acknowledged: { done: r.acknowledgedAt !== null, at: isoOrNull(r.acknowledgedAt) },
      fixed: { done: r.fixedAt !== null, at: isoOrNull(r.fixedAt), note: r.fixNote },
      compensation: {
        done: r.compensationAt !== null,
        at: isoOrNull(r.compensationAt),
        kind: r.compensationKind,
        valueCents: r.compensationValueCents,
        currency: r.compensationCurrency,
        note: r.compensationNote,
      },
      followUp: {
        scheduledFor: isoOrNull(r.followUpAt),
        note: r.followUpNote,
        reminded: r.followUpRemindedAt !== null,
        done: r.followedUpAt !== null,
        at: isoOrNull(r.followedUpAt),
      },
    },
    recovered: r.acknowledgedAt !== null && r.fixedAt !== null && r.compensationAt !== null && r.followedUpAt !== null,
  };
}

function money(cents: number, currency: string): string {
  return `${currency} ${(cents / 100).toFixed(2)}`;
}
