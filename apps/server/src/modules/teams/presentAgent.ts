import type { Agent, PublicAgent } from '@warmline/shared';
import { iso } from '../../core/db/rows.ts';
import type { AgentRecord } from './agentsRepository.ts';

export function presentAgent(a: AgentRecord): Agent {
  return {
    id: a.id,
    displayName: a.displayName,
    avatarUrl: a.avatarUrl,
    email: a.email,
    role: a.role,
    presence: a.presence,
    openConversations: a.openConversations,
    capacity: a.capacity,
    skills: a.skills,
    languages: a.languages,
    teamIds: a.teamIds,
    createdAt: iso(a.createdAt),
    missedContactEmails: a.missedContactEmails,
  };
}

/** The face a customer sees: a name and a photo. */
export function presentPublicAgent(a: Pick<AgentRecord, 'id' | 'displayName' | 'avatarUrl'>): PublicAgent {
  return { id: a.id, displayName: a.displayName, avatarUrl: a.avatarUrl };
}
