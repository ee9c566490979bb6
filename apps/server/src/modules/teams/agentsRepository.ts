import type { AgentRole, Capacity, Presence } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/rows.ts';

export interface AgentRecord {
  id: string;
  workspaceId: string;
  email: string;
  displayName: string;
  avatarUrl: string | null;
  role: AgentRole;
  presence: Presence;
  createdAt: Date;
  openConversations: number;
  capacity: Capacity;
  skills: string[];
  languages: string[];
  teamIds: string[];
  lastAssignedAt: Date | null;
  missedContactEmails: boolean;
}

const columns = `a.id, a.workspace_id as "workspaceId", a.email, a.display_name as "displayName", a.avatar_url as "avatarUrl",
  a.role, a.presence, a.created_at as "createdAt",
  (select count(*)::int from conversations c where c.workspace_id = a.workspace_id and c.assignee_id = a.id and c.status <> 'resolved') as "openConversations",
  a.capacity, a.skills, a.languages, a.last_assigned_at as "lastAssignedAt", a.missed_contact_emails as "missedContactEmails",
  array(select tm.team_id::text from team_members tm where tm.agent_id = a.id order by tm.team_id) as "teamIds"`;

/** People still here: a removed agent's row stays for the history (their name on what they wrote), nowhere else. */
const here = 'a.removed_at is null';

