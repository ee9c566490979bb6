import type { Agent, AgentRole, Presence } from '@warmline/shared';
import { agentsApi } from '../api/endpoints.ts';
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
