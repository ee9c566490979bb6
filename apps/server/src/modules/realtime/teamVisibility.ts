import type { ServerFrame } from '@warmline/shared';
import type { AgentActor } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';

/**
 * How long this node trusts what it knows of a workspace's restricted teams. Changes arrive as `teams.changed`
 * events and apply at once (forget); this bounds what a change made while the bus was cut off could leave stale.
 */
const TEAMS_TTL_MS = 60_000;
const CONVERSATIONS_KEPT = 20_000;

interface Restricted {
  loadedAt: number;
  /** Restricted team id → its members. */
  teams: Map<string, Set<string>>;
}

/**
 * The realtime side of restricted teams (teams/visibility.ts): which agent sockets may receive a frame about a
 * conversation — those who may read it now. A workspace without restricted teams costs nothing per frame beyond a
 * map lookup; with them, each conversation's team is read once, and again whenever a frame says otherwise.
 */
export class TeamVisibility {
  private restricted = new Map<string, Restricted>();
  private teamOf = new Map<string, string | null>();

  constructor(
    private readonly db: Sql,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when deliveries for this workspace can go out without asking the database. */
  isOpen(workspaceId: string): boolean {
    const known = this.restricted.get(workspaceId);
    return known !== undefined && this.now() - known.loadedAt < TEAMS_TTL_MS && known.teams.size === 0;
  }

  /** A team of this workspace changed: the next frame reads its restricted teams again. */
  forget(workspaceId: string): void {
    this.restricted.delete(workspaceId);
  }

  /** Events may have been missed (the bus was cut off): nothing known is trusted any more. */
  forgetAll(): void {
    this.restricted.clear();
    this.teamOf.clear();
  }

  /** Who may receive this frame, or null when every agent of the workspace may. */
  async audience(workspaceId: string, frame: ServerFrame): Promise<((actor: AgentActor) => boolean) | null> {
    const conversationId = conversationOf(frame);
    if (frame.type === 'conversation') this.sawTeam(frame.conversation.id, frame.conversation.team?.id ?? null);
    if (!conversationId) return null;
    const teams = await this.restrictedTeams(workspaceId);
    if (teams.size === 0) return null;
    const teamId = await this.teamOfConversation(workspaceId, conversationId);
    const members = teamId ? teams.get(teamId) : undefined;
    if (!members) return null;
    const assigneeId = frame.type === 'conversation' ? (frame.conversation.assignee?.id ?? null) : null;
    return (actor) => actor.role !== 'agent' || members.has(actor.agentId) || actor.agentId === assigneeId;
  }

  private async restrictedTeams(workspaceId: string): Promise<Map<string, Set<string>>> {
    const known = this.restricted.get(workspaceId);
    if (known && this.now() - known.loadedAt < TEAMS_TTL_MS) return known.teams;
    const rows = await this.db.query<{ id: string; members: string[] }>(
      `select t.id, array(select m.agent_id::text from team_members m where m.team_id = t.id) as members
       from teams t where t.workspace_id = $1 and t.restricted`,
      [workspaceId],
    );
    const teams = new Map(rows.map((r) => [r.id, new Set(r.members)]));
    this.restricted.set(workspaceId, { loadedAt: this.now(), teams });
    return teams;
  }

  private async teamOfConversation(workspaceId: string, conversationId: string): Promise<string | null> {
    if (this.teamOf.has(conversationId)) return this.teamOf.get(conversationId) ?? null;
    const [row] = await this.db.query<{ teamId: string | null }>(
      'select team_id as "teamId" from conversations where workspace_id = $1 and id = $2',
      [workspaceId, conversationId],
    );
    const teamId = row?.teamId ?? null;
    this.teamOf.set(conversationId, teamId);
    if (this.teamOf.size > CONVERSATIONS_KEPT) this.teamOf.delete(this.teamOf.keys().next().value!);
    return teamId;
  }

  /**
   * A frame named this conversation's team. A frame can be late (read by a commit published after a later one that
   * moved the conversation), so it is never taken as the truth: a team other than the one known sends the next
   * frame to the database for the conversation's team as it is now.
   */
  sawTeam(conversationId: string, teamId: string | null) {
    if (this.teamOf.has(conversationId) && this.teamOf.get(conversationId) !== teamId) this.teamOf.delete(conversationId);
  }
}

function conversationOf(frame: ServerFrame): string | null {
  switch (frame.type) {
    case 'entry':
      return frame.entry.conversationId;
    case 'conversation':
      return frame.conversation.id;
    case 'typing':
    case 'read':
      return frame.conversationId;
    default:
      return null;
  }
}
