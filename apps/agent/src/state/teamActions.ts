import type { Agent, AgentRole, Presence, Team } from '@warmline/shared';
import { agentsApi, type TeamInput, teamsApi, type UpdateAgentInput } from '../api/endpoints.ts';
import { getState, setState } from './store.ts';

export async function loadAgents(): Promise<void> {
  const { agents } = await agentsApi.list();
  setState({ agents });
}

/** Keeps the team list and the signed-in agent in step with one changed agent. */
export function applyAgent(agent: Agent): void {
  setState((s) => ({
    agents: s.agents.some((a) => a.id === agent.id) ? s.agents.map((a) => (a.id === agent.id ? agent : a)) : [...s.agents, agent],
    session: s.session && s.session.agent.id === agent.id ? { ...s.session, agent } : s.session,
  }));
}

export function applyPresence(agentId: string, presence: Presence): void {
  const s = getState();
  const agent = s.agents.find((a) => a.id === agentId) ?? (s.session?.agent.id === agentId ? s.session.agent : null);
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

export async function updateMe(input: { displayName?: string; avatarUrl?: string | null }): Promise<void> {
  const { agent } = await agentsApi.updateMe(input);
  applyAgent(agent);
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

export async function loadTeams(): Promise<void> {
  const { teams } = await teamsApi.list();
  setState({ teams });
}

/** Keeps the teams list, and every agent's teamIds (mine included), in step with one changed team. */
export function applyTeam(team: Team): void {
  setState((s) => {
    const withTeam = (a: Agent): Agent => {
      const member = team.memberIds.includes(a.id);
      const has = a.teamIds.includes(team.id);
      if (member === has) return a;
      return { ...a, teamIds: member ? [...a.teamIds, team.id] : a.teamIds.filter((t) => t !== team.id) };
    };
    const teams = s.teams.some((t) => t.id === team.id) ? s.teams.map((t) => (t.id === team.id ? team : t)) : [...s.teams, team];
    const meBefore = s.session?.agent;
    const meAfter = meBefore ? withTeam(meBefore) : meBefore;
    return {
      teams,
      agents: s.agents.map(withTeam),
      session: s.session && meAfter && meAfter !== meBefore ? { ...s.session, agent: meAfter } : s.session,
    };
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
