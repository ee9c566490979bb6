import type { AgentRole } from '@warmline/shared';
import type { Sql } from '../../../core/db/client.ts';
import { isUuid } from '../../../core/db/rows.ts';
import { conversationVisibleSql } from '../../teams/index.ts';

export interface MomentRecord {
  id: string;
  workspaceId: string;
  conversationId: string;
  assigneeId: string | null;
  seq: number | null;
  surveyResponseId: string | null;
  words: string;
  csat: number | null;
  feeling: string | null;
  source: 'agent' | 'message' | 'survey';
  status: 'suggested' | 'kept' | 'dismissed';
  customerName: string | null;
  agentId: string | null;
  agentName: string | null;
  agentAvatarUrl: string | null;
  decidedById: string | null;
  decidedByName: string | null;
  teamId: string | null;
  teamName: string | null;
  createdAt: Date;
}

/** A customer message as a moment needs it. */
export interface MessageOfConversation {
  kind: string;
  direction: string | null;
  body: string;
}

const select = `select m.id, m.workspace_id as "workspaceId", m.conversation_id as "conversationId", c.assignee_id as "assigneeId",
  e.seq, m.survey_response_id as "surveyResponseId", m.words, m.csat, m.feeling, m.source, m.status, cu.name as "customerName",
  m.agent_id as "agentId", ag.display_name as "agentName", ag.avatar_url as "agentAvatarUrl", m.decided_by as "decidedById",
  dec.display_name as "decidedByName", m.team_id as "teamId", t.name as "teamName", m.created_at as "createdAt"
  from delight_moments m
  join conversations c on c.id = m.conversation_id
  left join customers cu on cu.id = c.customer_id
  left join entries e on e.id = m.entry_id
  left join agents ag on ag.id = m.agent_id
  left join agents dec on dec.id = m.decided_by
  left join teams t on t.id = m.team_id`;

/**
 * SQL: the moment `m` is on the wall of the team `$2`, or (with `$2` null) on the wall of all teams: any team but a
 * restricted one the viewer (`$3`, `$4`) is not in, and no team. A public wall (`viewer` false) shows no restricted team.
 */
function onWall(viewer: boolean): string {
  const mayOpen = viewer
    ? `($4::text in ('supervisor', 'admin') or exists (select 1 from team_members tm where tm.team_id = rt.id and tm.agent_id = $3::uuid))`
    : 'false';
  return `(m.team_id = $2::uuid or ($2::uuid is null and not exists (
    select 1 from teams rt where rt.id = m.team_id and rt.restricted and not ${mayOpen})))`;
}

/** SQL: a suggestion waits for the viewer `$3`, `$4`: theirs to decide, or a supervisor's or admin's. */
const waitsFor = `($4::text in ('supervisor', 'admin') or c.assignee_id = $3::uuid or m.agent_id = $3::uuid)`;

/** The most a wall shows at once: the newest moments. */
export const WALL_SIZE = 200;

