import { DEFAULT_CHANNEL_TARGETS, DEFAULT_CHAT_TARGET_SECONDS, type TeamHours } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/rows.ts';

export interface TeamRecord {
  id: string;
  workspaceId: string;
  name: string;
  targetSeconds: number;
  /** Targets for channels other than chat, in seconds. */
  channelTargets: Partial<Record<string, number>>;
  offerChoicesAfterSeconds: number;
  continuityGraceSeconds: number;
  memberIds: string[];
  /** Only members, supervisors and admins see a restricted team's conversations. */
  restricted: boolean;
  /** The team's own hours; null: the workspace's. */
  hours: TeamHours | null;
}

const columns = `t.id, t.workspace_id as "workspaceId", t.name, t.target_seconds as "targetSeconds", t.channel_targets as "channelTargets",
  t.offer_choices_after_seconds as "offerChoicesAfterSeconds", t.continuity_grace_seconds as "continuityGraceSeconds",
  array(select m.agent_id::text from team_members m where m.team_id = t.id order by m.agent_id) as "memberIds", t.restricted,
  t.hours`;

/** Settings that apply when a conversation has no team. */
export const DEFAULT_TEAM_SETTINGS = {
  targetSeconds: DEFAULT_CHAT_TARGET_SECONDS,
  offerChoicesAfterSeconds: 300,
  continuityGraceSeconds: 120,
} as const;

export { DEFAULT_CHANNEL_TARGETS };

export const teams = {
  async create(
    sql: Sql,
    workspaceId: string,
    input: {
      name: string;
      targetSeconds?: number;
      channelTargets?: Partial<Record<string, number>>;
      offerChoicesAfterSeconds?: number;
      continuityGraceSeconds?: number;
      restricted?: boolean;
    },
  ): Promise<TeamRecord> {
    const [row] = await sql.query<{ id: string }>(
      `insert into teams (workspace_id, name, target_seconds, offer_choices_after_seconds, continuity_grace_seconds, channel_targets, restricted)
       values ($1, $2, coalesce($3, 120), coalesce($4, 300), coalesce($5, 120), coalesce($6::jsonb, '{}'), coalesce($7, false))
       returning id`,
      [
        workspaceId,
        input.name,
        input.targetSeconds ?? null,
        input.offerChoicesAfterSeconds ?? null,
        input.continuityGraceSeconds ?? null,
        input.channelTargets ? JSON.stringify(input.channelTargets) : null,
        input.restricted ?? null,
      ],
    );
    return (await teams.byId(sql, workspaceId, row!.id))!;
  },
  async byId(sql: Sql, workspaceId: string, id: string): Promise<TeamRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await sql.query<TeamRecord>(`select ${columns} from teams t where t.workspace_id = $1 and t.id = $2`, [
      workspaceId,
      id,
    ]);
    return row ?? null;
  },
  async byName(sql: Sql, workspaceId: string, name: string): Promise<TeamRecord | null> {
    const [row] = await sql.query<TeamRecord>(
      `select ${columns} from teams t where t.workspace_id = $1 and lower(t.name) = lower($2)`,
      [workspaceId, name],
    );
    return row ?? null;
  },
  async list(sql: Sql, workspaceId: string): Promise<TeamRecord[]> {
    return sql.query<TeamRecord>(`select ${columns} from teams t where t.workspace_id = $1 order by t.name`, [workspaceId]);
  },
  async update(
    sql: Sql,
    workspaceId: string,
    id: string,
    patch: {
      name?: string;
      targetSeconds?: number;
      channelTargets?: Partial<Record<string, number>>;
      offerChoicesAfterSeconds?: number;
      continuityGraceSeconds?: number;
      restricted?: boolean;
      /** null: back to the workspace's hours; left out: unchanged. */
      hours?: TeamHours | null;
    },
  ): Promise<void> {
    await sql.query(
      `update teams set name = coalesce($3, name), target_seconds = coalesce($4, target_seconds),
         offer_choices_after_seconds = coalesce($5, offer_choices_after_seconds),
         continuity_grace_seconds = coalesce($6, continuity_grace_seconds),
         channel_targets = coalesce($7::jsonb, channel_targets), restricted = coalesce($8, restricted),
         hours = case when $9 then $10::jsonb else hours end
       where workspace_id = $1 and id = $2`,
      [
        workspaceId,
        id,
        patch.name ?? null,
        patch.targetSeconds ?? null,
        patch.offerChoicesAfterSeconds ?? null,
        patch.continuityGraceSeconds ?? null,
        patch.channelTargets ? JSON.stringify(patch.channelTargets) : null,
        patch.restricted ?? null,
        patch.hours !== undefined,
        patch.hours ? JSON.stringify(patch.hours) : null,
      ],
    );
  },
  async setMembers(sql: Sql, workspaceId: string, teamId: string, agentIds: string[]): Promise<void> {
    await sql.query('delete from team_members where workspace_id = $1 and team_id = $2', [workspaceId, teamId]);
    if (agentIds.length) {
      await sql.query(
        `insert into team_members (workspace_id, team_id, agent_id)
         select $1, $2, a.id from agents a
         where a.workspace_id = $1 and a.id = any($3::uuid[]) and a.removed_at is null`,
        [workspaceId, teamId, agentIds],
      );
    }
  },
};