export const agents = {
  async create(
    sql: Sql,
    input: {
      workspaceId: string;
      email: string;
      displayName: string;
      role: AgentRole;
      passwordHash: string;
      avatarUrl?: string | null;
    },
  ): Promise<AgentRecord> {
    const [row] = await sql.query<{ id: string }>(
      `insert into agents (workspace_id, email, display_name, role, password_hash, avatar_url)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [input.workspaceId, input.email, input.displayName, input.role, input.passwordHash, input.avatarUrl ?? null],
    );
    return (await agents.byId(sql, input.workspaceId, row!.id))!;
  },
  /** Someone still here: a removed person is not found (names on what they wrote come from `faces` and joins). */
  async byId(sql: Sql, workspaceId: string, id: string): Promise<AgentRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await sql.query<AgentRecord>(
      `select ${columns} from agents a where a.workspace_id = $1 and a.id = $2 and ${here}`,
      [workspaceId, id],
    );
    return row ?? null;
  },
  /** An agent's password hash, for changing it (sign-in finds it by email: credentialsByEmail). */
  async passwordHash(sql: Sql, workspaceId: string, id: string): Promise<string | null> {
    const [row] = await sql.query<{ hash: string }>(
      `select password_hash as hash from agents a where a.workspace_id = $1 and a.id = $2 and ${here}`,
      [workspaceId, id],
    );
    return row?.hash ?? null;
  },
  /** Replaces the hash only while it is still `expected`; false when it changed meanwhile. */
  async replacePasswordHash(sql: Sql, workspaceId: string, id: string, expected: string, next: string): Promise<boolean> {
    const rows = await sql.query(
      'update agents set password_hash = $4 where workspace_id = $1 and id = $2 and password_hash = $3 returning id',
      [workspaceId, id, expected, next],
    );
    return rows.length === 1;
  },
  /** Sign-in is the one lookup that precedes knowing the workspace: emails are unique per instance among people still here. */
  async credentialsByEmail(sql: Sql, email: string): Promise<{ id: string; workspaceId: string; passwordHash: string } | null> {
    const [row] = await sql.query<{ id: string; workspaceId: string; passwordHash: string }>(
      `select id, workspace_id as "workspaceId", password_hash as "passwordHash" from agents
       where lower(email) = lower($1) and removed_at is null`,
      [email],
    );
    return row ?? null;
  },
  async emailTaken(sql: Sql, email: string): Promise<boolean> {
    const rows = await sql.query('select 1 from agents where lower(email) = lower($1) and removed_at is null', [email]);
    return rows.length > 0;
  },
  async list(sql: Sql, workspaceId: string): Promise<AgentRecord[]> {
    return sql.query<AgentRecord>(
      `select ${columns} from agents a where a.workspace_id = $1 and ${here} order by a.display_name, a.id`,
      [workspaceId],
    );
  },
  /** Everyone ever, removed people included: an instance that has had people is set up. */
  async count(sql: Sql): Promise<number> {
    const [row] = await sql.query<{ n: number }>('select count(*)::int as n from agents');
    return row!.n;
  },
  async update(
    sql: Sql,
    workspaceId: string,
    id: string,
    patch: { displayName?: string; avatarUrl?: string | null; missedContactEmails?: boolean },
  ) {
    await sql.query(
      `update agents set display_name = coalesce($3, display_name),
         avatar_url = case when $4::boolean then $5 else avatar_url end,
         missed_contact_emails = coalesce($6, missed_contact_emails)
       where workspace_id = $1 and id = $2`,
      [
        workspaceId,
        id,
        patch.displayName ?? null,
        patch.avatarUrl !== undefined,
        patch.avatarUrl ?? null,
        patch.missedContactEmails ?? null,
      ],
    );
  },
  async updateRouting(
    sql: Sql,
    workspaceId: string,
    id: string,
    patch: { role?: AgentRole; capacity?: Capacity; skills?: string[]; languages?: string[] },
  ): Promise<void> {
    await sql.query(
      `update agents set role = coalesce($3, role), capacity = coalesce($4::jsonb, capacity),
         skills = coalesce($5::text[], skills), languages = coalesce($6::text[], languages)
       where workspace_id = $1 and id = $2`,
      [
        workspaceId,
        id,
        patch.role ?? null,
        patch.capacity ? JSON.stringify(patch.capacity) : null,
        patch.skills ?? null,
        patch.languages ?? null,
      ],
    );
  },
  /** Reads and locks the agent's row in one statement (see `lock` for why `no key update`). */
  async lockAndGet(sql: Sql, workspaceId: string, id: string): Promise<AgentRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await sql.query<AgentRecord>(
      `select ${columns} from agents a where a.workspace_id = $1 and a.id = $2 and ${here} for no key update of a`,
      [workspaceId, id],
    );
    return row ?? null;
  },
  /**
   * Locks the agent's row: assignment decisions for one person are serialised, so capacity is never exceeded.
   * `no key update`, not `update`: a transaction that wrote one of the agent's conversations holds a key-share
   * lock on this row (the foreign-key check), and two such transactions upgrading to `for update` deadlock.
   */
  async lock(sql: Sql, workspaceId: string, id: string): Promise<boolean> {
    const rows = await sql.query(
      'select 1 from agents where workspace_id = $1 and id = $2 and removed_at is null for no key update',
      [workspaceId, id],
    );
    return rows.length > 0;
  },
  /** The workspace's admins still here, their rows locked: removals and demotions of admins take turns. */
  async lockAdmins(sql: Sql, workspaceId: string): Promise<string[]> {
    const rows = await sql.query<{ id: string }>(
      `select id from agents where workspace_id = $1 and role = 'admin' and removed_at is null order by id for no key update`,
      [workspaceId],
    );
    return rows.map((r) => r.id);
  },
  /**
   * The person leaves: marked removed and offline, off every team, every session of theirs ended. The row stays,
   * so what they wrote keeps their name.
   */
  async remove(sql: Sql, workspaceId: string, id: string, now: Date): Promise<void> {
    await sql.query(
      `update agents set removed_at = $3, presence = 'offline', presence_changed_at = $3
       where workspace_id = $1 and id = $2 and removed_at is null`,
      [workspaceId, id, now],
    );
    await sql.query('delete from team_members where workspace_id = $1 and agent_id = $2', [workspaceId, id]);
    await sql.query('delete from sessions where workspace_id = $1 and agent_id = $2', [workspaceId, id]);
    // What the schema's "on delete set null" would do for a deleted agent: nobody is left looking after a customer,
    // an organization, a booked callback or an open service recovery in the name of someone who has gone (the
    // callback then goes to whoever is free, a recovery's follow-up to supervisors). What is done keeps its name.
    await sql.query('update customers set owner_agent_id = null where workspace_id = $1 and owner_agent_id = $2', [
      workspaceId,
      id,
    ]);
    await sql.query('update organizations set owner_agent_id = null where workspace_id = $1 and owner_agent_id = $2', [
      workspaceId,
      id,
    ]);
    await sql.query(
      `update callbacks set owner_id = null where workspace_id = $1 and owner_id = $2 and status in ('scheduled', 'due')`,
      [workspaceId, id],
    );
    await sql.query(
      'update recoveries set owner_id = null where workspace_id = $1 and owner_id = $2 and followed_up_at is null',
      [workspaceId, id],
    );
  },
  /** Open conversations per channel for these agents (one query for the routing snapshot). */
  async openByChannel(sql: Sql, workspaceId: string, ids: string[]): Promise<Map<string, Record<string, number>>> {
    const rows = await sql.query<{ agentId: string; channel: string; n: number }>(
      `select assignee_id as "agentId", channel, count(*)::int as n from conversations
       where workspace_id = $1 and assignee_id = any($2::uuid[]) and status not in ('resolved', 'snoozed')
       group by assignee_id, channel`,
      [workspaceId, ids],
    );
    const out = new Map<string, Record<string, number>>();
    for (const r of rows) out.set(r.agentId, { ...out.get(r.agentId), [r.channel]: r.n });
    return out;
  },
  async markAssigned(sql: Sql, workspaceId: string, id: string): Promise<void> {
    await sql.query('update agents set last_assigned_at = now() where workspace_id = $1 and id = $2', [workspaceId, id]);
  },
  async setPresence(sql: Sql, workspaceId: string, id: string, presence: Presence): Promise<void> {
    await sql.query(
      `update agents set presence = $3, presence_changed_at = now() where workspace_id = $1 and id = $2 and presence <> $3 and removed_at is null`,
      [workspaceId, id, presence],
    );
  },
  /** The available agent with the fewest open conversations (ties: longest since last assignment). */
  async leastBusy(sql: Sql, workspaceId: string, opts: { availableOnly: boolean }): Promise<AgentRecord | null> {
    const [row] = await sql.query<AgentRecord>(
      `select ${columns} from agents a
       where a.workspace_id = $1 and ${here} and ($2::boolean = false or a.presence = 'available')
       order by "openConversations" asc, (a.presence = 'available') desc,
         (select max(c.updated_at) from conversations c where c.assignee_id = a.id) asc nulls first, a.id
       limit 1`,
      [workspaceId, opts.availableOnly],
    );
    return row ?? null;
  },
  /** Names and photos for entries' authors, by id within one workspace each; removed people keep theirs. */
  async faces(sql: Sql, keys: Array<{ workspaceId: string; id: string }>) {
    if (!keys.length) return new Map<string, { displayName: string; avatarUrl: string | null }>();
    const rows = await sql.query<{ id: string; displayName: string; avatarUrl: string | null }>(
      `select a.id, a.display_name as "displayName", a.avatar_url as "avatarUrl" from agents a
       join unnest($1::uuid[], $2::uuid[]) as k(workspace_id, id) on a.workspace_id = k.workspace_id and a.id = k.id`,
      [keys.map((k) => k.workspaceId), keys.map((k) => k.id)],
    );
    return new Map(rows.map((r) => [r.id, { displayName: r.displayName, avatarUrl: r.avatarUrl }]));
  },
  async countAvailable(sql: Sql, workspaceId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      `select count(*)::int as n from agents where workspace_id = $1 and presence = 'available' and removed_at is null`,
      [workspaceId],
    );
    return row!.n;
  },
  async available(sql: Sql, workspaceId: string, limit: number): Promise<AgentRecord[]> {
    return sql.query<AgentRecord>(
      `select ${columns} from agents a where a.workspace_id = $1 and ${here} and a.presence = 'available'
       order by a.display_name limit $2`,
      [workspaceId, limit],
    );
  },
};
