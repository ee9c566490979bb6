/** A message the agent wrote that the server has not acknowledged yet. */
export interface PendingMessage {
  clientId: string;
  conversationId: string;
  body: string;
  note: boolean;
  status: 'sending' | 'failed';
  error: string | null;
  createdAt: string;
}

/** Drops an acknowledged (or discarded) message from the outbox. */
export function settle(outbox: readonly PendingMessage[], clientId: string): readonly PendingMessage[] {
  return outbox.some((m) => m.clientId === clientId) ? outbox.filter((m) => m.clientId !== clientId) : outbox;
}

/** Marks a message the server refused: it is shown as failed, never resent on its own. */
export function markFailed(outbox: readonly PendingMessage[], clientId: string, error: string): readonly PendingMessage[] {
  return outbox.map((m) => (m.clientId === clientId ? { ...m, status: 'failed' as const, error } : m));
}

/** Puts a failed message back in line, with the same clientId so it can never be stored twice. */
export function retry(outbox: readonly PendingMessage[], clientId: string): readonly PendingMessage[] {
  return outbox.map((m) => (m.clientId === clientId ? { ...m, status: 'sending' as const, error: null } : m));
}

/** Messages to send again after a reconnect, oldest first. */
export function awaitingAck(outbox: readonly PendingMessage[]): PendingMessage[] {
  return outbox.filter((m) => m.status === 'sending');
}
