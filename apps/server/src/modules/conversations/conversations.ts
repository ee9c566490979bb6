import { type Conversation, type InboxView, isInLine, isWaitingForPerson } from '@warmline/shared';
import { type Actor, type AgentActor, afterCommit, type Services } from '../../core/context.ts';
import { isUuid } from '../../core/db/rows.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { jobs } from '../../core/jobs/jobs.ts';
import { agents, targetFor, teams } from '../teams/index.ts';
import { conversationFor } from './access.ts';
import { eventEntry } from './eventEntries.ts';
import { callbacks } from './repository/callbacks.ts';
import { conversations } from './repository/conversations.ts';
import { tagOf } from './tags.ts';
import { pushConversationChanged, viewOf, viewsOf } from './views.ts';

/** Assigns a conversation to a colleague (or to nobody); "take" is assigning it to yourself. */
export async function assignConversation(
  services: Services,
  actor: AgentActor,
  input: { conversationId: string; agentId: string | null },
): Promise<Conversation> {
  const events: WarmlineEvent[] = [];
  const conversation = await services.db.transaction(async (tx) => {
    const current = await conversationFor(tx, actor, input.conversationId);
    await conversations.lock(tx, actor.workspaceId, current.id);
    const assignee = input.agentId ? await agents.byId(tx, actor.workspaceId, input.agentId) : null;
    if (input.agentId && !assignee) throw new NotFound('Agent');
    if (current.assigneeId !== (assignee?.id ?? null)) {
      await conversations.update(tx, actor.workspaceId, current.id, { assigneeId: assignee?.id ?? null });
      const me = await agents.byId(tx, actor.workspaceId, actor.agentId);
      const sentence = !assignee
        ? `${me?.displayName ?? 'An agent'} put the conversation back in the queue`
        : assignee.id === actor.agentId
          ? `${assignee.displayName} joined the conversation`
          : `${me?.displayName ?? 'An agent'} assigned the conversation to ${assignee.displayName}`;
      events.push(
        await eventEntry(tx, actor, current, 'assigned', sentence, {
          agentId: assignee?.id ?? null,
          agentName: assignee?.displayName ?? null,
        }),
      );
      await pushConversationChanged(tx, actor.workspaceId, current.id, events);
      events.push({ type: 'queue.changed', workspaceId: actor.workspaceId });
    }
    return viewOf(tx, (await conversations.byId(tx, actor.workspaceId, current.id))!);
  });
  await afterCommit(services, events);
  return conversation;
}

/** Resolves or reopens a conversation, leaving an event on the timeline. */
export async function setResolved(
  services: Services,
  actor: AgentActor,
  input: { conversationId: string; resolved: boolean },
): Promise<Conversation> {
  const events: WarmlineEvent[] = [];
  const conversation = await services.db.transaction(async (tx) => {
    const current = await conversationFor(tx, actor, input.conversationId);
    await conversations.lock(tx, actor.workspaceId, current.id);
    const isResolved = current.status === 'resolved';
    if (isResolved !== input.resolved) {
      const me = await agents.byId(tx, actor.workspaceId, actor.agentId);
      const name = me?.displayName ?? 'An agent';
      if (input.resolved) {
        await conversations.update(tx, actor.workspaceId, current.id, {
          status: 'resolved',
          resolvedAt: services.now(),
          pendingTransfer: null,
        });
        await callbacks.closeOpen(tx, actor.workspaceId, current.id);
        events.push(await eventEntry(tx, actor, current, 'resolved', `${name} resolved the conversation`, {}));
      } else {
        const status = current.humanConnectedAt ? 'active' : 'waiting';
        await conversations.update(tx, actor.workspaceId, current.id, { status, resolvedAt: null });
        events.push(await eventEntry(tx, actor, current, 'reopened', `${name} reopened the conversation`, {}));
      }
      await pushConversationChanged(tx, actor.workspaceId, current.id, events);
      events.push({ type: 'queue.changed', workspaceId: actor.workspaceId });
      // Whoever held it now has room for the next person waiting.
      if (input.resolved && current.assigneeId)
        events.push({ type: 'agent.available', workspaceId: actor.workspaceId, agentId: current.assigneeId });
    }
    return viewOf(tx, (await conversations.byId(tx, actor.workspaceId, current.id))!);
  });
  await afterCommit(services, events);
  return conversation;
}