/** Moments of delight: marked by agents, suggested by Warmline, kept for a team's wall. */
export const moments = {
  async byId(sql: Sql, workspaceId: string, id: string): Promise<MomentRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await sql.query<MomentRecord>(`${select} where m.workspace_id = $1 and m.id = $2`, [workspaceId, id]);
    return row ?? null;
  },
  async ofConversation(sql: Sql, workspaceId: string, conversationId: string): Promise<MomentRecord[]> {
    return sql.query<MomentRecord>(`${select} where m.workspace_id = $1 and m.conversation_id = $2 order by m.created_at, m.id`, [
      workspaceId,
      conversationId,
    ]);
  },
  async messageAt(sql: Sql, workspaceId: string, conversationId: string, seq: number): Promise<MessageOfConversation | null> {
    const [row] = await sql.query<MessageOfConversation>(
      'select kind, direction, body from entries where workspace_id = $1 and conversation_id = $2 and seq = $3',
      [workspaceId, conversationId, seq],
    );
    return row ?? null;
  },
  /**
   * A person marks (kept) or unmarks (dismissed) the moment of a customer message: made if there was none (the words
   * copied now), decided if there was one, whoever suggested it. The helper is the conversation's assignee, else them.
   */
  async decideMessage(
    sql: Sql,
    workspaceId: string,
    input: { conversationId: string; seq: number; status: 'kept' | 'dismissed'; by: string; at: Date },
  ): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `insert into delight_moments (workspace_id, team_id, conversation_id, entry_id, words, source, status, agent_id,
         decided_by, decided_at, created_at)
       select $1, c.team_id, c.id, e.id, left(e.body, 2000), 'agent', $4, coalesce(c.assignee_id, $5), $5, $6, $6
       from entries e join conversations c on c.id = e.conversation_id
       where e.workspace_id = $1 and e.conversation_id = $2 and e.seq = $3
       on conflict (entry_id) do update set status = excluded.status, decided_by = excluded.decided_by,
         decided_at = excluded.decided_at
       returning id`,
      [workspaceId, input.conversationId, input.seq, input.status, input.by, input.at],
    );
    return row!.id;
  },
  async decide(
    sql: Sql,
    workspaceId: string,
    id: string,
    input: { status: 'kept' | 'dismissed'; by: string; at: Date },
  ): Promise<void> {
    await sql.query(
      'update delight_moments set status = $3, decided_by = $4, decided_at = $5 where workspace_id = $1 and id = $2',
      [workspaceId, id, input.status, input.by, input.at],
    );
  },
  /** Suggests the moments of these customer messages; a message with a moment already (kept, suggested or dismissed) is left alone. */
  async suggestMessages(
    sql: Sql,
    messages: Array<{ workspaceId: string; conversationId: string; seq: number }>,
    at: Date,
  ): Promise<number> {
    const rows = await sql.query(
      `insert into delight_moments (workspace_id, team_id, conversation_id, entry_id, words, source, status, agent_id, created_at)
       select e.workspace_id, c.team_id, c.id, e.id, left(e.body, 2000), 'message', 'suggested', c.assignee_id, $4
       from unnest($1::uuid[], $2::uuid[], $3::int[]) as k(workspace_id, conversation_id, seq)
       join entries e on e.workspace_id = k.workspace_id and e.conversation_id = k.conversation_id and e.seq = k.seq
       join conversations c on c.id = e.conversation_id and c.workspace_id = k.workspace_id
       where e.kind = 'message' and e.direction = 'in' and e.body <> ''
       on conflict do nothing returning id`,
      [messages.map((m) => m.workspaceId), messages.map((m) => m.conversationId), messages.map((m) => m.seq), at],
    );
    return rows.length;
  },
  /** Suggests the moment of a survey answer, once: the team and person it names, else the conversation's. */
  async suggestAnswer(sql: Sql, workspaceId: string, responseId: string, at: Date): Promise<boolean> {
    const rows = await sql.query(
      `insert into delight_moments (workspace_id, team_id, conversation_id, survey_response_id, words, csat, feeling, source,
         status, agent_id, created_at)
       select r.workspace_id, coalesce(r.team_id, c.team_id), c.id, r.id, left(coalesce(r.comment, ''), 2000), r.csat, r.feeling,
         'survey', 'suggested', coalesce(r.agent_id, c.assignee_id), $3
       from survey_responses r join conversations c on c.id = r.conversation_id and c.workspace_id = r.workspace_id
       where r.workspace_id = $1 and r.id = $2
       on conflict do nothing returning id`,
      [workspaceId, responseId, at],
    );
    return rows.length > 0;
  },
  /**
   * A wall's kept moments, newest first: a team's (`teamId`), or with `teamId` null all teams' and those of no team.
   * `viewer` leaves out what they may not see; null is a public wall, which never shows a restricted team's.
   */
  async keptOnWall(
    sql: Sql,
    workspaceId: string,
    teamId: string | null,
    viewer: { agentId: string; role: AgentRole } | null,
  ): Promise<MomentRecord[]> {
    return sql.query<MomentRecord>(
      `${select} where m.workspace_id = $1 and m.status = 'kept' and ${onWall(viewer !== null)}
         ${viewer ? `and ${conversationVisibleSql('c', '$3::uuid', '$4::text')}` : ''}
       order by m.created_at desc, m.id limit ${WALL_SIZE}`,
      viewer ? [workspaceId, teamId, viewer.agentId, viewer.role] : [workspaceId, teamId],
    );
  },
  /** A wall's suggestions waiting for this viewer: those of their conversations, or all for supervisors and admins. */
  async suggestedOnWall(
    sql: Sql,
    workspaceId: string,
    teamId: string | null,
    viewer: { agentId: string; role: AgentRole },
  ): Promise<MomentRecord[]> {
    return sql.query<MomentRecord>(
      `${select} where m.workspace_id = $1 and m.status = 'suggested' and ${onWall(true)} and ${waitsFor}
       order by m.created_at desc, m.id limit ${WALL_SIZE}`,
      [workspaceId, teamId, viewer.agentId, viewer.role],
    );
  },
  /** How many moments the wall of all teams keeps, and how many wait for this viewer. */
  async allTeamsCounts(
    sql: Sql,
    workspaceId: string,
    viewer: { agentId: string; role: AgentRole },
  ): Promise<{ kept: number; suggested: number }> {
    const [row] = await sql.query<{ kept: number; suggested: number }>(
      `select count(*) filter (where m.status = 'kept')::int as kept,
         count(*) filter (where m.status = 'suggested' and ${waitsFor})::int as suggested
       from delight_moments m join conversations c on c.id = m.conversation_id
       where m.workspace_id = $1 and m.status <> 'dismissed' and ${onWall(true)}
         and ${conversationVisibleSql('c', '$3::uuid', '$4::text')}`,
      [workspaceId, null, viewer.agentId, viewer.role],
    );
    return row ?? { kept: 0, suggested: 0 };
  },
  /** The walls this viewer may open (restricted teams only for their members, supervisors and admins), their own teams' first. */
  async walls(
    sql: Sql,
    workspaceId: string,
    viewer: { agentId: string; role: AgentRole },
  ): Promise<Array<{ id: string; name: string; kept: number; suggested: number }>> {
    return sql.query(
      `select t.id, t.name,
         (select count(*)::int from delight_moments m where m.workspace_id = $1 and m.team_id = t.id and m.status = 'kept') as kept,
         (select count(*)::int from delight_moments m join conversations c on c.id = m.conversation_id
           where m.workspace_id = $1 and m.team_id = t.id and m.status = 'suggested'
             and ($3::text in ('supervisor', 'admin') or c.assignee_id = $2::uuid or m.agent_id = $2::uuid)) as suggested
       from teams t
       where t.workspace_id = $1 and ($3::text in ('supervisor', 'admin') or not t.restricted
         or exists (select 1 from team_members tm where tm.team_id = t.id and tm.agent_id = $2::uuid))
       order by exists (select 1 from team_members tm where tm.team_id = t.id and tm.agent_id = $2::uuid) desc, t.name`,
      [workspaceId, viewer.agentId, viewer.role],
    );
  },
};
