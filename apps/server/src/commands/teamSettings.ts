import type { Sql } from '../db/client.ts';
import { conversations } from '../repositories/conversations.ts';
import { DEFAULT_TEAM_SETTINGS, teams } from '../repositories/teams.ts';

/** The routing settings that apply to a conversation: its team's, or the defaults. */
export async function teamSettings(sql: Sql, workspaceId: string, conversationId: string) {
  const conversation = await conversations.byId(sql, workspaceId, conversationId);
  const team = conversation?.teamId ? await teams.byId(sql, workspaceId, conversation.teamId) : null;
  return team ?? { ...DEFAULT_TEAM_SETTINGS, id: null, name: null };
}
