import type { WaitEstimate } from '@warmline/shared';

export interface WaitInputs {
  agentsAvailable: number;
  /** Conversations waiting for a person ahead of this one. */
  queueAhead: number;
  /** Recent average time for an agent to pick up a conversation, in seconds. */
  averagePickupSeconds: number;
  /** The named person already assigned, when there is one. */
  assigneeName: string | null;
}

/**
 * An honest estimate of when a person will be with the customer. When nobody is available there is no
 * honest number, so `seconds` is null and the text says so.
 */
export function estimateWait(inputs: WaitInputs): WaitEstimate {
  const { agentsAvailable, queueAhead, averagePickupSeconds, assigneeName } = inputs;
  if (assigneeName) {
    return { agentsAvailable, seconds: 60, text: `${assigneeName} will be with you in about a minute.` };
  }
  if (agentsAvailable === 0) {
    return {
      agentsAvailable,
      seconds: null,
      text: 'Everyone is helping other customers right now. Leave us a message and a named person will reply.',
    };
  }
  const rounds = Math.ceil((queueAhead + 1) / agentsAvailable);
  const seconds = Math.max(60, rounds * averagePickupSeconds);
  const minutes = Math.round(seconds / 60);
  return {
    agentsAvailable,
    seconds,
    text: `A person will be with you in about ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  };
}
