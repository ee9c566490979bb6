import type { AgentRole } from '@warmline/shared';

/** Who is looking: what a person may see depends on their role and teams. */
export interface Viewer {
  agentId: string;
  role: AgentRole;
}

/**
 * SQL condition: the conversation aliased `c` is visible to the viewer whose id and role are the
 * parameters `$agent` and `$role`. A restricted team's conversations are seen only by its members,
 * supervisors, admins and whoever they are assigned to; every other conversation by everyone in
 * the workspace.
 */
export function conversationVisibleSql(c: string, agent: string, role: string): string {
  return `(${role} in ('supervisor', 'admin') or ${c}.team_id is null or ${c}.assignee_id = ${agent}
    or not exists (select 1 from teams rt where rt.id = ${c}.team_id and rt.restricted
      and not exists (select 1 from team_members rm where rm.team_id = rt.id and rm.agent_id = ${agent})))`;
}

/** The same rule in code, for one conversation already loaded. */
export function canSeeConversation(
  viewer: Viewer,
  conversation: { teamId: string | null; assigneeId: string | null },
  team: { restricted: boolean; memberIds: string[] } | null,
): boolean {
  if (viewer.role !== 'agent' || !conversation.teamId || conversation.assigneeId === viewer.agentId) return true;
  return !team?.restricted || team.memberIds.includes(viewer.agentId);
}
