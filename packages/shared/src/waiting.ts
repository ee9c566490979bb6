import type { ConversationStatus } from './domain.ts';

/**
 * What "waiting" means, everywhere: a customer waits for a person from their first message (a reopen, or a
 * callback falling due) until a person answers them — whether the conversation is already routed to someone,
 * and whether it has a team or not. The inbox's Waiting view and count, the supervisor's live queue, the
 * waited-too-long alerts and time to human all follow this rule (the server's SQL form is
 * `modules/conversations/repository/waiting.ts`).
 *
 * @example isWaitingForPerson({ status: 'waiting' }) // true, even when someone has it and has not answered yet
 */
export function isWaitingForPerson(c: { status: ConversationStatus }): boolean {
  return c.status === 'waiting';
}

/** In line: waiting, and nobody has it yet — what routing picks from, and what a place in line counts. */
export function isInLine(c: { status: ConversationStatus; assigneeId: string | null }): boolean {
  return isWaitingForPerson(c) && c.assigneeId === null;
}
