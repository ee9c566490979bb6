import type { Alert, Conversation, Entry, Presence } from '@warmline/shared';

/** Everything the bus carries. Published only after the change has committed. */
export type WarmlineEvent =
  | { type: 'entry.appended'; workspaceId: string; customerId: string; entry: Entry }
  | { type: 'conversation.changed'; workspaceId: string; customerId: string; conversation: Conversation }
  | {
      type: 'typing';
      workspaceId: string;
      conversationId: string;
      customerId: string;
      typing: boolean;
      by: { kind: 'customer' | 'agent'; id: string | null; name: string | null };
    }
  | { type: 'read'; workspaceId: string; conversationId: string; customerId: string; seq: number; by: 'customer' | 'agent' }
  | { type: 'presence.changed'; workspaceId: string; agentId: string; presence: Presence }
  | { type: 'queue.changed'; workspaceId: string }
  /** A team's restriction or members changed: every node re-reads who may see its conversations. */
  | { type: 'teams.changed'; workspaceId: string }
  /** An alert raised, or taken (`acknowledgedAt` set): for supervisors and admins, and `agentId` (a follow-up's owner). */
  | { type: 'alert.raised'; workspaceId: string; alert: Alert; agentId: string | null };

export interface Bus {
  publish(event: WarmlineEvent): Promise<void>;
  /** Returns an unsubscribe function. */
  subscribe(listener: (event: WarmlineEvent) => void): () => void;
  /**
   * Called when events may have been missed (fan-out was cut off and is back): whoever relies on the bus to
   * stay current catches up from the database. Returns an unsubscribe function.
   */
  onGap(listener: () => void): () => void;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
