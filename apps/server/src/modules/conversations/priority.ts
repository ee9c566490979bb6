/** What a conversation's place in the queue depends on. */
export interface PrioritySignals {
  basePriority: number;
  upset: boolean;
  serviceFailure: boolean;
  escalated: boolean;
}

/** How much each signal raises a conversation above its base priority. */
export const PRIORITY_WEIGHTS = {
  upset: 20,
  serviceFailure: 30,
  // Highest: an escalated conversation has already broken the time-to-human promise.
  escalated: 40,
} as const;

/** Effective priority: base, raised for upset customers (+20), service failures (+30), escalation (+40). */
export function effectivePriority(c: PrioritySignals): number {
  return (
    c.basePriority +
    (c.upset ? PRIORITY_WEIGHTS.upset : 0) +
    (c.serviceFailure ? PRIORITY_WEIGHTS.serviceFailure : 0) +
    (c.escalated ? PRIORITY_WEIGHTS.escalated : 0)
  );
}
