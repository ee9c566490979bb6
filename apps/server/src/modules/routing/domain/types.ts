/** A channel a customer can reach a person on; capacity is counted per channel. */
export type RoutingChannel = 'chat' | 'email' | 'phone' | 'sms' | 'in_person' | 'api';

/** A conversation waiting for a person, as routing sees it. */
export interface QueuedConversation {
  id: string;
  channel: RoutingChannel;
  /** null = any team. */
  teamId: string | null;
  /** Set by people or rules, default 0; higher = sooner. */
  basePriority: number;
  /** Mood signal; emotion detection fills it later, so it is an explicit input. */
  upset: boolean;
  /** A flagged service failure. */
  serviceFailure: boolean;
  /** Waited past its time-to-human target. */
  escalated: boolean;
  /** e.g. 'en', 'sw'; null = any. */
  language: string | null;
  /** Required skills, e.g. ['billing']. */
  skills: string[];
  /** Place in line; a callback keeps the original place. */
  waitingSince: Date;
  /** Continuity: the person this customer should get back, until graceUntil. */
  preferred: { agentId: string; reason: 'last_agent' | 'account_owner'; graceUntil: Date } | null;
}

/** An agent as routing sees them: who they are, what they can take and how full they are. */
export interface AgentSlot {
  id: string;
  presence: 'available' | 'busy' | 'away' | 'offline';
  teamIds: string[];
  skills: string[];
  languages: string[];
  /** A missing channel is 0: cannot take it. */
  capacity: Partial<Record<RoutingChannel, number>>;
  /** Open conversations per channel now. */
  open: Partial<Record<RoutingChannel, number>>;
  lastAssignedAt: Date | null;
}
