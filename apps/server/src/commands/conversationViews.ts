import type { Conversation, PublicAgent } from '@warmline/shared';
import type { WarmlineEvent } from '../bus/events.ts';
import type { Sql } from '../db/client.ts';
import { presentConversation } from '../presenters/conversation.ts';
import { agents } from '../repositories/agents.ts';
import { callbacks } from '../repositories/callbacks.ts';
import { type ConversationRecord, conversations } from '../repositories/conversations.ts';
import { teams } from '../repositories/teams.ts';

/** Presents conversations with their callbacks, transfer parties and team names, loaded in a few queries. */
export async function viewsOf(sql: Sql, records: ConversationRecord[]): Promise<Conversation[]> {
  if (!records.length) return [];
  const byWorkspace = new Map<string, ConversationRecord[]>();
  for (const r of records) byWorkspace.set(r.workspaceId, [...(byWorkspace.get(r.workspaceId) ?? []), r]);
  const views = new Map<string, Conversation>();
  for (const [workspaceId, group] of byWorkspace) {
    const latest = await callbacks.latestFor(
      sql,
      workspaceId,
      group.map((r) => r.id),
    );
    const transfers = group.filter((r) => r.pendingTransfer);
    const faceIds = transfers.flatMap(
      (r) => [r.pendingTransfer!.fromAgentId, r.pendingTransfer!.toAgentId].filter(Boolean) as string[],
    );
    const faces = faceIds.length
      ? await agents.faces(
          sql,
          faceIds.map((id) => ({ workspaceId, id })),
        )
      : new Map();
    const publicFaces = new Map<string, PublicAgent>(
      [...faces].map(([id, f]) => [id, { id, displayName: f.displayName, avatarUrl: f.avatarUrl }]),
    );
    const teamNames = new Map<string, string>();
    if (transfers.some((r) => r.pendingTransfer!.toTeamId))
      for (const t of await teams.list(sql, workspaceId)) teamNames.set(t.id, t.name);
    for (const r of group)
      views.set(r.id, presentConversation(r, { callback: latest.get(r.id) ?? null, faces: publicFaces, teamNames }));
  }
  return records.map((r) => views.get(r.id)!);
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
): Promise<void> {
  const updated = await conversations.byId(tx, workspaceId, conversationId);
  if (!updated) return;
  events.push({
    type: 'conversation.changed',
    workspaceId,
    customerId: updated.customerId,
    conversation: await viewOf(tx, updated),
  });
}
