import { useQuery } from '@tanstack/react-query';
import type { Agent, AgentRole, Presence, Team, UpdateMeBody } from '@warmline/shared/types';
import { agentsApi, type TeamInput, teamsApi, type UpdateAgentInput } from '../api/endpoints.ts';
import { queryClient, queryKeys } from '../api/queryClient.ts';
import { getState, setState } from './store.ts';

const NONE: readonly never[] = [];
const readAgents = () => agentsApi.list().then(({ agents }) => agents);
const readTeams = () => teamsApi.list().then(({ teams }) => teams);

/** The workspace's people, kept live by presence frames; read once and on request (the team page). */
export function useAgents(): readonly Agent[] {
  return useQuery({ queryKey: queryKeys.agents, queryFn: readAgents, staleTime: Number.POSITIVE_INFINITY }).data ?? NONE;
}

/** The workspace's teams, kept in step with every change made here. */
export function useTeams(): readonly Team[] {
  return useQuery({ queryKey: queryKeys.teams, queryFn: readTeams, staleTime: Number.POSITIVE_INFINITY }).data ?? NONE;
}

/** Reads the people afresh (a colleague may have joined). */
export async function loadAgents(): Promise<void> {
  await queryClient.fetchQuery({ queryKey: queryKeys.agents, queryFn: readAgents, staleTime: 0 });
}

export async function loadTeams(): Promise<void> {
  await queryClient.fetchQuery({ queryKey: queryKeys.teams, queryFn: readTeams, staleTime: 0 });
}

function upsert<T extends { id: string }>(list: readonly T[] | undefined, item: T): readonly T[] | undefined {
  if (!list) return list;
  return list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
}

/** Keeps the team list and the signed-in agent in step with one changed agent. */
export function applyAgent(agent: Agent): void {
  queryClient.setQueryData<readonly Agent[]>(queryKeys.agents, (agents) => upsert(agents, agent));
  setState((s) => ({ session: s.session && s.session.agent.id === agent.id ? { ...s.session, agent } : s.session }));
}

export function applyPresence(agentId: string, presence: Presence): void {
  const s = getState();
  const agents = queryClient.getQueryData<readonly Agent[]>(queryKeys.agents) ?? NONE;
  const agent = agents.find((a) => a.id === agentId) ?? (s.session?.agent.id === agentId ? s.session.agent : null);
  if (agent) applyAgent({ ...agent, presence });
}

export async function setPresence(presence: Presence): Promise<void> {
  setState({ autoAway: null });
  const me = getState().session?.agent;
  if (me) applyAgent({ ...me, presence });
  try {
    const { agent } = await agentsApi.setPresence(presence);
    applyAgent(agent);
  } catch (error) {
    if (me) applyAgent(me);
    throw error;
  }
}

export async function updateMe(input: UpdateMeBody): Promise<void> {
  const { agent } = await agentsApi.updateMe(input);
  applyAgent(agent);
}

/** Stores a photo from this device as my avatar; returns the address Warmline now serves it at. */
export async function uploadAvatar(photo: File): Promise<string | null> {
  const { agent } = await agentsApi.uploadAvatar(photo);
  applyAgent(agent);
  return agent.avatarUrl;
}

export async function inviteAgent(email: string, role: AgentRole) {
  const { invitation } = await agentsApi.invite(email, role);
  return invitation;
}

// ── routing (admins) ──────────────────────────────────────────────────

export async function updateAgent(id: string, input: UpdateAgentInput): Promise<void> {
  const { agent } = await agentsApi.update(id, input);
  applyAgent(agent);
}

/** An admin removes someone who left: they drop out of the people list and of every team. */
export async function removeAgent(id: string): Promise<void> {
  await agentsApi.remove(id);
  queryClient.setQueryData<readonly Agent[]>(queryKeys.agents, (agents) => agents?.filter((a) => a.id !== id));
  queryClient.setQueryData<readonly Team[]>(queryKeys.teams, (teams) =>
    teams?.map((t) => (t.memberIds.includes(id) ? { ...t, memberIds: t.memberIds.filter((m) => m !== id) } : t)),
  );
}

/** Keeps the teams list, and every agent's teamIds (mine included), in step with one changed team. */
export function applyTeam(team: Team): void {
  const withTeam = (a: Agent): Agent => {
    const member = team.memberIds.includes(a.id);
    const has = a.teamIds.includes(team.id);
    if (member === has) return a;
    return { ...a, teamIds: member ? [...a.teamIds, team.id] : a.teamIds.filter((t) => t !== team.id) };
  };
  queryClient.setQueryData<readonly Team[]>(queryKeys.teams, (teams) => upsert(teams, team));
  queryClient.setQueryData<readonly Agent[]>(queryKeys.agents, (agents) => agents?.map(withTeam));
  setState((s) => {
    const meBefore = s.session?.agent;
    const meAfter = meBefore ? withTeam(meBefore) : meBefore;
    return { session: s.session && meAfter && meAfter !== meBefore ? { ...s.session, agent: meAfter } : s.session };
  });
}

export async function createTeam(input: TeamInput): Promise<void> {
  const { team } = await teamsApi.create(input);
  applyTeam(team);
}

export async function updateTeam(id: string, input: Partial<TeamInput>): Promise<void> {
  const { team } = await teamsApi.update(id, input);
  applyTeam(team);
}

export async function setTeamMembers(id: string, agentIds: string[]): Promise<void> {
  const { team } = await teamsApi.setMembers(id, agentIds);
  applyTeam(team);
}