export async function getConversation(services: Services, actor: Actor, conversationId: string): Promise<Conversation> {
  return viewOf(services.db, await conversationFor(services.db, actor, conversationId));
}

export async function listConversations(
  services: Services,
  actor: AgentActor,
  input: {
    view: InboxView;
    status: 'open' | 'resolved';
    limit: number;
    cursor?: string | undefined;
    tag?: string | undefined;
  },
): Promise<{ conversations: Conversation[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await conversations.list(services.db, actor.workspaceId, {
    view: input.view,
    status: input.status,
    agentId: actor.agentId,
    role: actor.role,
    limit: input.limit + 1,
    after,
    tag: input.tag === undefined ? undefined : tagOf(input.tag),
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? encodeCursor({ at: (input.view === 'waiting' ? last.startedAt : last.updatedAt).toISOString(), id: last.id })
      : null;
  return { conversations: await viewsOf(services.db, page), nextCursor };
}

function encodeCursor(c: { at: string; id: string }): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    // Only what encodeCursor makes: a real instant in ISO form (years 1-9999, as the database reads them) and a UUID.
    const at = typeof c.at === 'string' ? new Date(c.at) : null;
    const year = at ? at.getUTCFullYear() : Number.NaN;
    if (at && year >= 1 && year <= 9999 && at.toISOString() === c.at && typeof c.id === 'string' && isUuid(c.id)) {
      return { at: c.at, id: c.id };
    }
  } catch {}
  throw new Invalid('cursor is not one this server gave out');
}

/**
 * Sets the queue's explicit priority inputs (base priority, upset, service failure) and routing needs
 * (team, language, skills). Mood detection will set `upset` the same way later.
 */
export async function updateConversation(
  services: Services,
  actor: AgentActor,
  conversationId: string,
  patch: {
    priority?: number | undefined;
    upset?: boolean | undefined;
    serviceFailure?: boolean | undefined;
    teamId?: string | null | undefined;
    language?: string | null | undefined;
    skills?: string[] | undefined;
  },
): Promise<Conversation> {
  const events: WarmlineEvent[] = [];
  const view = await services.db.transaction(async (tx) => {
    const current = await conversationFor(tx, actor, conversationId);
    await conversations.lock(tx, actor.workspaceId, current.id);
    if (patch.teamId && !(await teams.byId(tx, actor.workspaceId, patch.teamId))) throw new NotFound('Team');
    await conversations.update(tx, actor.workspaceId, current.id, patch);
    if (patch.teamId && patch.teamId !== current.teamId && isWaitingForPerson(current)) {
      // A new team brings its own time-to-human target: check against it (the handler re-reads the target).
      const team = (await teams.byId(tx, actor.workspaceId, patch.teamId))!;
      const due = new Date(new Date(current.queueSince).getTime() + targetFor(team, current.channel) * 1000);
      await jobs.schedule(tx, actor.workspaceId, { kind: 'time_to_human', runAt: due, payload: { conversationId: current.id } });
    }
    if (patch.serviceFailure === true && !current.serviceFailure) {
      events.push({
        type: 'conversation.failure_flagged',
        workspaceId: actor.workspaceId,
        conversationId: current.id,
        agentId: actor.agentId,
        role: actor.role,
        reason: 'Flagged by an agent',
      });
    }
    await pushConversationChanged(tx, actor.workspaceId, current.id, events);
    if (isInLine(current)) events.push({ type: 'workspace.capacity_changed', workspaceId: actor.workspaceId });
    return viewOf(tx, (await conversations.byId(tx, actor.workspaceId, current.id))!);
  });
  events.push({ type: 'queue.changed', workspaceId: actor.workspaceId });
  await afterCommit(services, events);
  return view;
}
