import type { Conversation, PublicAgent } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { agents, teams } from '../teams/index.ts';
import { presentConversation } from './presentConversation.ts';
import { callbacks } from './repository/callbacks.ts';
import { type ConversationRecord, conversations } from './repository/conversations.ts';

/**
 * Presents conversations, of one workspace or many, with their callbacks, transfer parties and team names, loaded
 * in a few queries: callbacks in one for all of them, and the rest only for conversations with a pending transfer.
 */
export async function viewsOf(sql: Sql, records: ConversationRecord[]): Promise<Conversation[]> {
  if (!records.length) return [];
  const latest = await callbacks.latestFor(sql, records);
  const transfers = records.filter((r) => r.pendingTransfer);
  const faces = new Map<string, PublicAgent>();
  const teamNames = new Map<string, string>();
  for (const [workspaceId, group] of groupByWorkspace(transfers)) {
    const faceIds = group.flatMap(
      (r) => [r.pendingTransfer!.fromAgentId, r.pendingTransfer!.toAgentId].filter(Boolean) as string[],
    );
    const found = faceIds.length
      ? await agents.faces(
          sql,
          faceIds.map((id) => ({ workspaceId, id })),
        )
      : new Map();
    for (const [id, f] of found) faces.set(id, { id, displayName: f.displayName, avatarUrl: f.avatarUrl });
    if (group.some((r) => r.pendingTransfer!.toTeamId))
      for (const t of await teams.list(sql, workspaceId)) teamNames.set(t.id, t.name);
  }
  return records.map((r) => presentConversation(r, { callback: latest.get(r.id) ?? null, faces, teamNames }));
}

function groupByWorkspace(records: ConversationRecord[]): Map<string, ConversationRecord[]> {
  const groups = new Map<string, ConversationRecord[]>();
  for (const r of records) {
    const group = groups.get(r.workspaceId);
    if (group) group.push(r);
    else groups.set(r.workspaceId, [r]);
  }
  return groups;
}

export async function viewOf(sql: Sql, record: ConversationRecord): Promise<Conversation> {
  return (await viewsOf(sql, [record]))[0]!;
}

/** Reads the conversation as committed by this transaction and queues its change event. */
export async function pushConversationChanged(
  tx: Sql,
  workspaceId: string,
  conversationId: string,
  events: WarmlineEvent[],
): Promise<Conversation | null> {
  const updated = await conversations.byId(tx, workspaceId, conversationId);
  if (!updated) return null;
  const conversation = await viewOf(tx, updated);
  events.push({ type: 'conversation.changed', workspaceId, customerId: updated.customerId, conversation });
  return conversation;
}
