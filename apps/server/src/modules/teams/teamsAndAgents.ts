import type { AgentRole, Capacity, Team, TeamHours } from '@warmline/shared';
import { type AgentActor, afterCommit, type Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../core/errors.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { type AgentRecord, agents } from './agentsRepository.ts';
import { presentAgent } from './presentAgent.ts';
import { type TeamRecord, teams } from './teamsRepository.ts';

function requireAdmin(actor: AgentActor, what: string) {
  if (actor.role !== 'admin') throw new Forbidden(`Only admins can ${what}.`);
}

export function presentTeam(t: TeamRecord): Team {
  return {
    id: t.id,
    name: t.name,
    targetSeconds: t.targetSeconds,
    channelTargets: t.channelTargets as Team['channelTargets'],
    offerChoicesAfterSeconds: t.offerChoicesAfterSeconds,
    continuityGraceSeconds: t.continuityGraceSeconds,
    memberIds: t.memberIds,
    restricted: t.restricted,
    hours: t.hours,
  };
}

export async function listTeams(services: Services, actor: AgentActor): Promise<Team[]> {
  return (await teams.list(services.db, actor.workspaceId)).map(presentTeam);
}

export async function createTeam(
  services: Services,
  actor: AgentActor,
  input: {
    name: string;
    targetSeconds?: number | undefined;
    channelTargets?: Partial<Record<string, number>> | undefined;
    offerChoicesAfterSeconds?: number | undefined;
    continuityGraceSeconds?: number | undefined;
    restricted?: boolean | undefined;
    hours?: TeamHours | null | undefined;
  },
): Promise<Team> {
  requireAdmin(actor, 'create teams');
  if (await teams.byName(services.db, actor.workspaceId, input.name))
    throw new Conflict(`A team called "${input.name}" already exists.`);
  const { hours, ...rest } = input;
  const created = await teams.create(services.db, actor.workspaceId, rest);
  if (hours) await teams.update(services.db, actor.workspaceId, created.id, { hours });
  const team = hours ? (await teams.byId(services.db, actor.workspaceId, created.id))! : created;
  if (team.restricted) await afterCommit(services, [{ type: 'teams.changed', workspaceId: actor.workspaceId }]);
  return presentTeam(team);
}

export async function updateTeam(
  services: Services,
  actor: AgentActor,
  teamId: string,
  patch: {
    name?: string | undefined;
    targetSeconds?: number | undefined;
    channelTargets?: Partial<Record<string, number>> | undefined;
    offerChoicesAfterSeconds?: number | undefined;
    continuityGraceSeconds?: number | undefined;
    restricted?: boolean | undefined;
    hours?: TeamHours | null | undefined;
  },
): Promise<Team> {
  requireAdmin(actor, 'change teams');
  const team = await teams.byId(services.db, actor.workspaceId, teamId);
  if (!team) throw new NotFound('Team');
  if (
    patch.name &&
    patch.name.toLowerCase() !== team.name.toLowerCase() &&
    (await teams.byName(services.db, actor.workspaceId, patch.name))
  ) {
    throw new Conflict(`A team called "${patch.name}" already exists.`);
  }
  await teams.update(services.db, actor.workspaceId, teamId, patch);
  if (patch.restricted !== undefined) await afterCommit(services, [{ type: 'teams.changed', workspaceId: actor.workspaceId }]);
  return presentTeam((await teams.byId(services.db, actor.workspaceId, teamId))!);
}

export async function setTeamMembers(services: Services, actor: AgentActor, teamId: string, agentIds: string[]): Promise<Team> {
  requireAdmin(actor, 'change teams');
  const events: WarmlineEvent[] = [];
  const team = await services.db.transaction(async (tx) => {
    const before = await teams.byId(tx, actor.workspaceId, teamId);
    if (!before) throw new NotFound('Team');
    for (const id of agentIds) if (!(await agents.byId(tx, actor.workspaceId, id))) throw new NotFound('Agent');
    await teams.setMembers(tx, actor.workspaceId, teamId, agentIds);
    for (const id of agentIds) events.push({ type: 'agent.available', workspaceId: actor.workspaceId, agentId: id });
    // Who joined or left: what their open sockets may show changes with the team.
    const moved = new Set([...before.memberIds, ...agentIds]);
    for (const id of before.memberIds) if (agentIds.includes(id)) moved.delete(id);
    for (const id of moved) events.push({ type: 'agent.access_changed', workspaceId: actor.workspaceId, agentId: id });
    return (await teams.byId(tx, actor.workspaceId, teamId))!;
  });
  events.push(
    { type: 'queue.changed', workspaceId: actor.workspaceId },
    { type: 'teams.changed', workspaceId: actor.workspaceId },
  );
  await afterCommit(services, events);
  return presentTeam(team);
}

/** An admin sets how a colleague is routed: role, capacity per channel, skills and languages. */
export async function updateAgentRouting(
  services: Services,
  actor: AgentActor,
  agentId: string,
  patch: {
    role?: AgentRole | undefined;
    capacity?: Capacity | undefined;
    skills?: string[] | undefined;
    languages?: string[] | undefined;
  },
) {
  requireAdmin(actor, 'change how colleagues are routed');
  if (patch.role && agentId === actor.agentId && patch.role !== 'admin') {
    throw new Invalid('You cannot take away your own admin role; ask another admin.');
  }
  const events: WarmlineEvent[] = [];
  const agent = await services.db.transaction(async (tx) => {
    const before = await agents.byId(tx, actor.workspaceId, agentId);
    if (!before) throw new NotFound('Agent');
    if (before.role === 'admin' && patch.role && patch.role !== 'admin')
      keepAnAdmin(actor, before, await agents.lockAdmins(tx, actor.workspaceId), 'demote');
    await agents.updateRouting(tx, actor.workspaceId, agentId, patch);
    // More capacity or new skills may mean room for someone waiting.
    events.push({ type: 'agent.available', workspaceId: actor.workspaceId, agentId: agentId });
    // A new role changes what their open sockets may receive.
    if (patch.role) events.push({ type: 'agent.access_changed', workspaceId: actor.workspaceId, agentId });
    return (await agents.byId(tx, actor.workspaceId, agentId))!;
  });
  events.push({ type: 'queue.changed', workspaceId: actor.workspaceId });
  await afterCommit(services, events);
  // Read after the listeners: room the change made is already filled from the queue.
  return presentAgent((await agents.byId(services.db, actor.workspaceId, agent.id))!);
}

/**
 * The teams' side of removing someone who left (their conversations go back to the queue in the same
 * transaction, conversations/agentRemoval.ts): only an admin may, never themselves nor the last admin. The person
 * is marked removed and offline, leaves every team, and every session of theirs ends; returns who left.
 */
export async function retireAgent(
  tx: Sql,
  actor: AgentActor,
  agentId: string,
  now: Date,
  events: WarmlineEvent[],
): Promise<AgentRecord> {
  requireAdmin(actor, 'remove people');
  if (agentId === actor.agentId) throw new Invalid('You cannot remove yourself; ask another admin.');
  // The admins first, then the person: every removal and demotion takes its locks in the same order.
  const admins = await agents.lockAdmins(tx, actor.workspaceId);
  const person = await agents.lockAndGet(tx, actor.workspaceId, agentId);
  if (!person) throw new NotFound('Agent');
  keepAnAdmin(actor, person, admins, 'remove');
  await agents.remove(tx, actor.workspaceId, agentId, now);
  const { workspaceId } = actor;
  events.push(
    // Every node closes the sockets of the sessions that just ended.
    { type: 'agent.access_changed', workspaceId, agentId },
    { type: 'presence.changed', workspaceId, agentId, presence: 'offline' },
    { type: 'teams.changed', workspaceId },
    { type: 'queue.changed', workspaceId },
  );
  return person;
}

/**
 * Taking admin away from `person` (removing or demoting them) must leave the workspace an admin, and the actor
 * must still be one. `admins` is read under their row locks, so two admins removing each other at once leave one.
 */
function keepAnAdmin(actor: AgentActor, person: AgentRecord, admins: string[], verb: 'remove' | 'demote') {
  if (person.role === 'admin' && admins.every((id) => id === person.id)) {
    throw new Invalid(`${person.displayName} is the last admin; make someone else an admin before you ${verb} them.`);
  }
  if (!admins.includes(actor.agentId)) throw new Forbidden(`Only admins can ${verb} people.`);
}
