import { Outbox, type OutboxMessage } from '@warmline/realtime-client';
import { getState, setState } from './store.ts';

/** A message the agent wrote that the server has not acknowledged yet. */
export interface PendingMessage extends OutboxMessage {
  conversationId: string;
  note: boolean;
  createdAt: string;
}

/** The agent's outbox, held in the app state so the timeline shows each message as pending or failed. */
export function createOutbox(transmit: (message: PendingMessage) => void): Outbox<PendingMessage> {
  return new Outbox<PendingMessage>({
    store: { read: () => getState().outbox, write: (outbox) => setState({ outbox }) },
    transmit,
  });
}
